"""The fact base: YAML files of companies, models, people, terms, events, quotes and figures."""
