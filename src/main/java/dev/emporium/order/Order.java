package dev.emporium.order;

import dev.emporium.platform.persistence.TrackedEntity;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

@Entity
@Table(name = "orders")
public class Order extends TrackedEntity {

    @Column(name = "user_id", nullable = false, updatable = false)
    private UUID userId;

    @Convert(converter = OrderStatusColumn.class)
    @Column(nullable = false, length = 20)
    private OrderStatus status = OrderStatus.PENDING;

    @Column(name = "total_amount", nullable = false, precision = 12, scale = 2)
    private BigDecimal totalAmount;

    @Column(nullable = false, length = 3)
    private String currency;

    @Column(name = "shipping_address", nullable = false)
    private String shippingAddress;

    @Column(name = "tracking_number", length = 100)
    private String trackingNumber;

    @Column(name = "attention_reason")
    private String attentionReason;

    @Column(name = "attention_at")
    private Instant attentionAt;

    @Column(name = "order_date", nullable = false, updatable = false)
    private Instant orderDate = Instant.now();

    @OneToMany(mappedBy = "order", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("productName")
    private List<OrderItem> items = new ArrayList<>();

    @OneToMany(mappedBy = "order", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("at, id")
    private List<OrderStatusChange> history = new ArrayList<>();

    protected Order() {
    }

    Order(UUID userId, String currency, String shippingAddress) {
        this.userId = userId;
        this.currency = currency;
        this.shippingAddress = shippingAddress;
        this.totalAmount = BigDecimal.ZERO;
    }

    void add(OrderItem item) {
        items.add(item);
        totalAmount = totalAmount.add(item.getLineTotal());
    }

    /** Records the order's start in its history: placed, and pending until its payment is taken. */
    void placed() {
        if (!history.isEmpty()) {
            throw new IllegalStateException("order " + getId() + " was placed already");
        }
        history.add(new OrderStatusChange(this, OrderStatus.PENDING, "placed"));
    }

    /**
     * Moves to the target status and records it in the history, if the lifecycle (OrderStatus) allows the move from
     * where the order is; refuses with IllegalTransition, changing nothing, if it does not.
     */
    public Transition moveTo(OrderStatus target, String reason) {
        OrderStatus current = getStatus();
        if (!current.canBecome(target)) {
            throw new IllegalTransition(current, target);
        }
        status = target;
        history.add(new OrderStatusChange(this, target, reason));
        return new Transition(current, target, reason);
    }

    /** Whether the order still waits for its payment to be taken. */
    public boolean awaitsPayment() {
        return getStatus() == OrderStatus.PENDING;
    }

    public UUID getUserId() {
        return userId;
    }

    public OrderStatus getStatus() {
        return status;
    }

    public BigDecimal getTotalAmount() {
        return totalAmount;
    }

    public String getCurrency() {
        return currency;
    }

    public String getShippingAddress() {
        return shippingAddress;
    }

    public String getTrackingNumber() {
        return trackingNumber;
    }

    void setTrackingNumber(String trackingNumber) {
        this.trackingNumber = trackingNumber;
    }

    public String getAttentionReason() {
        return attentionReason;
    }

    public Instant getAttentionAt() {
        return attentionAt;
    }

    /** Flags the order for an operator (its processing failed for good), or clears the flag with null. */
    void needsAttention(String reason) {
        attentionReason = reason;
        attentionAt = reason == null ? null : Instant.now();
    }

    public Instant getOrderDate() {
        return orderDate;
    }

    /** The lines, read-only: lines are added while the order is placed, and never change after. */
    public List<OrderItem> getItems() {
        return Collections.unmodifiableList(items);
    }

    /** The status changes so far, read-only: only moveTo adds to them. */
    public List<OrderStatusChange> getHistory() {
        return Collections.unmodifiableList(history);
    }
}
