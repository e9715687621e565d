// Categories as a tree: create, rename, move (a new parent), delete. The API refuses to delete a category that still
// has products or sub-categories (409 CATEGORY_NOT_EMPTY); the view says what to do about it.
import { html, nothing } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import { request, get } from '../core/api.js';
import { fieldError, invalid, LightElement } from '../core/ui.js';
import { alertOf, fieldIssues, describedBy, messageOf } from './problems.js';
import { buildTree, categoryOptions, selfAndDescendants } from './category-tree.js';

const FIELDS = ['name', 'slug', 'description', 'parent_id'];

/** "Home Office & Desks" → "home-office-desks", the form the API requires of slugs. */
function slugOf(name) {
  return name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
    .replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 120);
}

class AdminCategories extends LightElement {
  static properties = {
    categories: { state: true },
    failure: { state: true },
    createFailure: { state: true },
    editing: { state: true },
    editFailure: { state: true },
    refusal: { state: true },
    notice: { state: true },
    busy: { state: true },
    createVersion: { state: true },
  };


  constructor() {
    super();
    this.categories = null;
    this.editing = null;
    this.createVersion = 0;
  }

  connectedCallback() {
    super.connectedCallback();
    this.load();
  }

  async load() {
    try {
      this.categories = await get('/categories', {}, { cache: 'no-store' });
      this.failure = null;
    } catch (failure) {
      this.failure = failure;
    }
  }

  bodyOf(form) {
    const data = new FormData(form);
    const text = (name) => {
      const value = String(data.get(name) ?? '').trim();
      return value === '' ? null : value;
    };
    const name = text('name');
    return { name, slug: text('slug') ?? (name ? slugOf(name) : null), description: text('description'), parent_id: text('parent_id') };
  }

  async create(event) {
    event.preventDefault();
    const body = this.bodyOf(event.target);
    this.busy = true;
    this.createFailure = null;
    this.notice = null;
    try {
      await request('POST', '/categories', { body });
      this.notice = `Category “${body.name}” created.`;
      this.createVersion += 1;
      await this.load();
    } catch (failure) {
      this.createFailure = failure;
    } finally {
      this.busy = false;
    }
  }

  async saveEdit(event, category) {
    event.preventDefault();
    const body = this.bodyOf(event.target);
    this.busy = true;
    this.editFailure = null;
    this.notice = null;
    try {
      await request('PUT', `/categories/${category.id}`, { body });
      this.notice = `Category “${body.name}” saved.`;
      this.editing = null;
      await this.load();
    } catch (failure) {
      this.editFailure = failure;
    } finally {
      this.busy = false;
    }
  }

  async deleteCategory(category) {
    this.busy = true;
    this.refusal = null;
    this.notice = null;
    try {
      await request('DELETE', `/categories/${category.id}`);
      this.notice = `Category “${category.name}” deleted.`;
      if (this.editing === category.id) this.editing = null;
      await this.load();
    } catch (failure) {
      this.refusal = { id: category.id, failure };
    } finally {
      this.busy = false;
    }
  }

  startEdit(category) {
    this.editing = category.id;
    this.editFailure = null;
    this.refusal = null;
    this.updateComplete.then(() => this.querySelector(`#edit-${category.id}-name`)?.focus());
  }

  render() {
    return html`<section data-view="admin-categories" aria-labelledby="categories-title">
      <h1 id="categories-title" tabindex="-1">Categories</h1>
      ${this.notice ? html`<p class="admin-notice" role="status">${this.notice}</p>` : nothing}
      ${alertOf(this.failure)}
      <div class="admin-categories-layout">
        <div>
          <h2>Tree</h2>
          ${this.categories === null ? html`<p role="status">Loading categories…</p>`
            : this.categories.length ? this.renderTree(buildTree(this.categories), true)
            : html`<p class="admin-empty">There are no categories yet: create the first one.</p>`}
        </div>
        ${this.renderCreate()}
      </div>
    </section>`;
  }

  renderTree(nodes, top) {
    return html`<ul class="admin-tree" aria-label=${top ? 'Category tree' : nothing}>
      ${nodes.map((node) => html`<li data-category-id="${node.category.id}">
        ${this.editing === node.category.id ? this.renderEdit(node.category) : this.renderItem(node.category)}
        ${node.children.length ? this.renderTree(node.children, false) : nothing}
      </li>`)}
    </ul>`;
  }

  renderItem(category) {
    const refused = this.refusal?.id === category.id ? this.refusal.failure : null;
    return html`<div class="admin-tree-item">
      <span class="admin-tree-name">${category.name}</span> <code class="admin-tree-slug">${category.slug}</code>
      <span class="admin-actions">
        <button type="button" @click=${() => this.startEdit(category)}>Edit<span class="visually-hidden"> ${category.name}</span></button>
        <button type="button" class="admin-danger" ?disabled=${this.busy} @click=${() => this.deleteCategory(category)}>Delete<span class="visually-hidden"> ${category.name}</span></button>
      </span>
      ${refused ? html`<div class="admin-alert" role="alert">
        ${refused.code === 'CATEGORY_NOT_EMPTY' ? html`<p>“${category.name}” cannot be deleted: ${refused.message.replace(/^The category /, 'it ')}.
          A category must be empty before it goes. Move its products to another category (or archive them) and move or
          delete its sub-categories first.</p>` : html`<p>${messageOf(refused)}</p>`}
      </div>` : nothing}
    </div>`;
  }

  renderEdit(category) {
    const issues = fieldIssues(this.editFailure);
    const prefix = `edit-${category.id}`;
    const excluded = selfAndDescendants(this.categories, category.id);
    return html`<form class="admin-card admin-tree-edit" @submit=${(e) => this.saveEdit(e, category)} novalidate
        aria-labelledby="${prefix}-title">
      <h3 id="${prefix}-title" class="admin-edit-title">Edit “${category.name}”</h3>
      ${alertOf(this.editFailure, { shownFields: FIELDS })}
      ${this.renderFields(prefix, issues, category, categoryOptions(this.categories).filter((o) => !excluded.has(o.id)))}
      <div class="admin-actions">
        <button type="submit" class="admin-primary" ?disabled=${this.busy}>Save</button>
        <button type="button" @click=${() => { this.editing = null; this.editFailure = null; }}>Cancel</button>
      </div>
    </form>`;
  }

  renderCreate() {
    const issues = fieldIssues(this.createFailure);
    return keyed(this.createVersion, html`<form class="admin-card" data-form="create-category" @submit=${this.create} novalidate aria-labelledby="create-category-title">
      <h2 id="create-category-title">New category</h2>
      ${alertOf(this.createFailure, { shownFields: FIELDS })}
      ${this.renderFields('create', issues, null, categoryOptions(this.categories || []))}
      <button type="submit" class="admin-primary" ?disabled=${this.busy}>Create category</button>
    </form>`);
  }

  renderFields(prefix, issues, category, parents) {
    const input = (name, label, control, hint) => html`<div class="admin-field">
      <label for="${prefix}-${name}">${label}</label>
      ${control}
      ${hint ? html`<p class="admin-hint" id="${prefix}-${name}-hint">${hint}</p>` : nothing}
      ${fieldError(issues, name, `${prefix}-${name}`)}
    </div>`;
    return html`
      ${input('name', 'Name', html`<input id="${prefix}-name" name="name" required maxlength="100" .value=${category?.name ?? ''}
        aria-describedby=${describedBy(issues, 'name', `${prefix}-name`)} aria-invalid=${invalid(issues, 'name')}>`)}
      ${input('slug', 'Slug', html`<input id="${prefix}-slug" name="slug" maxlength="120" autocomplete="off" .value=${category?.slug ?? ''}
        aria-describedby="${prefix}-slug-hint${issues.slug ? ` ${prefix}-slug-error` : ''}" aria-invalid=${invalid(issues, 'slug')}>`,
        'Lower-case words joined by “-”, used in shop URLs. Left empty, it is made from the name.')}
      ${input('description', 'Description (optional)', html`<textarea id="${prefix}-description" name="description" rows="2" maxlength="2000"
        .value=${category?.description ?? ''} aria-describedby=${describedBy(issues, 'description', `${prefix}-description`)}
        aria-invalid=${invalid(issues, 'description')}></textarea>`)}
      ${input('parent_id', 'Parent category', html`<select id="${prefix}-parent_id" name="parent_id"
          aria-describedby=${describedBy(issues, 'parent_id', `${prefix}-parent_id`)} aria-invalid=${invalid(issues, 'parent_id')}>
        <option value="" ?selected=${!category?.parent_id}>None (top level)</option>
        ${parents.map((o) => html`<option value="${o.id}" ?selected=${category?.parent_id === o.id}>${o.label}</option>`)}
      </select>`)}`;
  }
}

customElements.define('admin-categories', AdminCategories);
