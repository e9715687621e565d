package dev.emporium.browser;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.logging.LogEntry;

/** The responses a session received, read from Chromium's performance log (its DevTools network events). */
final class NetworkLog {

    record Response(String method, String url, int status) {

        /** The path under the server, e.g. "/api/v1/users/me". */
        String path() {
            return URI.create(url).getPath();
        }

        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    private NetworkLog() {
    }

    /** The responses since the last read of the session's performance log (reading consumes it). */
    static List<Response> responses(Browser browser) {
        List<Response> responses = new ArrayList<>();
        Map<String, String> methods = new HashMap<>();
        for (LogEntry entry : browser.networkEvents()) {
            JsonObject message;
            try (var reader = Json.createReader(new StringReader(entry.getMessage()))) {
                message = reader.readObject().getJsonObject("message");
            }
            String event = message.getString("method", "");
            JsonObject params = message.getJsonObject("params");
            if (event.equals("Network.requestWillBeSent")) {
                methods.put(params.getString("requestId"), params.getJsonObject("request").getString("method"));
            } else if (event.equals("Network.responseReceived")) {
                JsonObject response = params.getJsonObject("response");
                responses.add(new Response(methods.getOrDefault(params.getString("requestId"), "?"),
                        response.getString("url"), response.getInt("status")));
            }
        }
        return responses;
    }
}
