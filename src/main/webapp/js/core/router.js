// A small History-API router: real URLs, plain <a href> links, and the back button, with the state in the URL.
//
//   route({'/': 'home', '/products/:id': 'product', '*': 'not-found'}, (r) => render(r), {base: '', exclude: ['/admin']})
//
// The listener receives {name, params, query, path, url} now and after every navigation. `query` is a plain object
// of the URL's query string.

// Paths served by the server itself, never by a client-side view.
const SERVER_PATHS = ['/api/', '/static/', '/webjars/', '/demo/', '/health', '/metrics', '/openapi'];

let table = [];
let fallback = null;
let listener = () => {};
let ownsPath = () => true;
let current = null;
let installed = false;

function compile(pattern) {
  const names = [];
  const source = pattern
    .replace(/\/+$/, '')
    .split('/')
    .map((part) => {
      if (part.startsWith(':')) {
        names.push(part.slice(1));
        return '([^/]+)';
      }
      return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('/');
  return { regex: new RegExp(`^${source}/?$`), names };
}

/** Matches a path against the routes: {name, params} (the fallback's name when nothing matches). */
export function match(path) {
  for (const entry of table) {
    const found = entry.regex.exec(path);
    if (found) {
      const params = {};
      entry.names.forEach((name, i) => {
        params[name] = decodeURIComponent(found[i + 1]);
      });
      return { name: entry.name, params };
    }
  }
  return { name: fallback, params: {} };
}

function resolve() {
  const { pathname, search } = window.location;
  const { name, params } = match(pathname);
  current = { name, params, query: readQuery(), path: pathname, url: pathname + search };
  return current;
}

function dispatch() {
  listener(resolve());
}

/** Starts routing: patterns map '/path/:param' to a view name; '*' names the view for unknown paths. */
export function route(patterns, onRoute, { base = '', exclude = [] } = {}) {
  table = Object.entries(patterns)
    .filter(([pattern]) => pattern !== '*')
    .map(([pattern, name]) => ({ ...compile(base + pattern), name }));
  fallback = patterns['*'] ?? null;
  listener = onRoute;
  ownsPath = (path) => (base === '' || path === base || path.startsWith(`${base}/`))
    && !SERVER_PATHS.some((prefix) => path.startsWith(prefix))
    && !exclude.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));
  if (!installed) {
    installed = true;
    window.addEventListener('popstate', dispatch);
    document.addEventListener('click', interceptLink);
  }
  dispatch();
  return { current: currentRoute, navigate, match };
}

export function currentRoute() {
  return current ?? resolve();
}

/** Goes to a same-origin URL without reloading the page; replace: true rewrites the current history entry. */
export function navigate(url, { replace = false, state = null } = {}) {
  const target = new URL(url, window.location.href);
  if (target.origin !== window.location.origin || !ownsPath(target.pathname)) {
    window.location.assign(target.href);
    return;
  }
  const relative = target.pathname + target.search + target.hash;
  const samePage = relative === window.location.pathname + window.location.search + window.location.hash;
  if (replace || samePage) {
    window.history.replaceState(state, '', relative);
  } else {
    window.history.pushState(state, '', relative);
  }
  const pathChanged = !current || current.path !== target.pathname;
  dispatch();
  if (pathChanged && !replace) window.scrollTo(0, 0);
}

function interceptLink(event) {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey
      || event.altKey) {
    return;
  }
  const link = event.composedPath().find((node) => node instanceof HTMLAnchorElement);
  if (!link || !link.href || link.hasAttribute('download') || link.hasAttribute('data-native')) return;
  if (link.target && link.target !== '_self') return;
  const target = new URL(link.href);
  if (target.origin !== window.location.origin || !ownsPath(target.pathname)) return;
  if (target.pathname === window.location.pathname && target.search === window.location.search && target.hash) {
    return; // an in-page anchor: the browser scrolls to it
  }
  event.preventDefault();
  navigate(target.pathname + target.search + target.hash);
}

// ---- query-string state ----------------------------------------------------------------------------------------

/** The current URL's query string as a plain object (the last value wins for a repeated key). */
export function readQuery() {
  return Object.fromEntries(new URLSearchParams(window.location.search));
}

/** path + query object → URL, leaving out null, undefined and '' values. */
export function withQuery(path, query = {}) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === null || value === undefined || value === '' || value === false) continue;
    params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

/** Merges changes into the current query (null/'' removes a key) and navigates there: state lives in the URL. */
export function updateQuery(changes, { replace = false } = {}) {
  navigate(withQuery(window.location.pathname, { ...readQuery(), ...changes }), { replace });
}
