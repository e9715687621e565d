// Starts the storefront: resumes the session (if any) and mounts the application.

import './session-ready.js';
import './app.js';
