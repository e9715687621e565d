// Home: the categories to browse and the newest products.

import { html, nothing } from 'lit';
import { get } from '../core/api.js';
import { define, setTitle } from '../core/ui.js';
import { flattenTree, loadCategories } from './categories.js';
import { productGrid } from './product-card.js';
import { View } from './view.js';

export class HomeView extends View {
  static viewName = 'home';

  async load(signal) {
    setTitle('');
    const [categories, newest] = await Promise.all([
      loadCategories(),
      get('/products', { sort: '-created_at', limit: 8 }, { signal }),
    ]);
    this.categories = flattenTree(categories).filter((entry) => entry.depth === 0).map((entry) => entry.category);
    this.newest = newest.data;
  }

  render() {
    return html`
      <section class="hero">
        <h1>Welcome to Emporium</h1>
        <p>Good things for home, desk and kitchen, delivered to your door.</p>
        <a class="button button-primary" href="/catalog">Browse the catalog</a>
      </section>
      <emp-alert .error=${this.error}></emp-alert>
      ${this.loading && !this.newest ? html`<emp-loading label="Loading the shop…"></emp-loading>` : nothing}
      ${this.categories?.length ? html`<section aria-labelledby="home-categories">
        <h2 id="home-categories">Shop by category</h2>
        <ul class="category-list" role="list">
          ${this.categories.map((c) => html`<li>
            <a class="category-tile" href="/catalog?category=${encodeURIComponent(c.slug)}">
              <span class="category-name">${c.name}</span>
              ${c.description ? html`<span class="category-description">${c.description}</span>` : nothing}
            </a></li>`)}
        </ul>
      </section>` : nothing}
      ${this.newest ? html`<section aria-labelledby="home-newest">
        <h2 id="home-newest">New in</h2>
        ${this.newest.length ? productGrid(this.newest) : html`<p>No products yet.</p>`}
        <p><a href="/catalog?sort=-created_at">See all new products</a></p>
      </section>` : nothing}`;
  }
}
define('shop-home-view', HomeView);
