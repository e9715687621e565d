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
 * with how long it lasted: what a load balancer's readiness probe sees while the server shuts down.
 */
final class ReadinessWatch {

    /** One answer, given for {@code lasted} before the next different one. */
    record Run(String answer, Duration lasted) {
        @Override
        public String toString() {
            return answer + " for " + lasted.toMillis() + " ms";
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

    void start() {
        watching = true;
        poller = new Thread(this::poll, "readiness-watch");
        poller.setDaemon(true);
        poller.start();
    }

    void stop() throws InterruptedException {
        watching = false;
        poller.join();
        synchronized (this) {
            if (current != null) {
                runs.add(new Run(current, Duration.ofNanos(System.nanoTime() - since)));
                current = null;
            }
        }
    }

    synchronized List<Run> runs() {
        return List.copyOf(runs);
    }

    private void poll() {
        while (watching) {
            record(answer());
            FaultServer.sleep(50);
        }
    }

    private synchronized void record(String answer) {
        if (answer.equals(current)) {
            return;
        }
        long now = System.nanoTime();
        if (current != null) {
            runs.add(new Run(current, Duration.ofNanos(now - since)));
        }
        current = answer;
        since = now;
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
