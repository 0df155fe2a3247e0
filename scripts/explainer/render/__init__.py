"""Rendering: the resolved fact base and the article become Markdown pages, one template per kind."""
