// The registration page; signs the new customer in and goes on to ?next= (or the home page).

import { html } from 'lit';
import { navigate } from '../core/router.js';
import { define, setTitle } from '../core/ui.js';
import './auth-forms.js';
import { nextPath } from './signin-view.js';
import { View } from './view.js';

export class RegisterView extends View {
  static viewName = 'register';

  async load() {
    setTitle('Register');
  }

  render() {
    const next = nextPath(this.route);
    const signinHref = next === '/' ? '/signin' : `/signin?next=${encodeURIComponent(next)}`;
    return html`<div class="auth-page">
      <h1>Create an account</h1>
      <shop-register-form prefix="register" @signed-in=${() => navigate(next, { replace: true })}></shop-register-form>
      <p>Already have an account? <a href=${signinHref}>Sign in</a>.</p>
    </div>`;
  }
}
define('shop-register-view', RegisterView);
