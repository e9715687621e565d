// The category tree, read once per page life (it changes rarely) and shared by the home page and the catalog.

import { get } from '../core/api.js';

let loading = null;

export function loadCategories() {
  if (!loading) {
    loading = get('/categories').catch((e) => {
      loading = null; // let the next view try again
      throw e;
    });
  }
  return loading;
}

/** Categories in tree order, each with its depth: [{category, depth}]. */
export function flattenTree(categories) {
  const children = new Map();
  for (const c of categories) {
    const key = c.parent_id ?? null;
    if (!children.has(key)) children.set(key, []);
    children.get(key).push(c);
  }
  for (const list of children.values()) list.sort((a, b) => a.name.localeCompare(b.name));
  const out = [];
  const walk = (parent, depth) => {
    for (const c of children.get(parent) || []) {
      out.push({ category: c, depth });
      walk(c.id, depth + 1);
    }
  };
  walk(null, 0);
  // Orphans (a parent we cannot see) still show, at the top level.
  const seen = new Set(out.map((e) => e.category.id));
  for (const c of categories) if (!seen.has(c.id)) out.push({ category: c, depth: 0 });
  return out;
}
