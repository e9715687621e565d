package dev.emporium.platform.json;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.config.PropertyNamingStrategy;

/**
 * The one JSON mapping of the API and of message bodies: snake_case names, nulls left out, UUIDs, whole numbers and
 * strings read strictly.
 */
public final class JsonMapping {

    private JsonMapping() {
    }

    public static Jsonb create() {
        return JsonbBuilder.create(new JsonbConfig()
                .withPropertyNamingStrategy(PropertyNamingStrategy.LOWER_CASE_WITH_UNDERSCORES)
                .withNullValues(false)
                .withDeserializers(new UuidText(), new WholeNumber(), new StrictText()));
    }
}
