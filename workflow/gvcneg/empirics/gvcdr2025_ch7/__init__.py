"""GVC Development Report 2025, chapter 7 ("Technology, Productivity and Inclusive Growth
Through GVCs"): the country-year panel, the aggregations behind Figures 7.4-7.8 and 7.13, and
the estimators of Figures 7.7, 7.10, 7.11, 7.14 and 7.15.

Modules, one job each:

- ``readers``: raw source files -> tidy long frames (explicit unit conversions, clear errors);
- ``schemas``: pandera schemas of the tidy frames;
- ``panel``: the validated country-year panel;
- ``aggregates``: income-group aggregations (Figures 7.4, 7.5, 7.6, 7.8, 7.13);
- ``convergence``: the beta-convergence regression (Figure 7.7);
- ``labour_share_gvc``: PanelOLS of labour-share changes on GVC participation (Figure 7.14)
  and the GVC-participation vs inequality scatter fits (Figure 7.15);
- ``firm_productivity``: binned conditional correlation (Figure 7.10) and quantile regressions
  (Figure 7.11) for firm data;
- ``simulate``: seeded simulated data with known coefficients for the estimators;
- ``claims``: the computed quantities the ledger compares with the chapter's numbers.
"""

INCOME_GROUPS = ("low", "lower_middle", "upper_middle", "high")
INCOME_GROUP_LABELS = {
    "low": "Low income",
    "lower_middle": "Lower-middle income",
    "upper_middle": "Upper-middle income",
    "high": "High income",
}
