// What a page that needs a signed-in shopper shows to a visitor: the sign-in form right there (no redirect), with
// a link to register.

import { html } from 'lit';
import './auth-forms.js';

export function signInRequired(reason, prefix) {
  return html`<section class="signin-required" aria-labelledby="${prefix}-signin-heading">
    <h2 id="${prefix}-signin-heading">Sign in</h2>
    <p>${reason}</p>
    <shop-signin-form prefix=${prefix}></shop-signin-form>
    <p>New here? <a href="/register?next=${encodeURIComponent(window.location.pathname + window.location.search)}">Create an account</a>.</p>
  </section>`;
}
