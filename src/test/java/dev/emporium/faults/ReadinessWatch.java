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
 * an answer can take most of a second, which would otherwise be taken out of the run it starts; for the same reason
 * a run also keeps when its last request was sent, so that how long the server kept giving an answer is not confused
 * with how long one answer took.
 */
final class ReadinessWatch {

    /**
     * One answer, first asked for at {@code began} and last at {@code lastAsked} (System.nanoTime()), given
     * {@code answers} times in a row until the next different one.
     */
    record Run(String answer, long began, long lastAsked, int answers, Duration lasted) {

        /** From the first request that got this answer to the last: how long the server kept giving it. */
        Duration given() {
            return Duration.ofNanos(lastAsked - began);
        }

        Duration beganAfter(long instant) {
            return Duration.ofNanos(began - instant);
        }

        Duration lastAskedAfter(long instant) {
            return Duration.ofNanos(lastAsked - instant);
        }

        String describe(long instant) {
            return answer + " ×" + answers + " from " + String.format("%+d", beganAfter(instant).toMillis()) + " ms for "
                    + lasted.toMillis() + " ms";
        }
    }

    private final URI ready;
    private final List<Run> runs = new ArrayList<>();
    private volatile boolean watching;
    private Thread poller;
    private String current;
    private long since;
    private long lastAsked;
    private int answers;

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

    /**
     * Waits until the server has answered {@code answer}: a server too loaded to answer its probe in time is not
     * ready, and a drain can only be judged from a server that was.
     */
    void awaitAnswer(String answer, Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        synchronized (this) {
            while (!answer.equals(current)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("readiness never answered " + answer + " within " + wait + ": " + runs);
                }
                wait(Math.max(1, left / 1_000_000));
            }
        }
    }

    void stop() throws InterruptedException {
        watching = false;
        poller.join();
        synchronized (this) {
            if (current != null) {
                runs.add(new Run(current, since, lastAsked, answers, Duration.ofNanos(System.nanoTime() - since)));
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
            lastAsked = sent;
            answers++;
            return;
        }
        if (current != null) {
            runs.add(new Run(current, since, lastAsked, answers, Duration.ofNanos(sent - since)));
        }
        current = answer;
        since = sent;
        lastAsked = sent;
        answers = 1;
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
