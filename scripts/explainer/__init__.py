"""Turns the article and the YAML fact base into the Markdown of the bilingual explainer site."""
