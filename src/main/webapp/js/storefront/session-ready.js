// The storefront's one attempt to resume a session at start (refresh cookie → access token). Views that need a
// signed-in shopper wait for it instead of flashing a sign-in form on reload.

import { restore } from '../core/session.js';

export const sessionReady = restore();
