// Search results, best match first (the API ranks by relevance when no sort is given), with an empty state that
// suggests what to do next.

import { html, nothing } from 'lit';
import { get } from '../core/api.js';
import { count } from '../core/format.js';
import { withQuery } from '../core/router.js';
import { define, setTitle } from '../core/ui.js';
import { loadCategories } from './categories.js';
import { productGrid } from './product-card.js';
import { View } from './view.js';

const PAGE_SIZE = 12;

export class SearchView extends View {
  static viewName = 'search';

  async load(signal) {
    this.q = (this.route.query.q || '').trim();
    this.page = Math.max(1, Number.parseInt(this.route.query.page, 10) || 1);
    this.result = null;
    setTitle(this.q ? `Search: ${this.q}` : 'Search');
    if (!this.q) return;
    this.result = await get('/products', { search: this.q, page: this.page > 1 ? this.page : '', limit: PAGE_SIZE },
      { signal });
    if (!this.result.data.length) this.suggestions = await loadCategories().catch(() => []);
  }

  renderEmpty() {
    const top = (this.suggestions || []).filter((c) => !c.parent_id).slice(0, 6);
    return html`<div class="empty-state">
      <p>Nothing matches “${this.q}”.</p>
      <ul>
        <li>Check the spelling, or try a shorter or more general word (for example “mug” instead of “blue coffee mug”).</li>
        <li>Search matches product names and descriptions in English.</li>
        <li><a href="/catalog">Browse the whole catalog</a>${top.length ? ' or a category:' : '.'}</li>
      </ul>
      ${top.length ? html`<ul class="chip-list" role="list">${top.map((c) => html`<li>
        <a class="chip" href="/catalog?category=${encodeURIComponent(c.slug)}">${c.name}</a></li>`)}</ul>` : nothing}
    </div>`;
  }

  render() {
    const result = this.result;
    return html`
      <h1>${this.q ? html`Results for “${this.q}”` : 'Search'}</h1>
      <emp-alert .error=${this.error}></emp-alert>
      ${!this.q && !this.loading ? html`<div class="empty-state">
        <p>Type what you are looking for in the search box at the top of the page.</p>
        <p>Or <a href="/catalog">browse the catalog</a>.</p>
      </div>` : nothing}
      ${this.loading ? html`<emp-loading label="Searching…"></emp-loading>` : nothing}
      ${result ? html`
        <p class="result-count" role="status">${count(result.total, 'product')} found</p>
        ${result.data.length ? productGrid(result.data, { headingLevel: 2 }) : this.renderEmpty()}
        <emp-pager .page=${result.page} .total=${result.total} .limit=${result.limit}
          .hrefFor=${(p) => withQuery('/search', { q: this.q, page: p > 1 ? p : '' })}
          label="Search result pages"></emp-pager>` : nothing}`;
  }
}
define('shop-search-view', SearchView);
