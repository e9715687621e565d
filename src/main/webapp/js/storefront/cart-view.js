// The cart: lines at current prices, editable quantities, a warning where a line asks for more than the stock.

import { html, nothing } from 'lit';
import { define, setTitle } from '../core/ui.js';
import { cartLines, onCartChange } from './cart-store.js';
import { cartTable } from './cart-lines.js';
import { priceCart } from './priced-cart.js';
import { View } from './view.js';

export class CartView extends View {
  static viewName = 'cart';

  connectedCallback() {
    super.connectedCallback();
    // Quantities changed here or in another tab: price the cart again.
    this.stopListening = onCartChange(() => this.reload());
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    this.stopListening?.();
  }

  async load(signal) {
    setTitle('Cart');
    const lines = cartLines();
    this.priced = lines.length ? await priceCart(lines, signal) : null;
    this.empty = !lines.length;
  }

  render() {
    const priced = this.priced;
    return html`
      <h1>Your cart</h1>
      <emp-alert .error=${this.error}></emp-alert>
      ${this.empty ? html`<div class="empty-state">
        <p>Your cart is empty.</p>
        <p><a class="button button-primary" href="/catalog">Browse the catalog</a></p>
      </div>` : nothing}
      ${!priced && this.loading ? html`<emp-loading label="Loading your cart…"></emp-loading>` : nothing}
      ${priced && !this.empty ? html`
        ${cartTable(priced, { editable: true })}
        ${priced.hasProblems ? html`<p class="alert alert-warning" role="alert">Some items are not available in the
          quantity you chose. Lower the quantity or remove them before checking out.</p>` : nothing}
        ${priced.totals.length > 1 ? html`<p class="alert alert-warning" role="alert">Your cart holds products
          priced in different currencies. An order is paid in one currency: please check out each currency's products
          separately.</p>` : nothing}
        <div class="cart-actions-bar">
          <a class="button button-secondary" href="/catalog">Continue shopping</a>
          <a class="button button-primary" href="/checkout">Proceed to checkout</a>
        </div>` : nothing}`;
  }
}
define('shop-cart-view', CartView);
