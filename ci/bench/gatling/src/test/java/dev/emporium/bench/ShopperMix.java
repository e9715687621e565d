package dev.emporium.bench;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.listFeeder;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.percent;
import static io.gatling.javaapi.core.CoreDsl.randomSwitch;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.CoreDsl;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.Http;
import io.gatling.javaapi.http.HttpDsl;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

/**
 * A realistic mix of what the API is asked, with the server's own ceiling measured in the same run. Four phases, one
 * after the other, each a fixed number of users looping for a fixed time:
 * <ol>
 *   <li>warm-up: the mix and the static file, left out of the report;</li>
 *   <li>ceiling: a small static file of the same server, the most this server answers;</li>
 *   <li>mix: visitors (nine journeys in ten: categories, a listing, a product page, a category, a search and what it
 *       found) and buyers (one in ten: log in, search, product page, place an order, follow it until it leaves
 *       {@code pending}, list their orders);</li>
 *   <li>placement: 16 clients placing orders, each on a product of its own, as ci/bench-orders.sh does, for the
 *       ratio to pgbench running the same SQL (ci/bench/place-order.sql), whose rate ci/bench-mix.sh measures first
 *       and passes in.</li>
 * </ol>
 * Users loop without think time: the mix measures how much of the server's capacity a realistic blend of requests
 * gets, not how many people it serves. Every request must succeed, or the run fails. At the end the summary prints
 * each phase's rate beside its ceiling, as a ratio, and the mix's p50 and p95 per request.
 */
public class ShopperMix extends Simulation {

    private static final String BASE_URL = System.getProperty("emporium.base-url", "http://localhost:9080");
    private static final int USERS = Integer.getInteger("emporium.users", 64);
    private static final int PLACING_CLIENTS = 16;
    private static final Duration PHASE = Duration.ofSeconds(Integer.getInteger("emporium.seconds", 30));
    private static final Duration WARM_UP = Duration.ofSeconds(Integer.getInteger("emporium.warm-up-seconds", 30));
    private static final String STATIC_FILE = "/js/storefront/not-found-view.js";
    private static final List<String> SEARCHES = List.of(
            "desk", "walnut", "oak desk", "headphones", "wireless", "camping", "kitchen", "chair", "garden", "cast iron");
    private static final int POLLS = 40;

    /**
     * Customers of ci/bench-mix.sh's, all with one password: each login takes the next. One account logged in by many
     * users at once would be locked, as it should be (LoginThrottle counts an attempt before its password is checked).
     */
    private final List<Map<String, Object>> customers = List.of(required("emporium.customers").split(",")).stream()
            .map(email -> Map.<String, Object>of("email", email)).toList();
    private final String password = required("emporium.customer.password");
    /** Products with stock enough for any run, made by ci/bench-mix.sh: buyers order one of them at random. */
    private final List<Map<String, Object>> orderable = List.of(required("emporium.products").split(",")).stream()
            .map(id -> Map.<String, Object>of("orderable", id)).toList();
    private final double pgbenchPlacements = Double.parseDouble(required("emporium.ceiling.pgbench-tps"));

    private final Timings timings = new Timings();
    private final Phase ceilingPhase = new Phase("ceiling", true);
    private final Phase mixPhase = new Phase("mix", true);
    private final Phase placementPhase = new Phase("placement", true);

    {
        Phase warmUpPhase = new Phase("warm-up", false);
        ScenarioBuilder warmUp = scenario("warm-up").exec(during(WARM_UP, shopper(warmUpPhase)
                .repeat(5).on(warmUpPhase.call("static file", http -> http.get(STATIC_FILE)))));
        ScenarioBuilder ceiling = scenario("ceiling")
                .exec(during(PHASE, ceilingPhase.call("static file", http -> http.get(STATIC_FILE))));
        ScenarioBuilder mix = scenario("mix").exec(during(PHASE, shopper(mixPhase)));
        ScenarioBuilder placement = scenario("placement")
                .feed(listFeeder(orderable).circular())
                .exec(logIn(new Phase("placement login", true)))
                .exitHereIfFailed()
                .exec(during(PHASE, placeOrder(placementPhase)));

        PopulationBuilder phases = warmUp.injectOpen(atOnceUsers(USERS)).andThen(
                ceiling.injectOpen(atOnceUsers(USERS)).andThen(
                        mix.injectOpen(atOnceUsers(USERS)).andThen(
                                placement.injectOpen(atOnceUsers(PLACING_CLIENTS)))));
        setUp(phases)
                .protocols(HttpDsl.http.baseUrl(BASE_URL)
                        .acceptHeader("application/json")
                        .acceptEncodingHeader("gzip")
                        .userAgentHeader("emporium-bench")
                        // Every request reaches the server: Gatling would otherwise answer repeats from its own cache.
                        .disableCaching()
                        // The default warm-up request goes to gatling.io.
                        .disableWarmUp())
                .assertions(global().failedRequests().count().is(0L));
    }

    /** Nine journeys in ten browse, one buys. */
    private ChainBuilder shopper(Phase phase) {
        return randomSwitch().on(percent(90.0).then(visitor(phase)), percent(10.0).then(buyer(phase)));
    }

    private ChainBuilder visitor(Phase phase) {
        return phase.call("categories", http -> http.get("/api/v1/categories")
                        .check(jsonPath("$[*].slug").findRandom().saveAs("category")))
                .exec(session -> session.set("page", ThreadLocalRandom.current().nextInt(1, 4)))
                .exec(phase.call("listing", http -> http.get("/api/v1/products")
                        .queryParam("limit", "20").queryParam("page", "#{page}")
                        .check(jsonPath("$.data[*].id").findRandom().saveAs("product"))))
                .exec(phase.call("product page", http -> http.get("/api/v1/products/#{product}")))
                .exec(phase.call("category listing", http -> http.get("/api/v1/products")
                        .queryParam("category", "#{category}").queryParam("limit", "20")))
                .exec(search(phase));
    }

    private ChainBuilder buyer(Phase phase) {
        return exec(logIn(phase))
                .exitHereIfFailed()
                .exec(search(phase))
                .feed(listFeeder(orderable).random())
                .exec(placeOrder(phase))
                .exitHereIfFailed()
                .exec(session -> session.set("status", "pending"))
                .asLongAs(session -> "pending".equals(session.getString("status")) && session.getInt("poll") < POLLS, "poll")
                .on(pause(Duration.ofMillis(250))
                        .exec(phase.call("follow order", http -> http.get("/api/v1/orders/#{order}")
                                .header("Authorization", "Bearer #{token}")
                                .check(jsonPath("$.status").saveAs("status")))))
                .exec(phase.call("my orders", http -> http.get("/api/v1/orders")
                        .header("Authorization", "Bearer #{token}")
                        .check(jsonPath("$.data[*].id").exists())));
    }

    /** A search, then the product page of one of its hits when it found any. */
    private ChainBuilder search(Phase phase) {
        return exec(session -> session.remove("found")
                        .set("term", SEARCHES.get(ThreadLocalRandom.current().nextInt(SEARCHES.size()))))
                .exec(phase.call("search", http -> http.get("/api/v1/products")
                        .queryParam("search", "#{term}").queryParam("limit", "20")
                        .check(jsonPath("$.data[*].id").findRandom().optional().saveAs("found"))))
                .doIf(session -> session.contains("found"))
                .then(phase.call("product page", http -> http.get("/api/v1/products/#{found}")));
    }

    private ChainBuilder logIn(Phase phase) {
        return feed(listFeeder(customers).circular())
                .exec(phase.call("login", http -> http.post("/api/v1/auth/login")
                .body(StringBody("{\"email\": \"#{email}\", \"password\": \"" + password + "\"}")).asJson()
                .check(jsonPath("$.access_token").saveAs("token"))));
    }

    private ChainBuilder placeOrder(Phase phase) {
        return phase.call("place order", http -> http.post("/api/v1/orders")
                .header("Authorization", "Bearer #{token}")
                .header("Idempotency-Key", "#{randomUuid()}")
                .body(StringBody("{\"items\": [{\"product_id\": \"#{orderable}\", \"quantity\": 1}],"
                        + " \"shipping_address\": \"1 Bench Street\", \"payment_token\": \"tok_visa\"}")).asJson()
                .check(status().is(201), jsonPath("$.order_id").saveAs("order")));
    }

    @Override
    public void after() {
        double staticRate = timings.rate(ceilingPhase.name);
        double mixRate = timings.rate(mixPhase.name);
        double placementRate = timings.rate(placementPhase.name, "place order");
        StringBuilder summary = new StringBuilder()
                .append(String.format("ShopperMix: %d s per phase, %d users (%d placing orders), %s%n",
                        PHASE.toSeconds(), USERS, PLACING_CLIENTS, BASE_URL))
                .append(String.format("%-34s %12s %14s %-28s %6s%n", "", "Emporium", "ceiling", "", "ratio"))
                .append(String.format("%-34s %8.1f/s   %10.1f/s   %-28s %6.2f%n", "the mix, requests",
                        mixRate, staticRate, "static file, same server", mixRate / staticRate))
                .append(String.format("%-34s %8.1f/s   %10.1f/s   %-28s %6.2f%n", "placement, orders, a product each",
                        placementRate, pgbenchPlacements, "pgbench, the same SQL", placementRate / pgbenchPlacements))
                .append(String.format("%nthe mix, per request%-14s %8s %8s %8s %8s%n", "", "count", "req/s", "p50 ms", "p95 ms"))
                .append(timings.table(mixPhase.name));
        summary.append(String.format("%nphases (UTC, from the first request sent to the last answer): %s%n",
                timings.spans()));
        String file = System.getProperty("emporium.summary-file");
        if (file == null) {
            System.out.print(summary);
            return;
        }
        try {
            Files.writeString(Path.of(file), summary);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * One phase's requests, named after it ("mix: search") in Gatling's report; their response times also go to the
     * summary's timings. The warm-up's are neither reported nor timed.
     */
    private final class Phase {
        private final String name;
        private final boolean reported;

        Phase(String name, boolean reported) {
            this.name = name;
            this.reported = reported;
        }

        ChainBuilder call(String request, Function<Http, HttpRequestActionBuilder> build) {
            HttpRequestActionBuilder sent = build.apply(HttpDsl.http(name + ": " + request));
            if (!reported) {
                return exec(sent.silent());
            }
            return exec(sent.check(responseTimeInMillis().saveAs("took")))
                    .exec(session -> {
                        if (!session.isFailed()) {
                            timings.record(name, request, session.getInt("took"));
                        }
                        return session;
                    });
        }
    }

    private static ChainBuilder during(Duration length, ChainBuilder body) {
        return CoreDsl.during(length).on(body);
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("set -D" + property + " (ci/bench-mix.sh does)");
        }
        return value;
    }
}
