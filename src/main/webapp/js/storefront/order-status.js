// An order's status as a badge, and its history as a list of steps.

import { html, nothing } from 'lit';
import { dateTime, statusLabel } from '../core/format.js';

export const FINAL_STATUSES = ['delivered', 'payment_failed', 'cancelled'];
export const CANCELLABLE_STATUSES = ['pending', 'processing'];

export function statusBadge(status) {
  return html`<span class="status status-${status}" data-status=${status}>${statusLabel(status)}</span>`;
}

export function statusHistory(history = []) {
  return html`<ol class="status-history">
    ${history.map((change) => html`<li>
      ${statusBadge(change.status)}
      <time datetime=${change.at}>${dateTime(change.at)}</time>
      ${change.reason ? html`<span class="status-reason">${change.reason}</span>` : nothing}
    </li>`)}
  </ol>`;
}
