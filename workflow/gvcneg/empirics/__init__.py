"""Estimation and data assembly for the documents' empirical figures and tables."""
