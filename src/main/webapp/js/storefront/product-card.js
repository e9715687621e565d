// How a product looks in lists (home, catalog, search) and its image with a neutral placeholder when it has none.

import { html, nothing } from 'lit';
import { money } from '../core/format.js';

/** The product's image, or a neutral CSS placeholder (no external picture). */
// In lists the picture repeats the product's name next to it, so it is decorative there (alt="").
export function productImage(product, { size = 'card', decorative = size !== 'large' } = {}) {
  if (product.image_url) {
    return html`<img class="product-image product-image-${size}" src=${product.image_url}
      alt=${decorative ? '' : product.name} loading=${size === 'large' ? 'eager' : 'lazy'} decoding="async"
      width="400" height="400">`;
  }
  const initial = html`<span aria-hidden="true">${(product.name || '?').slice(0, 1)}</span>`;
  return decorative
    ? html`<div class="product-image product-image-${size} product-image-placeholder" aria-hidden="true">${initial}</div>`
    : html`<div class="product-image product-image-${size} product-image-placeholder" role="img"
        aria-label="No picture of ${product.name}">${initial}</div>`;
}

/** "In stock", "Only 3 left" or "Out of stock", with a class for its colour. */
export function stockState(product) {
  if (product.stock <= 0) return html`<span class="stock stock-out">Out of stock</span>`;
  if (product.stock <= 5) return html`<span class="stock stock-low">Only ${product.stock} left</span>`;
  return html`<span class="stock stock-in">In stock</span>`;
}

export function productCard(product, { headingLevel = 3 } = {}) {
  const name = html`<a class="product-card-link" href="/products/${product.id}">${product.name}</a>`;
  return html`<article class="product-card" data-product-id=${product.id}>
    ${productImage(product)}
    <div class="product-card-body">
      ${headingLevel === 2 ? html`<h2 class="product-card-title">${name}</h2>`
        : html`<h3 class="product-card-title">${name}</h3>`}
      <p class="product-card-category">${product.category?.name ?? nothing}</p>
      <p class="product-card-price">${money(product.price, product.currency)}</p>
      ${stockState(product)}
    </div>
  </article>`;
}

export function productGrid(products, options) {
  return html`<ul class="product-grid" role="list">
    ${products.map((p) => html`<li>${productCard(p, options)}</li>`)}
  </ul>`;
}
