// The one client of the REST API under /api/v1: it knows the error format, adds the bearer token, refreshes a
// session once on a 401, waits out a 429 once, and tells the page when the server cannot be reached.

const BASE = '/api/v1';
const MAX_RETRY_WAIT_SECONDS = 10;

/** Every failed call ends as one of these: status 0 means the request never got an answer. */
export class ApiFailure extends Error {
  constructor(status, code, message, details = [], retryAfter = null) {
    super(message);
    this.name = 'ApiFailure';
    this.status = status;
    this.code = code;
    this.details = Array.isArray(details) ? details : [];
    this.retryAfter = retryAfter;
  }
}

// session.js plugs itself in here, so that this module does not depend on it (it depends on us).
let auth = { token: () => null, refresh: async () => false };

/** Called by session.js: where the access token comes from and how to renew it. */
export function authenticateWith({ token, refresh }) {
  auth = { token, refresh };
}

// ---- connectivity ----------------------------------------------------------------------------------------------

const connectivityListeners = new Set();
let serverUp = true;

/** listener(isUp) is called whenever the server goes from reachable to unreachable or back. Returns an unsubscribe. */
export function onConnectivity(listener) {
  connectivityListeners.add(listener);
  return () => connectivityListeners.delete(listener);
}

export function isServerUp() {
  return serverUp;
}

function reportConnectivity(up) {
  if (up === serverUp) return;
  serverUp = up;
  for (const listener of connectivityListeners) {
    try {
      listener(up);
    } catch (e) {
      console.warn('connectivity listener failed', e);
    }
  }
}

// ---- requests --------------------------------------------------------------------------------------------------

/** '/products' + {page: 2, search: ''} → '/api/v1/products?page=2' (empty values are left out). */
export function apiUrl(path, query) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query || {})) {
    if (value === null || value === undefined || value === '') continue;
    params.append(key, String(value));
  }
  const qs = params.toString();
  return BASE + path + (qs ? `?${qs}` : '');
}

function isAuthPath(path) {
  return path.startsWith('/auth/');
}

function retryAfterSeconds(response) {
  const value = response.headers.get('Retry-After');
  if (!value) return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds);
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, Math.round((date - Date.now()) / 1000));
}

function sleep(ms, signal) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(signal.reason ?? new DOMException('Aborted', 'AbortError'));
    }, { once: true });
  });
}

function buildInit(method, { body, headers, signal, cache }) {
  const allHeaders = { Accept: 'application/json', ...headers };
  const token = auth.token();
  if (token && !Object.keys(allHeaders).some((h) => h.toLowerCase() === 'authorization')) {
    allHeaders.Authorization = `Bearer ${token}`;
  }
  let payload;
  if (body instanceof Blob) {
    payload = body;
    allHeaders['Content-Type'] = body.type || 'application/octet-stream';
  } else if (body !== undefined && body !== null) {
    payload = JSON.stringify(body);
    allHeaders['Content-Type'] = 'application/json';
  }
  return { method, headers: allHeaders, body: payload, signal, cache, credentials: 'same-origin' };
}

async function readJson(response) {
  if (response.status === 204 || response.status === 304) return null;
  const text = await response.text();
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

const networkMessage = 'The shop cannot be reached right now. Check your connection and try again.';
const unavailableMessage = 'The shop is temporarily unavailable. Please try again in a moment.';

async function failureFrom(response) {
  const body = await readJson(response).catch(() => null);
  const retryAfter = retryAfterSeconds(response);
  if (body && typeof body === 'object' && body.code) {
    return new ApiFailure(response.status, body.code, body.message || `Request failed (${response.status})`,
      body.details || [], retryAfter);
  }
  return new ApiFailure(response.status, `HTTP_${response.status}`, `Request failed (${response.status}).`, [],
    retryAfter);
}

/**
 * fetch with the API's conventions. Resolves {status, headers, body} for 2xx and 304 (body: parsed JSON or null;
 * with raw: true, body is the unread fetch Response); throws ApiFailure otherwise. Options: query, body (plain object
 * sent as JSON, or a Blob/File sent as-is), headers, signal, raw, cache (fetch's), refreshOn401 (default true).
 */
export async function request(method, path, options = {}) {
  return send(method, path, options, { refreshed: false, waited: false });
}

async function send(method, path, options, attempt) {
  const { query, signal, raw } = options;
  let response;
  try {
    response = await fetch(apiUrl(path, query), buildInit(method, options));
  } catch (e) {
    if (signal?.aborted) throw e;
    reportConnectivity(false);
    throw new ApiFailure(0, 'NETWORK', networkMessage);
  }

  if (response.status === 502 || response.status === 503 || response.status === 504) {
    reportConnectivity(false);
    throw new ApiFailure(response.status, 'UNAVAILABLE', unavailableMessage, [], retryAfterSeconds(response));
  }
  reportConnectivity(true);

  if (response.ok || response.status === 304) {
    const body = raw ? response : await readJson(response);
    return { status: response.status, headers: response.headers, body };
  }

  if (response.status === 401 && options.refreshOn401 !== false && !isAuthPath(path) && !attempt.refreshed
      && auth.token()) {
    // The access token may just have expired: renew it once and try again.
    if (await auth.refresh()) {
      return send(method, path, options, { ...attempt, refreshed: true });
    }
  }

  if (response.status === 429 && !attempt.waited) {
    const wait = Math.min(retryAfterSeconds(response) ?? 1, MAX_RETRY_WAIT_SECONDS);
    await sleep(wait * 1000, signal);
    return send(method, path, options, { ...attempt, waited: true });
  }

  throw await failureFrom(response);
}

export async function get(path, query, options = {}) {
  return (await request('GET', path, { ...options, query })).body;
}

export async function post(path, body, headers) {
  return (await request('POST', path, { body, headers })).body;
}

export async function put(path, body, headers) {
  return (await request('PUT', path, { body, headers })).body;
}

export async function patch(path, body, headers) {
  return (await request('PATCH', path, { body, headers })).body;
}

export async function del(path, headers) {
  return (await request('DELETE', path, { headers })).body;
}

// ---- server-sent events ----------------------------------------------------------------------------------------

/**
 * Reads a text/event-stream with fetch (EventSource cannot send the Authorization header). onEvent({event, data, id})
 * gets each event, data parsed as JSON when it is JSON. The promise resolves when the stream ends (server closed it,
 * the connection dropped, or signal aborted) and rejects with an ApiFailure when the stream cannot be opened.
 */
export function stream(path, onEvent, { signal, query } = {}) {
  return openStream(path, onEvent, { signal, query }, false);
}

async function openStream(path, onEvent, { signal, query }, refreshed) {
  let response;
  try {
    response = await fetch(apiUrl(path, query), buildInit('GET', {
      headers: { Accept: 'text/event-stream' }, signal, cache: 'no-store',
    }));
  } catch (e) {
    if (signal?.aborted) return;
    reportConnectivity(false);
    throw new ApiFailure(0, 'NETWORK', networkMessage);
  }
  if (response.status === 401 && !refreshed && auth.token() && await auth.refresh()) {
    return openStream(path, onEvent, { signal, query }, true);
  }
  if (response.status === 502 || response.status === 503 || response.status === 504) {
    reportConnectivity(false);
    throw new ApiFailure(response.status, 'UNAVAILABLE', unavailableMessage);
  }
  if (!response.ok || !response.body
      || !(response.headers.get('Content-Type') || '').includes('text/event-stream')) {
    throw response.ok ? new ApiFailure(response.status, 'NOT_A_STREAM', 'Live updates are not available.')
      : await failureFrom(response);
  }
  reportConnectivity(true);

  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  let event = { event: 'message', data: [], id: null };
  const dispatch = () => {
    if (event.data.length) {
      const text = event.data.join('\n');
      let data = text;
      try {
        data = JSON.parse(text);
      } catch { /* not JSON: hand over the text */ }
      try {
        onEvent({ event: event.event, data, id: event.id });
      } catch (e) {
        console.error('stream listener failed', e);
      }
    }
    event = { event: 'message', data: [], id: null };
  };
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += value;
      const lines = buffer.split(/\r\n|\r|\n/);
      buffer = lines.pop();
      for (const line of lines) {
        if (line === '') {
          dispatch();
        } else if (!line.startsWith(':')) {
          const colon = line.indexOf(':');
          const field = colon < 0 ? line : line.slice(0, colon);
          const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
          if (field === 'event') event.event = value;
          else if (field === 'data') event.data.push(value);
          else if (field === 'id') event.id = value;
        }
      }
    }
  } catch {
    // A dropped connection or an abort simply ends the stream; the caller decides whether to reconnect.
  } finally {
    reader.releaseLock?.();
  }
}
