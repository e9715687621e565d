// What a signed-in customer sees at /admin/: no console, and no admin API call is ever made for them.
import { html } from 'lit';
import { LightElement } from '../core/ui.js';
import * as session from '../core/session.js';

class AdminForbidden extends LightElement {
  static properties = { user: { attribute: false } };


  render() {
    return html`<section class="admin-forbidden" data-view="admin-forbidden" aria-labelledby="forbidden-title">
      <h1 id="forbidden-title" tabindex="-1">No access</h1>
      <p>You are signed in as ${this.user?.email}, which is not a staff account. The admin console is for the store's administrators only.</p>
      <p><a href="/">Go to the storefront</a></p>
      <p><button type="button" @click=${() => session.signOut()}>Sign in with another account</button></p>
    </section>`;
  }
}

customElements.define('admin-forbidden', AdminForbidden);
