// One order: items, address, status history, followed live through GET /orders/{id}/events (server-sent events
// over fetch), falling back to polling every 3 s when the stream cannot be opened. Cancel while allowed.

import { html, nothing } from 'lit';
import { ApiFailure, get, post, stream } from '../core/api.js';
import { dateTime, money, statusLabel } from '../core/format.js';
import { navigate } from '../core/router.js';
import { onChange, user } from '../core/session.js';
import { announce, define, setTitle } from '../core/ui.js';
import { addToCart } from './cart-store.js';
import { CANCELLABLE_STATUSES, FINAL_STATUSES, statusBadge, statusHistory } from './order-status.js';
import { sessionReady } from './session-ready.js';
import { signInRequired } from './signin-required.js';
import { View } from './view.js';

const POLL_MS = 3000;
const RECONNECT_MS = 2000;

function pause(ms, signal) {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => { clearTimeout(timer); resolve(); }, { once: true });
  });
}

export class OrderView extends View {
  static viewName = 'order';

  static properties = {
    ...View.properties,
    order: { state: true },
    live: { state: true },
    confirming: { state: true },
    cancelling: { state: true },
    actionError: { state: true },
  };

  constructor() {
    super();
    this.order = null;
    this.live = '';
    this.confirming = false;
    this.cancelling = false;
    this.actionError = null;
  }

  connectedCallback() {
    super.connectedCallback();
    this.stop = onChange((u) => {
      if (Boolean(u) !== Boolean(this.signedIn)) this.reload();
    });
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    this.stop?.();
  }

  loadKey(route) {
    return route?.params.id;
  }

  async load(signal) {
    setTitle('Order');
    this.order = null;
    this.missing = false;
    this.live = '';
    this.confirming = false;
    this.actionError = null;
    await sessionReady;
    this.signedIn = Boolean(user());
    if (!this.signedIn) return;
    try {
      this.show(await get(`/orders/${encodeURIComponent(this.route.params.id)}`, undefined, { signal }));
    } catch (e) {
      if (e instanceof ApiFailure && (e.status === 404 || e.status === 400)) {
        this.missing = true;
        return;
      }
      throw e;
    }
    this.follow(signal);
  }

  /** Shows the order as it is now; #order-status is a live region, so a new status is read out by itself. */
  show(order) {
    this.order = order;
    if (this.ended) this.connection?.abort();
    setTitle(`Order ${order.id.slice(0, 8)} · ${statusLabel(order.status)}`);
  }

  get ended() {
    return !this.order || FINAL_STATUSES.includes(this.order.status);
  }

  /** Follows the stream; reconnects after a drop; polls when it cannot be opened at all. */
  async follow(signal) {
    const path = `/orders/${encodeURIComponent(this.order.id)}/events`;
    while (!signal.aborted && !this.ended) {
      // Closed by us once the order reaches a final status: nothing can change after that.
      const connection = new AbortController();
      this.connection = connection;
      const stopConnection = () => connection.abort();
      signal.addEventListener('abort', stopConnection, { once: true });
      try {
        await stream(path, ({ event, data }) => {
          this.live = 'stream';
          if (event === 'status' && data && data.id === this.order.id) this.show(data);
        }, { signal: connection.signal });
      } catch {
        if (!signal.aborted) await this.poll(signal);
        return;
      } finally {
        signal.removeEventListener('abort', stopConnection);
      }
      if (signal.aborted || this.ended) break;
      // Dropped (a proxy, a server restart): the next stream starts with the order as it is then.
      await pause(RECONNECT_MS, signal);
    }
    if (!signal.aborted) this.live = '';
  }

  async poll(signal) {
    this.live = 'polling';
    while (!signal.aborted && !this.ended) {
      await pause(POLL_MS, signal);
      if (signal.aborted) break;
      try {
        this.show(await get(`/orders/${encodeURIComponent(this.order.id)}`, undefined, { signal, cache: 'no-store' }));
      } catch {
        // A missed poll (server briefly away): the banner says so; try again next time.
      }
    }
    if (!signal.aborted) this.live = '';
  }

  async cancel() {
    this.cancelling = true;
    this.actionError = null;
    try {
      this.show(await post(`/orders/${encodeURIComponent(this.order.id)}/cancel`));
      this.confirming = false;
      announce('Your order is cancelled.');
    } catch (e) {
      this.actionError = e.code === 'ILLEGAL_TRANSITION'
        ? 'This order can no longer be cancelled: it has already been shipped or has ended.'
        : e;
      this.confirming = false;
      this.reload();
    } finally {
      this.cancelling = false;
    }
  }

  buyAgain() {
    for (const item of this.order.items) {
      addToCart({ id: item.product_id, name: item.name, price: item.unit_price, currency: this.order.currency },
        item.quantity);
    }
    navigate('/checkout');
  }

  renderLive() {
    const text = {
      stream: 'Live: this page updates by itself.',
      polling: 'This page checks for updates every few seconds.',
    }[this.live];
    return text ? html`<p class="live-indicator live-${this.live}">${text}</p>` : nothing;
  }

  renderNextSteps(order) {
    switch (order.status) {
      case 'pending':
        return html`<p>We are confirming your payment. This usually takes a few seconds.</p>`;
      case 'processing':
        return html`<p>Payment confirmed. We are preparing your parcel.</p>`;
      case 'shipped':
        return html`<p>Your parcel is on its way${order.tracking_number
          ? html` (tracking number <strong class="tracking-number">${order.tracking_number}</strong>)` : ''}.</p>`;
      case 'delivered':
        return html`<p>Delivered. We hope you enjoy it!</p>`;
      case 'payment_failed':
        return html`<div class="alert alert-error payment-failed">
          <p><strong>Your payment was declined.</strong> Nothing was charged, and the items went back on sale.</p>
          <p>Put the items back in your cart and place the order again with another card.</p>
          <button type="button" class="button-primary" @click=${this.buyAgain}>Put the items back in my cart</button>
        </div>`;
      case 'cancelled':
        return html`<p>This order is cancelled. If you had paid, the amount is refunded.</p>`;
      default:
        return nothing;
    }
  }

  renderCancel(order) {
    if (!CANCELLABLE_STATUSES.includes(order.status)) return nothing;
    if (!this.confirming) {
      return html`<button type="button" class="button-secondary" @click=${() => { this.confirming = true; }}>
        Cancel order</button>`;
    }
    return html`<div class="confirm" role="group" aria-labelledby="cancel-question">
      <p id="cancel-question">Cancel this order? This cannot be undone.</p>
      <button type="button" class="button-danger" ?disabled=${this.cancelling} @click=${this.cancel}>
        ${this.cancelling ? 'Cancelling…' : 'Yes, cancel order'}</button>
      <button type="button" class="button-secondary" ?disabled=${this.cancelling}
        @click=${() => { this.confirming = false; }}>Keep order</button>
    </div>`;
  }

  render() {
    if (this.signedIn === false && !this.loading) {
      return html`<h1>Order</h1>${signInRequired('Sign in to see this order.', 'order-signin')}`;
    }
    if (this.missing) {
      return html`<h1>Order not found</h1>
        <p>There is no order of yours at this address.</p>
        <p><a href="/orders">See all your orders</a></p>`;
    }
    const order = this.order;
    if (!order) {
      return html`<h1>Order</h1>
        <emp-alert .error=${this.error}></emp-alert>
        ${this.loading ? html`<emp-loading label="Loading the order…"></emp-loading>` : nothing}`;
    }
    const placed = this.route?.query.placed === '1' && !['payment_failed', 'cancelled'].includes(order.status);
    return html`
      <h1>Order <span class="order-ref">#${order.id.slice(0, 8)}</span></h1>
      ${placed ? html`<p class="alert alert-success">${order.status === 'pending'
        ? 'Thank you! Your order is placed. We are taking the payment now; an e-mail follows once it is confirmed.'
        : 'Thank you! Your order is confirmed, and a confirmation is on its way to your inbox.'}</p>` : nothing}
      <section class="order-status-panel" aria-labelledby="order-status-heading">
        <h2 id="order-status-heading">Status</h2>
        <div class="order-status" id="order-status" role="status" aria-live="polite" data-status=${order.status}>
          ${statusBadge(order.status)}
        </div>
        ${this.renderLive()}
        ${this.renderNextSteps(order)}
        <emp-alert .error=${this.actionError}></emp-alert>
        ${this.renderCancel(order)}
      </section>
      <div class="order-columns">
        <section aria-labelledby="order-items-heading">
          <h2 id="order-items-heading">Items</h2>
          <table class="cart-table">
            <thead><tr>
              <th scope="col">Product</th><th scope="col" class="numeric">Price</th>
              <th scope="col" class="numeric">Quantity</th><th scope="col" class="numeric">Total</th>
            </tr></thead>
            <tbody>${order.items.map((item) => html`<tr>
              <th scope="row"><a href="/products/${item.product_id}">${item.name}</a></th>
              <td class="numeric" data-label="Price">${money(item.unit_price, order.currency)}</td>
              <td class="numeric" data-label="Quantity">${item.quantity}</td>
              <td class="numeric" data-label="Total">${money(item.line_total, order.currency)}</td>
            </tr>`)}</tbody>
            <tfoot><tr class="cart-total">
              <th scope="row" colspan="3">Total</th>
              <td class="numeric">${money(order.total_amount, order.currency)}</td>
            </tr></tfoot>
          </table>
        </section>
        <section aria-labelledby="order-details-heading">
          <h2 id="order-details-heading">Details</h2>
          <dl class="details-list">
            <dt>Placed</dt><dd>${dateTime(order.order_date)}</dd>
            <dt>Shipping address</dt><dd class="address">${order.shipping_address}</dd>
            ${order.tracking_number ? html`<dt>Tracking number</dt><dd>${order.tracking_number}</dd>` : nothing}
          </dl>
          <h3>History</h3>
          ${statusHistory(order.status_history)}
        </section>
      </div>
      <p><a href="/orders">All my orders</a></p>`;
  }
}
define('shop-order-view', OrderView);
