"""gvcneg: the science of the replication pipeline (models, data, estimators, figures, ledger)."""

__version__ = "0.1.0"
