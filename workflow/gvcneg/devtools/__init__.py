"""Maintenance tools (not science): conda environment files generated from the pip lock."""
