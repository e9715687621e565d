// One order for the staff: lines, address, history, attention; only the changes its status allows (ship with a
// tracking number, deliver, cancel) through PUT /orders/{id}/status, and clearing the attention flag.
import { html, nothing } from 'lit';
import { request, get } from '../core/api.js';
import { money, dateTime, statusLabel } from '../core/format.js';
import { fieldError, invalid, LightElement } from '../core/ui.js';
import { alertOf, fieldIssues, describedBy } from './problems.js';
import { allowedActions, shortId } from './order-status.js';

class AdminOrder extends LightElement {
  static properties = {
    orderId: { attribute: false },
    order: { state: true },
    customer: { state: true },
    failure: { state: true },
    notice: { state: true },
    busy: { state: true },
    confirmingCancel: { state: true },
  };


  updated(changed) {
    if (changed.has('orderId')) {
      this.order = null;
      this.customer = null;
      this.notice = null;
      this.failure = null;
      this.load();
    }
  }

  async load() {
    try {
      this.order = await get(`/orders/${encodeURIComponent(this.orderId)}`, {}, { cache: 'no-store' });
      this.confirmingCancel = false;
      this.loadCustomer(this.order.user_id);
    } catch (failure) {
      this.failure = failure;
    }
  }

  async loadCustomer(userId) {
    if (!userId || this.customer?.id === userId) return;
    try {
      this.customer = await get(`/users/${encodeURIComponent(userId)}`);
    } catch {
      this.customer = null; // the id alone is still shown
    }
  }

  async change(status, extra = {}) {
    this.busy = true;
    this.failure = null;
    this.notice = null;
    try {
      this.order = (await request('PUT', `/orders/${encodeURIComponent(this.orderId)}/status`,
        { body: { status, ...extra } })).body;
      this.notice = `Order is now ${statusLabel(this.order.status).toLowerCase()}.`;
      this.confirmingCancel = false;
    } catch (failure) {
      this.failure = failure;
      // The order moved on meanwhile (e.g. the payment failed): show where it is now.
      if (failure.code === 'ILLEGAL_TRANSITION') await this.load();
    } finally {
      this.busy = false;
    }
  }

  ship(event) {
    event.preventDefault();
    const tracking = String(new FormData(event.target).get('tracking_number') || '').trim();
    if (!tracking) {
      this.failure = { code: 'VALIDATION_FAILED', message: '', details: [{ field: 'tracking_number', issue: 'Enter the tracking number of the parcel.' }] };
      return;
    }
    this.change('shipped', { tracking_number: tracking });
  }

  confirmCancel(asking) {
    this.confirmingCancel = asking;
    this.updateComplete.then(() => this.querySelector(asking ? '[data-action="confirm-cancel"]' : '[data-action="cancel"]')?.focus());
  }

  async clearAttention() {
    this.busy = true;
    this.failure = null;
    this.notice = null;
    try {
      await request('DELETE', `/orders/${encodeURIComponent(this.orderId)}/attention`);
      await this.load();
      this.notice = 'Attention cleared.';
    } catch (failure) {
      this.failure = failure;
    } finally {
      this.busy = false;
    }
  }

  render() {
    const o = this.order;
    return html`<section data-view="admin-order" aria-labelledby="order-title">
      <p class="admin-back"><a href="/admin/orders">← All orders</a></p>
      <h1 id="order-title" tabindex="-1">Order ${shortId(this.orderId)}</h1>
      ${this.notice ? html`<p class="admin-notice" role="status">${this.notice}</p>` : nothing}
      ${alertOf(this.failure, { shownFields: ['tracking_number'] })}
      ${o ? this.renderOrder(o) : (this.failure ? nothing : html`<p role="status">Loading the order…</p>`)}
    </section>`;
  }

  renderOrder(o) {
    return html`
      <dl class="admin-facts">
        <div><dt>Status</dt><dd><span class="admin-status admin-status-${o.status}" data-status="${o.status}">${statusLabel(o.status)}</span></dd></div>
        <div><dt>Placed</dt><dd>${dateTime(o.order_date)}</dd></div>
        <div><dt>Customer</dt><dd>${this.customer ? `${this.customer.username} (${this.customer.email})` : html`<code>${o.user_id}</code>`}</dd></div>
        <div><dt>Total</dt><dd>${money(o.total_amount, o.currency)}</dd></div>
        <div><dt>Ship to</dt><dd class="admin-address">${o.shipping_address}</dd></div>
        <div><dt>Tracking number</dt><dd>${o.tracking_number || '—'}</dd></div>
        <div><dt>Order id</dt><dd><code>${o.id}</code></dd></div>
      </dl>
      ${o.attention ? this.renderAttention(o) : nothing}
      ${this.renderActions(o)}
      <h2>Items</h2>
      <table class="admin-table">
        <caption class="visually-hidden">Items of the order</caption>
        <thead><tr><th scope="col">Product</th><th scope="col" class="num">Quantity</th><th scope="col" class="num">Unit price</th>
          <th scope="col" class="num">Line total</th></tr></thead>
        <tbody>${o.items.map((i) => html`<tr>
          <td data-label="Product"><a href="/admin/products/${i.product_id}">${i.name}</a></td>
          <td data-label="Quantity" class="num">${i.quantity}</td>
          <td data-label="Unit price" class="num">${money(i.unit_price, o.currency)}</td>
          <td data-label="Line total" class="num">${money(i.line_total, o.currency)}</td>
        </tr>`)}</tbody>
      </table>
      <h2>History</h2>
      <ol class="admin-history">${o.status_history.map((c) => html`<li>
        <span class="admin-status admin-status-${c.status}">${statusLabel(c.status)}</span>
        <time datetime="${c.at}">${dateTime(c.at)}</time>${c.reason ? html` — ${c.reason}` : nothing}
      </li>`)}</ol>`;
  }

  renderAttention(o) {
    return html`<div class="admin-card admin-attention" role="group" aria-labelledby="attention-title">
      <h2 id="attention-title">Needs attention</h2>
      <p>${o.attention.reason} <span class="admin-hint">(since ${dateTime(o.attention.at)})</span></p>
      <button type="button" ?disabled=${this.busy} @click=${this.clearAttention}>Clear attention</button>
    </div>`;
  }

  renderActions(o) {
    const actions = allowedActions(o.status);
    if (!actions.length) {
      return html`<p class="admin-hint">This order is ${statusLabel(o.status).toLowerCase()}: its status can no longer change.</p>`;
    }
    const issues = fieldIssues(this.failure);
    return html`<div class="admin-card admin-order-actions" role="group" aria-labelledby="actions-title">
      <h2 id="actions-title">Change status</h2>
      ${o.status === 'pending' ? html`<p class="admin-hint">Waiting for the payment to be authorised; it can be shipped once it is processing.</p>` : nothing}
      ${actions.includes('shipped') ? html`<form class="admin-inline-form" data-form="ship" @submit=${this.ship} novalidate>
        <div class="admin-field">
          <label for="order-tracking_number">Tracking number</label>
          <input id="order-tracking_number" name="tracking_number" maxlength="100" required autocomplete="off"
            aria-describedby=${describedBy(issues, 'tracking_number', 'order-tracking_number')} aria-invalid=${invalid(issues, 'tracking_number')}>
          ${fieldError(issues, 'tracking_number', 'order-tracking_number')}
        </div>
        <button type="submit" class="admin-primary" ?disabled=${this.busy}>Ship</button>
      </form>` : nothing}
      ${actions.includes('delivered') ? html`<button type="button" class="admin-primary" ?disabled=${this.busy}
        @click=${() => this.change('delivered')}>Deliver</button>` : nothing}
      ${actions.includes('cancelled') ? (this.confirmingCancel ? html`<div role="alert" class="admin-confirm">
          <p>Cancel this order? Its reserved stock goes back to the shop.</p>
          <div class="admin-actions">
            <button type="button" class="admin-danger" data-action="confirm-cancel" ?disabled=${this.busy}
              @click=${() => this.change('cancelled', { reason: 'cancelled by the store' })}>Yes, cancel the order</button>
            <button type="button" @click=${() => this.confirmCancel(false)}>Keep the order</button>
          </div>
        </div>`
        : html`<button type="button" class="admin-danger" ?disabled=${this.busy} data-action="cancel" @click=${() => this.confirmCancel(true)}>Cancel order</button>`) : nothing}
    </div>`;
  }
}

customElements.define('admin-order', AdminOrder);
