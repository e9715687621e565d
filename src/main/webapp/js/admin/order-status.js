// The order lifecycle as the server's OrderStatus enum defines it, and the changes the console offers on it.

const NEXT = {
  pending: ['processing', 'payment_failed', 'cancelled'],
  processing: ['shipped', 'cancelled'],
  shipped: ['delivered'],
  delivered: [],
  payment_failed: [],
  cancelled: [],
};

export const STATUSES = Object.keys(NEXT);

// processing and payment_failed are the payment's outcome, decided by the message-driven beans, not by staff.
const STAFF_ACTIONS = ['shipped', 'delivered', 'cancelled'];

/** The staff actions the state machine allows from this status, in lifecycle order. */
export function allowedActions(status) {
  return (NEXT[status] || []).filter((s) => STAFF_ACTIONS.includes(s));
}

export function shortId(id) {
  return String(id || '').slice(0, 8);
}
