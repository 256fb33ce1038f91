"""Mattoo and Olarreaga (2000), "Should Credit Be Given for Autonomous Liberalization in
Multilateral Trade Negotiations?" (World Bank PRWP 2374): a solved, parametric version of the
paper's three-period model of unilateral liberalization between negotiating rounds.

Modules, one job each:

- ``specification``: the explicit two-country, two-good model (our choice; the paper only
  writes V = P + aW, equation (1)) derived with sympy, and its quadratic coefficients.
- ``numeric_economy``: an independent numerical implementation of the same economy (market
  clearing by root finding, surpluses by quadrature) used to check the closed forms.
- ``reactions``: static and intertemporal reaction functions (closed forms), Nash equilibria,
  and the equilibrium of period T under the bindings of round T-1.
- ``contract_curve``: the tangency locus of the governments' iso-value curves and its
  intersection with a ray of equiproportionate cuts (section 4, Figure 4).
- ``rules``: the three periods under the four credit rules (sections 3.1-3.4, 4, appendix).
- ``scenarios``: solves any table of parameter points (the baseline is a table of one row).
- ``grid``: the robustness grid: build, chunk, evaluate claims, summarise shares.
- ``inequality6``: inequality (6) and its numeric illustration.
- ``claims``: the computed quantities for the ledger.
- ``falsifiability``: every claim re-checked under deliberate perturbations (can it fail?).
"""
