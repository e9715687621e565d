package dev.emporium.order;

/**
 * What the order domain announces about its orders, whatever carries it (JmsOrderEvents sends the messages of
 * OrderMessages through the outbox, in the transaction that makes the change).
 */
public interface OrderEvents {

    /** An order was placed and waits for its payment: the command to take it, and the first status event. */
    void placed(Order order, String paymentToken);

    /** The order made this status change. */
    void statusChanged(Order order, Transition transition);
}
