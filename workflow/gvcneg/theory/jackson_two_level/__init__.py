"""Jackson, "The Domestic Side of International Trade Negotiations": the commentary's logic,
Putnam's (1988) two-level game, as a small one-dimensional bargaining model with ratification
constraints (win-sets), comparative statics of a tightened domestic constraint (the Schelling
conjecture) and the risk of involuntary defection when the other side's win-set is uncertain.

The commentary states no model; every functional form here is ours and documented in the
report chapter and in ``config.yaml`` (``CHOICE`` comments).
"""
