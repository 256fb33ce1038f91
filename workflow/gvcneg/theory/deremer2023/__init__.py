"""DeRemer (2023), "Exporter Influence, Globalization Backlash, and Rules vs. Power-Based Trade
Agreements": the two-country, two-good model of sections 3-4 with the functional forms of
section 3.3 (Bagwell and Staiger 2001)."""
