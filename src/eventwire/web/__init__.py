"""The web page: Jinja2 templates, static assets, and the views that lay out what they show."""
