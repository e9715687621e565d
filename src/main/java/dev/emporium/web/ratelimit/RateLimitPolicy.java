package dev.emporium.web.ratelimit;

import dev.emporium.web.ratelimit.RateLimitGroup.CountedPer;
import dev.emporium.web.ratelimit.RateLimitGroup.Route;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.eclipse.microprofile.config.Config;

/**
 * The route groups, read from configuration: emporium.rate-limit.groups names them in the order they are tried
 * (the first group with a matching route takes the request), and for each group G
 * emporium.rate-limit.G.routes (comma-separated "METHOD /path" rules), .per-minute and .counted-per
 * (address or client). Defaults: META-INF/microprofile-config.properties; each setting can be replaced from the
 * environment (EMPORIUM_RATE_LIMIT_GROUPS, EMPORIUM_RATE_LIMIT_&lt;G&gt;_ROUTES, ...).
 */
@ApplicationScoped
public class RateLimitPolicy {

    static final String PREFIX = "emporium.rate-limit.";

    @Inject
    Config config;

    private List<RateLimitGroup> groups;

    @PostConstruct
    void load() {
        groups = read(name -> config.getOptionalValue(name, String.class));
    }

    /**
     * Observing Startup makes CDI create this bean (and so run load()) while the application starts: a mistake in
     * the groups stops the deployment with a message, rather than surfacing on a customer's request.
     */
    void loadAtStartup(@Observes Startup startup) {
        // nothing more to do: load() has run
    }

    /** The group that takes the request, if any covers it. */
    public Optional<RateLimitGroup> groupFor(String method, String path) {
        String[] segments = Route.segments(path);
        return groups.stream().filter(group -> group.covers(method, segments)).findFirst();
    }

    static List<RateLimitGroup> read(Function<String, Optional<String>> setting) {
        List<RateLimitGroup> groups = new ArrayList<>();
        for (String name : list(setting, PREFIX + "groups")) {
            if (!name.matches("[a-z][a-z0-9]*")) {
                throw invalid(PREFIX + "groups", "group names are lower-case letters and digits: \"" + name + "\"");
            }
            String key = PREFIX + name + ".";
            List<Route> routes = new ArrayList<>();
            for (String rule : list(setting, key + "routes")) {
                try {
                    routes.add(Route.parse(rule));
                } catch (IllegalArgumentException e) {
                    throw invalid(key + "routes", e.getMessage());
                }
            }
            if (routes.isEmpty()) {
                throw invalid(key + "routes", "group " + name + " names no route");
            }
            groups.add(new RateLimitGroup(name, List.copyOf(routes), perMinute(setting, key + "per-minute"),
                    countedPer(setting, key + "counted-per")));
        }
        return List.copyOf(groups);
    }

    private static List<String> list(Function<String, Optional<String>> setting, String name) {
        return setting.apply(name).stream()
                .flatMap(value -> Arrays.stream(value.split(",")))
                .map(String::strip).filter(item -> !item.isEmpty()).toList();
    }

    private static int perMinute(Function<String, Optional<String>> setting, String name) {
        String value = setting.apply(name).orElseThrow(() -> invalid(name, "missing"));
        try {
            int perMinute = Integer.parseInt(value.strip());
            if (perMinute > 0) {
                return perMinute;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw invalid(name, "a whole number of requests above 0, not \"" + value + "\"");
    }

    private static CountedPer countedPer(Function<String, Optional<String>> setting, String name) {
        String value = setting.apply(name).orElse("client").strip();
        try {
            return CountedPer.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw invalid(name, "address or client, not \"" + value + "\"");
        }
    }

    private static IllegalStateException invalid(String name, String problem) {
        return new IllegalStateException("Rate-limit setting " + name + ": " + problem);
    }
}
