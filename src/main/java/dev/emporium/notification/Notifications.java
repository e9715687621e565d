package dev.emporium.notification;

import dev.emporium.platform.messaging.Destinations;
import dev.emporium.platform.messaging.EventSender;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.Queue;

/** Asks for a customer e-mail; it is sent by NotificationMdb once the caller's transaction commits. */
@ApplicationScoped
public class Notifications {

    public static final String SOURCE = "/emporium/notifications";
    public static final String REQUESTED_TYPE = "dev.emporium.notification.requested.v1";

    @Inject
    EventSender events;

    @Resource(lookup = Destinations.NOTIFICATIONS_QUEUE)
    Queue queue;

    public void request(NotificationRequest request) {
        events.send(queue, SOURCE, REQUESTED_TYPE, request.orderId().toString(), request);
    }
}
