package dev.emporium.order;

import dev.emporium.platform.messaging.CloudEvent;
import dev.emporium.platform.messaging.Destinations;
import dev.emporium.platform.messaging.EventConsumer;
import dev.emporium.platform.messaging.InvalidMessageException;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/**
 * Applies warehouse reports (shipped with a tracking number, delivered). A report about an unknown order, or one the
 * order's lifecycle does not allow, goes to the dead-letter queue with the reason; a report of what already
 * happened changes nothing.
 */
@MessageDriven(name = "FulfillmentUpdateMdb")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class FulfillmentUpdateMdb extends EventConsumer<FulfillmentUpdate> {

    public static final String UPDATED_TYPE = "dev.emporium.fulfillment.updated.v1";

    @Inject
    OrderService orders;

    public FulfillmentUpdateMdb() {
        super("fulfillment-updates", Destinations.FULFILLMENT_UPDATES, UPDATED_TYPE, FulfillmentUpdate.class);
    }

    @Override
    protected void handle(CloudEvent<FulfillmentUpdate> event) {
        FulfillmentUpdate update = event.data();
        OrderStatus target = OrderStatus.fromWireName(update.status());
        switch (orders.applyFulfillment(update.orderId(), target, update.trackingNumber())) {
            case NO_SUCH_ORDER -> throw new InvalidMessageException("no such order: " + update.orderId());
            case ILLEGAL_TRANSITION -> throw new InvalidMessageException("order " + update.orderId()
                    + " cannot become " + update.status() + " from where it is now");
            case APPLIED, ALREADY_DONE -> {
                // Done, or done before: either way nothing is left to do.
            }
        }
    }
}
