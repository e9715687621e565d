package dev.emporium.platform.messaging;

import java.time.Instant;
import java.util.UUID;

/** Body of a message on {@code emporium.system.probe}: {@code {"probe_id": "<uuid>", "sent_at": "<instant>"}}. */
public record ProbeMessage(UUID probeId, Instant sentAt) {
}
