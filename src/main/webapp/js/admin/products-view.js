// Products: search the catalog (ranked full-text search of the API), page through it, open one to edit.
import { html, nothing } from 'lit';
import { get } from '../core/api.js';
import { money } from '../core/format.js';
import { navigate, withQuery } from '../core/router.js';
import { alertOf } from './problems.js';
import '../core/ui.js'; // <emp-pager>: previous / next links, so that every page has its own URL
import { takeNotice } from './notice.js';
import { AdminListing } from './listing.js';

const PATH = '/admin/products';
const PAGE_SIZE = 20;

class AdminProducts extends AdminListing {
  static properties = {
    ...AdminListing.properties,
    notice: { state: true },
  };

  constructor() {
    super();
    this.query = '';
    this.notice = takeNotice();
  }

  fetchListing({ search, page }) {
    // Without a search the newest products come first; with one, the API ranks by relevance.
    return get('/products', { search, page, limit: PAGE_SIZE, sort: search ? '' : '-created_at' });
  }

  submitSearch(event) {
    event.preventDefault();
    const search = String(new FormData(event.target).get('search') || '').trim();
    navigate(withQuery(PATH, { search }));
  }

  render() {
    const { search } = this.params;
    return html`<section data-view="admin-products" aria-labelledby="products-title">
      <div class="admin-title-row">
        <h1 id="products-title" tabindex="-1">Products</h1>
        <a class="admin-button admin-primary" href="/admin/products/new">New product</a>
      </div>
      ${this.notice ? html`<p class="admin-notice" role="status">${this.notice}</p>` : nothing}
      <form class="admin-search" role="search" @submit=${this.submitSearch}>
        <label for="products-search">Search products</label>
        <input id="products-search" name="search" type="search" .value=${search} placeholder="Name, description or SKU">
        <button type="submit">Search</button>
        ${search ? html`<a href="${PATH}">Clear search</a>` : nothing}
      </form>
      ${alertOf(this.failure)}
      ${this.renderListing(search)}
    </section>`;
  }

  renderListing(search) {
    if (!this.listing) {
      return this.loading ? html`<p role="status">Loading products…</p>` : nothing;
    }
    const { data } = this.listing;
    if (!data.length) {
      return html`<p class="admin-empty">${search ? `No product matches “${search}”.` : 'There are no products yet.'}
        <a href="/admin/products/new">Create a product</a>.</p>`;
    }
    return html`
      <table class="admin-table">
        <caption class="visually-hidden">${search ? `Products matching “${search}”` : 'Products, newest first'}</caption>
        <thead><tr><th scope="col">Name</th><th scope="col">SKU</th><th scope="col">Category</th>
          <th scope="col" class="num">Price</th><th scope="col" class="num">Stock</th></tr></thead>
        <tbody>${data.map((p) => html`<tr data-product-id="${p.id}">
          <td data-label="Name"><a href="/admin/products/${p.id}">${p.name}</a></td>
          <td data-label="SKU"><code>${p.sku}</code></td>
          <td data-label="Category">${p.category?.name ?? ''}</td>
          <td data-label="Price" class="num">${money(p.price, p.currency)}</td>
          <td data-label="Stock" class="num ${p.stock === 0 ? 'admin-out' : ''}">${p.stock === 0 ? 'Out of stock' : p.stock}</td>
        </tr>`)}</tbody>
      </table>
      <emp-pager .page=${this.listing.page} .total=${this.listing.total} .limit=${this.listing.limit}
        .hrefFor=${(n) => withQuery(PATH, { search, page: n > 1 ? n : '' })} label="Product list pages"></emp-pager>`;
  }
}

customElements.define('admin-products', AdminProducts);
