// The base of every storefront view: it marks its root with data-view, reloads its data when its route changes,
// cancels the previous load, and exposes loading and error states (aria-busy while loading).

import { onConnectivity } from '../core/api.js';
import { LightElement } from '../core/ui.js';

export class View extends LightElement {
  static properties = {
    route: { attribute: false },
    loading: { state: true },
    error: { state: true },
  };

  /** The data-view name; each view class sets it. */
  static viewName = '';

  constructor() {
    super();
    this.route = null;
    this.loading = false;
    this.error = null;
    this.loadedKey = undefined;
  }

  connectedCallback() {
    super.connectedCallback();
    this.dataset.view = this.constructor.viewName;
    // The server is back: a view that failed to load tries again by itself.
    this.stopConnectivity = onConnectivity((up) => {
      if (up && this.error && !this.loading) this.reload();
    });
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    this.controller?.abort();
    this.stopConnectivity?.();
  }

  /** What, in the route, the data depends on: a change reloads. By default the whole URL. */
  loadKey(route) {
    return route?.url;
  }

  willUpdate(changed) {
    if (changed.has('route') && this.route) {
      const key = this.loadKey(this.route);
      if (key !== this.loadedKey) {
        this.loadedKey = key;
        this.reload();
      }
    }
  }

  /** Runs load(signal) and tracks its state; a newer load cancels an older one. */
  async reload() {
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    this.loading = true;
    this.error = null;
    this.setAttribute('aria-busy', 'true');
    try {
      await this.load(controller.signal);
    } catch (e) {
      if (!controller.signal.aborted) this.error = e;
    } finally {
      if (this.controller === controller) {
        this.loading = false;
        this.removeAttribute('aria-busy');
      }
    }
  }

  /** Override: fetch what the view shows. */
  async load() {}
}
