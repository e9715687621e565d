// The storefront's root: header, the current route's view, footer, and the "server unreachable" banner.

import { html } from 'lit';
import { route } from '../core/router.js';
import { LightElement, define, focusHeading } from '../core/ui.js';
import './header.js';
import './home-view.js';
import './catalog-view.js';
import './search-view.js';
import './product-view.js';
import './cart-view.js';
import './checkout-view.js';
import './orders-view.js';
import './order-view.js';
import './account-view.js';
import './signin-view.js';
import './register-view.js';
import './not-found-view.js';

const ROUTES = {
  '/': 'home',
  '/catalog': 'catalog',
  '/search': 'search',
  '/products/:id': 'product',
  '/cart': 'cart',
  '/checkout': 'checkout',
  '/orders': 'orders',
  '/orders/:id': 'order',
  '/account': 'account',
  '/signin': 'signin',
  '/register': 'register',
  '*': 'not-found',
};

const VIEWS = {
  home: (r) => html`<shop-home-view .route=${r}></shop-home-view>`,
  catalog: (r) => html`<shop-catalog-view .route=${r}></shop-catalog-view>`,
  search: (r) => html`<shop-search-view .route=${r}></shop-search-view>`,
  product: (r) => html`<shop-product-view .route=${r}></shop-product-view>`,
  cart: (r) => html`<shop-cart-view .route=${r}></shop-cart-view>`,
  checkout: (r) => html`<shop-checkout-view .route=${r}></shop-checkout-view>`,
  orders: (r) => html`<shop-orders-view .route=${r}></shop-orders-view>`,
  order: (r) => html`<shop-order-view .route=${r}></shop-order-view>`,
  account: (r) => html`<shop-account-view .route=${r}></shop-account-view>`,
  signin: (r) => html`<shop-signin-view .route=${r}></shop-signin-view>`,
  register: (r) => html`<shop-register-view .route=${r}></shop-register-view>`,
  'not-found': (r) => html`<shop-not-found-view .route=${r}></shop-not-found-view>`,
};

export class ShopApp extends LightElement {
  static properties = { route: { state: true } };

  constructor() {
    super();
    this.route = null;
  }

  connectedCallback() {
    super.connectedCallback();
    let first = true;
    route(ROUTES, (next) => {
      const moved = !first && next.path !== this.route?.path;
      first = false;
      this.route = next;
      if (moved) {
        // A new page: start keyboard and screen-reader users at its heading, as a full page load would.
        this.updateComplete.then(() => focusHeading(this.querySelector('main [data-view]')));
      }
    }, { exclude: ['/admin'] });
  }

  render() {
    const view = VIEWS[this.route?.name] ?? VIEWS['not-found'];
    return html`
      <a class="skip-link" href="#main" data-native>Skip to content</a>
      <shop-header .route=${this.route}></shop-header>
      <emp-connectivity-banner></emp-connectivity-banner>
      <main id="main" class="site-main" tabindex="-1">${this.route ? view(this.route) : ''}</main>
      <footer class="site-footer">
        <p>Emporium demo shop. Payments are simulated: no real card is ever charged.</p>
      </footer>`;
  }
}
define('emporium-shop', ShopApp);
