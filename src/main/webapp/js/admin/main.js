// Starts the admin console: the <admin-app> element in admin.html does the rest.
import './admin-app.js';
