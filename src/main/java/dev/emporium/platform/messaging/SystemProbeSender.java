package dev.emporium.platform.messaging;

import dev.emporium.web.JsonMapping;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.JMSConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import jakarta.json.bind.Jsonb;
import java.time.Instant;
import java.util.UUID;

/**
 * Sends a probe through the broker. The send joins the caller's JTA transaction, if any: a rolled-back caller
 * sends nothing.
 */
@ApplicationScoped
public class SystemProbeSender {

    private static final Jsonb JSONB = JsonMapping.create();

    @Inject
    @JMSConnectionFactory(Destinations.CONNECTION_FACTORY)
    JMSContext jms;

    @Resource(lookup = Destinations.SYSTEM_PROBE_QUEUE)
    Queue probeQueue;

    public UUID send() {
        UUID probeId = UUID.randomUUID();
        String body = JSONB.toJson(new ProbeMessage(probeId, Instant.now()));
        jms.createProducer().send(probeQueue, body);
        return probeId;
    }
}
