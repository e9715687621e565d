package dev.emporium.payment;

import dev.emporium.platform.persistence.TrackedEntity;
import dev.emporium.platform.text.WireNamed;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.UUID;

/**
 * The payment for one order: pending while the gateway is asked, then authorised or declined; when an authorised
 * order is cancelled, refund_pending until the gateway has given the money back, then refunded.
 */
@Entity
@Table(name = "payments")
public class Payment extends TrackedEntity {

    /** Where a payment stands. */
    public enum Status implements WireNamed {
        PENDING, AUTHORISED, DECLINED, REFUND_PENDING, REFUNDED
    }

    @Column(name = "order_id", nullable = false, updatable = false, unique = true)
    private UUID orderId;

    @Convert(converter = PaymentStatusColumn.class)
    @Column(nullable = false, length = 20)
    private Status status;

    @Column(nullable = false, updatable = false, precision = 12, scale = 2)
    private BigDecimal amount;

    @Column(nullable = false, updatable = false, length = 3)
    private String currency;

    @Column(length = 200)
    private String reference;

    @Column
    private String reason;

    protected Payment() {
    }

    /** The gateway's answer to a pending payment. */
    void settle(PaymentGateway.Authorization authorization) {
        if (status != Status.PENDING) {
            throw new IllegalStateException("payment " + getId() + " is " + status + ", not pending");
        }
        status = authorization.approved() ? Status.AUTHORISED : Status.DECLINED;
        reference = authorization.reference();
        reason = authorization.reason();
    }

    public UUID getOrderId() {
        return orderId;
    }

    public Status getStatus() {
        return status;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public String getCurrency() {
        return currency;
    }

    public String getReference() {
        return reference;
    }

    public String getReason() {
        return reason;
    }

    /** The order was cancelled: what was taken is owed back. */
    void oweRefund() {
        if (status != Status.AUTHORISED) {
            throw new IllegalStateException("payment " + getId() + " is " + status + ", not authorised");
        }
        status = Status.REFUND_PENDING;
    }

    /** The gateway gave the money back. */
    void refunded() {
        if (status != Status.REFUND_PENDING) {
            throw new IllegalStateException("payment " + getId() + " is " + status + ", not refund_pending");
        }
        status = Status.REFUNDED;
    }
}
