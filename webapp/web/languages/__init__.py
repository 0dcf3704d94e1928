"""Which language a request speaks (request_language.py: one value, and its two rules
for lang in links) and this page in every language (switcher.py)."""
