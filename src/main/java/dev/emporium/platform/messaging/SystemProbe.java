package dev.emporium.platform.messaging;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A probe message that made the whole trip: sent through the broker and received by {@link SystemProbeMdb}. */
@Entity
@Table(name = "system_probes")
public class SystemProbe {

    @Id
    private UUID id;

    @Column(name = "sent_at", nullable = false, updatable = false)
    private Instant sentAt;

    @Column(name = "received_at", nullable = false, updatable = false)
    private Instant receivedAt;

    protected SystemProbe() {
    }

    public SystemProbe(UUID id, Instant sentAt, Instant receivedAt) {
        this.id = id;
        this.sentAt = sentAt;
        this.receivedAt = receivedAt;
    }

    public UUID getId() {
        return id;
    }

    public Instant getSentAt() {
        return sentAt;
    }

    public Instant getReceivedAt() {
        return receivedAt;
    }
}
