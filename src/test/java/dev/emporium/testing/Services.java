package dev.emporium.testing;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Stops and starts the services the ci/ scripts run, for tests of how the application copes without them. */
public final class Services {

    private Services() {
    }

    public static void broker(String action) {
        run("ci/artemis.sh", action);
    }

    public static void redis(String action) {
        run("ci/redis.sh", action);
    }

    public static void database(String action) {
        run("ci/postgres.sh", action);
    }

    /** ci/prometheus.sh: {@code start HOST:PORT} scrapes that server with the alert rules; {@code stop}. */
    public static void prometheus(String... actionAndArguments) {
        run("ci/prometheus.sh", actionAndArguments);
    }

    /** True when ci/postgres.sh runs a private cluster that a test may stop and start again. */
    public static boolean privateDatabase() {
        return "0".equals(System.getenv("EMPORIUM_EXTERNAL_DB"));
    }

    private static void run(String script, String... action) {
        File basedir = new File(System.getProperty("emporium.basedir", "."));
        try {
            List<String> command = new ArrayList<>(List.of("bash", script));
            command.addAll(List.of(action));
            ProcessBuilder builder = new ProcessBuilder(command).directory(basedir).inheritIO();
            // The integration tests' server uses the "test" service set (see ci/env.sh), never the demo's.
            builder.environment().put("EMPORIUM_SERVICES", "test");
            Process process = builder.start();
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException(command + " failed");
            }
        } catch (IOException e) {
            throw new IllegalStateException(script + " " + List.of(action) + " could not run", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
