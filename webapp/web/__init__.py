"""The Flask glue, in rooms by feature (lesson, embed, challenges, practice, history,
learn, api, accessibility: each a views module and what its pages are built from) and
the plumbing every route goes through (config, plumbing, caches, cookies, languages,
templating). create_app (webapp/__init__.py) wires them."""
