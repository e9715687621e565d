// What the console adds to core/ui.js's error helpers: wording for the store's staff (what went wrong and what to
// do next), and the form wording of field issues. The alert box, the paragraph under a field and aria-invalid are
// ui.js's (<emp-alert>, fieldError, invalid).
import { html, nothing } from 'lit';
import { errorMessage } from '../core/ui.js';

// Messages that say what to do next; the server's own message is used for codes not listed here.
const BY_CODE = {
  NETWORK: 'The server cannot be reached. Check the connection and try again.',
  UNAVAILABLE: 'The server is temporarily unavailable. Try again in a moment.',
  SERVICE_UNAVAILABLE: 'The server is temporarily unavailable. Try again in a moment.',
  UNAUTHORIZED: 'Your session has ended. Sign in again.',
  FORBIDDEN: 'Your account is not allowed to do this.',
  PRECONDITION_FAILED: 'This was changed by someone else since you opened it. Reload to see the current version, then make your change again.',
  VALIDATION_FAILED: 'Some fields need attention.',
  INVALID_BODY: 'Some fields need attention.',
  SKU_TAKEN: 'Another product already has this SKU.',
  SLUG_TAKEN: 'Another category already has this slug.',
  CATEGORY_NOT_EMPTY: 'This category cannot be deleted while it still holds products or sub-categories. Move them to another category (or archive the products) first, then delete it.',
  ILLEGAL_TRANSITION: 'The order can no longer make this change: its status has moved on. The page now shows its current state.',
  RESOURCE_BUSY: 'Someone else is changing this right now. Wait a moment and try again.',
  OUTCOME_UNKNOWN: 'The server failed while saving, so the change may or may not have been made. Reload before trying again.',
  UNSUPPORTED_IMAGE: 'That file is not a JPEG, PNG or WebP image.',
  IMAGE_TOO_LARGE: 'That image is too large (at most 5 MB).',
  PRODUCT_NOT_FOUND: 'There is no such product (it may have been archived).',
  CATEGORY_NOT_FOUND: 'There is no such category (it may have been deleted).',
  ORDER_NOT_FOUND: 'There is no such order.',
  USER_NOT_FOUND: 'There is no such account.',
};

/** The sentence for a failure; a non-ApiFailure (a bug) still gets a sentence rather than a blank. */
export function messageOf(failure) {
  if (!failure) return '';
  if (failure.code === 'INTERNAL_ERROR') return `Something went wrong on the server. ${failure.message}`;
  return BY_CODE[failure.code] || errorMessage(failure);
}

// Bean Validation's wording for a missing value, said the way a form says it.
const REQUIRED = new Set(['must not be blank', 'must not be null', 'must not be empty']);

function wordingOf(issue) {
  return REQUIRED.has(issue) ? 'This field is required.' : issue;
}

/**
 * {field: issue} from the failure's details, for ui.js's fieldError. Unlike ui.js's fieldErrors it keeps every issue
 * of a field (joined), keys dotted paths (items.quantity) by their first part and says "required" in form words.
 */
export function fieldIssues(failure) {
  const issues = {};
  for (const { field, issue } of failure?.details || []) {
    if (!field) continue;
    const key = String(field).split('.')[0];
    const words = wordingOf(issue);
    issues[key] = issues[key] ? `${issues[key]}; ${words}` : words;
  }
  return issues;
}

/**
 * The alert above a form or list: ui.js's <emp-alert>, in the staff's wording. shownFields: the fields whose issues
 * are already shown under their inputs (not repeated in the alert).
 */
export function alertOf(failure, { shownFields = [] } = {}) {
  if (!failure) return nothing;
  const worded = { message: messageOf(failure), details: failure.details || [] };
  return html`<emp-alert .error=${worded} .fields=${shownFields}></emp-alert>`;
}

/** aria-describedby for an input whose error paragraph is ui.js's fieldError(issues, name, id): "<id>-error". */
export function describedBy(issues, name, id) {
  return issues?.[name] ? `${id}-error` : nothing;
}
