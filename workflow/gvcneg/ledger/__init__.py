"""The registry of published targets and the ledger that compares them with computed values."""
