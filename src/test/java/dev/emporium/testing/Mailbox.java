package dev.emporium.testing;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * A real SMTP server (GreenMail) in the test JVM, up for the whole integration-test run: the server's mail session
 * points at it (SMTP_PORT = it.smtp.port), so every mail the application sends lands here. Started when the JUnit
 * launcher session opens, before any deployment, so that no test's mail finds the server missing. Unit-test runs
 * (no it.smtp.port) start nothing.
 */
public final class Mailbox implements LauncherSessionListener {

    private static GreenMail server;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (System.getProperty("it.smtp.port") != null) {
            server();
        }
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        synchronized (Mailbox.class) {
            if (server != null) {
                server.stop();
                server = null;
            }
        }
    }

    /** Takes the SMTP server away, as a mail server outage would. */
    public static synchronized void stop() {
        server().stop();
        server = null;
    }

    /** Brings the SMTP server back (empty), if it is away. */
    public static synchronized void start() {
        server();
    }

    private static synchronized GreenMail server() {
        if (server == null) {
            int port = Integer.parseInt(System.getProperty("it.smtp.port", "61637"));
            server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            server.start();
        }
        return server;
    }

    /** Every mail received so far. */
    public static List<MimeMessage> all() {
        return Arrays.asList(server().getReceivedMessages());
    }

    /** The mails received for the address so far. */
    public static List<MimeMessage> to(String address) {
        return Arrays.stream(server().getReceivedMessages()).filter(m -> isFor(m, address)).toList();
    }

    /** Waits for a mail to the address whose subject contains the text, and returns it. */
    public static MimeMessage await(String address, String subjectContains, Duration wait) {
        return Poll.until(wait, "a mail to " + address + " about \"" + subjectContains + "\"", () -> to(address).stream()
                .filter(m -> subject(m).contains(subjectContains)).findFirst().orElse(null));
    }

    public static String subject(MimeMessage message) {
        try {
            return message.getSubject() == null ? "" : message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String text(MimeMessage message) {
        try {
            return String.valueOf(message.getContent());
        } catch (MessagingException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean isFor(MimeMessage message, String address) {
        try {
            var recipients = message.getRecipients(Message.RecipientType.TO);
            return recipients != null && Arrays.stream(recipients).anyMatch(r -> r.toString().equalsIgnoreCase(address));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
