// My orders: newest first, a page at a time.

import { html, nothing } from 'lit';
import { get } from '../core/api.js';
import { count, date, money } from '../core/format.js';
import { withQuery } from '../core/router.js';
import { onChange, user } from '../core/session.js';
import { define, setTitle } from '../core/ui.js';
import { statusBadge } from './order-status.js';
import { sessionReady } from './session-ready.js';
import { signInRequired } from './signin-required.js';
import { View } from './view.js';

const PAGE_SIZE = 10;

export class OrdersView extends View {
  static viewName = 'orders';

  connectedCallback() {
    super.connectedCallback();
    this.stop = onChange(() => this.reload());
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    this.stop?.();
  }

  async load(signal) {
    setTitle('My orders');
    await sessionReady;
    this.result = null;
    this.signedIn = Boolean(user());
    if (!this.signedIn) return;
    const page = Math.max(1, Number.parseInt(this.route.query.page, 10) || 1);
    this.result = await get('/orders', { page: page > 1 ? page : '', limit: PAGE_SIZE }, { signal });
  }

  render() {
    const result = this.result;
    return html`
      <h1>My orders</h1>
      <emp-alert .error=${this.error}></emp-alert>
      ${this.loading && !result ? html`<emp-loading label="Loading your orders…"></emp-loading>` : nothing}
      ${!this.loading && this.signedIn === false ? signInRequired('Sign in to see your orders.', 'orders-signin') : nothing}
      ${result && !result.data.length ? html`<div class="empty-state">
        <p>You have not ordered anything yet.</p>
        <p><a class="button button-primary" href="/catalog">Browse the catalog</a></p>
      </div>` : nothing}
      ${result?.data.length ? html`
        <p class="result-count">${count(result.total, 'order')}</p>
        <ul class="order-list" role="list">
          ${result.data.map((o) => html`<li class="order-card" data-order-id=${o.id}>
            <h2 class="order-card-title"><a href="/orders/${o.id}">Order of ${date(o.order_date)}
              <span class="order-ref">#${o.id.slice(0, 8)}</span></a></h2>
            <p>${statusBadge(o.status)}</p>
            <p>${count(o.items.reduce((n, i) => n + i.quantity, 0), 'item')} ·
              <strong>${money(o.total_amount, o.currency)}</strong></p>
          </li>`)}
        </ul>
        <emp-pager .page=${result.page} .total=${result.total} .limit=${result.limit}
          .hrefFor=${(p) => withQuery('/orders', { page: p > 1 ? p : '' })} label="Order pages"></emp-pager>` : nothing}`;
  }
}
define('shop-orders-view', OrdersView);
