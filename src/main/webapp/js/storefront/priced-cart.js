// The cart at today's prices: every line's product is read again, so totals never use a stale price and a line
// asking for more than the stock is flagged before the order is placed.

import { ApiFailure, request } from '../core/api.js';
import { rememberProducts } from './cart-store.js';

async function currentProduct(productId, signal) {
  try {
    // no-cache: revalidate with the server (its ETag makes that cheap) rather than trust a minute-old copy.
    const { body } = await request('GET', `/products/${encodeURIComponent(productId)}`, { signal, cache: 'no-cache' });
    return body;
  } catch (e) {
    if (e instanceof ApiFailure && (e.status === 404 || e.status === 400)) return null;
    throw e;
  }
}

/**
 * → {items: [{line, product, unavailable, overStock, lineTotal}], totals: [{currency, amount}], hasProblems}
 * (one total per currency: the API places an order in one currency).
 */
export async function priceCart(lines, signal) {
  const products = await Promise.all(lines.map((line) => currentProduct(line.product_id, signal)));
  rememberProducts(products);
  const totals = new Map();
  const items = lines.map((line, i) => {
    const product = products[i];
    if (!product) return { line, product: null, unavailable: true, overStock: false, lineTotal: 0 };
    const lineTotal = Math.round(Number(product.price) * 100 * line.quantity) / 100;
    totals.set(product.currency, Math.round(((totals.get(product.currency) || 0) + lineTotal) * 100) / 100);
    return { line, product, unavailable: false, overStock: line.quantity > product.stock, lineTotal };
  });
  return {
    items,
    totals: [...totals].map(([currency, amount]) => ({ currency, amount })),
    hasProblems: items.some((item) => item.unavailable || item.overStock),
  };
}
