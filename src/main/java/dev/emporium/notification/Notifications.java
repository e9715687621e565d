package dev.emporium.notification;

import dev.emporium.platform.messaging.Destinations;
import dev.emporium.platform.messaging.EventSender;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Asks for a customer e-mail; it is sent by NotificationMdb once the caller's transaction commits. */
@ApplicationScoped
public class Notifications {

    public static final String SOURCE = "/emporium/notifications";
    public static final String REQUESTED_TYPE = "dev.emporium.notification.requested.v1";

    @Inject
    EventSender events;

    public void request(NotificationRequest request) {
        events.send(Destinations.NOTIFICATIONS, SOURCE, REQUESTED_TYPE, request.orderId().toString(), request);
    }
}
