"""The source article: parsing the scraped text and its paragraph-keyed English translation."""
