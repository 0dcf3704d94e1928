"""This browser's history (/history, its downloads, deleting and clearing)."""
