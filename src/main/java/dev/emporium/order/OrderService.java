package dev.emporium.order;

import dev.emporium.catalog.StockReservations;
import dev.emporium.catalog.StockReservations.PricedProduct;
import dev.emporium.payment.Payment;
import dev.emporium.payment.PaymentGateway;
import dev.emporium.payment.Payments;
import dev.emporium.platform.error.ErrorCode;
import dev.emporium.platform.error.FieldIssue;
import dev.emporium.platform.error.InvalidInput;
import dev.emporium.platform.error.NotFound;
import dev.emporium.platform.security.Caller;
import dev.emporium.web.Page;
import dev.emporium.web.PageRequest;
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
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

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
    OrderEvents events;

    @Inject
    CustomerMails mails;

    @Inject
    Payments payments;

    @Inject
    StockReservations stock;

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
        Map<UUID, PricedProduct> products = pricesOf(lines);
        Set<String> currencies = new HashSet<>();
        products.values().forEach(p -> currencies.add(p.currency()));
        if (currencies.size() > 1) {
            throw new InvalidInput("items", "all products of an order must have the same currency");
        }
        Order order = new Order(userId, currencies.iterator().next(), request.shippingAddress().strip());
        for (PlaceOrderRequest.Line line : lines) {
            PricedProduct product = products.get(line.productId());
            order.add(new OrderItem(order, product.id(), product.name(), line.quantity(), product.price()));
        }
        order.placed();
        em.persist(order);
        em.flush();
        events.placed(order, request.paymentToken());
        metrics.transition(null, OrderStatus.PENDING);
        if (idempotencyKey != null) {
            idempotencyKeys.complete(userId, idempotencyKey, order.getId());
        }
        // Last, so that the product rows are locked only from here to the commit: orders for one popular product
        // queue on its row, and the work above no longer happens while holding it. Out of stock rolls it all back.
        stock.reserve(lines.stream().collect(Collectors.toMap(PlaceOrderRequest.Line::productId, PlaceOrderRequest.Line::quantity)));
        return new Placement(new OrderPlaced(PLACED, order.getId(), order.getStatus().wireName()), false);
    }

    /** An order the caller may see: their own, or any for an admin. Others' orders answer 404. */
    @Transactional
    public OrderView visibleTo(Caller caller, UUID id) {
        Order order = em.find(Order.class, id);
        if (order == null || !caller.mayActOn(order.getUserId())) {
            throw new NotFound(ErrorCode.ORDER_NOT_FOUND, "No such order");
        }
        return OrderView.of(order, caller.admin());
    }

    /** Views are built inside the transaction, where the lines and the history can still be loaded. */
    @Transactional
    public Page<OrderView> list(Caller caller, PageRequest request, OrderStatus status, UUID userFilter,
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
            query.setParameter("status", status);
            count.setParameter("status", status);
        }
        List<OrderView> data = query.setFirstResult(request.offset()).setMaxResults(request.limit()).getResultList().stream()
                .map(o -> OrderView.of(o, caller.admin())).toList();
        return request.of(data, count.getSingleResult());
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
            throw new NotFound(ErrorCode.ORDER_NOT_FOUND, "No such order");
        }
        if (target == OrderStatus.SHIPPED && (trackingNumber == null || trackingNumber.isBlank())) {
            throw new InvalidInput("tracking_number", "is required to mark an order shipped");
        }
        return OrderView.of(move(order, target, reason == null ? "changed by an administrator" : reason, trackingNumber), true);
    }

    private Order move(Order order, OrderStatus target, String reason, String trackingNumber) {
        // Decided before the move (a read), owed after it: an illegal move owes nothing. The gateway gives the money
        // back once this transaction has committed.
        boolean refund = target == OrderStatus.CANCELLED && payments.isRefundable(order.getId());
        Transition transition = order.moveTo(target, refund ? reason + "; payment to be refunded" : reason);
        if (transition.releasesStock()) {
            stock.release(order.getItems().stream().collect(Collectors.toMap(OrderItem::getProductId, OrderItem::getQuantity)));
        }
        if (refund) {
            payments.oweRefund(order.getId());
        }
        if (trackingNumber != null) {
            order.setTrackingNumber(trackingNumber.strip());
        }
        em.flush();
        events.statusChanged(order, transition);
        mails.tell(order, transition);
        metrics.transition(transition.from(), transition.to());
        return order;
    }

    /**
     * Payment, step 1: records the attempt for an order that awaits payment and returns the payment as it stands
     * (pending, or answered by an earlier delivery). An order that no longer awaits payment returns the payment it
     * has, if any: one still pending was asked for before a crash and never heard back, and the gateway may have
     * charged it, so it is asked again even when the order was cancelled since. The order row is read, not locked,
     * and the transaction ends before the gateway is asked.
     */
    @Transactional
    public Optional<Payment> beginPayment(UUID orderId) {
        Order order = em.find(Order.class, orderId);
        if (order == null) {
            throw new NotFound(ErrorCode.ORDER_NOT_FOUND, "No such order");
        }
        if (!order.awaitsPayment()) {
            return payments.of(orderId);
        }
        return Optional.of(payments.begin(orderId, order.getTotalAmount(), order.getCurrency()));
    }

    /**
     * Payment, last step: records the gateway's answer, when this delivery has one, and moves the order to processing
     * (authorised) or payment_failed (declined, stock back), in one transaction. The order's row lock keeps a
     * concurrent cancel out; an order cancelled while the gateway was asked is owed its money back, and one moved on
     * by an earlier delivery is left as it is.
     */
    @Transactional
    public Outcome settlePayment(UUID orderId, Optional<PaymentGateway.Authorization> answer) {
        Order order = em.find(Order.class, orderId, LockModeType.PESSIMISTIC_WRITE);
        if (order == null) {
            return Outcome.NO_SUCH_ORDER;
        }
        Optional<Payment> payment = answer.map(a -> payments.record(orderId, a)).or(() -> payments.of(orderId));
        if (!order.awaitsPayment()) {
            if (order.getStatus() == OrderStatus.CANCELLED) {
                payments.oweRefund(orderId);
            }
            return Outcome.ALREADY_DONE;
        }
        Payment answered = payment.filter(p -> p.getStatus() != Payment.Status.PENDING)
                .orElseThrow(() -> new IllegalStateException("the payment of order " + orderId + " has no answer yet"));
        if (answered.getStatus() == Payment.Status.AUTHORISED) {
            move(order, OrderStatus.PROCESSING, "payment authorised (" + answered.getReference() + ")", null);
        } else {
            move(order, OrderStatus.PAYMENT_FAILED, "payment declined: " + answered.getReason(), null);
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
        try {
            move(order, target, "reported by the warehouse", target == OrderStatus.SHIPPED ? trackingNumber : null);
        } catch (IllegalTransition e) {
            // Refused before anything changed: the caller dead-letters the report and the transaction commits.
            return Outcome.ILLEGAL_TRANSITION;
        }
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
            throw new NotFound(ErrorCode.ORDER_NOT_FOUND, "No such order");
        }
        order.needsAttention(null);
    }

    private Order lockedVisible(Caller caller, UUID id) {
        Order order = em.find(Order.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (order == null || !caller.mayActOn(order.getUserId())) {
            throw new NotFound(ErrorCode.ORDER_NOT_FOUND, "No such order");
        }
        return order;
    }

    /** The price of each ordered product now; 400 naming the line for a product given twice or not on sale. */
    private Map<UUID, PricedProduct> pricesOf(List<PlaceOrderRequest.Line> lines) {
        Set<UUID> ids = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!ids.add(lines.get(i).productId())) {
                throw new InvalidInput("items[" + i + "].product_id", "appears twice; give one line per product");
            }
        }
        Map<UUID, PricedProduct> found = stock.prices(ids);
        for (int i = 0; i < lines.size(); i++) {
            if (!found.containsKey(lines.get(i).productId())) {
                throw new InvalidInput("items[" + i + "].product_id", "no such product on sale");
            }
        }
        return found;
    }
}
