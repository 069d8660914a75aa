"""Pre-printed certificate forms: blank PDFs that administrators publish per language."""
