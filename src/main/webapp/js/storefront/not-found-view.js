// Unknown addresses.

import { html } from 'lit';
import { define, setTitle } from '../core/ui.js';
import { View } from './view.js';

export class NotFoundView extends View {
  static viewName = 'not-found';

  async load() {
    setTitle('Page not found');
  }

  render() {
    return html`<h1>Page not found</h1>
      <p>There is no page at <code>${this.route?.path}</code>. It may have moved, or the address may be mistyped.</p>
      <ul>
        <li><a href="/">Go to the home page</a></li>
        <li><a href="/catalog">Browse the catalog</a></li>
      </ul>`;
  }
}
define('shop-not-found-view', NotFoundView);
