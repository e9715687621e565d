package dev.emporium.faults;

import java.io.IOException;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Polls one server's /health/ready every 50 ms and keeps each run of the same answer ("200", "503", "refused"...)
 * with when it began and how long it lasted: what a load balancer's readiness probe sees while the server shuts down.
 * A run begins when the first request that got its answer was sent, not when that answer arrived: on a loaded machine
 * an answer can take most of a second, which would otherwise be taken out of the run it starts.
 */
final class ReadinessWatch {

    /** One answer, first asked for at {@code began} (System.nanoTime()) and given until the next different one. */
    record Run(String answer, long began, Duration lasted) {

        Duration beganAfter(long instant) {
            return Duration.ofNanos(began - instant);
        }

        String describe(long instant) {
            return answer + " from " + String.format("%+d", beganAfter(instant).toMillis()) + " ms for " + lasted.toMillis() + " ms";
        }
    }

    private final URI ready;
    private final List<Run> runs = new ArrayList<>();
    private volatile boolean watching;
    private Thread poller;
    private String current;
    private long since;

    ReadinessWatch(URI server) {
        this.ready = server.resolve("/health/ready");
    }

    /** Starts polling and returns once the first answer is in, so that the first run shows the state before. */
    void start() throws InterruptedException {
        watching = true;
        poller = new Thread(this::poll, "readiness-watch");
        poller.setDaemon(true);
        poller.start();
        synchronized (this) {
            while (current == null) {
                wait();
            }
        }
    }

    void stop() throws InterruptedException {
        watching = false;
        poller.join();
        synchronized (this) {
            if (current != null) {
                runs.add(new Run(current, since, Duration.ofNanos(System.nanoTime() - since)));
                current = null;
            }
        }
    }

    synchronized List<Run> runs() {
        return List.copyOf(runs);
    }

    private void poll() {
        while (watching) {
            long sent = System.nanoTime();
            record(answer(), sent);
            FaultServer.sleep(50);
        }
    }

    private synchronized void record(String answer, long sent) {
        if (answer.equals(current)) {
            return;
        }
        if (current != null) {
            runs.add(new Run(current, since, Duration.ofNanos(sent - since)));
        }
        current = answer;
        since = sent;
        notifyAll();
    }

    /** A new connection each time, as a probe makes: a kept-alive one would report its own closing. */
    private String answer() {
        try {
            HttpURLConnection connection = (HttpURLConnection) ready.toURL().openConnection();
            connection.setConnectTimeout(1000);
            connection.setReadTimeout(2000);
            connection.setRequestProperty("Connection", "close");
            try {
                return Integer.toString(connection.getResponseCode());
            } finally {
                connection.disconnect();
            }
        } catch (ConnectException e) {
            return "refused";
        } catch (IOException e) {
            return "no answer";
        }
    }
}
