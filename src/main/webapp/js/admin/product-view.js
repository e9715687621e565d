// One product: create it, or edit every field (PUT with If-Match), change its stock (PATCH with If-Match),
// upload its image, archive it. A 412 means another admin saved first: the view says so and offers a reload.
import { html, nothing } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import { request, get } from '../core/api.js';
import { money, dateTime } from '../core/format.js';
import { navigate } from '../core/router.js';
import { fieldError, invalid, LightElement } from '../core/ui.js';
import { alertOf, fieldIssues, describedBy } from './problems.js';
import { leaveNotice, takeNotice } from './notice.js';
import { categoryOptions } from './category-tree.js';
import './product-image.js';

// The API shows an uploaded image as its own /api/v1/images/ path in image_url; that is not an address to send back.
const UPLOADED_PREFIX = '/api/v1/images/';

function externalImageOf(product) {
  const url = product?.image_url;
  return url && !url.startsWith(UPLOADED_PREFIX) ? url : '';
}

const FIELDS = ['name', 'description', 'sku', 'price', 'currency', 'stock', 'category_id', 'image_url'];

class AdminProduct extends LightElement {
  static properties = {
    productId: { attribute: false },
    product: { state: true },
    etag: { state: true },
    categories: { state: true },
    failure: { state: true },
    stockFailure: { state: true },
    stale: { state: true },
    notice: { state: true },
    busy: { state: true },
    confirmingArchive: { state: true },
    formVersion: { state: true },
  };


  constructor() {
    super();
    this.categories = [];
    this.formVersion = 0;
  }

  get creating() {
    return !this.productId;
  }

  updated(changed) {
    if (changed.has('productId')) this.load();
  }

  async load() {
    this.reset();
    this.notice = takeNotice();
    this.loadCategories();
    if (!this.creating) await this.reloadProduct();
  }

  reset() {
    this.product = null;
    this.etag = null;
    this.failure = null;
    this.stockFailure = null;
    this.stale = false;
    this.notice = null;
    this.confirmingArchive = false;
  }

  async loadCategories() {
    try {
      this.categories = await get('/categories');
    } catch (failure) {
      this.failure = failure;
    }
  }

  /** Reads the product and its ETag afresh; the form is rebuilt so that no edited value survives a reload. */
  async reloadProduct() {
    try {
      const answer = await request('GET', `/products/${encodeURIComponent(this.productId)}`, { cache: 'no-store' });
      this.product = answer.body;
      this.etag = answer.headers.get('ETag');
      this.stale = false;
      this.failure = null;
      this.stockFailure = null;
      this.formVersion += 1;
    } catch (failure) {
      this.failure = failure;
    }
  }

  valuesOf(form) {
    const data = new FormData(form);
    const text = (name) => {
      const value = String(data.get(name) ?? '').trim();
      return value === '' ? null : value;
    };
    const number = (name) => (text(name) === null ? null : Number(text(name)));
    return {
      name: text('name'),
      description: text('description'),
      sku: text('sku'),
      price: number('price'),
      currency: text('currency')?.toUpperCase() ?? null,
      stock: number('stock'),
      category_id: text('category_id'),
      image_url: text('image_url'),
    };
  }

  async save(event) {
    event.preventDefault();
    const body = this.valuesOf(event.target);
    this.busy = true;
    this.failure = null;
    this.notice = null;
    try {
      if (this.creating) {
        const answer = await request('POST', '/products', { body });
        leaveNotice(`Product “${body.name}” created. You can now upload its image.`);
        navigate(`/admin/products/${answer.body.product_id}`, { replace: true });
      } else {
        const answer = await request('PUT', `/products/${encodeURIComponent(this.productId)}`,
          { body, headers: { 'If-Match': this.etag } });
        this.product = answer.body;
        this.etag = answer.headers.get('ETag');
        this.notice = 'Saved.';
      }
    } catch (failure) {
      this.failure = failure;
      this.stale = failure.code === 'PRECONDITION_FAILED';
    } finally {
      this.busy = false;
    }
  }

  async changeStock(event) {
    event.preventDefault();
    const value = String(new FormData(event.target).get('stock') ?? '').trim();
    this.stockFailure = null;
    this.notice = null;
    this.busy = true;
    try {
      const answer = await request('PATCH', `/products/${encodeURIComponent(this.productId)}`,
        { body: { stock: value === '' ? null : Number(value) }, headers: { 'If-Match': this.etag } });
      this.product = answer.body;
      this.etag = answer.headers.get('ETag');
      // Keep the main form's other edits but show the new stock there too, so a later Save does not undo it.
      const stockField = this.querySelector('form[data-form="product"] [name="stock"]');
      if (stockField) stockField.value = String(this.product.stock);
      this.notice = `Stock is now ${this.product.stock}.`;
    } catch (failure) {
      this.stockFailure = failure;
      this.stale = failure.code === 'PRECONDITION_FAILED';
    } finally {
      this.busy = false;
    }
  }

  async archive() {
    this.busy = true;
    this.failure = null;
    try {
      await request('DELETE', `/products/${encodeURIComponent(this.productId)}`, { headers: { 'If-Match': this.etag } });
      leaveNotice(`Product “${this.product.name}” archived: it no longer appears in the shop.`);
      navigate('/admin/products');
    } catch (failure) {
      this.failure = failure;
      this.stale = failure.code === 'PRECONDITION_FAILED';
      this.confirmingArchive = false;
    } finally {
      this.busy = false;
    }
  }

  /** Shows or hides the confirmation, and puts the focus on what replaced the button that was pressed. */
  confirmArchive(asking) {
    this.confirmingArchive = asking;
    this.updateComplete.then(() => this.querySelector(asking ? '[data-action="confirm-archive"]' : '[data-action="archive"]')?.focus());
  }

  imageUploaded(event) {
    // The upload changed the product's version: read it again so that the next save carries the current ETag.
    this.notice = 'Image uploaded.';
    this.product = event.detail;
    this.refreshVersionOnly();
  }

  async refreshVersionOnly() {
    try {
      const answer = await request('GET', `/products/${encodeURIComponent(this.productId)}`, { cache: 'no-store' });
      this.product = answer.body;
      this.etag = answer.headers.get('ETag');
    } catch (failure) {
      this.failure = failure;
    }
  }

  render() {
    const title = this.creating ? 'New product' : (this.product ? this.product.name : 'Product');
    return html`<section data-view="admin-product" aria-labelledby="product-title">
      <p class="admin-back"><a href="/admin/products">← All products</a></p>
      <h1 id="product-title" tabindex="-1">${title}</h1>
      ${this.notice ? html`<p class="admin-notice" role="status">${this.notice}</p>` : nothing}
      ${this.stale ? html`<div class="admin-alert admin-stale" role="alert">
          <p><strong>Changed by someone else.</strong> Another admin saved this product after you opened it, so your
          change was not saved. Reload to see the current version, then make your change again.</p>
          <button type="button" @click=${this.reloadProduct}>Reload</button>
        </div>` : alertOf(this.failure, { shownFields: FIELDS })}
      ${this.creating || this.product ? this.renderBody() : (this.failure ? nothing : html`<p role="status">Loading the product…</p>`)}
    </section>`;
  }

  renderBody() {
    const p = this.product;
    return html`
      ${p ? html`<p class="admin-meta">SKU <code>${p.sku}</code> · ${money(p.price, p.currency)} · ${p.stock} in stock ·
        updated ${dateTime(p.updated_at)}</p>` : nothing}
      <div class="admin-product-layout">
        ${keyed(`${this.productId}:${this.formVersion}`, this.renderForm(p))}
        ${p ? html`<div class="admin-side">
          <admin-product-image .product=${p} @image-uploaded=${this.imageUploaded}></admin-product-image>
          ${this.renderStock(p)}
          ${this.renderArchive(p)}
        </div>` : nothing}
      </div>`;
  }

  renderForm(p) {
    const issues = this.stale ? {} : fieldIssues(this.failure);
    const field = (name, label, input, hint) => html`<div class="admin-field">
      <label for="product-${name}">${label}</label>
      ${input}
      ${hint ? html`<p class="admin-hint" id="product-${name}-hint">${hint}</p>` : nothing}
      ${fieldError(issues, name, `product-${name}`)}
    </div>`;
    const attrs = (name) => ({ describedBy: describedBy(issues, name, `product-${name}`), invalid: invalid(issues, name) });
    const a = Object.fromEntries(FIELDS.map((n) => [n, attrs(n)]));
    return html`<form class="admin-form" data-form="product" @submit=${this.save} novalidate aria-label="Product details">
      ${field('name', 'Name', html`<input id="product-name" name="name" required maxlength="200" .value=${p?.name ?? ''}
        aria-describedby=${a.name.describedBy} aria-invalid=${a.name.invalid}>`)}
      ${field('description', 'Description', html`<textarea id="product-description" name="description" rows="5" maxlength="10000"
        .value=${p?.description ?? ''} aria-describedby=${a.description.describedBy} aria-invalid=${a.description.invalid}></textarea>`)}
      <div class="admin-row">
        ${field('sku', 'SKU', html`<input id="product-sku" name="sku" required maxlength="64" autocomplete="off" .value=${p?.sku ?? ''}
          aria-describedby=${a.sku.describedBy} aria-invalid=${a.sku.invalid}>`)}
        ${field('category_id', 'Category', html`<select id="product-category_id" name="category_id" required
            aria-describedby=${a.category_id.describedBy} aria-invalid=${a.category_id.invalid}>
          <option value="" ?selected=${!p}>Choose a category</option>
          ${categoryOptions(this.categories).map((c) => html`<option value="${c.id}" ?selected=${p?.category?.id === c.id}>${c.label}</option>`)}
        </select>`)}
      </div>
      <div class="admin-row">
        ${field('price', 'Price', html`<input id="product-price" name="price" type="number" inputmode="decimal" min="0" step="0.01" required
          .value=${p ? Number(p.price).toFixed(2) : ''} aria-describedby=${a.price.describedBy} aria-invalid=${a.price.invalid}>`)}
        ${field('currency', 'Currency', html`<input id="product-currency" name="currency" required maxlength="3" autocomplete="off"
          .value=${p?.currency ?? 'EUR'} aria-describedby=${a.currency.describedBy} aria-invalid=${a.currency.invalid}>`)}
        ${field('stock', 'Stock', html`<input id="product-stock" name="stock" type="number" inputmode="numeric" min="0" step="1" required
          .value=${p ? String(p.stock) : '0'} aria-describedby=${a.stock.describedBy} aria-invalid=${a.stock.invalid}>`)}
      </div>
      ${field('image_url', 'Image address (optional)', html`<input id="product-image_url" name="image_url" type="text" inputmode="url" maxlength="2048"
        autocomplete="off" .value=${externalImageOf(p)}
        aria-describedby=${issues.image_url ? 'product-image_url-hint product-image_url-error' : 'product-image_url-hint'}
        aria-invalid=${a.image_url.invalid}>`, 'The address of a picture kept elsewhere (https://…). An uploaded image is shown instead when there is one.')}
      <button type="submit" class="admin-primary" ?disabled=${this.busy}>${this.creating ? 'Create product' : 'Save'}</button>
    </form>`;
  }

  renderStock(p) {
    const issues = fieldIssues(this.stockFailure);
    return html`<form class="admin-card" data-form="stock" @submit=${this.changeStock} novalidate aria-labelledby="stock-title">
      <h2 id="stock-title">Stock</h2>
      ${this.stale ? nothing : alertOf(this.stockFailure, { shownFields: ['stock'] })}
      <div class="admin-field">
        <label for="stock-quick">Units in stock</label>
        <input id="stock-quick" name="stock" type="number" inputmode="numeric" min="0" step="1" required .value=${String(p.stock)}
          aria-describedby=${describedBy(issues, 'stock', 'stock-stock')} aria-invalid=${invalid(issues, 'stock')}>
        ${fieldError(issues, 'stock', 'stock-stock')}
      </div>
      <button type="submit" ?disabled=${this.busy}>Change stock</button>
    </form>`;
  }

  renderArchive(p) {
    return html`<div class="admin-card" aria-labelledby="archive-title" role="group">
      <h2 id="archive-title">Archive</h2>
      <p>Archiving takes the product out of the shop. Orders that contain it still show it.</p>
      ${this.confirmingArchive ? html`
        <p role="alert">Archive “${p.name}”? This cannot be undone from the console.</p>
        <div class="admin-actions">
          <button type="button" class="admin-danger" data-action="confirm-archive" ?disabled=${this.busy} @click=${this.archive}>Yes, archive</button>
          <button type="button" @click=${() => this.confirmArchive(false)}>Keep it</button>
        </div>`
        : html`<button type="button" class="admin-danger" data-action="archive" @click=${() => this.confirmArchive(true)}>Archive</button>`}
    </div>`;
  }
}

customElements.define('admin-product', AdminProduct);
