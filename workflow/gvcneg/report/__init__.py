"""Report helpers (called from the .qmd chunks) and the offline renderer."""
