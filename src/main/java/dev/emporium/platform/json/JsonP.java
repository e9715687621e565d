package dev.emporium.platform.json;

import jakarta.json.spi.JsonProvider;

/**
 * JSON-P's provider, looked up once. Each static {@code jakarta.json.Json.createXxx} call looks the provider up again
 * through the ServiceLoader; on the order path (the outbox's message properties, every message read) that lookup was
 * 4-5 % of the server's CPU in the profiles of docs/performance.md.
 */
public final class JsonP {

    public static final JsonProvider PROVIDER = JsonProvider.provider();

    private JsonP() {
    }
}
