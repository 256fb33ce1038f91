"""Figures: one function per document figure, named after the document's own label."""
