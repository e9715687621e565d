// The catalog: category, price range, in-stock only and sort, with pages; all of it lives in the URL's query
// (?category=<slug>&min_price=&max_price=&in_stock=true&sort=&page=), so links, reloads and the back button keep it.

import { html, nothing } from 'lit';
import { get } from '../core/api.js';
import { count } from '../core/format.js';
import { navigate, withQuery } from '../core/router.js';
import { define, fieldError, fieldErrors, invalid, setTitle } from '../core/ui.js';
import { flattenTree, loadCategories } from './categories.js';
import { productGrid } from './product-card.js';
import { View } from './view.js';

const PAGE_SIZE = 12;

export const SORTS = [
  ['', 'Newest first'],
  ['price', 'Price: low to high'],
  ['-price', 'Price: high to low'],
  ['name', 'Name: A to Z'],
];

/** The catalog's filters as the API takes them, from the URL's query. */
function filtersOf(query) {
  return {
    category: query.category || '',
    min_price: query.min_price || '',
    max_price: query.max_price || '',
    in_stock: query.in_stock === 'true' ? 'true' : '',
    sort: query.sort || '',
    page: Number.parseInt(query.page, 10) > 1 ? Number.parseInt(query.page, 10) : 1,
  };
}

export class CatalogView extends View {
  static viewName = 'catalog';

  async load(signal) {
    const filters = filtersOf(this.route.query);
    this.filters = filters;
    const categories = await loadCategories().catch(() => []);
    this.categories = flattenTree(categories);
    const current = categories.find((c) => c.slug === filters.category);
    this.heading = current ? current.name : 'Catalog';
    setTitle(this.heading);
    this.result = null;
    this.result = await get('/products', { ...filters, page: filters.page > 1 ? filters.page : '', limit: PAGE_SIZE },
      { signal });
  }

  apply(event) {
    event.preventDefault();
    const form = event.target.closest('form');
    const data = new FormData(form);
    navigate(withQuery('/catalog', {
      category: data.get('category'),
      min_price: data.get('min_price')?.toString().trim(),
      max_price: data.get('max_price')?.toString().trim(),
      in_stock: data.get('in_stock') ? 'true' : '',
      sort: data.get('sort'),
    }));
  }

  pageUrl(page) {
    return withQuery('/catalog', { ...this.filters, page: page > 1 ? page : '' });
  }

  renderFilters() {
    const f = this.filters || filtersOf(this.route?.query || {});
    const errors = fieldErrors(this.error);
    return html`<form class="filters" aria-label="Filter products" @submit=${this.apply} @change=${(e) => {
      if (e.target.tagName === 'SELECT' || e.target.type === 'checkbox') this.apply(e);
    }}>
      <div class="field">
        <label for="filter-category">Category</label>
        <select id="filter-category" name="category">
          <option value="" ?selected=${!f.category}>All categories</option>
          ${(this.categories || []).map(({ category, depth }) => html`<option value=${category.slug}
            ?selected=${category.slug === f.category}>${'\u2003'.repeat(depth)}${category.name}</option>`)}
        </select>
      </div>
      <fieldset class="field price-range">
        <legend>Price</legend>
        <div class="price-inputs">
          <div>
            <label for="filter-min-price">From</label>
            <input id="filter-min-price" name="min_price" type="number" min="0" step="0.01" inputmode="decimal"
              .value=${f.min_price} aria-invalid=${invalid(errors, 'min_price')}
              aria-describedby=${errors.min_price ? 'filter-min-price-error' : nothing}>
          </div>
          <div>
            <label for="filter-max-price">To</label>
            <input id="filter-max-price" name="max_price" type="number" min="0" step="0.01" inputmode="decimal"
              .value=${f.max_price} aria-invalid=${invalid(errors, 'max_price')}
              aria-describedby=${errors.max_price ? 'filter-max-price-error' : nothing}>
          </div>
        </div>
        ${fieldError(errors, 'min_price', 'filter-min-price')}
        ${fieldError(errors, 'max_price', 'filter-max-price')}
      </fieldset>
      <div class="field field-checkbox">
        <input id="filter-in-stock" name="in_stock" type="checkbox" value="true" .checked=${f.in_stock === 'true'}>
        <label for="filter-in-stock">In stock only</label>
      </div>
      <div class="field">
        <label for="filter-sort">Sort by</label>
        <select id="filter-sort" name="sort">
          ${SORTS.map(([value, label]) => html`<option value=${value} ?selected=${value === f.sort}>${label}</option>`)}
        </select>
      </div>
      <div class="filter-actions">
        <button type="submit" class="button-primary">Apply filters</button>
        <a class="button button-secondary" href="/catalog">Clear filters</a>
      </div>
    </form>`;
  }

  render() {
    const result = this.result;
    return html`
      <h1>${this.heading || 'Catalog'}</h1>
      <div class="catalog-layout">
        ${this.renderFilters()}
        <section class="catalog-results" aria-labelledby="catalog-results-heading">
          <h2 id="catalog-results-heading" class="visually-hidden">Products</h2>
          <emp-alert .error=${this.error} .fields=${['min_price', 'max_price']}></emp-alert>
          ${this.loading ? html`<emp-loading label="Loading products…"></emp-loading>` : nothing}
          ${result ? html`
            <p class="result-count" role="status">${count(result.total, 'product')}</p>
            ${result.data.length ? productGrid(result.data) : html`<div class="empty-state">
              <p>No products match these filters.</p>
              <p><a href="/catalog">Clear the filters</a> or widen the price range.</p>
            </div>`}
            <emp-pager .page=${result.page} .total=${result.total} .limit=${result.limit}
              .hrefFor=${(p) => this.pageUrl(p)} label="Catalog pages"></emp-pager>` : nothing}
        </section>
      </div>`;
  }
}
define('shop-catalog-view', CatalogView);
