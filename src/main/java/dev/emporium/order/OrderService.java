package dev.emporium.order;

import dev.emporium.auth.Caller;
import dev.emporium.payment.Payment;
import dev.emporium.payment.Payments;
import dev.emporium.web.ApiError.FieldIssue;
import dev.emporium.web.ApiException;
import dev.emporium.web.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Placing orders (validation, stock reservation, price snapshots, idempotency) and moving them through their
 * lifecycle. Stock is reserved with conditional UPDATEs in product-id order inside the placing transaction: two
 * orders for the last unit serialise on the row, exactly one finds stock left, and no order waits for another in a
 * cycle.
 */
@ApplicationScoped
public class OrderService {

    static final String PLACED = "Order placed successfully";

    @PersistenceContext(unitName = "emporium")
    EntityManager em;

    @Inject
    OrderMetrics metrics;

    @Inject
    IdempotencyKeys idempotencyKeys;

    @Inject
    OrderMessages messages;

    @Inject
    Payments payments;

    /** What became of an event applied to an order (returned, not thrown: the caller's transaction must survive). */
    public enum Outcome {
        APPLIED, ALREADY_DONE, NO_SUCH_ORDER, ILLEGAL_TRANSITION
    }

    /** What placing answered: the order, and whether it was placed by an earlier request with the same key. */
    public record Placement(OrderPlaced order, boolean replayed) {
    }

    @Transactional
    public Placement place(UUID userId, PlaceOrderRequest request, String idempotencyKey) {
        if (idempotencyKey != null) {
            var earlier = idempotencyKeys.claim(userId, idempotencyKey, request);
            if (earlier.isPresent()) {
                // The order as it is now: a client that retries after a lost answer learns where its order stands.
                Order order = em.find(Order.class, earlier.get());
                return new Placement(new OrderPlaced(PLACED, order.getId(), order.getStatus().wireName()), true);
            }
        }
        List<PlaceOrderRequest.Line> lines = request.items();
        Map<UUID, Snapshot> products = snapshots(lines);
        Set<String> currencies = new HashSet<>();
        products.values().forEach(p -> currencies.add(p.currency()));
        if (currencies.size() > 1) {
            throw ApiException.invalid("items", "all products of an order must have the same currency");
        }

        lines.stream().sorted(Comparator.comparing(PlaceOrderRequest.Line::productId)).forEach(line -> reserve(line, products));

        Order order = new Order(userId, currencies.iterator().next(), request.shippingAddress().strip());
        for (PlaceOrderRequest.Line line : lines) {
            Snapshot product = products.get(line.productId());
            order.add(new OrderItem(order, product.id(), product.name(), line.quantity(), product.price()));
        }
        order.moveTo(OrderStatus.PENDING, "placed");
        em.persist(order);
        em.flush();
        messages.placed(order, request.paymentToken());
        messages.statusChanged(order, null, "placed");
        metrics.transition(null, OrderStatus.PENDING);
        if (idempotencyKey != null) {
            idempotencyKeys.complete(userId, idempotencyKey, order.getId());
        }
        return new Placement(new OrderPlaced(PLACED, order.getId(), order.getStatus().wireName()), false);
    }

    /** An order the caller may see: their own, or any for an admin. Others' orders answer 404. */
    @Transactional
    public OrderView visibleTo(Caller caller, UUID id) {
        Order order = em.find(Order.class, id);
        if (order == null || !caller.mayActOn(order.getUserId())) {
            throw ApiException.notFound("ORDER_NOT_FOUND", "No such order");
        }
        return OrderView.of(order, caller.admin());
    }

    /** Views are built inside the transaction, where the lines and the history can still be loaded. */
    @Transactional
    public Page<OrderView> list(Caller caller, int page, int limit, OrderStatus status, UUID userFilter,
                                boolean needingAttention) {
        UUID user = caller.admin() ? userFilter : caller.userId();
        String where = " where 1 = 1" + (user == null ? "" : " and o.userId = :user") + (status == null ? "" : " and o.status = :status")
                + (needingAttention ? " and o.attentionAt is not null" : "");
        TypedQuery<Order> query = em.createQuery("select o from Order o" + where + " order by o.orderDate desc, o.id desc", Order.class);
        TypedQuery<Long> count = em.createQuery("select count(o) from Order o" + where, Long.class);
        if (user != null) {
            query.setParameter("user", user);
            count.setParameter("user", user);
        }
        if (status != null) {
            query.setParameter("status", status.wireName());
            count.setParameter("status", status.wireName());
        }
        List<OrderView> data = query.setFirstResult((page - 1) * limit).setMaxResults(limit).getResultList().stream()
                .map(o -> OrderView.of(o, caller.admin())).toList();
        return new Page<>(data, count.getSingleResult(), page, limit);
    }

    /** The owner (or an admin) cancels a pending or processing order; its stock goes back. */
    @Transactional
    public OrderView cancel(Caller caller, UUID id) {
        Order order = lockedVisible(caller, id);
        return OrderView.of(move(order, OrderStatus.CANCELLED, caller.admin() ? "cancelled by an administrator"
                : "cancelled by the customer", null), caller.admin());
    }

    @Transactional
    public OrderView changeStatus(UUID id, OrderStatus target, String trackingNumber, String reason) {
        Order order = em.find(Order.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (order == null) {
            throw ApiException.notFound("ORDER_NOT_FOUND", "No such order");
        }
        if (target == OrderStatus.SHIPPED && (trackingNumber == null || trackingNumber.isBlank())) {
            throw ApiException.invalid("tracking_number", "is required to mark an order shipped");
        }
        return OrderView.of(move(order, target, reason == null ? "changed by an administrator" : reason, trackingNumber), true);
    }

    private Order move(Order order, OrderStatus target, String reason, String trackingNumber) {
        OrderStatus current = order.getStatus();
        if (!current.canBecome(target)) {
            throw new ApiException(409, "ILLEGAL_TRANSITION", "An order that is " + current.wireName()
                    + " cannot become " + target.wireName(), List.of(new FieldIssue("status", "allowed: "
                    + current.next().stream().map(OrderStatus::wireName).sorted().toList())), null);
        }
        if (current.releasesStock(target)) {
            // In product-id order, as placing reserves: a release and a placement never wait for each other in a
            // cycle (the fault matrix found the deadlock when they locked in opposite orders).
            order.getItems().stream().sorted(Comparator.comparing(OrderItem::getProductId)).forEach(item -> em.createNativeQuery(
                    "UPDATE products SET stock = stock + ?1, version = version + 1, updated_at = now() WHERE id = ?2")
                    .setParameter(1, item.getQuantity()).setParameter(2, item.getProductId()).executeUpdate());
        }
        String why = target == OrderStatus.CANCELLED && payments.refund(order.getId()) ? reason + "; payment refunded" : reason;
        if (trackingNumber != null) {
            order.setTrackingNumber(trackingNumber.strip());
        }
        order.moveTo(target, why);
        em.flush();
        messages.statusChanged(order, current, why);
        metrics.transition(current, target);
        return order;
    }

    /**
     * Takes payment for a placed order and moves it to processing (authorised) or payment_failed (declined, stock
     * back). The order's row lock keeps a concurrent cancel out; an order that already left pending (paid by an
     * earlier delivery, or cancelled) is left as it is.
     */
    @Transactional
    public Outcome takePayment(OrderMessages.Placed placed) {
        Order order = em.find(Order.class, placed.orderId(), LockModeType.PESSIMISTIC_WRITE);
        if (order == null) {
            return Outcome.NO_SUCH_ORDER;
        }
        if (order.getStatus() != OrderStatus.PENDING) {
            return Outcome.ALREADY_DONE;
        }
        Payment payment = payments.charge(order.getId(), order.getTotalAmount(), order.getCurrency(), placed.paymentToken());
        if (payment.getStatus() == Payment.Status.AUTHORISED) {
            move(order, OrderStatus.PROCESSING, "payment authorised (" + payment.getReference() + ")", null);
        } else {
            move(order, OrderStatus.PAYMENT_FAILED, "payment declined: " + payment.getReason(), null);
        }
        return Outcome.APPLIED;
    }

    /** A warehouse's word that an order shipped (with its tracking number) or was delivered. */
    @Transactional
    public Outcome applyFulfillment(UUID orderId, OrderStatus target, String trackingNumber) {
        Order order = em.find(Order.class, orderId, LockModeType.PESSIMISTIC_WRITE);
        if (order == null) {
            return Outcome.NO_SUCH_ORDER;
        }
        if (order.getStatus() == target) {
            return Outcome.ALREADY_DONE;
        }
        if (!order.getStatus().canBecome(target)) {
            return Outcome.ILLEGAL_TRANSITION;
        }
        move(order, target, "reported by the warehouse", target == OrderStatus.SHIPPED ? trackingNumber : null);
        return Outcome.APPLIED;
    }

    /** Flags an order whose message could not be processed; false when there is no such order. */
    @Transactional
    public boolean markForAttention(UUID orderId, String reason) {
        Order order = em.find(Order.class, orderId, LockModeType.PESSIMISTIC_WRITE);
        if (order == null) {
            return false;
        }
        order.needsAttention(reason);
        return true;
    }

    /** An operator has dealt with the order. */
    @Transactional
    public void clearAttention(UUID orderId) {
        Order order = em.find(Order.class, orderId, LockModeType.PESSIMISTIC_WRITE);
        if (order == null) {
            throw ApiException.notFound("ORDER_NOT_FOUND", "No such order");
        }
        order.needsAttention(null);
    }

    private Order lockedVisible(Caller caller, UUID id) {
        Order order = em.find(Order.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (order == null || !caller.mayActOn(order.getUserId())) {
            throw ApiException.notFound("ORDER_NOT_FOUND", "No such order");
        }
        return order;
    }

    private void reserve(PlaceOrderRequest.Line line, Map<UUID, Snapshot> products) {
        int updated = em.createNativeQuery("UPDATE products SET stock = stock - ?1, version = version + 1,"
                        + " updated_at = now() WHERE id = ?2 AND archived_at IS NULL AND stock >= ?1")
                .setParameter(1, line.quantity()).setParameter(2, line.productId()).executeUpdate();
        if (updated == 0) {
            Snapshot product = products.get(line.productId());
            throw new ApiException(409, "OUT_OF_STOCK", "Not enough stock of " + product.name(),
                    List.of(new FieldIssue("items", line.productId().toString())), null);
        }
    }

    /** Name, price and currency of each ordered product, read (not loaded as entities) before stock is reserved. */
    private Map<UUID, Snapshot> snapshots(List<PlaceOrderRequest.Line> lines) {
        Set<UUID> ids = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!ids.add(lines.get(i).productId())) {
                throw ApiException.invalid("items[" + i + "].product_id", "appears twice; give one line per product");
            }
        }
        Map<UUID, Snapshot> found = new HashMap<>();
        em.createQuery("select new dev.emporium.order.OrderService$Snapshot(p.id, p.name, p.price, p.currency)"
                        + " from Product p where p.id in :ids and p.archivedAt is null", Snapshot.class)
                .setParameter("ids", ids).getResultList().forEach(s -> found.put(s.id(), s));
        for (int i = 0; i < lines.size(); i++) {
            if (!found.containsKey(lines.get(i).productId())) {
                throw ApiException.invalid("items[" + i + "].product_id", "no such product on sale");
            }
        }
        return found;
    }

    /** A product as an order line needs it. */
    public record Snapshot(UUID id, String name, BigDecimal price, String currency) {
        public Snapshot {
            currency = currency.strip();
        }
    }
}
