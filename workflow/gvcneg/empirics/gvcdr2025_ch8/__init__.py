"""GVC Development Report 2025, chapter 8: targeted trade deals (TTDs).

Modules: ``ttd_schema`` (the TTD database of Annexes 8.2-8.4, validated on load),
``binding_coder`` (the rule-based coder of footnote 15), ``trade_flows`` (user-supplied
BaTiS and CRM-basket flows), ``covariates`` (country and dyad covariates from the registry's
sources), ``blocs`` (the eight regional blocs of Table 8.1), ``dci`` (footnote 13),
``crm_endowment`` (Table 8.1), ``panel`` (the dyad-year panel), ``ttd_dyads`` (TTDs expanded
to dyad-years), ``descriptives`` (Figures 8.1-8.10 data), ``logit`` (Table 8.2), ``ppml``
(Tables 8.3 and 8.A.5), ``event_study`` (Figure 8.10) and ``claims`` (the ledger rows).
"""
