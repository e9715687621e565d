// One product: picture, description, price, stock, quantity and "Add to cart".

import { html, nothing } from 'lit';
import { ApiFailure, get } from '../core/api.js';
import { money } from '../core/format.js';
import { announce, define, setTitle } from '../core/ui.js';
import { addToCart, cartLines } from './cart-store.js';
import { productImage, stockState } from './product-card.js';
import { View } from './view.js';

export class ProductView extends View {
  static viewName = 'product';

  static properties = { ...View.properties, added: { state: true }, quantityProblem: { state: true } };

  loadKey(route) {
    return route?.params.id;
  }

  async load(signal) {
    this.product = null;
    this.added = false;
    this.quantityProblem = '';
    this.missing = false;
    try {
      this.product = await get(`/products/${encodeURIComponent(this.route.params.id)}`, undefined, { signal });
      setTitle(this.product.name);
    } catch (e) {
      if (e instanceof ApiFailure && (e.status === 404 || e.status === 400)) {
        this.missing = true;
        setTitle('Product not found');
        return;
      }
      throw e;
    }
  }

  inCart() {
    return cartLines().find((l) => l.product_id === this.product.id)?.quantity ?? 0;
  }

  add(event) {
    event.preventDefault();
    const quantity = Number.parseInt(new FormData(event.target).get('quantity'), 10);
    if (!Number.isInteger(quantity) || quantity < 1) {
      this.quantityProblem = 'Enter a quantity of 1 or more.';
      return;
    }
    const wanted = quantity + this.inCart();
    if (wanted > this.product.stock) {
      this.quantityProblem = this.inCart()
        ? `Only ${this.product.stock} in stock, and ${this.inCart()} already in your cart.`
        : `Only ${this.product.stock} in stock.`;
      return;
    }
    this.quantityProblem = '';
    addToCart(this.product, quantity);
    this.added = true;
    announce(`Added ${quantity} × ${this.product.name} to your cart.`);
  }

  renderBuy(p) {
    if (p.stock <= 0) {
      return html`<p class="notice">This product is out of stock at the moment. Please check again later.</p>`;
    }
    return html`<form class="buy-form" @submit=${this.add} aria-label="Add to cart">
      <div class="field field-inline">
        <label for="product-quantity">Quantity</label>
        <input id="product-quantity" name="quantity" type="number" min="1" max=${p.stock} step="1" value="1"
          inputmode="numeric" required aria-invalid=${this.quantityProblem ? 'true' : 'false'}
          aria-describedby=${this.quantityProblem ? 'product-quantity-error' : nothing}>
      </div>
      ${this.quantityProblem
        ? html`<p class="field-error" id="product-quantity-error">${this.quantityProblem}</p>` : nothing}
      <button type="submit" class="button-primary">Add to cart</button>
      ${this.added ? html`<p class="added-note">Added to your cart. <a href="/cart">View cart</a> or
        <a href="/checkout">check out</a>.</p>` : nothing}
    </form>`;
  }

  render() {
    if (this.missing) {
      return html`<h1>Product not found</h1>
        <p>This product does not exist or is no longer sold.</p>
        <p><a href="/catalog">Browse the catalog</a></p>`;
    }
    const p = this.product;
    if (!p) {
      return html`<h1>${this.loading ? 'Loading product…' : 'Product'}</h1>
        <emp-alert .error=${this.error}></emp-alert>
        ${this.loading ? html`<emp-loading label="Loading product…"></emp-loading>` : nothing}`;
    }
    return html`
      <nav class="breadcrumbs" aria-label="Breadcrumb">
        <ol>
          <li><a href="/catalog">Catalog</a></li>
          ${p.category ? html`<li><a href="/catalog?category=${encodeURIComponent(p.category.slug)}">${p.category.name}</a></li>` : nothing}
          <li><span aria-current="page">${p.name}</span></li>
        </ol>
      </nav>
      <article class="product-detail" data-product-id=${p.id}>
        <div class="product-detail-media">${productImage(p, { size: 'large' })}</div>
        <div class="product-detail-info">
          <h1>${p.name}</h1>
          <p class="product-price">${money(p.price, p.currency)}</p>
          <p>${stockState(p)}</p>
          ${this.renderBuy(p)}
          <h2>Description</h2>
          <p class="product-description">${p.description || 'No description yet.'}</p>
          <p class="product-sku">Article number: ${p.sku}</p>
        </div>
      </article>`;
  }
}
define('shop-product-view', ProductView);
