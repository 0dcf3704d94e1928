"""How the app is configured: settings, the secret key, and the WSGI host checks."""
