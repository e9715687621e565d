package dev.emporium.testing;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The real Prometheus that ci/prometheus.sh runs for the tests, scraping the test server with the alert rules of
 * deploy/base/monitoring: started and stopped here, asked through its HTTP API as Grafana or an operator would.
 */
public final class Prometheus implements AutoCloseable {

    private final URI api = URI.create("http://127.0.0.1:" + System.getProperty("it.prometheus.port", "61681") + "/api/v1/");

    private Prometheus() {
    }

    /**
     * Starts Prometheus scraping the test server, with every rule's {@code for:} set to {@code pendingFor} (e.g. "5s"):
     * the expressions as shipped, the durations checked by promtool's unit tests instead of waited out here.
     */
    public static Prometheus start(String pendingFor) {
        URI server = Http.server("/");
        Services.prometheus("start", server.getHost() + ":" + server.getPort(), pendingFor);
        return new Prometheus();
    }

    @Override
    public void close() {
        Services.prometheus("stop");
    }

    /** The instant vector a PromQL query gives now: each element's labels ("metric") and value. */
    public List<JsonObject> query(String promql) {
        JsonObject data = get("query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
        return data.getJsonArray("result").getValuesAs(JsonObject.class);
    }

    /** The value of the one element a query gives, if it gives one. */
    public Optional<Double> value(String promql) {
        List<JsonObject> result = query(promql);
        return result.size() == 1 ? Optional.of(Double.parseDouble(result.get(0).getJsonArray("value").getString(1)))
                : Optional.empty();
    }

    /** The alerting rules as Prometheus loaded and last evaluated them. */
    public List<JsonObject> alertingRules() {
        return get("rules?type=alert").getJsonArray("groups").getValuesAs(JsonObject.class).stream()
                .flatMap(group -> group.getJsonArray("rules").getValuesAs(JsonObject.class).stream())
                .toList();
    }

    /** Waits until the alert fires with these labels among its own; fails the test otherwise. */
    public JsonObject awaitFiring(String alertname, Map<String, String> labels, Duration wait) {
        return Poll.until(wait, alertname + " " + labels + " firing", () -> firing(alertname, labels).orElse(null));
    }

    public Optional<JsonObject> firing(String alertname, Map<String, String> labels) {
        JsonArray alerts = get("alerts").getJsonArray("alerts");
        return alerts.getValuesAs(JsonObject.class).stream()
                .filter(alert -> "firing".equals(alert.getString("state")))
                .filter(alert -> alertname.equals(alert.getJsonObject("labels").getString("alertname")))
                .filter(alert -> labels.entrySet().stream().allMatch(label -> label.getValue()
                        .equals(alert.getJsonObject("labels").getString(label.getKey(), null))))
                .findFirst();
    }

    private JsonObject get(String path) {
        HttpResponse<String> response = Http.send(HttpRequest.newBuilder(api.resolve(path)).timeout(Duration.ofSeconds(10))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new AssertionError("Prometheus " + path + ": " + response.statusCode() + " " + response.body());
        }
        JsonObject body = Http.json(response);
        JsonValue data = body.get("data");
        if (!"success".equals(body.getString("status", "")) || data == null) {
            throw new AssertionError("Prometheus " + path + ": " + response.body());
        }
        return data.asJsonObject();
    }
}
