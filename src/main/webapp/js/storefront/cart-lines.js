// The priced cart as a table, editable in the cart and read-only in the checkout's summary.

import { html, nothing } from 'lit';
import { money } from '../core/format.js';
import { removeFromCart, setQuantity } from './cart-store.js';

function problem(item) {
  if (item.unavailable) return html`<p class="line-warning" role="note">No longer available: please remove it.</p>`;
  if (item.overStock) {
    return html`<p class="line-warning" role="note">${item.product.stock === 0
      ? 'Out of stock now: please remove it.'
      : `Only ${item.product.stock} in stock: lower the quantity.`}</p>`;
  }
  return nothing;
}

function quantityControl(item, editable) {
  if (!editable) return html`${item.line.quantity}`;
  const id = `qty-${item.line.product_id}`;
  return html`<label class="visually-hidden" for=${id}>Quantity of ${item.line.name}</label>
    <input id=${id} class="quantity-input" name="quantity" type="number" min="0" max="1000" step="1"
      inputmode="numeric" .value=${String(item.line.quantity)} data-product-id=${item.line.product_id}
      aria-invalid=${item.overStock ? 'true' : 'false'}
      @change=${(e) => {
        const quantity = Number.parseInt(e.target.value, 10);
        if (Number.isInteger(quantity) && quantity >= 0) setQuantity(item.line.product_id, Math.min(quantity, 1000));
        else e.target.value = String(item.line.quantity);
      }}>`;
}

export function cartTable(priced, { editable }) {
  return html`<table class="cart-table">
    <caption class="visually-hidden">Items in your cart</caption>
    <thead>
      <tr>
        <th scope="col">Product</th>
        <th scope="col" class="numeric">Price</th>
        <th scope="col" class="numeric">Quantity</th>
        <th scope="col" class="numeric">Total</th>
        ${editable ? html`<th scope="col"><span class="visually-hidden">Actions</span></th>` : nothing}
      </tr>
    </thead>
    <tbody>
      ${priced.items.map((item) => html`<tr class=${item.unavailable || item.overStock ? 'line-problem' : ''}
          data-product-id=${item.line.product_id}>
        <th scope="row" class="cart-product">
          ${item.product ? html`<a href="/products/${item.product.id}">${item.product.name}</a>` : item.line.name}
          ${problem(item)}
        </th>
        <td class="numeric" data-label="Price">${item.product ? money(item.product.price, item.product.currency) : '—'}</td>
        <td class="numeric" data-label="Quantity">${quantityControl(item, editable)}</td>
        <td class="numeric" data-label="Total">${item.product ? money(item.lineTotal, item.product.currency) : '—'}</td>
        ${editable ? html`<td class="cart-actions">
          <button type="button" class="button-secondary"
            aria-label="Remove ${item.line.name}"
            @click=${() => removeFromCart(item.line.product_id)}>Remove</button>
        </td>` : nothing}
      </tr>`)}
    </tbody>
    <tfoot>
      ${priced.totals.map((t) => html`<tr class="cart-total">
        <th scope="row" colspan="3">Total${priced.totals.length > 1 ? ` (${t.currency})` : ''}</th>
        <td class="numeric" data-total-currency=${t.currency}>${money(t.amount, t.currency)}</td>
        ${editable ? html`<td></td>` : nothing}
      </tr>`)}
    </tfoot>
  </table>`;
}
