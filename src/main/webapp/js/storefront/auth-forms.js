// The sign-in and registration forms, used on their own pages and inline in the checkout and on pages that need a
// signed-in shopper. They fire `signed-in` (detail: the user) when done; the cart is untouched.

import { html, nothing } from 'lit';
import { register, signIn } from '../core/session.js';
import { LightElement, define, fieldError, fieldErrors, invalid } from '../core/ui.js';

class AuthForm extends LightElement {
  static properties = {
    prefix: { type: String },
    busy: { state: true },
    failure: { state: true },
  };

  constructor() {
    super();
    this.prefix = 'auth';
    this.busy = false;
    this.failure = null;
  }

  id(name) {
    return `${this.prefix}-${name}`;
  }

  field(name, label, { type = 'text', autocomplete, hint, ...rest } = {}) {
    const errors = fieldErrors(this.failure);
    const described = [errors[name] ? `${this.id(name)}-error` : '', hint ? `${this.id(name)}-hint` : '']
      .filter(Boolean).join(' ');
    return html`<div class="field">
      <label for=${this.id(name)}>${label}</label>
      <input id=${this.id(name)} name=${name} type=${type} autocomplete=${autocomplete} required
        minlength=${rest.minlength ?? nothing} maxlength=${rest.maxlength ?? nothing}
        aria-invalid=${invalid(errors, name)} aria-describedby=${described || nothing}>
      ${hint ? html`<p class="field-hint" id="${this.id(name)}-hint">${hint}</p>` : nothing}
      ${fieldError(errors, name, this.id(name))}
    </div>`;
  }

  async submit(event) {
    event.preventDefault();
    if (this.busy) return;
    const values = Object.fromEntries(new FormData(event.target));
    this.busy = true;
    this.failure = null;
    try {
      const user = await this.perform(values);
      this.dispatchEvent(new CustomEvent('signed-in', { detail: user, bubbles: true, composed: true }));
    } catch (e) {
      this.failure = e;
      await this.updateComplete;
      const first = this.querySelector('[aria-invalid="true"]');
      (first || this.querySelector('emp-alert'))?.focus?.();
    } finally {
      this.busy = false;
    }
  }
}

export class SignInForm extends AuthForm {
  perform({ email, password }) {
    return signIn(email, password);
  }

  render() {
    return html`<form class="form auth-form" novalidate @submit=${this.submit} aria-label="Sign in">
      <emp-alert .error=${this.failure} .fields=${['email', 'password']}></emp-alert>
      ${this.field('email', 'E-mail', { type: 'email', autocomplete: 'email' })}
      ${this.field('password', 'Password', { type: 'password', autocomplete: 'current-password' })}
      <button type="submit" class="button-primary" ?disabled=${this.busy}>${this.busy ? 'Signing in…' : 'Sign in'}</button>
    </form>`;
  }
}
define('shop-signin-form', SignInForm);

export class RegisterForm extends AuthForm {
  perform(values) {
    return register(values);
  }

  render() {
    return html`<form class="form auth-form" novalidate @submit=${this.submit} aria-label="Register">
      <emp-alert .error=${this.failure} .fields=${['username', 'email', 'password']}></emp-alert>
      ${this.field('username', 'Username', { autocomplete: 'username', minlength: 3, maxlength: 50,
        hint: '3 to 50 characters: letters, digits, dots, dashes or underscores.' })}
      ${this.field('email', 'E-mail', { type: 'email', autocomplete: 'email' })}
      ${this.field('password', 'Password', { type: 'password', autocomplete: 'new-password', minlength: 12,
        hint: 'At least 12 characters.' })}
      <button type="submit" class="button-primary" ?disabled=${this.busy}>${this.busy ? 'Registering…' : 'Register'}</button>
    </form>`;
  }
}
define('shop-register-form', RegisterForm);
