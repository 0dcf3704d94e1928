"""The lesson page: its views, its page model and page key, predict mode's part, the
embed builder, the share/embed/preview links, and the link preview image."""
