// One place for how numbers, dates and statuses read, in the browser's language.

const locale = () => navigator.language || 'en';
const moneyFormats = new Map();

/** money(19.9, 'EUR') → "€19.90" (in the browser's locale). Amounts may arrive as numbers or strings. */
export function money(amount, currency = 'EUR') {
  const key = `${locale()}|${currency}`;
  let format = moneyFormats.get(key);
  if (!format) {
    try {
      format = new Intl.NumberFormat(locale(), { style: 'currency', currency });
    } catch {
      format = new Intl.NumberFormat(locale(), { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    }
    moneyFormats.set(key, format);
  }
  const value = Number(amount);
  return Number.isFinite(value) ? format.format(value) : '';
}

function parse(iso) {
  if (!iso) return null;
  const value = new Date(iso);
  return Number.isNaN(value.getTime()) ? null : value;
}

export function date(iso) {
  const value = parse(iso);
  return value ? value.toLocaleDateString(locale(), { year: 'numeric', month: 'short', day: 'numeric' }) : '';
}

export function dateTime(iso) {
  const value = parse(iso);
  return value ? value.toLocaleString(locale(), { dateStyle: 'medium', timeStyle: 'short' }) : '';
}

const STATUS_LABELS = {
  pending: 'Pending',
  processing: 'Processing',
  payment_failed: 'Payment failed',
  shipped: 'Shipped',
  delivered: 'Delivered',
  cancelled: 'Cancelled',
};

export function statusLabel(status) {
  return STATUS_LABELS[status] || String(status || '').replace(/_/g, ' ');
}

/** A number of items in words: count(1, 'item') → "1 item", count(3, 'item') → "3 items". */
export function count(n, singular, plural = `${singular}s`) {
  return `${n} ${n === 1 ? singular : plural}`;
}
