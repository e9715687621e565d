-- Periodic jobs that must run on one replica per period (dev.emporium.platform.persistence.Housekeeping) take a
-- lease here. The tables they sweep are deleted from by their time indexes (processed_messages_processed_at_idx,
-- order_idempotency_keys_created_idx).
CREATE TABLE maintenance_leases (
    name       varchar(100) PRIMARY KEY,
    holder     varchar(200) NOT NULL,
    expires_at timestamptz  NOT NULL
);
