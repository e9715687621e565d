package dev.emporium.faults;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Two replicas behind HAProxy on the "faults" service set, run by ci/cluster.sh (HAProxy on 9290, replicas a and b on
 * 9291 and 9292), with the configuration every replica gets from the environment.
 */
final class Cluster {

    static final URI PROXY = URI.create("http://localhost:9290/");
    static final int PROFILE_PER_MINUTE = 20;
    /**
     * How long a replica serves with readiness DOWN after SIGTERM: HAProxy takes it out after two failed checks a
     * second apart, well within it.
     */
    static final Duration SHUTDOWN_DELAY = Duration.ofSeconds(4);

    /** What the test run's environment says about the "test" set, which must not reach the cluster. */
    private static final List<String> OTHER_SET = List.of("DB_HOST", "DB_PORT", "DB_NAME", "ARTEMIS_HOST",
            "ARTEMIS_PORT", "S3_PORT", "REDIS_PORT", "EMPORIUM_EXTERNAL_DB",
            // The cluster signs with the "faults" set's own key pair (ci/jwt-keys.sh makes it).
            "EMPORIUM_JWT_PRIVATE_KEY_FILE", "MP_JWT_VERIFY_PUBLICKEY_LOCATION");

    private Cluster() {
    }

    static URI replica(String name) {
        return URI.create("http://localhost:" + (name.equals("a") ? 9291 : 9292) + "/");
    }

    /**
     * What the replicas' logs say about their readiness checks that reported DOWN (Liberty's CWMMH0052W), counted by
     * replica, check and data: why HAProxy took a replica out.
     */
    static Map<String, Long> readinessDowns() {
        Pattern down = Pattern.compile("reported a DOWN status for the health check, ([^,]+), and with the data ([^\"]*)");
        Map<String, Long> counts = new TreeMap<>();
        for (String replica : List.of("a", "b")) {
            Path logs = FaultServices.basedir().toPath().resolve("target/liberty/wlp/usr/servers/emporium-" + replica + "/logs");
            if (!Files.isDirectory(logs)) {
                continue;
            }
            try (Stream<Path> files = Files.list(logs)) {
                for (Path log : files.filter(f -> f.getFileName().toString().startsWith("messages")).toList()) {
                    Matcher m = down.matcher(Files.readString(log));
                    while (m.find()) {
                        counts.merge(replica + " " + m.group(1) + " " + m.group(2), 1L, Long::sum);
                    }
                }
            } catch (IOException e) {
                counts.put(replica + " logs unreadable: " + e.getMessage(), 0L);
            }
        }
        return counts;
    }

    /**
     * What HAProxy logged about the replicas (each failed check, each replica taken out or put back, with the check's
     * reason and duration) and the first of the requests it answered itself for want of a replica (&lt;NOSRV&gt;): why
     * clients saw the proxy's 503.
     */
    static List<String> proxyEvents() {
        Path log = FaultServices.basedir().toPath().resolve("target/cluster/faults/haproxy.log");
        if (!Files.isRegularFile(log)) {
            return List.of();
        }
        try (Stream<String> lines = Files.lines(log)) {
            List<String> all = lines.toList();
            // Its own lines only (a warning is also echoed to stderr, starting with "["), not the requests'.
            List<String> events = new ArrayList<>(all.stream().filter(line -> !line.startsWith("["))
                    .filter(line -> line.contains("Health check for server") || line.contains("Server replicas/")
                            || line.contains("has no server available")).toList());
            all.stream().filter(line -> line.contains("<NOSRV>")).limit(3).forEach(events::add);
            return events;
        } catch (IOException e) {
            return List.of("haproxy.log unreadable: " + e.getMessage());
        }
    }

    /** Both replicas and HAProxy, on a database made afresh. */
    static void start() {
        run("start");
    }

    static void stop() {
        run("stop");
    }

    /** SIGTERM to the replica's JVM; returns once it has exited. */
    static void terminate(String replica) {
        run("term", replica);
    }

    /** kill -9 of the replica's JVM. */
    static void kill(String replica) {
        run("kill", replica);
    }

    /** Starts the replica again and waits until it is ready. */
    static void restart(String replica) {
        run("start-replica", replica);
    }

    private static void run(String... arguments) {
        try {
            ProcessBuilder builder = new ProcessBuilder();
            builder.command().add("bash");
            builder.command().add("ci/cluster.sh");
            builder.command().addAll(List.of(arguments));
            builder.directory(FaultServices.basedir()).inheritIO();
            Map<String, String> environment = builder.environment();
            OTHER_SET.forEach(environment::remove);
            environment.put("EMPORIUM_SERVICES", "faults");
            environment.put("CLUSTER_PORT", "9290");
            environment.put("CLUSTER_FRESH_DB", "true");
            environment.put("SMTP_PORT", System.getProperty("it.smtp.port", "61637"));
            environment.put("EMPORIUM_ADMIN_EMAIL", FaultServer.ADMIN_EMAIL);
            environment.put("EMPORIUM_ADMIN_PASSWORD", FaultServer.ADMIN_PASSWORD);
            environment.put("EMPORIUM_JWT_ACCESS_TOKEN_LIFETIME", "PT2H");
            environment.put("EMPORIUM_SHUTDOWN_DELAY", SHUTDOWN_DELAY.toString());
            environment.put("EMPORIUM_RATE_LIMIT_GROUPS", "auth,profile,read,write");
            environment.put("EMPORIUM_RATE_LIMIT_PROFILE_ROUTES", "GET /users/me");
            environment.put("EMPORIUM_RATE_LIMIT_PROFILE_PER_MINUTE", Integer.toString(PROFILE_PER_MINUTE));
            Process process = builder.start();
            if (!process.waitFor(300, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException("ci/cluster.sh " + String.join(" ", arguments) + " failed");
            }
        } catch (IOException e) {
            throw new IllegalStateException("ci/cluster.sh could not run", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
