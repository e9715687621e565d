// The console's shell: decides between sign-in, "no access" and the console, and shows the view of the URL.
import { html, nothing } from 'lit';
import { LightElement } from '../core/ui.js';
import * as session from '../core/session.js';
import { onConnectivity, isServerUp, request } from '../core/api.js';
import { navigate, route } from '../core/router.js';
import { BASE, ROUTES, sectionOf } from './routes.js';
import './signin-view.js';
import './forbidden-view.js';
import './products-view.js';
import './product-view.js';
import './categories-view.js';
import './orders-view.js';
import './order-view.js';
import './users-view.js';

const TITLES = {
  products: 'Products', product: 'Product', categories: 'Categories', orders: 'Orders', order: 'Order', users: 'Users',
  'not-found': 'Page not found',
};
const PROBE_INTERVAL_MS = 5000;

const SECTIONS = [
  { id: 'products', href: '/admin/products', label: 'Products' },
  { id: 'categories', href: '/admin/categories', label: 'Categories' },
  { id: 'orders', href: '/admin/orders', label: 'Orders' },
  { id: 'users', href: '/admin/users', label: 'Users' },
];

class AdminApp extends LightElement {
  static properties = {
    started: { state: true },
    user: { state: true },
    route: { state: true },
    search: { state: true },
    serverUp: { state: true },
  };


  constructor() {
    super();
    this.started = false;
    this.user = null;
    this.route = null;
    this.search = '';
    this.serverUp = true;
  }

  connectedCallback() {
    super.connectedCallback();
    // The router owns link clicks, pushState and popstate; paths outside /admin (the storefront) load as pages.
    route(ROUTES, (next) => this.followLocation(next), { base: BASE });
    onConnectivity((up) => {
      this.serverUp = up;
      clearInterval(this.probe);
      // While the server is away, ask now and then so that the banner goes when it is back.
      if (!up) this.probe = setInterval(() => request('GET', '/categories', { cache: 'no-store' }).catch(() => {}), PROBE_INTERVAL_MS);
    });
    session.onChange((user) => {
      this.user = user;
    });
    this.start();
  }

  async start() {
    this.user = await session.restore();
    this.serverUp = isServerUp();
    this.started = true;
  }

  followLocation({ name, params }) {
    const before = this.route;
    // A new product has no id yet: null, as the product view expects.
    this.route = { view: name, params: { id: null, ...params }, section: sectionOf(name) };
    this.search = location.search;
    if (before && (before.view !== this.route.view || before.params.id !== this.route.params.id)) {
      window.scrollTo(0, 0);
      // Tell screen-reader users that the page changed: focus the new view's heading once it is rendered.
      this.updateComplete.then(() => requestAnimationFrame(() => this.querySelector('main h1')?.focus()));
    }
  }

  async signOut() {
    await session.signOut();
    navigate(`${BASE}/`, { replace: true });
  }

  willUpdate() {
    const isAdmin = this.user?.role === 'ADMIN';
    const title = !this.started ? null : !this.user ? 'Sign in' : !isAdmin ? 'No access' : TITLES[this.route.view];
    document.title = title ? `${title} · Emporium admin` : 'Emporium admin';
  }

  render() {
    const isAdmin = this.user?.role === 'ADMIN';
    return html`
      <a class="admin-skip" href="#admin-main">Skip to content</a>
      <header class="admin-header">
        <a class="admin-brand" href="${isAdmin ? '/admin/' : '/'}">Emporium <span>admin</span></a>
        ${isAdmin ? this.renderNav() : nothing}
        <div class="admin-account">
          ${this.user ? html`<span class="admin-who">${this.user.username || this.user.email}</span>` : nothing}
          <a href="/" class="admin-storefront-link">Storefront</a>
          ${this.user ? html`<button type="button" class="admin-signout" @click=${this.signOut}>Sign out</button>` : nothing}
        </div>
      </header>
      ${this.serverUp ? nothing : html`<div class="admin-offline" role="status">
        The server cannot be reached right now. What you see may be out of date; changes cannot be saved until it is back.
      </div>`}
      <main id="admin-main" class="admin-main" tabindex="-1">${this.renderMain(isAdmin)}</main>`;
  }

  renderNav() {
    return html`<nav class="admin-nav" aria-label="Console sections">
      <ul>${SECTIONS.map((s) => html`<li><a href="${s.href}" aria-current="${s.id === this.route.section ? 'page' : nothing}">${s.label}</a></li>`)}</ul>
    </nav>`;
  }

  renderMain(isAdmin) {
    if (!this.started) {
      return html`<p class="admin-loading" role="status">Loading the console…</p>`;
    }
    if (!this.user) {
      return html`<admin-signin></admin-signin>`;
    }
    if (!isAdmin) {
      return html`<admin-forbidden .user=${this.user}></admin-forbidden>`;
    }
    const { view, params } = this.route;
    switch (view) {
      case 'products':
        return html`<admin-products .query=${this.search}></admin-products>`;
      case 'product':
        return html`<admin-product .productId=${params.id}></admin-product>`;
      case 'categories':
        return html`<admin-categories></admin-categories>`;
      case 'orders':
        return html`<admin-orders .query=${this.search}></admin-orders>`;
      case 'order':
        return html`<admin-order .orderId=${params.id}></admin-order>`;
      case 'users':
        return html`<admin-users .query=${this.search} .me=${this.user}></admin-users>`;
      default:
        return html`<section data-view="admin-not-found">
          <h1 tabindex="-1">Page not found</h1>
          <p>The console has no page at this address. <a href="/admin/products">Go to the products</a>.</p>
        </section>`;
    }
  }
}

customElements.define('admin-app', AdminApp);
