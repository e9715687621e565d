// Shared building blocks of both applications: the light-DOM base element, error alerts, field errors, a pager,
// the "server unreachable" banner, a loading state and a polite announcer for screen readers.

import { LitElement, html, nothing } from 'lit';
import { ApiFailure, onConnectivity, request } from './api.js';

/** Renders into the light DOM: one stylesheet (css/app.css) styles everything, tests see one document. */
export class LightElement extends LitElement {
  createRenderRoot() {
    return this;
  }
}

/** Defines a custom element once (modules may be evaluated by both apps in tests). */
export function define(name, elementClass) {
  if (!customElements.get(name)) customElements.define(name, elementClass);
}

// ---- errors ----------------------------------------------------------------------------------------------------

/** Human words for any failure. */
export function errorMessage(error) {
  if (!error) return '';
  if (typeof error === 'string') return error;
  if (error instanceof ApiFailure) {
    if (error.code === 'RATE_LIMITED' || error.code === 'LOGIN_THROTTLED') {
      const wait = error.retryAfter ? ` Please wait ${error.retryAfter} seconds and try again.` : ' Please wait a moment.';
      return `${error.message}${error.message.endsWith('.') ? '' : '.'}${wait}`;
    }
    if (error.status === 401 && error.code !== 'INVALID_CREDENTIALS') {
      return 'Your session has ended. Please sign in again.';
    }
    return error.message;
  }
  return error.message || 'Something went wrong. Please try again.';
}

/** {field: issue} from an ApiFailure's details (field names are the API's snake_case ones, as in the inputs' names). */
export function fieldErrors(error) {
  const errors = {};
  for (const { field, issue } of error?.details || []) {
    if (field && !(field in errors)) errors[field] = issue;
  }
  return errors;
}

/** The error paragraph under a field; give the input aria-describedby="<id>-error" and aria-invalid. */
export function fieldError(errors, name, id = name) {
  const issue = errors?.[name];
  return issue ? html`<p class="field-error" id="${id}-error">${issue}</p>` : nothing;
}

/** Attributes for an input with a possible error: use as aria-invalid=${invalid(errors, 'email')}. */
export function invalid(errors, name) {
  return errors?.[name] ? 'true' : 'false';
}

/**
 * <emp-alert .error=${failure}></emp-alert>: a role="alert" box for an ApiFailure, Error or string; renders nothing
 * without one. .fields: field names already shown next to their inputs (their details are not repeated).
 */
export class AlertElement extends LightElement {
  static properties = {
    error: { attribute: false },
    fields: { attribute: false },
    tone: { type: String },
  };

  constructor() {
    super();
    this.error = null;
    this.fields = [];
    this.tone = 'error';
  }

  render() {
    if (!this.error) return nothing;
    const details = (this.error.details || []).filter((d) => d.field && !(this.fields || []).includes(d.field));
    return html`<div class="alert alert-${this.tone}" role="alert">
      <p>${errorMessage(this.error)}</p>
      ${details.length
        ? html`<ul>${details.map((d) => html`<li>${d.field.replace(/_/g, ' ')}: ${d.issue}</li>`)}</ul>`
        : nothing}
    </div>`;
  }
}
define('emp-alert', AlertElement);

// ---- loading ---------------------------------------------------------------------------------------------------

/** <emp-loading label="Loading products"></emp-loading> */
export class LoadingElement extends LightElement {
  static properties = { label: { type: String } };

  constructor() {
    super();
    this.label = 'Loading…';
  }

  render() {
    return html`<p class="loading" role="status"><span class="spinner" aria-hidden="true"></span>${this.label}</p>`;
  }
}
define('emp-loading', LoadingElement);

// ---- pager -----------------------------------------------------------------------------------------------------

/**
 * <emp-pager .page=${2} .total=${45} .limit=${10} .hrefFor=${(p) => url}></emp-pager>: links when hrefFor is given
 * (the URL holds the page), otherwise buttons that fire `page-change` with detail {page}.
 */
export class PagerElement extends LightElement {
  static properties = {
    page: { type: Number },
    total: { type: Number },
    limit: { type: Number },
    hrefFor: { attribute: false },
    label: { type: String },
  };

  constructor() {
    super();
    this.page = 1;
    this.total = 0;
    this.limit = 10;
    this.hrefFor = null;
    this.label = 'Pages';
  }

  get pages() {
    return Math.max(1, Math.ceil(this.total / Math.max(1, this.limit)));
  }

  go(page) {
    this.dispatchEvent(new CustomEvent('page-change', { detail: { page }, bubbles: true, composed: true }));
  }

  control(page, text, rel) {
    const disabled = page < 1 || page > this.pages || page === this.page;
    if (disabled) return html`<span class="pager-link" aria-disabled="true">${text}</span>`;
    if (this.hrefFor) return html`<a class="pager-link" rel=${rel} href=${this.hrefFor(page)}>${text}</a>`;
    return html`<button type="button" class="pager-link" @click=${() => this.go(page)}>${text}</button>`;
  }

  render() {
    if (this.pages <= 1) return nothing;
    return html`<nav class="pager" aria-label=${this.label}>
      ${this.control(this.page - 1, 'Previous', 'prev')}
      <span class="pager-status" aria-current="page">Page ${this.page} of ${this.pages}</span>
      ${this.control(this.page + 1, 'Next', 'next')}
    </nav>`;
  }
}
define('emp-pager', PagerElement);

// ---- connectivity banner ---------------------------------------------------------------------------------------

const PROBE_INTERVAL_MS = 5000;

/** <emp-connectivity-banner>: appears when the server cannot be reached and goes when it answers again. */
export class ConnectivityBanner extends LightElement {
  static properties = { down: { state: true } };

  constructor() {
    super();
    this.down = false;
    this.probe = null;
  }

  connectedCallback() {
    super.connectedCallback();
    this.unsubscribe = onConnectivity((up) => {
      this.down = !up;
      clearInterval(this.probe);
      // While down, ask now and then, so the banner goes away without the shopper doing anything.
      if (!up) this.probe = setInterval(() => this.check(), PROBE_INTERVAL_MS);
    });
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    this.unsubscribe?.();
    clearInterval(this.probe);
  }

  check() {
    request('GET', '/categories', { cache: 'no-store' }).catch(() => {});
  }

  render() {
    return html`<div class="connectivity" role="status" aria-live="polite">
      ${this.down ? html`<div class="banner banner-offline">
        <p>The shop's server cannot be reached right now. We keep trying; your cart is safe.</p>
        <button type="button" class="button-secondary" @click=${() => this.check()}>Try again</button>
      </div>` : nothing}
    </div>`;
  }
}
define('emp-connectivity-banner', ConnectivityBanner);

// ---- announcements ---------------------------------------------------------------------------------------------

let announcer = null;

/** Tells screen-reader users (and, as a short toast, everyone) about something that happened: "Added to cart". */
export function announce(message) {
  if (!announcer) {
    announcer = document.createElement('div');
    announcer.className = 'toast';
    announcer.setAttribute('role', 'status');
    announcer.setAttribute('aria-live', 'polite');
    document.body.append(announcer);
  }
  announcer.textContent = message;
  announcer.classList.add('toast-visible');
  clearTimeout(announcer.timer);
  announcer.timer = setTimeout(() => announcer.classList.remove('toast-visible'), 3000);
}

/** Moves focus to a view's heading after navigation, so keyboard and screen-reader users start at the new page. */
export function focusHeading(root) {
  const heading = root?.querySelector('h1');
  if (!heading) return;
  if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
  heading.focus({ preventScroll: true });
}

/** Sets the document title: "Cart · Emporium". */
export function setTitle(title, site = 'Emporium') {
  document.title = title ? `${title} · ${site}` : site;
}
