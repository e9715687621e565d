package dev.emporium.payment;

import java.util.UUID;

/** A refund was recorded as owed for the order, in a transaction that has not committed yet. */
record RefundOwed(UUID orderId) {
}
