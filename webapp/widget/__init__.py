"""The embeddable widget, no Flask: its parts (parts.py: what ``/embed?parts=`` may show,
and how tall each is) and its options (options.py: controls, theme, what it passes on,
the embed builder's choices, the embed snippet). Below api/ (oEmbed sizes a snippet by
its parts) and web/ (the widget's views and the builder render them)."""
