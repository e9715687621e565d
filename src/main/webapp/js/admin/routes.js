// The console's page map, in the shape core/router.js's route() takes under the base '/admin': which view a path
// shows, and which section of the console's navigation that view belongs to.

export const BASE = '/admin';

// Order matters: the first pattern that matches wins, so '/products/new' must come before '/products/:id'.
export const ROUTES = {
  '/': 'products',
  '/products': 'products',
  '/products/new': 'product',
  '/products/:id': 'product',
  '/categories': 'categories',
  '/orders': 'orders',
  '/orders/:id': 'order',
  '/users': 'users',
  '*': 'not-found',
};

const SECTIONS = { product: 'products', order: 'orders', 'not-found': null };

/** The navigation section a view is part of ("product" → "products"), so that its link shows as current. */
export function sectionOf(view) {
  return view in SECTIONS ? SECTIONS[view] : view;
}
