// The shopper's account: edit username and e-mail (PUT /users/{id}), sign out.

import { html, nothing } from 'lit';
import { put } from '../core/api.js';
import { date } from '../core/format.js';
import { navigate } from '../core/router.js';
import { onChange, reloadUser, signOut, user } from '../core/session.js';
import { announce, define, fieldError, fieldErrors, invalid, setTitle } from '../core/ui.js';
import { sessionReady } from './session-ready.js';
import { signInRequired } from './signin-required.js';
import { View } from './view.js';

export class AccountView extends View {
  static viewName = 'account';

  static properties = {
    ...View.properties,
    user: { state: true },
    saving: { state: true },
    failure: { state: true },
    saved: { state: true },
  };

  constructor() {
    super();
    this.user = user();
    this.saving = false;
    this.failure = null;
    this.saved = false;
  }

  connectedCallback() {
    super.connectedCallback();
    this.stop = onChange((u) => { this.user = u; });
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    this.stop?.();
  }

  async load() {
    setTitle('Account');
    await sessionReady;
    this.user = user();
    this.ready = true;
  }

  async save(event) {
    event.preventDefault();
    if (this.saving) return;
    const data = Object.fromEntries(new FormData(event.target));
    this.saving = true;
    this.failure = null;
    this.saved = false;
    try {
      await put(`/users/${this.user.id}`, { username: data.username.trim(), email: data.email.trim() });
      await reloadUser();
      this.saved = true;
      announce('Your profile is saved.');
    } catch (e) {
      this.failure = e;
    } finally {
      this.saving = false;
    }
  }

  async signOut() {
    await signOut();
    announce('You are signed out.');
    navigate('/');
  }

  field(name, label, type, autocomplete) {
    const errors = fieldErrors(this.failure);
    return html`<div class="field">
      <label for="account-${name}">${label}</label>
      <input id="account-${name}" name=${name} type=${type} autocomplete=${autocomplete} required
        .value=${this.user[name] ?? ''} aria-invalid=${invalid(errors, name)}
        aria-describedby=${errors[name] ? `account-${name}-error` : nothing}>
      ${fieldError(errors, name, `account-${name}`)}
    </div>`;
  }

  render() {
    if (!this.ready) {
      return html`<h1>Account</h1><emp-loading label="Loading your account…"></emp-loading>`;
    }
    if (!this.user) {
      return html`<h1>Account</h1>${signInRequired('Sign in to see and edit your account.', 'account-signin')}`;
    }
    const u = this.user;
    return html`
      <h1>Account</h1>
      <p>Customer since ${date(u.created_at)}${u.role === 'ADMIN' ? ' · store administrator' : ''}.</p>
      <section aria-labelledby="account-profile">
        <h2 id="account-profile">Profile</h2>
        <form class="form" novalidate @submit=${this.save} aria-label="Profile">
          <emp-alert .error=${this.failure} .fields=${['username', 'email']}></emp-alert>
          ${this.saved ? html`<p class="alert alert-success" role="status">Your profile is saved.</p>` : nothing}
          ${this.field('username', 'Username', 'text', 'username')}
          ${this.field('email', 'E-mail', 'email', 'email')}
          <button type="submit" class="button-primary" ?disabled=${this.saving}>
            ${this.saving ? 'Saving…' : 'Save changes'}</button>
        </form>
      </section>
      <section aria-labelledby="account-more">
        <h2 id="account-more">More</h2>
        <ul class="link-list">
          <li><a href="/orders">My orders</a></li>
          ${u.role === 'ADMIN' ? html`<li><a href="/admin/">Admin console</a></li>` : nothing}
        </ul>
        <button type="button" class="button-secondary" @click=${this.signOut}>Sign out</button>
      </section>`;
  }
}
define('shop-account-view', AccountView);
