package dev.emporium.faults;

import java.io.File;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The "faults" service set of ci/ (its own PostgreSQL cluster and Artemis broker, ports 55452 and 61646), which the
 * fault tests start, crash, kill and stop without touching the database and broker the other tests use.
 */
final class FaultServices {

    static final String DB_URL = "jdbc:postgresql://127.0.0.1:55452/emporium_faults";
    static final String BROKER_URL = "tcp://127.0.0.1:61646";
    static final int DB_PORT = 55452;
    static final int BROKER_PORT = 61646;

    /** What the test run's environment says about the "test" set, which must not leak into the "faults" set. */
    private static final List<String> OTHER_SET = List.of("DB_HOST", "DB_PORT", "DB_NAME", "ARTEMIS_HOST",
            "ARTEMIS_PORT", "S3_PORT", "SMTP_PORT", "REDIS_PORT", "EMPORIUM_EXTERNAL_DB");

    private FaultServices() {
    }

    static void database(String action) {
        run("ci/postgres.sh", action);
    }

    static void broker(String action) {
        run("ci/artemis.sh", action);
    }

    static void createFreshDatabase() {
        run("ci/postgres.sh", "create-db", "emporium_faults", "--fresh");
    }

    static File basedir() {
        return new File(System.getProperty("emporium.basedir", "."));
    }

    private static void run(String script, String... arguments) {
        try {
            ProcessBuilder builder = new ProcessBuilder();
            builder.command().add("bash");
            builder.command().add(script);
            builder.command().addAll(List.of(arguments));
            builder.directory(basedir()).inheritIO();
            Map<String, String> environment = builder.environment();
            OTHER_SET.forEach(environment::remove);
            environment.put("EMPORIUM_SERVICES", "faults");
            Process process = builder.start();
            if (!process.waitFor(180, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException(script + " " + String.join(" ", arguments) + " failed");
            }
        } catch (IOException e) {
            throw new IllegalStateException(script + " could not run", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
