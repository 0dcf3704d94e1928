"""The browser's one signed records cookie and its views: the history, practice
progress and solved challenges."""
