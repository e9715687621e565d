// A console list whose URL query says what to show: it reads its parameters from the query, shows nothing of the
// previous result while a new one loads (no clicking on rows that no longer match), and keeps the failure to show.
import { LightElement } from '../core/ui.js';

export class AdminListing extends LightElement {
  static properties = {
    query: { attribute: false },
    listing: { state: true },
    failure: { state: true },
    loading: { state: true },
  };

  /** The URL query as parameters: a subclass maps its names and defaults. */
  get params() {
    return this.paramsFrom(new URLSearchParams(this.query || ''));
  }

  paramsFrom(query) {
    return { search: query.get('search') || '', page: query.get('page') || '' };
  }

  /** The page of rows for these parameters (a subclass calls the API). */
  async fetchListing(params) {
    throw new Error(`${this.localName} must say how to fetch its listing (${Object.keys(params)})`);
  }

  willUpdate(changed) {
    if (changed.has('query')) this.listing = null;
  }

  updated(changed) {
    if (changed.has('query')) this.load();
  }

  async load() {
    this.loading = true;
    this.failure = null;
    try {
      this.listing = await this.fetchListing(this.params);
    } catch (failure) {
      this.failure = failure;
      this.listing = null;
    } finally {
      this.loading = false;
    }
  }
}
