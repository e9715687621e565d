// Checkout: sign in or register inline (the cart stays), shipping address, a demo card, and "Place order" with an
// Idempotency-Key, so that a double click, a retry or a reload never places two orders.

import { html, nothing } from 'lit';
import { request } from '../core/api.js';
import { money } from '../core/format.js';
import { navigate } from '../core/router.js';
import { onChange, user } from '../core/session.js';
import { define, errorMessage, fieldError, fieldErrors, invalid, setTitle } from '../core/ui.js';
import './auth-forms.js';
import { cartLines, clearCart, onCartChange } from './cart-store.js';
import { cartTable } from './cart-lines.js';
import { checkoutKey, forgetCheckoutKey } from './checkout-key.js';
import { priceCart } from './priced-cart.js';
import { sessionReady } from './session-ready.js';
import { View } from './view.js';

/** The simulated gateway's tokens (SimulatedPaymentGateway): any tok_... is approved except tok_declined. */
export const DEMO_CARDS = [
  { token: 'tok_visa', label: 'Visa ending 4242', note: 'demo card, approved' },
  { token: 'tok_mastercard', label: 'Mastercard ending 4444', note: 'demo card, approved' },
  { token: 'tok_declined', label: 'Card ending 0002', note: 'demo card, always declined' },
];

const ADDRESS_DRAFT = 'emporium.checkout.address';

function draftAddress() {
  try {
    return sessionStorage.getItem(ADDRESS_DRAFT) || '';
  } catch {
    return '';
  }
}

export class CheckoutView extends View {
  static viewName = 'checkout';

  static properties = {
    ...View.properties,
    user: { state: true },
    authMode: { state: true },
    placing: { state: true },
    failure: { state: true },
  };

  constructor() {
    super();
    this.user = user();
    this.authMode = 'signin';
    this.placing = false;
    this.failure = null;
    this.address = draftAddress();
    this.card = 'tok_visa';
  }

  connectedCallback() {
    super.connectedCallback();
    this.stops = [
      onChange((u) => { this.user = u; }),
      onCartChange(() => { if (!this.placing) this.reload(); }),
    ];
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    this.stops.forEach((stop) => stop());
  }

  loadKey() {
    return 'checkout';
  }

  async load(signal) {
    setTitle('Checkout');
    await sessionReady;
    this.user = user();
    const lines = cartLines();
    this.priced = lines.length ? await priceCart(lines, signal) : null;
  }

  async place(event) {
    event.preventDefault();
    if (this.placing) return; // a second click while the first is on its way
    const data = new FormData(event.target);
    const shippingAddress = String(data.get('shipping_address') || '').trim();
    const paymentToken = String(data.get('payment_token') || 'tok_visa');
    this.failure = null;
    if (!shippingAddress) {
      this.failure = { message: 'Please enter the shipping address.', details: [{ field: 'shipping_address', issue: 'Enter where we should deliver the order.' }] };
      await this.updateComplete;
      this.querySelector('#checkout-address')?.focus();
      return;
    }
    this.placing = true;
    try {
      const { body: placed } = await request('POST', '/orders', {
        body: {
          items: cartLines().map((l) => ({ product_id: l.product_id, quantity: l.quantity })),
          shipping_address: shippingAddress,
          payment_token: paymentToken,
        },
        headers: { 'Idempotency-Key': checkoutKey() },
      });
      forgetCheckoutKey();
      try {
        sessionStorage.removeItem(ADDRESS_DRAFT);
      } catch { /* nothing */ }
      clearCart();
      navigate(`/orders/${placed.order_id}?placed=1`, { replace: true });
    } catch (e) {
      this.failure = e;
      if (e.code === 'OUT_OF_STOCK') this.reload(); // show the stock as it is now
      await this.updateComplete;
      this.querySelector('.checkout-failure')?.scrollIntoView({ block: 'center' });
    } finally {
      this.placing = false;
    }
  }

  renderFailure() {
    const e = this.failure;
    if (!e) return nothing;
    let next = nothing;
    if (e.code === 'OUT_OF_STOCK') {
      next = html`<p>Someone bought the last units in the meantime: the summary shows what is left.
        <a href="/cart">Change the quantity or remove the product in your cart</a>, then place the order again.</p>`;
    } else if (e.code === 'IDEMPOTENCY_KEY_REUSED') {
      next = html`<p>An order from this checkout was already placed. Check <a href="/orders">your orders</a> before
        placing another one.</p>
        <button type="button" class="button-secondary" @click=${() => { forgetCheckoutKey(); this.failure = null; }}>
          Start a new order</button>`;
    } else if (e.status === 0 || e.code === 'UNAVAILABLE') {
      next = html`<p>Your order may or may not have reached us. Press “Place order” again when the connection is back:
        it will not be placed twice.</p>`;
    } else if (e.status === 401) {
      next = html`<p>Please sign in again below; your cart is kept.</p>`;
    }
    // Other field problems (the address has its own, next to its field; items are named in the message).
    const details = (e.details || []).filter((d) => d.field && !['shipping_address', 'items'].includes(d.field));
    return html`<div class="checkout-failure alert alert-error" role="alert" data-code=${e.code || nothing}>
      <p><strong>${errorMessage(e)}</strong></p>
      ${details.length ? html`<ul>${details.map((d) => html`<li>${d.field.replace(/_/g, ' ')}: ${d.issue}</li>`)}</ul>`
        : nothing}
      ${next}
    </div>`;
  }

  renderAccount() {
    if (this.user) {
      return html`<section class="checkout-step" aria-labelledby="checkout-account">
        <h2 id="checkout-account">1. Your account</h2>
        <p>Signed in as <strong>${this.user.username}</strong> (${this.user.email}).</p>
      </section>`;
    }
    const signin = this.authMode === 'signin';
    return html`<section class="checkout-step" aria-labelledby="checkout-account">
      <h2 id="checkout-account">1. Your account</h2>
      <p>Sign in or create an account to place your order. Your cart stays as it is.</p>
      <div class="segmented" role="group" aria-label="Account">
        <button type="button" aria-pressed=${signin ? 'true' : 'false'}
          @click=${() => { this.authMode = 'signin'; }}>I have an account</button>
        <button type="button" aria-pressed=${signin ? 'false' : 'true'}
          @click=${() => { this.authMode = 'register'; }}>I am new here</button>
      </div>
      ${signin
        ? html`<shop-signin-form prefix="checkout-signin"></shop-signin-form>`
        : html`<shop-register-form prefix="checkout-register"></shop-register-form>`}
    </section>`;
  }

  renderOrderForm(priced) {
    const errors = fieldErrors(this.failure);
    const mixed = priced.totals.length > 1;
    return html`<form class="form checkout-form" novalidate @submit=${this.place} aria-label="Shipping and payment">
      <section class="checkout-step" aria-labelledby="checkout-shipping">
        <h2 id="checkout-shipping">2. Shipping address</h2>
        <div class="field">
          <label for="checkout-address">Shipping address</label>
          <textarea id="checkout-address" name="shipping_address" rows="4" maxlength="1000" required
            autocomplete="street-address" aria-invalid=${invalid(errors, 'shipping_address')}
            aria-describedby="checkout-address-hint${errors.shipping_address ? ' checkout-address-error' : ''}"
            .value=${this.address}
            @input=${(e) => {
              this.address = e.target.value;
              try {
                sessionStorage.setItem(ADDRESS_DRAFT, this.address);
              } catch { /* the draft is a convenience */ }
            }}></textarea>
          <p class="field-hint" id="checkout-address-hint">Name, street and number, postcode and town, country.</p>
          ${fieldError(errors, 'shipping_address', 'checkout-address')}
        </div>
      </section>
      <section class="checkout-step" aria-labelledby="checkout-payment">
        <h2 id="checkout-payment">3. Payment</h2>
        <fieldset class="field payment-choice">
          <legend>Card (this shop is a demo: no real card is charged)</legend>
          ${DEMO_CARDS.map((card) => html`<div class="radio">
            <input type="radio" id="card-${card.token}" name="payment_token" value=${card.token}
              .checked=${this.card === card.token} @change=${() => { this.card = card.token; }}>
            <label for="card-${card.token}">${card.label} <span class="demo-label">(${card.note})</span></label>
          </div>`)}
        </fieldset>
      </section>
      ${this.renderFailure()}
      ${mixed ? html`<p class="alert alert-warning" role="alert">Your cart mixes currencies; an order is paid in one.
        <a href="/cart">Edit your cart</a>.</p>` : nothing}
      ${priced.hasProblems ? html`<p class="alert alert-warning" role="alert">Some items are not available in the
        quantity you chose. <a href="/cart">Edit your cart</a> first.</p>` : nothing}
      <div class="place-order">
        <p class="place-order-total">To pay: <strong>${priced.totals.map((t) => html`<span>${money(t.amount, t.currency)}</span>`)}</strong></p>
        <button type="submit" class="button-primary button-large" ?disabled=${this.placing || mixed}
          aria-describedby="place-order-note">${this.placing ? 'Placing order…' : 'Place order'}</button>
        <p class="field-hint" id="place-order-note">Your card is charged once the order is confirmed; you can follow
          it on the next page.</p>
      </div>
    </form>`;
  }

  render() {
    const priced = this.priced;
    if (!cartLines().length && !this.placing) {
      return html`<h1>Checkout</h1>
        <div class="empty-state">
          <p>Your cart is empty, so there is nothing to check out.</p>
          <p><a class="button button-primary" href="/catalog">Browse the catalog</a></p>
        </div>`;
    }
    return html`
      <h1>Checkout</h1>
      <emp-alert .error=${this.error}></emp-alert>
      ${!priced && this.loading ? html`<emp-loading label="Preparing your order…"></emp-loading>` : nothing}
      ${priced ? html`<div class="checkout-layout">
        <div class="checkout-main">
          ${this.renderAccount()}
          ${this.user ? this.renderOrderForm(priced) : html`<p class="notice">Shipping and payment come next,
            once you are signed in.</p>`}
        </div>
        <aside class="checkout-summary" aria-labelledby="checkout-summary-heading">
          <h2 id="checkout-summary-heading">Order summary</h2>
          ${cartTable(priced, { editable: false })}
          <p><a href="/cart">Edit cart</a></p>
        </aside>
      </div>` : nothing}`;
  }
}

define('shop-checkout-view', CheckoutView);
