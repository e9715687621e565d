// Orders: everyone's, newest first, filtered by status, or only those waiting for an operator (dead-lettered work).
import { html, nothing } from 'lit';
import { get } from '../core/api.js';
import { money, dateTime, statusLabel } from '../core/format.js';
import { navigate, withQuery } from '../core/router.js';
import { alertOf } from './problems.js';
import '../core/ui.js'; // <emp-pager>: previous / next links, so that every page has its own URL
import { STATUSES, shortId } from './order-status.js';
import { AdminListing } from './listing.js';

const PATH = '/admin/orders';
const PAGE_SIZE = 20;

class AdminOrders extends AdminListing {
  paramsFrom(query) {
    return { status: query.get('status') || '', attention: query.get('attention') === 'true', page: query.get('page') || '' };
  }

  fetchListing({ status, attention, page }) {
    return get('/orders', { status, attention: attention ? 'true' : '', page, limit: PAGE_SIZE }, { cache: 'no-store' });
  }

  applyFilter(event) {
    event.preventDefault();
    const form = event.target.closest('form');
    const data = new FormData(form);
    // The tab (all orders or those needing attention) stays; the status narrows it.
    navigate(withQuery(PATH, { status: data.get('status') || '', attention: this.params.attention ? 'true' : '' }));
  }

  render() {
    const { status, attention } = this.params;
    return html`<section data-view="admin-orders" aria-labelledby="orders-title">
      <h1 id="orders-title" tabindex="-1">${attention ? 'Orders needing attention' : 'Orders'}</h1>
      <div class="admin-tabs" role="group" aria-label="Which orders">
        <a href="${withQuery(PATH, { status })}" aria-current=${!attention ? 'page' : nothing}>All orders</a>
        <a href="${withQuery(PATH, { status, attention: 'true' })}" aria-current=${attention ? 'page' : nothing}>Needs attention</a>
      </div>
      ${attention ? html`<p class="admin-hint">Orders whose processing failed for good (dead-lettered messages). Open one,
        deal with it, then clear its attention flag.</p>` : nothing}
      <form class="admin-filter" @submit=${this.applyFilter}>
        <label for="orders-status">Status</label>
        <select id="orders-status" name="status">
          <option value="" ?selected=${!status}>Any status</option>
          ${STATUSES.map((s) => html`<option value="${s}" ?selected=${status === s}>${statusLabel(s)}</option>`)}
        </select>
        <button type="submit">Show</button>
      </form>
      ${alertOf(this.failure)}
      ${this.renderListing(status, attention)}
    </section>`;
  }

  renderListing(status, attention) {
    if (!this.listing) {
      return this.loading ? html`<p role="status">Loading orders…</p>` : nothing;
    }
    const { data } = this.listing;
    if (!data.length) {
      return html`<p class="admin-empty">${attention ? 'No order needs attention right now.'
        : status ? `No order is ${statusLabel(status).toLowerCase()}.` : 'There are no orders yet.'}</p>`;
    }
    return html`
      <table class="admin-table">
        <caption class="visually-hidden">Orders, newest first</caption>
        <thead><tr><th scope="col">Order</th><th scope="col">Placed</th><th scope="col">Items</th>
          <th scope="col" class="num">Total</th><th scope="col">Status</th></tr></thead>
        <tbody>${data.map((o) => html`<tr data-order-id="${o.id}">
          <td data-label="Order"><a href="/admin/orders/${o.id}">Order ${shortId(o.id)}</a></td>
          <td data-label="Placed">${dateTime(o.order_date)}</td>
          <td data-label="Items">${o.items?.reduce((n, i) => n + i.quantity, 0) ?? ''}</td>
          <td data-label="Total" class="num">${money(o.total_amount, o.currency)}</td>
          <td data-label="Status"><span class="admin-status admin-status-${o.status}">${statusLabel(o.status)}</span>
            ${o.attention ? html`<span class="admin-flag">Needs attention</span>` : nothing}</td>
        </tr>`)}</tbody>
      </table>
      <emp-pager .page=${this.listing.page} .total=${this.listing.total} .limit=${this.listing.limit}
        .hrefFor=${(n) => withQuery(PATH, { status, attention: attention ? 'true' : '', page: n > 1 ? n : '' })}
        label="Order list pages"></emp-pager>`;
  }
}

customElements.define('admin-orders', AdminOrders);
