// The signed-in session. The access token lives only in this module (never in storage); the refresh token is an
// HttpOnly cookie the server sets when we send X-Emporium-Session: cookie, so a reload renews the session silently.

import { authenticateWith, request } from './api.js';

const COOKIE_MODE = { 'X-Emporium-Session': 'cookie' };
const REFRESH_EARLY_SECONDS = 30;
const LOCK_NAME = 'emporium-session-refresh';
// Set and cleared by the server beside the HttpOnly refresh cookie; not a credential, only the sign that a refresh
// cookie may exist, so that a visitor who never signed in does not send a refresh that can only fail (and show up
// as a 401 in the console).
const SESSION_MARKER = 'emporium_session=1';

let token = null;
let currentUser = null;
let refreshTimer = null;
let inFlightRefresh = null;
const listeners = new Set();

authenticateWith({ token: () => token, refresh: () => refresh() });

export function accessToken() {
  return token;
}

/** The signed-in user as GET /users/me returns it ({id, username, email, role, created_at}), or null. */
export function user() {
  return currentUser;
}

export function isAdmin() {
  return currentUser?.role === 'ADMIN';
}

/** listener(user) after every sign-in, sign-out, session loss or profile change. Returns an unsubscribe. */
export function onChange(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function emit() {
  for (const listener of listeners) {
    try {
      listener(currentUser);
    } catch (e) {
      console.error('session listener failed', e);
    }
  }
}

function keepTokens(tokens) {
  token = tokens.access_token;
  clearTimeout(refreshTimer);
  const seconds = Math.max(5, Number(tokens.expires_in || 0) - REFRESH_EARLY_SECONDS);
  refreshTimer = setTimeout(() => {
    refresh().catch(() => { /* the next call's 401 will try again */ });
  }, seconds * 1000);
}

function mayHaveSession() {
  return document.cookie.split('; ').includes(SESSION_MARKER);
}

function forget() {
  const hadSession = token !== null || currentUser !== null;
  token = null;
  currentUser = null;
  clearTimeout(refreshTimer);
  if (hadSession) emit();
}

async function loadUser() {
  // No refresh-and-retry here: loadUser runs inside a refresh, which would then wait for itself.
  const { body } = await request('GET', '/users/me', { refreshOn401: false });
  currentUser = body;
  return currentUser;
}

/** Reads the profile again (after an edit) and tells the listeners. */
export async function reloadUser() {
  await loadUser();
  emit();
  return currentUser;
}

/**
 * Renews the access token with the refresh cookie. Resolves true when renewed, false when there is no session
 * (then the user is signed out). Calls made at the same time share one request: the refresh token rotates on every
 * use, and two refreshes with the same cookie would revoke the session as a replay. Across tabs a Web Lock
 * serialises them for the same reason.
 */
export function refresh() {
  if (!inFlightRefresh) {
    inFlightRefresh = underLock(renew).finally(() => {
      inFlightRefresh = null;
    });
  }
  return inFlightRefresh;
}

function underLock(work) {
  if (navigator.locks?.request) return navigator.locks.request(LOCK_NAME, work);
  return work();
}

async function renew() {
  try {
    const { body } = await request('POST', '/auth/refresh', { body: {}, headers: COOKIE_MODE });
    keepTokens(body);
  } catch (e) {
    if (e.status === 400 || e.status === 401 || e.status === 403) {
      forget();
      return false;
    }
    throw e;
  }
  const known = currentUser;
  if (!known) {
    await loadUser();
    emit();
  }
  return true;
}

/** At start: a shopper who reloads stays signed in. Resolves the user, or null when there is no session. */
export async function restore() {
  if (!mayHaveSession()) return null;
  try {
    return (await refresh()) ? currentUser : null;
  } catch {
    return null;
  }
}

export async function signIn(email, password) {
  const { body } = await request('POST', '/auth/login', { body: { email, password }, headers: COOKIE_MODE });
  keepTokens(body);
  await loadUser();
  emit();
  return currentUser;
}

/** Registers a customer account, then signs in with it. */
export async function register({ username, email, password }) {
  await request('POST', '/auth/register', { body: { username, email, password } });
  return signIn(email, password);
}

/** Revokes the session on the server (and its cookie), then forgets it here whatever the server said. */
export async function signOut() {
  const logout = () => request('POST', '/auth/logout', { headers: COOKIE_MODE });
  try {
    try {
      await logout();
    } catch (e) {
      // The access token had expired: renew it once so that the server can revoke the session for real.
      if (e.status === 401 && await refresh().catch(() => false)) await logout();
      else throw e;
    }
  } catch {
    // Signed out here anyway; the refresh token expires on its own.
  } finally {
    forget();
  }
}
