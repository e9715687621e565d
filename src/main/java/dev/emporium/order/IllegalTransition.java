package dev.emporium.order;

import dev.emporium.platform.error.DomainException;
import dev.emporium.platform.error.ErrorCode;
import dev.emporium.platform.error.FieldIssue;
import java.util.List;

/** An order asked to move where its lifecycle does not go from where it is; the details list where it may go. */
public class IllegalTransition extends DomainException {

    private final OrderStatus from;
    private final OrderStatus to;

    public IllegalTransition(OrderStatus from, OrderStatus to) {
        super(ErrorCode.ILLEGAL_TRANSITION, "An order that is " + from.wireName() + " cannot become " + to.wireName(),
                List.of(new FieldIssue("status", "allowed: " + from.next().stream().map(OrderStatus::wireName).sorted().toList())));
        this.from = from;
        this.to = to;
    }

    public OrderStatus from() {
        return from;
    }

    public OrderStatus to() {
        return to;
    }
}
