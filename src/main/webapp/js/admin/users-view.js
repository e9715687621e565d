// Users: everyone's accounts, newest first, searched by username or e-mail; change a role, deactivate an account.
import { html, nothing } from 'lit';
import { get, request } from '../core/api.js';
import { date } from '../core/format.js';
import { navigate, withQuery } from '../core/router.js';
import { alertOf, messageOf } from './problems.js';
import '../core/ui.js'; // <emp-pager>: previous / next links, so that every page has its own URL
import { AdminListing } from './listing.js';

const PATH = '/admin/users';
const PAGE_SIZE = 20;
const ROLES = ['CUSTOMER', 'ADMIN'];

class AdminUsers extends AdminListing {
  static properties = {
    ...AdminListing.properties,
    me: { attribute: false },
    rowProblem: { state: true },
    notice: { state: true },
    busy: { state: true },
    confirming: { state: true },
  };

  fetchListing({ search, page }) {
    return get('/users', { search, page, limit: PAGE_SIZE }, { cache: 'no-store' });
  }

  submitSearch(event) {
    event.preventDefault();
    navigate(withQuery(PATH, { search: String(new FormData(event.target).get('search') || '').trim() }));
  }

  async changeRole(event, account) {
    event.preventDefault();
    const role = String(new FormData(event.target).get('role'));
    await this.act(account, async () => {
      const updated = await request('PUT', `/users/${account.id}/role`, { body: { role } });
      return `${updated.body.username} is now ${updated.body.role === 'ADMIN' ? 'an admin' : 'a customer'}. It takes effect when their current session renews.`;
    });
  }

  async deactivate(account) {
    await this.act(account, async () => {
      await request('DELETE', `/users/${account.id}`);
      return `${account.username}'s account is deactivated: they can no longer sign in, and their sessions have ended.`;
    });
  }

  /** Asks (or stops asking) about one account, keeping the focus on that account's row. */
  confirmDeactivate(asking, rowId) {
    this.confirming = asking;
    const target = asking ? '[data-action="confirm-deactivate"]' : '[data-action="deactivate"]';
    this.updateComplete.then(() => this.querySelector(`tr[data-user-id="${rowId}"] ${target}`)?.focus());
  }

  async act(account, work) {
    this.busy = true;
    this.rowProblem = null;
    this.notice = null;
    try {
      this.notice = await work();
      this.confirming = null;
      await this.load();
    } catch (failure) {
      this.rowProblem = { id: account.id, failure };
    } finally {
      this.busy = false;
    }
  }

  render() {
    const { search } = this.params;
    return html`<section data-view="admin-users" aria-labelledby="users-title">
      <h1 id="users-title" tabindex="-1">Users</h1>
      ${this.notice ? html`<p class="admin-notice" role="status">${this.notice}</p>` : nothing}
      <form class="admin-search" role="search" @submit=${this.submitSearch}>
        <label for="users-search">Search users</label>
        <input id="users-search" name="search" type="search" .value=${search} placeholder="Username or e-mail">
        <button type="submit">Search</button>
        ${search ? html`<a href="${PATH}">Clear search</a>` : nothing}
      </form>
      ${alertOf(this.failure)}
      ${this.renderListing(search)}
    </section>`;
  }

  renderListing(search) {
    if (!this.listing) {
      return this.failure ? nothing : html`<p role="status">Loading users…</p>`;
    }
    const { data } = this.listing;
    if (!data.length) {
      return html`<p class="admin-empty">${search ? `No account matches “${search}”.` : 'There are no accounts.'}</p>`;
    }
    return html`
      <table class="admin-table admin-users">
        <caption class="visually-hidden">Accounts, newest first</caption>
        <thead><tr><th scope="col">Username</th><th scope="col">E-mail</th><th scope="col">Since</th>
          <th scope="col">Role</th><th scope="col">Account</th></tr></thead>
        <tbody>${data.map((u) => this.renderRow(u))}</tbody>
      </table>
      <emp-pager .page=${this.listing.page} .total=${this.listing.total} .limit=${this.listing.limit}
        .hrefFor=${(n) => withQuery(PATH, { search, page: n > 1 ? n : '' })} label="User list pages"></emp-pager>`;
  }

  renderRow(u) {
    const self = u.id === this.me?.id;
    const problem = this.rowProblem?.id === u.id ? this.rowProblem.failure : null;
    return html`<tr data-user-id="${u.id}">
      <td data-label="Username">${u.username}${self ? html` <span class="admin-flag admin-flag-you">you</span>` : nothing}</td>
      <td data-label="E-mail">${u.email}</td>
      <td data-label="Since">${date(u.created_at)}</td>
      <td data-label="Role">
        ${self ? html`${u.role === 'ADMIN' ? 'Admin' : 'Customer'} <span class="admin-hint">(your own role cannot be changed here)</span>`
          : html`<form class="admin-inline-form" data-form="role" @submit=${(e) => this.changeRole(e, u)}>
          <label class="visually-hidden" for="role-${u.id}">Role of ${u.username}</label>
          <select id="role-${u.id}" name="role">
            ${ROLES.map((r) => html`<option value="${r}" ?selected=${u.role === r}>${r === 'ADMIN' ? 'Admin' : 'Customer'}</option>`)}
          </select>
          <button type="submit" ?disabled=${this.busy}>Change role<span class="visually-hidden"> of ${u.username}</span></button>
        </form>`}
      </td>
      <td data-label="Account">
        ${self ? html`<span class="admin-hint">signed in</span>`
          : !u.active ? html`<span class="admin-flag">Deactivated</span>` : this.confirming === u.id ? html`<div role="alert" class="admin-confirm">
            <p>Deactivate ${u.username}? They will be signed out and cannot sign in again.</p>
            <div class="admin-actions">
              <button type="button" class="admin-danger" data-action="confirm-deactivate" ?disabled=${this.busy}
                @click=${() => this.deactivate(u)}>Yes, deactivate</button>
              <button type="button" @click=${() => this.confirmDeactivate(null, u.id)}>Keep the account</button>
            </div>
          </div>`
          : html`<button type="button" class="admin-danger" ?disabled=${this.busy}
              data-action="deactivate" @click=${() => this.confirmDeactivate(u.id, u.id)}>Deactivate<span class="visually-hidden"> ${u.username}</span></button>`}
        ${problem ? html`<p class="field-error" role="alert">${messageOf(problem)}</p>` : nothing}
      </td>
    </tr>`;
  }
}

customElements.define('admin-users', AdminUsers);
