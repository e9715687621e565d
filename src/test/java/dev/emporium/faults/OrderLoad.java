package dev.emporium.faults;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Customers placing orders at a steady pace, as a careful client would: every order has an Idempotency-Key of its
 * own, and a request that gets no answer (connection refused or reset, timeout), a "try again" (503, 409
 * RESOURCE_BUSY, 429) or a proxy's "the server went away" (502, 504) is sent again with the same key until the order
 * is acknowledged (201). Every answer is counted by status ("refused" when no connection could be made, "no answer"
 * when one was cut off), and by the replica a proxy says answered, so that the report shows what clients saw.
 */
final class OrderLoad {

    /** One in ten orders is paid with the simulated gateway's card that always declines. */
    private static final double DECLINED_SHARE = 0.1;
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    record Customer(String email, String accessToken, String address) {
    }

    /** An order a client was told exists: its key, its id, and how many requests it took. */
    record Acknowledged(String key, String orderId, int attempts) {
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final URI orders;
    private final List<Customer> customers;
    private final List<String> products;
    private final Duration pause;
    private final AtomicInteger remaining;
    private final int total;
    private final Map<String, AtomicInteger> statuses = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> replicas = new ConcurrentHashMap<>();
    private final Map<String, Acknowledged> acknowledged = new ConcurrentHashMap<>();
    private final List<String> refusals = new ArrayList<>();
    private final AtomicLong slowestMillis = new AtomicLong();
    /** The first body seen for each answer other than 201, so that a report says why, not only how often. */
    private final Map<String, String> firstAnswers = new ConcurrentHashMap<>();
    private final List<Thread> clients = new ArrayList<>();

    OrderLoad(URI server, List<Customer> customers, List<String> products, int orders, Duration pause) {
        this.orders = server.resolve("/api/v1/orders");
        this.customers = customers;
        this.products = products;
        this.pause = pause;
        this.total = orders;
        this.remaining = new AtomicInteger(orders);
    }

    void start() {
        for (Customer customer : customers) {
            Thread client = new Thread(() -> placeWhileWanted(customer), "order-load-" + customer.email());
            client.setDaemon(true);
            clients.add(client);
            client.start();
        }
    }

    int acknowledgedCount() {
        return acknowledged.size();
    }

    void awaitAcknowledged(int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (acknowledged.size() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("only " + acknowledged.size() + " of " + count + " orders acknowledged within " + timeout);
            }
            FaultServer.sleep(50);
        }
    }

    /** Waits for every client to finish: all orders acknowledged, or refused for a reason that is not "retry". */
    void awaitDone(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Thread client : clients) {
            client.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            if (client.isAlive()) {
                throw new AssertionError("the clients did not finish within " + timeout + " (" + acknowledged.size()
                        + " of " + total + " acknowledged)");
            }
        }
    }

    int total() {
        return total;
    }

    Map<String, Acknowledged> acknowledged() {
        return Map.copyOf(acknowledged);
    }

    synchronized List<String> refusals() {
        return List.copyOf(refusals);
    }

    /** Every answer the clients got, by HTTP status, plus "refused", "no answer" (cut off) and "timeout". */
    Map<String, Integer> statuses() {
        return sorted(statuses);
    }

    /** The orders acknowledged through a proxy, by the replica it named in X-Emporium-Replica (ci/cluster.sh). */
    Map<String, Integer> acknowledgedByReplica() {
        return sorted(replicas);
    }

    private static Map<String, Integer> sorted(Map<String, AtomicInteger> counts) {
        Map<String, Integer> sorted = new TreeMap<>();
        counts.forEach((key, count) -> sorted.put(key, count.get()));
        return sorted;
    }

    /** For each answer other than 201, the first body a client got with it (abbreviated). */
    Map<String, String> firstAnswers() {
        return new TreeMap<>(firstAnswers);
    }

    int requests() {
        return statuses.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    Duration slowestAnswer() {
        return Duration.ofMillis(slowestMillis.get());
    }

    private void placeWhileWanted(Customer customer) {
        while (remaining.getAndDecrement() > 0) {
            place(customer);
            FaultServer.sleep(pause.toMillis());
        }
    }

    private void place(Customer customer) {
        String key = UUID.randomUUID().toString();
        String body = orderBody();
        for (int attempt = 1; ; attempt++) {
            HttpRequest request = HttpRequest.newBuilder(orders).timeout(REQUEST_TIMEOUT)
                    .header("Content-Type", "application/json").header("Accept", "application/json")
                    .header("Authorization", "Bearer " + customer.accessToken())
                    .header("X-Forwarded-For", customer.address())
                    .header("Idempotency-Key", key)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            long began = System.nanoTime();
            HttpResponse<String> response;
            try {
                response = http.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (HttpTimeoutException e) {
                count("timeout");
                continue;
            } catch (ConnectException e) {
                count("refused");
                FaultServer.sleep(250);
                continue;
            } catch (IOException e) {
                count("no answer");
                FaultServer.sleep(250);
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                slowestMillis.accumulateAndGet((System.nanoTime() - began) / 1_000_000, Math::max);
            }
            int status = response.statusCode();
            // A proxy's own answer (HAProxy with no ready replica) is told apart from the application's JSON.
            String counted = status + (status >= 500 && !response.body().startsWith("{") ? " (proxy)" : "");
            count(counted);
            if (status != 201) {
                firstAnswers.putIfAbsent(counted, response.headers().firstValue("X-Emporium-Replica").map(r -> "replica " + r + ": ")
                        .orElse("") + abbreviated(response.body()));
            }
            if (status == 201) {
                acknowledged.put(key, new Acknowledged(key, json(response.body()).getString("order_id"), attempt));
                response.headers().firstValue("X-Emporium-Replica")
                        .ifPresent(replica -> replicas.computeIfAbsent(replica, r -> new AtomicInteger()).incrementAndGet());
                return;
            }
            if (status == 502 || status == 504) {
                FaultServer.sleep(250);
                continue;
            }
            if (status == 503 || status == 429 || status == 409 && response.body().contains("RESOURCE_BUSY")) {
                long wait = response.headers().firstValue("Retry-After").map(Long::parseLong).orElse(1L);
                FaultServer.sleep(Math.min(1000, wait * 1000));
                continue;
            }
            synchronized (this) {
                refusals.add(status + " " + response.body());
            }
            return;
        }
    }

    private String orderBody() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        List<String> chosen = new ArrayList<>(products);
        java.util.Collections.shuffle(chosen, random);
        int lines = random.nextInt(1, 3);
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < lines; i++) {
            items.append(i == 0 ? "" : ", ").append("{\"product_id\": \"").append(chosen.get(i))
                    .append("\", \"quantity\": ").append(random.nextInt(1, 4)).append('}');
        }
        String token = random.nextDouble() < DECLINED_SHARE ? "tok_declined" : "tok_visa";
        return "{\"items\": [" + items + "], \"shipping_address\": \"1 Fault Street\", \"payment_token\": \"" + token + "\"}";
    }

    private static String abbreviated(String body) {
        String line = body.replaceAll("\\s+", " ").strip();
        return line.length() <= 240 ? line : line.substring(0, 240) + "…";
    }

    private void count(String status) {
        statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
    }

    private static JsonObject json(String body) {
        try (var reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        }
    }
}
