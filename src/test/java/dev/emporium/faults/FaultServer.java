package dev.emporium.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A Liberty server of its own for the fault tests, "emporium-faults", made from the integration tests' server
 * configuration (same server.xml, adapter and driver) with the built WAR in dropins, on ports 9280/9643 and the
 * "faults" service set. Unlike the Arquillian-managed server, it may be killed.
 */
final class FaultServer {

    static final int HTTP_PORT = 9280;
    static final URI ROOT = URI.create("http://localhost:" + HTTP_PORT + "/");
    static final String ADMIN_EMAIL = "faults-admin@emporium.test";
    static final String ADMIN_PASSWORD = "Faults-Admin-Passphrase-2026";
    /** How messages leave: "outbox" (the design), or "xa" to put the design it replaced through the same faults. */
    static final String DELIVERY = System.getProperty("faults.delivery", "outbox");
    private static final String NAME = "emporium-faults";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Path wlp;
    private final Path server;

    FaultServer() {
        wlp = FaultServices.basedir().toPath().resolve("target/liberty/wlp");
        server = wlp.resolve("usr/servers/" + NAME);
    }

    /** Makes (again) the server directory: configuration copied, no logs or state from an earlier run. */
    void create() throws IOException {
        deleteTree(server);
        Path template = wlp.resolve("usr/servers/emporium-it");
        // server.env is copied: it holds the password of the server's generated keystore; ours is added to it.
        Set<String> left = Set.of("logs", "workarea", "dropins", "apps", "tranlog", "temp", "bootstrap.properties");
        // Walked while the Arquillian-managed server runs from the same directory: its state is left alone.
        Files.walkFileTree(template, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path directory, BasicFileAttributes attributes) throws IOException {
                Path relative = template.relativize(directory);
                if (relative.getNameCount() > 0 && left.contains(relative.getName(0).toString())) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                Files.createDirectories(server.resolve(relative.toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                Path relative = template.relativize(file);
                if (!left.contains(relative.getName(0).toString())) {
                    Files.copy(file, server.resolve(relative.toString()), StandardCopyOption.REPLACE_EXISTING);
                }
                return FileVisitResult.CONTINUE;
            }
        });
        Files.createDirectories(server.resolve("dropins"));
        Files.copy(Path.of(System.getProperty("emporium.war")), server.resolve("dropins/emporium.war"),
                StandardCopyOption.REPLACE_EXISTING);
        Files.write(server.resolve("bootstrap.properties"), List.of(
                "HTTP_PORT=" + HTTP_PORT, "HTTPS_PORT=9643",
                "DB_HOST=127.0.0.1", "DB_PORT=" + FaultServices.DB_PORT, "DB_NAME=emporium_faults",
                "ARTEMIS_HOST=127.0.0.1", "ARTEMIS_PORT=" + FaultServices.BROKER_PORT,
                "SMTP_HOST=127.0.0.1", "SMTP_PORT=" + System.getProperty("it.smtp.port", "61637"),
                // Each load client sends an address of its own, as clients behind a proxy would.
                "TRUSTED_PROXIES=127[.]0[.]0[.]1|0:0:0:0:0:0:0:1",
                "com.ibm.ws.logging.message.format=json",
                // Every restart rolls messages.log over: keep the log of each server the matrix killed.
                "com.ibm.ws.logging.max.files=20"));
        Path environment = server.resolve("server.env");
        String generated = Files.exists(environment) ? Files.readString(environment).strip() + "\n" : "";
        Files.writeString(environment, generated + String.join("\n", List.of(
                "EMPORIUM_JWT_PRIVATE_KEY_FILE=" + System.getenv("EMPORIUM_JWT_PRIVATE_KEY_FILE"),
                "MP_JWT_VERIFY_PUBLICKEY_LOCATION=" + System.getenv("MP_JWT_VERIFY_PUBLICKEY_LOCATION"),
                "EMPORIUM_ADMIN_EMAIL=" + ADMIN_EMAIL,
                "EMPORIUM_ADMIN_PASSWORD=" + ADMIN_PASSWORD,
                // A scenario outlives the default 15 minutes of an access token when the whole matrix runs.
                "EMPORIUM_JWT_ACCESS_TOKEN_LIFETIME=PT2H",
                // A gateway that takes its time, as real ones do: a kill lands between the payment's steps.
                "EMPORIUM_PAYMENT_LATENCY=PT0.05S",
                "EMPORIUM_MESSAGING_DELIVERY=" + DELIVERY,
                "DB_DATASOURCE_TYPE=" + ("xa".equals(DELIVERY) ? "javax.sql.XADataSource" : "javax.sql.ConnectionPoolDataSource")))
                + "\n");
    }

    /** Starts the server and waits until it is ready; the time that took. */
    Duration start() {
        Instant began = Instant.now();
        command("start");
        awaitReady(Duration.ofMinutes(3));
        return Duration.between(began, Instant.now());
    }

    /** Stops the server the way an operator (or a pod's termination) does, letting work in hand finish. */
    void stop() {
        command("stop");
    }

    /** Kills the server's JVM with SIGKILL, as a crash or an OOM kill would. */
    void kill() throws Exception {
        long pid = Long.parseLong(Files.readString(wlp.resolve("usr/servers/.pid/" + NAME + ".pid")).strip());
        ProcessHandle handle = ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException("no server process " + pid));
        new ProcessBuilder("kill", "-9", Long.toString(pid)).inheritIO().start().waitFor();
        handle.onExit().get(30, TimeUnit.SECONDS);
    }

    boolean ready() {
        try {
            HttpRequest request = HttpRequest.newBuilder(ROOT.resolve("/health/ready")).timeout(Duration.ofSeconds(5)).build();
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            return false;
        }
    }

    void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!ready()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(NAME + " not ready within " + timeout + "; see " + server.resolve("logs"));
            }
            sleep(200);
        }
    }

    Path messagesLog() {
        return server.resolve("logs/messages.log");
    }

    private void command(String action) {
        try {
            Process process = new ProcessBuilder(wlp.resolve("bin/server").toString(), action, NAME)
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!process.waitFor(180, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("server " + action + " " + NAME + " failed (" + process.exitValue() + ")");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.delete(file);
            }
        }
    }
}
