package dev.emporium.deploy;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Every setting the server reads, derived from the sources, by the name of the environment variable that sets it:
 * the ${...} variables of server.xml (with their {@code <variable>} defaults) and the {@code @ConfigProperty} names
 * of the application (with their defaultValue, or the value in META-INF/microprofile-config.properties).
 * MicroProfile Config finds "a.b-c" in the environment as A_B_C.
 */
final class ServerSettings {

    /** A setting and its default, if the sources give one. */
    record Setting(String envName, String readAs, Optional<String> defaultValue, String source) {
    }

    private static final Pattern SERVER_VARIABLE_USE = Pattern.compile("\\$\\{([^}]+)}");
    private static final Pattern SERVER_VARIABLE_DEFAULT =
            Pattern.compile("<variable\\s+name=\"([^\"]+)\"\\s+defaultValue=\"([^\"]*)\"");
    private static final Pattern CONFIG_PROPERTY = Pattern.compile(
            "@ConfigProperty\\(\\s*name\\s*=\\s*\"([^\"]+)\"(?:\\s*,\\s*defaultValue\\s*=\\s*\"([^\"]*)\")?\\s*\\)");
    /** Liberty's own location variables, not settings. */
    private static final Pattern LIBERTY_LOCATION = Pattern.compile("(server|wlp|shared|usr)\\..*");

    private ServerSettings() {
    }

    static String envName(String configName) {
        return configName.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    /** By environment variable name. */
    static Map<String, Setting> read(Path projectDir) {
        Map<String, Setting> settings = new TreeMap<>();
        // server.xml and the messaging.xml it includes.
        String server = text(projectDir.resolve("src/main/liberty/config/server.xml"))
                + text(projectDir.resolve("src/main/liberty/config/messaging.xml"));
        Map<String, String> serverDefaults = new TreeMap<>();
        Matcher defaults = SERVER_VARIABLE_DEFAULT.matcher(server);
        while (defaults.find()) {
            serverDefaults.put(defaults.group(1), defaults.group(2).replace("&lt;", "<").replace("&gt;", ">"));
        }
        Matcher uses = SERVER_VARIABLE_USE.matcher(server);
        while (uses.find()) {
            String name = uses.group(1);
            if (!LIBERTY_LOCATION.matcher(name).matches()) {
                settings.put(name, new Setting(name, name, Optional.ofNullable(serverDefaults.get(name)), "server.xml"));
            }
        }

        Properties mpConfig = new Properties();
        try (Reader reader = Files.newBufferedReader(
                projectDir.resolve("src/main/resources/META-INF/microprofile-config.properties"))) {
            mpConfig.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (Stream<Path> sources = Files.walk(projectDir.resolve("src/main/java"))) {
            sources.filter(p -> p.toString().endsWith(".java")).forEach(source -> {
                Matcher property = CONFIG_PROPERTY.matcher(text(source));
                while (property.find()) {
                    String name = property.group(1);
                    Optional<String> fallback = Optional.ofNullable(property.group(2))
                            .or(() -> Optional.ofNullable(mpConfig.getProperty(name)));
                    settings.merge(envName(name), new Setting(envName(name), name, fallback,
                                    projectDir.relativize(source).toString()),
                            (a, b) -> a.defaultValue().isPresent() ? a : b);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return settings;
    }

    private static String text(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
