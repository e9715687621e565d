// The shopper's cart, kept in localStorage so that it survives reloads and sign-in. Lines remember the product's
// name and price when added, only to show something at once: the cart and checkout re-read current prices.

const KEY = 'emporium.cart.v1';
const listeners = new Set();

function read() {
  try {
    const lines = JSON.parse(localStorage.getItem(KEY) || '[]');
    return Array.isArray(lines) ? lines.filter((l) => l && l.product_id && l.quantity > 0) : [];
  } catch {
    return [];
  }
}

let lines = read();

function save(next) {
  lines = next;
  try {
    localStorage.setItem(KEY, JSON.stringify(lines));
  } catch {
    // Storage full or disabled: the cart still works for this page's life.
  }
  emit();
}

function emit() {
  for (const listener of listeners) listener(lines);
}

// Another tab changed the cart: follow it.
window.addEventListener('storage', (event) => {
  if (event.key === KEY) {
    lines = read();
    emit();
  }
});

/** listener(lines) on every change. Returns an unsubscribe. */
export function onCartChange(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** [{product_id, quantity, name, price, currency, image_url}] */
export function cartLines() {
  return lines;
}

export function itemCount() {
  return lines.reduce((sum, line) => sum + line.quantity, 0);
}

function snapshot(product) {
  return {
    product_id: product.id,
    name: product.name,
    price: product.price,
    currency: product.currency,
    image_url: product.image_url ?? null,
  };
}

export function addToCart(product, quantity = 1) {
  const existing = lines.find((l) => l.product_id === product.id);
  if (existing) {
    save(lines.map((l) => (l === existing ? { ...l, ...snapshot(product), quantity: l.quantity + quantity } : l)));
  } else {
    save([...lines, { ...snapshot(product), quantity }]);
  }
}

/** Sets a line's quantity; 0 removes it. */
export function setQuantity(productId, quantity) {
  if (quantity <= 0) {
    removeFromCart(productId);
    return;
  }
  save(lines.map((l) => (l.product_id === productId ? { ...l, quantity } : l)));
}

export function removeFromCart(productId) {
  save(lines.filter((l) => l.product_id !== productId));
}

/** Refreshes the remembered names and prices from current products. */
export function rememberProducts(products) {
  const byId = new Map(products.filter(Boolean).map((p) => [p.id, p]));
  const next = lines.map((l) => (byId.has(l.product_id) ? { ...l, ...snapshot(byId.get(l.product_id)) } : l));
  if (JSON.stringify(next) !== JSON.stringify(lines)) save(next);
}

export function clearCart() {
  save([]);
}
