// The category tree from the flat list of GET /categories (each with parent_id).

/** Roots, each {category, children: [...]}, siblings by name. Categories whose parent is unknown count as roots. */
export function buildTree(categories) {
  const nodes = new Map(categories.map((c) => [c.id, { category: c, children: [] }]));
  const roots = [];
  for (const node of nodes.values()) {
    const parent = node.category.parent_id && nodes.get(node.category.parent_id);
    (parent ? parent.children : roots).push(node);
  }
  const byName = (a, b) => a.category.name.localeCompare(b.category.name);
  const sort = (list) => {
    list.sort(byName);
    list.forEach((n) => sort(n.children));
  };
  sort(roots);
  return roots;
}

/** Every category in tree order as {id, name, depth, label}, the label being its path ("Home › Office"). */
export function categoryOptions(categories) {
  const options = [];
  const walk = (nodes, path, depth) => {
    for (const node of nodes) {
      const label = [...path, node.category.name].join(' › ');
      options.push({ id: node.category.id, name: node.category.name, depth, label });
      walk(node.children, [...path, node.category.name], depth + 1);
    }
  };
  walk(buildTree(categories || []), [], 0);
  return options;
}

/** The ids of a category and everything under it: none of them can become its parent. */
export function selfAndDescendants(categories, id) {
  const result = new Set([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const c of categories) {
      if (c.parent_id && result.has(c.parent_id) && !result.has(c.id)) {
        result.add(c.id);
        grew = true;
      }
    }
  }
  return result;
}
