// The Idempotency-Key of the current checkout attempt. Made once and kept in sessionStorage until the order is
// placed: a double click, a retry after a network error or a reload sends the same key, so the API places at most
// one order for the attempt (it answers a repeated key with the order it placed the first time).

const KEY = 'emporium.checkout.idempotency-key';

export function checkoutKey() {
  let key = null;
  try {
    key = sessionStorage.getItem(KEY);
  } catch { /* storage disabled: a key for this page's life */ }
  if (!key) {
    key = crypto.randomUUID ? crypto.randomUUID() : `${Date.now()}-${Math.random().toString(36).slice(2)}`;
    try {
      sessionStorage.setItem(KEY, key);
    } catch { /* see above */ }
  }
  return key;
}

/** After success (or when the shopper starts a new attempt on purpose). */
export function forgetCheckoutKey() {
  try {
    sessionStorage.removeItem(KEY);
  } catch { /* nothing to forget */ }
}
