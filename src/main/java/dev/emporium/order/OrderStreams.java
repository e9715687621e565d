package dev.emporium.order;

import dev.emporium.platform.error.DomainException;
import dev.emporium.platform.error.ErrorCode;
import dev.emporium.platform.error.NotFound;
import dev.emporium.platform.security.Caller;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The open event streams of GET /orders/{id}/events on this replica: each gets the order as its caller may see it,
 * first at once and then after every status change this replica hears of (OrderEventsFeedMdb). A comment every
 * {@code emporium.orders.stream-keep-alive} keeps proxies from closing an idle stream and finds the streams whose
 * client went away, which are then closed and forgotten. A stream is told of each state once, in order: the "placed"
 * event can reach this replica after the stream opened and already showed the order as pending, and two notices can
 * be read out of order, so a view no newer than the last one sent is not sent again.
 */
@ApplicationScoped
public class OrderStreams {

    private static final Logger LOG = Logger.getLogger(OrderStreams.class.getName());
    static final String STATUS_EVENT = "status";

    @Inject
    OrderService orders;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    @ConfigProperty(name = "emporium.orders.stream-keep-alive", defaultValue = "PT15S")
    Duration keepAlive;

    /** Per account: a page per open order is plenty, and each stream holds a connection. */
    @Inject
    @ConfigProperty(name = "emporium.orders.streams-per-user", defaultValue = "8")
    int perUser;

    private final Map<UUID, Set<Subscriber>> byOrder = new ConcurrentHashMap<>();
    private ScheduledFuture<?> keepAliveTask;

    private static final class Subscriber {

        final Caller caller;
        final SseEventSink sink;
        final Sse sse;
        /** What the client was last sent; read and written under the subscriber's lock. */
        private OrderView lastSent;

        Subscriber(Caller caller, SseEventSink sink, Sse sse) {
            this.caller = caller;
            this.sink = sink;
            this.sse = sse;
        }

        /** Newer: a longer history, or the same history with something else changed (an admin's attention flag). */
        boolean advanceTo(OrderView order) {
            boolean newer = lastSent == null
                    || order.statusHistory().size() > lastSent.statusHistory().size()
                    || order.statusHistory().size() == lastSent.statusHistory().size() && !order.equals(lastSent);
            if (newer) {
                lastSent = order;
            }
            return newer;
        }
    }

    @PostConstruct
    void start() {
        long every = keepAlive.toMillis();
        keepAliveTask = scheduler.scheduleWithFixedDelay(this::keepAlive, every, every, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        keepAliveTask.cancel(false);
        byOrder.values().forEach(subscribers -> subscribers.forEach(s -> close(s.sink)));
        byOrder.clear();
    }

    /** Opens a stream: 404 for an order the caller may not see, 429 past the per-account allowance. */
    public void open(Caller caller, UUID orderId, SseEventSink sink, Sse sse) {
        OrderView first = orders.visibleTo(caller, orderId);
        if (openBy(caller.userId()) >= perUser) {
            throw new DomainException(ErrorCode.RATE_LIMITED, "Too many open event streams; close one first", List.of(), keepAlive);
        }
        Subscriber subscriber = new Subscriber(caller, sink, sse);
        byOrder.computeIfAbsent(orderId, id -> ConcurrentHashMap.newKeySet()).add(subscriber);
        send(orderId, subscriber, first);
    }

    /** The order changed (on any replica): tell whoever follows it here. */
    public void changed(UUID orderId) {
        Set<Subscriber> subscribers = byOrder.get(orderId);
        if (subscribers == null) {
            return;
        }
        for (Subscriber subscriber : List.copyOf(subscribers)) {
            try {
                send(orderId, subscriber, orders.visibleTo(subscriber.caller, orderId));
            } catch (NotFound gone) {
                // The order is no longer visible to this caller: nothing more to say to them.
                drop(orderId, subscriber);
            }
        }
    }

    private long openBy(UUID userId) {
        return byOrder.values().stream().flatMap(Set::stream).filter(s -> s.caller.userId().equals(userId)).count();
    }

    private void send(UUID orderId, Subscriber subscriber, OrderView order) {
        // Judged and written under one lock, so that a newer view is never overtaken by an older one.
        synchronized (subscriber) {
            if (!subscriber.advanceTo(order)) {
                return;
            }
            deliver(orderId, subscriber, subscriber.sse.newEventBuilder()
                    .name(STATUS_EVENT)
                    .id(Integer.toString(order.statusHistory().size()))
                    .mediaType(MediaType.APPLICATION_JSON_TYPE)
                    .data(OrderView.class, order)
                    .build());
        }
    }

    private void keepAlive() {
        byOrder.forEach((orderId, subscribers) -> {
            for (Subscriber subscriber : List.copyOf(subscribers)) {
                deliver(orderId, subscriber, subscriber.sse.newEventBuilder().comment("keep-alive").build());
            }
        });
        byOrder.values().removeIf(Set::isEmpty);
    }

    private void deliver(UUID orderId, Subscriber subscriber, OutboundSseEvent event) {
        if (subscriber.sink.isClosed()) {
            drop(orderId, subscriber);
            return;
        }
        // The keep-alive and a status change may write to the same stream at once: one writer at a time.
        synchronized (subscriber) {
            subscriber.sink.send(event).whenComplete((done, failure) -> {
                if (failure != null) {
                    LOG.log(Level.FINE, "An order event stream's client went away", failure);
                    drop(orderId, subscriber);
                }
            });
        }
    }

    private void drop(UUID orderId, Subscriber subscriber) {
        Set<Subscriber> subscribers = byOrder.get(orderId);
        if (subscribers != null) {
            subscribers.remove(subscriber);
        }
        close(subscriber.sink);
    }

    private static void close(SseEventSink sink) {
        try {
            sink.close();
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Closing an order event stream", e);
        }
    }
}
