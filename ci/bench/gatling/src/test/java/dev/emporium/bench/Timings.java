package dev.emporium.bench;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * The response times of each phase's requests, and the span from the phase's first request sent to its last answer
 * received, so that a phase's rate is its count over the time it really ran (the phases follow each other, so the
 * report's rates, taken over the whole run, do not say it).
 */
final class Timings {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

    private final Map<String, Map<String, Samples>> phases = new TreeMap<>();
    private final Map<String, long[]> spans = new TreeMap<>();
    private final Map<String, long[]> requestSpans = new TreeMap<>();

    synchronized void record(String phase, String request, int millis) {
        long now = System.currentTimeMillis();
        phases.computeIfAbsent(phase, p -> new TreeMap<>()).computeIfAbsent(request, r -> new Samples()).add(millis);
        widen(spans.computeIfAbsent(phase, p -> newSpan()), now - millis, now);
        widen(requestSpans.computeIfAbsent(phase + ": " + request, r -> newSpan()), now - millis, now);
    }

    private static long[] newSpan() {
        return new long[] {Long.MAX_VALUE, Long.MIN_VALUE};
    }

    private static void widen(long[] span, long start, long end) {
        span[0] = Math.min(span[0], start);
        span[1] = Math.max(span[1], end);
    }

    /** Requests a second over the phase's span; 0 for a phase that recorded nothing. */
    synchronized double rate(String phase) {
        long[] span = spans.get(phase);
        if (span == null) {
            return 0;
        }
        long count = phases.get(phase).values().stream().mapToLong(samples -> samples.size).sum();
        return count * 1000.0 / Math.max(1, span[1] - span[0]);
    }

    /** One request of a phase a second, over the span of that request alone. */
    synchronized double rate(String phase, String request) {
        long[] span = requestSpans.get(phase + ": " + request);
        if (span == null) {
            return 0;
        }
        return phases.get(phase).get(request).size * 1000.0 / Math.max(1, span[1] - span[0]);
    }

    /** Each phase's span, as "mix 12:01:30.125-12:02:00.250". */
    synchronized String spans() {
        StringBuilder text = new StringBuilder();
        spans.forEach((phase, span) -> text.append(text.isEmpty() ? "" : ", ").append(phase).append(' ')
                .append(TIME.format(Instant.ofEpochMilli(span[0]))).append('-').append(TIME.format(Instant.ofEpochMilli(span[1]))));
        return text.toString();
    }

    /** One line per request of the phase: count, rate, p50, p95. */
    synchronized String table(String phase) {
        StringBuilder table = new StringBuilder();
        long[] span = spans.get(phase);
        if (span == null) {
            return table.toString();
        }
        double seconds = Math.max(1, span[1] - span[0]) / 1000.0;
        phases.get(phase).forEach((request, samples) -> table.append(String.format("%-34s %8d %8.1f %8d %8d%n",
                request, samples.size, samples.size / seconds, samples.percentile(50), samples.percentile(95))));
        return table.toString();
    }

    private static final class Samples {
        private int[] values = new int[1024];
        private int size;

        void add(int millis) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = millis;
        }

        int percentile(int percent) {
            int[] sorted = Arrays.copyOf(values, size);
            Arrays.sort(sorted);
            return sorted[Math.max(0, (int) Math.ceil(percent / 100.0 * size) - 1)];
        }
    }
}
