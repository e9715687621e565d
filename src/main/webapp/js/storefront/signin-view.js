// The sign-in page; ?next=/path says where to go afterwards (same-site paths only).

import { html, nothing } from 'lit';
import { navigate } from '../core/router.js';
import { user } from '../core/session.js';
import { define, setTitle } from '../core/ui.js';
import './auth-forms.js';
import { View } from './view.js';

/** Only a local path: ?next=https://evil.example must not send the shopper away. */
export function nextPath(route, fallback = '/') {
  const next = route?.query.next;
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : fallback;
}

export class SignInView extends View {
  static viewName = 'signin';

  async load() {
    setTitle('Sign in');
  }

  render() {
    const next = nextPath(this.route);
    const registerHref = next === '/' ? '/register' : `/register?next=${encodeURIComponent(next)}`;
    return html`<div class="auth-page">
      <h1>Sign in</h1>
      ${user() ? html`<p class="notice">You are signed in as ${user().username}.</p>` : nothing}
      <shop-signin-form prefix="signin" @signed-in=${() => navigate(next, { replace: true })}></shop-signin-form>
      <p>New to Emporium? <a href=${registerHref}>Create an account</a>.</p>
    </div>`;
  }
}
define('shop-signin-view', SignInView);
