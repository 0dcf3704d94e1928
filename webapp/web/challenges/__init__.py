"""The challenges' pages and widget: the views and the challenge page's model."""
