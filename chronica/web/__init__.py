"""The web app (FastAPI) and what it shares with the HTML export: Jinja2 templates and static files."""
