package dev.emporium.notification;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Date;

/** Sends e-mail through Liberty's mail session (mail/emporium: SMTP host, port and sender from configuration). */
@ApplicationScoped
public class Mailer {

    /** Lets a reader (or a test) tie a mail to the notification event that caused it. */
    public static final String NOTIFICATION_ID_HEADER = "X-Emporium-Notification-Id";

    @Resource(lookup = "mail/emporium")
    Session session;

    public void send(String to, OrderMail mail, String notificationId) {
        try {
            MimeMessage message = new MimeMessage(session);
            message.setFrom();
            message.setRecipient(jakarta.mail.Message.RecipientType.TO, new InternetAddress(to, true));
            message.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
            message.setText(mail.text(), StandardCharsets.UTF_8.name());
            message.setSentDate(new Date());
            message.setHeader(NOTIFICATION_ID_HEADER, notificationId);
            Transport.send(message);
        } catch (MessagingException e) {
            // Thrown on, so that the message is redelivered with back-off while the mail server is away.
            throw new IllegalStateException("could not send mail: " + e.getMessage(), e);
        }
    }
}
