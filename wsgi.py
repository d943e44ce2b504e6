"""Entry point for `flask` and WSGI servers (gunicorn wsgi:app)."""

from academy import create_app

app = create_app()
