package dev.emporium.web;

import dev.emporium.platform.json.JsonMapping;
import jakarta.json.bind.Jsonb;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/** Gives JAX-RS the same JSON-B configuration as the rest of the application (snake_case field names). */
@Provider
public class JsonbProvider implements ContextResolver<Jsonb> {

    private static final Jsonb JSONB = JsonMapping.create();

    @Override
    public Jsonb getContext(Class<?> type) {
        return JSONB;
    }
}
