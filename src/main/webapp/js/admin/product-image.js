// A product's image: the current one, a preview of the chosen file (an object URL, before anything is sent), and
// the upload (PUT /products/{id}/image, the file as the raw body with its own Content-Type).
import { html, nothing } from 'lit';
import { LightElement } from '../core/ui.js';
import { request } from '../core/api.js';
import { alertOf } from './problems.js';

const ACCEPTED = ['image/jpeg', 'image/png', 'image/webp'];
const MAX_BYTES = 5 * 1024 * 1024;

class AdminProductImage extends LightElement {
  static properties = {
    product: { attribute: false },
    file: { state: true },
    previewUrl: { state: true },
    problem: { state: true },
    failure: { state: true },
    busy: { state: true },
  };


  disconnectedCallback() {
    super.disconnectedCallback();
    this.dropPreview();
  }

  dropPreview() {
    if (this.previewUrl) URL.revokeObjectURL(this.previewUrl);
    this.previewUrl = null;
  }

  choose(event) {
    const file = event.target.files?.[0] || null;
    this.dropPreview();
    this.failure = null;
    this.problem = null;
    this.file = file;
    if (!file) return;
    if (file.type && !ACCEPTED.includes(file.type)) {
      this.problem = 'Choose a JPEG, PNG or WebP image.';
    } else if (file.size > MAX_BYTES) {
      this.problem = 'This image is larger than 5 MB; choose a smaller one.';
    }
    this.previewUrl = URL.createObjectURL(file);
  }

  async upload(event) {
    event.preventDefault();
    if (!this.file || this.problem) {
      this.problem = this.problem || 'Choose an image file first.';
      return;
    }
    this.busy = true;
    this.failure = null;
    try {
      const answer = await request('PUT', `/products/${encodeURIComponent(this.product.id)}/image`, { body: this.file });
      this.file = null;
      this.dropPreview();
      event.target.reset();
      this.dispatchEvent(new CustomEvent('image-uploaded', { detail: answer.body, bubbles: true }));
    } catch (failure) {
      this.failure = failure;
    } finally {
      this.busy = false;
    }
  }

  render() {
    const p = this.product;
    return html`<form class="admin-card admin-image" data-form="image" @submit=${this.upload} aria-labelledby="image-title">
      <h2 id="image-title">Image</h2>
      <div class="admin-image-pair">
        <figure>
          ${p?.image_url ? html`<img src="${p.image_url}" alt="Current image of ${p.name}" width="160" height="160">`
            : html`<div class="admin-image-none">No image yet</div>`}
          <figcaption>Current</figcaption>
        </figure>
        ${this.previewUrl ? html`<figure>
          <img src="${this.previewUrl}" alt="Preview of the chosen file" width="160" height="160" data-role="image-preview">
          <figcaption>Preview (not uploaded yet)</figcaption>
        </figure>` : nothing}
      </div>
      ${alertOf(this.failure)}
      <div class="admin-field">
        <label for="image-file">Image file (JPEG, PNG or WebP, at most 5 MB)</label>
        <input id="image-file" name="image" type="file" accept="${ACCEPTED.join(',')}" @change=${this.choose}
          aria-describedby=${this.problem ? 'image-file-error' : nothing} aria-invalid=${this.problem ? 'true' : nothing}>
        ${this.problem ? html`<p class="field-error" id="image-file-error">${this.problem}</p>` : nothing}
      </div>
      <button type="submit" ?disabled=${this.busy || !this.file}>${this.busy ? 'Uploading…' : 'Upload image'}</button>
    </form>`;
  }
}

customElements.define('admin-product-image', AdminProductImage);
