"""The accessibility statement (/accessibility)."""
