"""How templates are compiled and what they call: per language (constant messages
translated at compile time), without indentation, and the presentation helpers."""
