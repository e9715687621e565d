package dev.emporium.platform.messaging;

import dev.emporium.platform.json.JsonMapping;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** Sends a probe through the broker, by way of the outbox: a rolled-back caller sends nothing. */
@ApplicationScoped
public class SystemProbeSender {

    private static final Jsonb JSONB = JsonMapping.create();

    @Inject
    Outbox outbox;

    public UUID send() {
        UUID probeId = UUID.randomUUID();
        String body = JSONB.toJson(new ProbeMessage(probeId, Instant.now()));
        outbox.add(new OutgoingMessage(Destinations.SYSTEM_PROBE, body, Map.of(), null));
        return probeId;
    }
}
