// Sign-in for the store's staff (the console has no registration: admins are made in the Users section).
import { html } from 'lit';
import * as session from '../core/session.js';
import { fieldError, invalid, LightElement } from '../core/ui.js';
import { alertOf, fieldIssues, describedBy } from './problems.js';

class AdminSignin extends LightElement {
  static properties = { failure: { state: true }, busy: { state: true } };


  async submit(event) {
    event.preventDefault();
    const form = new FormData(event.target);
    this.busy = true;
    this.failure = null;
    try {
      await session.signIn(String(form.get('email')).trim(), String(form.get('password')));
    } catch (failure) {
      this.failure = failure;
    } finally {
      this.busy = false;
    }
  }

  render() {
    const issues = fieldIssues(this.failure);
    const wrong = this.failure?.code === 'INVALID_CREDENTIALS';
    return html`<section class="admin-signin" data-view="admin-signin" aria-labelledby="signin-title">
      <h1 id="signin-title" tabindex="-1">Sign in to the admin console</h1>
      <p>For the store's staff. Shoppers sign in on the <a href="/">storefront</a>.</p>
      ${wrong ? html`<div class="admin-alert" role="alert"><p>The e-mail address or password is not right.</p></div>`
        : alertOf(this.failure, { shownFields: ['email', 'password'] })}
      <form @submit=${this.submit} novalidate>
        <div class="admin-field">
          <label for="signin-email">E-mail</label>
          <input id="signin-email" name="email" type="email" autocomplete="username" required
            aria-describedby=${describedBy(issues, 'email', 'signin-email')} aria-invalid=${invalid(issues, 'email')}>
          ${fieldError(issues, 'email', 'signin-email')}
        </div>
        <div class="admin-field">
          <label for="signin-password">Password</label>
          <input id="signin-password" name="password" type="password" autocomplete="current-password" required
            aria-describedby=${describedBy(issues, 'password', 'signin-password')} aria-invalid=${invalid(issues, 'password')}>
          ${fieldError(issues, 'password', 'signin-password')}
        </div>
        <button type="submit" class="admin-primary" ?disabled=${this.busy}>${this.busy ? 'Signing in…' : 'Sign in'}</button>
      </form>
    </section>`;
  }
}

customElements.define('admin-signin', AdminSignin);
