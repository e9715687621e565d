package dev.emporium.order;

import dev.emporium.platform.persistence.WireNameColumn;
import jakarta.persistence.Converter;

/** How an order's status is stored (orders.status, order_status_history.status): its wire name. */
@Converter
public class OrderStatusColumn extends WireNameColumn<OrderStatus> {

    public OrderStatusColumn() {
        super(OrderStatus.class);
    }
}
