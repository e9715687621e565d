// The site header: brand, search box, navigation with the cart count, and the account links.

import { html, nothing } from 'lit';
import { navigate, withQuery } from '../core/router.js';
import { onChange, signOut, user } from '../core/session.js';
import { LightElement, announce, define } from '../core/ui.js';
import { itemCount, onCartChange } from './cart-store.js';

export class ShopHeader extends LightElement {
  static properties = {
    route: { attribute: false },
    count: { state: true },
    user: { state: true },
  };

  constructor() {
    super();
    this.route = null;
    this.count = itemCount();
    this.user = user();
  }

  connectedCallback() {
    super.connectedCallback();
    this.stops = [
      onCartChange(() => { this.count = itemCount(); }),
      onChange((u) => { this.user = u; }),
    ];
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    this.stops.forEach((stop) => stop());
  }

  search(event) {
    event.preventDefault();
    const q = new FormData(event.target).get('q')?.toString().trim() ?? '';
    navigate(withQuery('/search', { q }));
  }

  async signOut() {
    await signOut();
    announce('You are signed out.');
    navigate('/');
  }

  /** Sign in / register, then come back here (the page the shopper was on). */
  authHref(path) {
    const here = this.route;
    if (!here || ['home', 'signin', 'register', 'not-found'].includes(here.name)) {
      return here?.name === 'signin' || here?.name === 'register' ? withQuery(path, { next: here.query.next }) : path;
    }
    return withQuery(path, { next: here.url });
  }

  current(name) {
    return this.route?.name === name ? 'page' : nothing;
  }

  render() {
    const q = this.route?.name === 'search' ? this.route.query.q ?? '' : '';
    return html`<header class="site-header">
      <div class="header-bar">
        <a class="brand" href="/">Emporium</a>
        <form class="search-form" role="search" @submit=${this.search}>
          <label class="visually-hidden" for="site-search">Search products</label>
          <input id="site-search" name="q" type="search" placeholder="Search products" .value=${q}
            autocomplete="off" enterkeyhint="search">
          <button type="submit" class="button-primary">Search</button>
        </form>
        <a class="cart-link" href="/cart" aria-current=${this.current('cart')}>
          <span>Cart</span>
          <span class="cart-count" data-cart-count=${this.count} aria-hidden="true">${this.count}</span>
          <span class="visually-hidden">, ${this.count} ${this.count === 1 ? 'item' : 'items'}</span>
        </a>
      </div>
      <nav class="site-nav" aria-label="Main">
        <ul>
          <li><a href="/" aria-current=${this.current('home')}>Home</a></li>
          <li><a href="/catalog" aria-current=${this.current('catalog')}>Catalog</a></li>
          ${this.user ? html`
            <li><a href="/orders" aria-current=${this.current('orders')}>My orders</a></li>
            <li><a href="/account" aria-current=${this.current('account')}>Account</a></li>
            ${this.user.role === 'ADMIN' ? html`<li><a href="/admin/">Admin console</a></li>` : nothing}
            <li><button type="button" class="link-button" @click=${this.signOut}>Sign out</button></li>`
          : html`
            <li><a href=${this.authHref('/signin')} aria-current=${this.current('signin')}>Sign in</a></li>
            <li><a href=${this.authHref('/register')} aria-current=${this.current('register')}>Register</a></li>`}
        </ul>
      </nav>
    </header>`;
  }
}
define('shop-header', ShopHeader);
