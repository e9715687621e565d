package dev.emporium.notification;

import dev.emporium.platform.messaging.CloudEvent;
import dev.emporium.platform.messaging.Destinations;
import dev.emporium.platform.messaging.EventConsumer;
import dev.emporium.platform.messaging.InvalidMessageException;
import dev.emporium.user.User;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.logging.Logger;

/**
 * Sends the customer the e-mail a notification event asks for. Delivery is at least once: the event id is recorded
 * before the mail goes out, so a redelivery after a commit sends nothing, but a mail sent just before a failed
 * commit is sent again.
 */
@MessageDriven(name = "NotificationMdb")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class NotificationMdb extends EventConsumer<NotificationRequest> {

    private static final Logger LOG = Logger.getLogger(NotificationMdb.class.getName());

    @PersistenceContext(unitName = "emporium")
    EntityManager em;

    @Inject
    Mailer mailer;

    public NotificationMdb() {
        super("notifications", Destinations.NOTIFICATIONS, Notifications.REQUESTED_TYPE, NotificationRequest.class);
    }

    @Override
    protected void handle(CloudEvent<NotificationRequest> event) {
        NotificationRequest request = event.data();
        User user = em.find(User.class, request.userId());
        if (user == null) {
            throw new InvalidMessageException("no such user: " + request.userId());
        }
        if (!user.isActive()) {
            LOG.info(() -> "No " + request.template() + " mail for order " + request.orderId() + ": the account is deactivated");
            return;
        }
        mailer.send(user.getEmail(), OrderMail.of(request, user.getUsername()), event.id());
    }
}
