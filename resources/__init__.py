"""Data files shipped with the app (product catalogue, theme, icons)."""
