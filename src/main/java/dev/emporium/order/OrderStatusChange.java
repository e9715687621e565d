package dev.emporium.order;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/** One entry of an order's status history. */
@Entity
@Table(name = "order_status_history")
public class OrderStatusChange {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "order_id", nullable = false, updatable = false)
    private Order order;

    @Convert(converter = OrderStatusColumn.class)
    @Column(nullable = false, updatable = false, length = 20)
    private OrderStatus status;

    @Column(updatable = false)
    private String reason;

    @Column(nullable = false, updatable = false)
    private Instant at = Instant.now();

    protected OrderStatusChange() {
    }

    OrderStatusChange(Order order, OrderStatus status, String reason) {
        this.order = order;
        this.status = status;
        this.reason = reason;
    }

    public OrderStatus getStatus() {
        return status;
    }

    public String getReason() {
        return reason;
    }

    public Instant getAt() {
        return at;
    }
}
