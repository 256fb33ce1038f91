# GVC Development Report 2025, chapter 8 (targeted trade deals): the real dyad-year panel,
# and -- when the user supplies the TTD database (and BaTiS / CRM-basket flows) -- Figures
# 8.1-8.10 and Tables 8.2, 8.3 and 8.A.5. Without those files every dependent result is
# "awaiting data: <source>" in the report and the ledger; nothing is simulated.
from gvcneg.empirics.gvcdr2025_ch8 import inputs as ch8_inputs

CH8 = "gvcdr2025_ch8"
CH8_CONFIG = config[CH8]
# Which results can be made is decided once, from the DAG and the supplied data (can_make in
# common.smk, gvcneg.registries): rules here declare their inputs and nothing else.

CH8_PANEL = res(CH8, "panel", "dyad_panel.parquet")
CH8_COVERAGE = res(CH8, "panel", "coverage_by_year.csv")
CH8_BLOCS = res(CH8, "panel", "bloc_members.csv")
CH8_DCI_COMPONENTS = res(CH8, "panel", "dci_components.csv")
CH8_DCI_PLACEBO = {
    "draws": res(CH8, "placebo", "dci_placebo_draws.csv"),
    "summary": res(CH8, "placebo", "dci_placebo.csv"),
}
CH8_DEALS = res(CH8, "ttd", "deals.csv")
CH8_BINDING_SOURCES = res(CH8, "ttd", "binding_language_sources.csv")
CH8_DYADS = res(CH8, "ttd", "dyads.csv")
CH8_DESCRIPTIVES = {
    name: res(CH8, "ttd", f"{name}.csv")
    for name in (
        "deal_counts",
        "cumulative",
        "participation",
        "provisions_digital",
        "provisions_crm",
        "validity",
        "code_counts",
        "investment_levels",
        "income_pairings",
    )
}
CH8_PANEL_STATS = {
    name: res(CH8, "ttd", f"{name}.csv")
    for name in (
        "comparison",
        "dci_gap",
        "dci_mean",
        "crm_endowment",
        "binding_shares",
        "significance",
    )
}
CH8_PANEL_FIGURES = ["fig_panel_coverage", "fig_panel_covariates"]
CH8_TTD_FIGURES = ["fig_8_1", "fig_8_3", "fig_8_4", "fig_8_5"]
CH8_MAP_FIGURES = ["fig_8_2"]
CH8_STATS_FIGURES = ["fig_8_6", "fig_8_7", "fig_8_8", "fig_8_9"]
CH8_TABLE_8_2 = table_outputs(CH8, "table_8_2")
CH8_TRADE = {
    "digital": {
        "table": table_outputs(CH8, "table_8_a_5"),
        "profile": figure_outputs(CH8, "fig_8_10a"),
        "event": figure_outputs(CH8, "fig_8_10a_event_study"),
        "raw_table": res(CH8, "models", "ppml_digital.csv"),
        "diagnostics": res(CH8, "models", "diagnostics_digital.csv"),
    },
    "crm": {
        "table": table_outputs(CH8, "table_8_3"),
        "profile": figure_outputs(CH8, "fig_8_10b"),
        "event": figure_outputs(CH8, "fig_8_10b_event_study"),
        "raw_table": res(CH8, "models", "ppml_crm.csv"),
        "diagnostics": res(CH8, "models", "diagnostics_crm.csv"),
    },
}
CH8_FORMATION_DIAGNOSTICS = res(CH8, "models", "diagnostics_formation.csv")
CH8_ODDS = res(CH8, "models", "logit_formation.csv")
CH8_AVAILABILITY = res(CH8, "availability.csv")


# The document's own sources replace our offline substitutes when the user supplies them.
CH8_SUBSTITUTES_SUPPLIED = frozenset(
    source for source in ch8_inputs.SUBSTITUTES if source_usable(source)
)
CH8_PANEL_INPUTS = {
    role: source_file(source, name)
    for role, (source, name) in ch8_inputs.panel_files(
        CH8_CONFIG, CH8_SUBSTITUTES_SUPPLIED
    ).items()
}


rule gvcdr2025_ch8_dyad_panel:
    input:
        **CH8_PANEL_INPUTS,
        code=code_inputs("gvcdr2025_ch8/dyad_panel.py"),
    output:
        panel=CH8_PANEL,
        coverage=CH8_COVERAGE,
        blocs=CH8_BLOCS,
        dci_components=CH8_DCI_COMPONENTS,
    log:
        logfile(CH8, "dyad_panel"),
    benchmark:
        benchfile(CH8, "dyad_panel")
    conda:
        ENVS["empirics"]
    threads: 1
    resources:
        mem_mb=3000,
        runtime=10,
    params:
        cfg=config_keys(
            "gvcdr2025_ch8.years",
            "gvcdr2025_ch8.carry_forward_years",
            "gvcdr2025_ch8.sanctions",
            "gvcdr2025_ch8.rta",
            "gvcdr2025_ch8.dci",
            "gvcdr2025_ch8.crm_endowment",
            "gvcdr2025_ch8.blocs",
        ),
    message:
        "Chapter 8: dyad-year panel 2006-2024 from the registry's real covariates"
    script:
        "../scripts/gvcdr2025_ch8/dyad_panel.py"


rule gvcdr2025_ch8_dci_placebo:
    input:
        panel=CH8_PANEL,
        components=CH8_DCI_COMPONENTS,
        code=code_inputs("gvcdr2025_ch8/dci_placebo.py"),
    output:
        **CH8_DCI_PLACEBO,
    log:
        logfile(CH8, "dci_placebo"),
    benchmark:
        benchfile(CH8, "dci_placebo")
    conda:
        ENVS["empirics"]
    resources:
        mem_mb=2000,
    params:
        cfg=config_keys(
            "reproducibility.seed",
            "gvcdr2025_ch8.years",
            "gvcdr2025_ch8.rta",
            "gvcdr2025_ch8.dci",
            "gvcdr2025_ch8.formation",
            "gvcdr2025_ch8.trade_effect",
            "gvcdr2025_ch8.placebo",
            "gvcdr2025_ch8.event_study",
        ),
    message:
        "Chapter 8: Figure 8.8's DCI comparison under random signings (placebo)"
    script:
        "../scripts/gvcdr2025_ch8/dci_placebo.py"


CH8_PENPPML_FLOWS = res(CH8, "placebo", "penppml_flows.parquet")


rule gvcdr2025_ch8_penppml_flows:
    input:
        flows=source_file("penppml-dta-sample", "trade.rda"),
        code=code_inputs("gvcdr2025_ch8/penppml_flows.py"),
    output:
        flows=CH8_PENPPML_FLOWS,
    log:
        logfile(CH8, "penppml_flows"),
    benchmark:
        benchfile(CH8, "penppml_flows")
    conda:
        ENVS["empirics"]
    threads: 1
    resources:
        mem_mb=1000,
        runtime=5,
    message:
        "Chapter 8: the penppml Comtrade flows converted once from .rda (placebo input)"
    script:
        "../scripts/gvcdr2025_ch8/penppml_flows.py"


CH8_ESTIMATOR_PLACEBO = {
    "draws": res(CH8, "placebo", "estimators_draws.csv"),
    "summary": res(CH8, "placebo", "estimators.csv"),
}


rule gvcdr2025_ch8_placebo_estimators:
    input:
        # The chapter's own flows join the placebo where its trade-effect rule can run (the
        # user supplied them and the TTD).
        unpack(
            inputs_that_can_be_made(
                {
                    "batis": source_file(*ch8_inputs.TRADE_FILES["digital"]),
                    "crm_flows": source_file(*ch8_inputs.TRADE_FILES["crm"]),
                },
                when={
                    "batis": CH8_TRADE["digital"]["raw_table"],
                    "crm_flows": CH8_TRADE["crm"]["raw_table"],
                },
            )
        ),
        panel=CH8_PANEL,
        flows=CH8_PENPPML_FLOWS,
        code=code_inputs("gvcdr2025_ch8/placebo_estimators.py"),
    output:
        **CH8_ESTIMATOR_PLACEBO,
    log:
        logfile(CH8, "placebo_estimators"),
    benchmark:
        benchfile(CH8, "placebo_estimators")
    conda:
        ENVS["empirics"]
    threads: 1
    resources:
        mem_mb=4000,
        runtime=30,
    params:
        cfg=config_keys(
            "reproducibility.seed",
            "gvcdr2025_ch8.years",
            "gvcdr2025_ch8.rta",
            "gvcdr2025_ch8.dci",
            "gvcdr2025_ch8.formation",
            "gvcdr2025_ch8.trade_effect",
            "gvcdr2025_ch8.placebo",
            "gvcdr2025_ch8.event_study",
        ),
    message:
        "Chapter 8: estimators under random TTD signings (placebo coverage; bench/ runs hundreds)"
    script:
        "../scripts/gvcdr2025_ch8/placebo_estimators.py"


rule gvcdr2025_ch8_panel_figures:
    input:
        coverage=CH8_COVERAGE,
        code=code_inputs("gvcdr2025_ch8/panel_figure.py"),
    output:
        **{
            f"{stem}_{kind}": path
            for stem in CH8_PANEL_FIGURES
            for kind, path in figure_outputs(CH8, stem).items()
        },
    log:
        logfile(CH8, "panel_figures"),
    benchmark:
        benchfile(CH8, "panel_figures")
    conda:
        ENVS["empirics"]
    params:
        stems=CH8_PANEL_FIGURES,
    message:
        "Chapter 8: {params.stems} (coverage of the real dyad panel)"
    script:
        "../scripts/gvcdr2025_ch8/panel_figure.py"


rule gvcdr2025_ch8_ttd_descriptives:
    input:
        **(
            {"coded": res(CH8, "tables", "table_binding_coder_texts.csv")}
            if source_usable("wto-ttd-texts")
            else {}
        ),
        ttd=source_file(*ch8_inputs.TTD_FILE),
        income=source_file(*ch8_inputs.INCOME_FILE),
        # The footnote-15 coder's codes of the user's texts replace the file's codes (config
        # binding_language_from) for every deal with a text.
        code=code_inputs("gvcdr2025_ch8/ttd_descriptives.py"),
    output:
        **CH8_DESCRIPTIVES,
        deals=CH8_DEALS,
        dyads=CH8_DYADS,
        binding_sources=CH8_BINDING_SOURCES,
    log:
        logfile(CH8, "ttd_descriptives"),
    benchmark:
        benchfile(CH8, "ttd_descriptives")
    conda:
        ENVS["empirics"]
    params:
        cfg=config_keys(
            "gvcdr2025_ch8.years",
            "gvcdr2025_ch8.rta",
            "gvcdr2025_ch8.figure_8_2_split_year",
            "gvcdr2025_ch8.binding_language_from",
        ),
    message:
        "Chapter 8: validate the TTD database and compute the deal-level descriptives"
    script:
        "../scripts/gvcdr2025_ch8/ttd_descriptives.py"


CH8_TTD_COVERAGE = res(CH8, "ttd", "coverage.csv")
CH8_TTD_COVERAGE_FIGURE = figure_outputs(CH8, "fig_ttd_coverage")


rule gvcdr2025_ch8_ttd_coverage:
    input:
        deals=CH8_DEALS,
        participation=CH8_DESCRIPTIVES["participation"],
        targets=repo_file("targets", f"{CH8}.yaml"),
        code=code_inputs("gvcdr2025_ch8/ttd_coverage.py"),
    output:
        **CH8_TTD_COVERAGE_FIGURE,
        coverage=CH8_TTD_COVERAGE,
    log:
        logfile(CH8, "ttd_coverage"),
    benchmark:
        benchfile(CH8, "ttd_coverage")
    conda:
        ENVS["empirics"]
    message:
        "Chapter 8: the supplied TTD file against every count the chapter states (coverage)"
    script:
        "../scripts/gvcdr2025_ch8/ttd_coverage.py"


rule gvcdr2025_ch8_ttd_panel_stats:
    input:
        panel=CH8_PANEL,
        dyads=CH8_DYADS,
        code=code_inputs("gvcdr2025_ch8/ttd_panel_stats.py"),
    output:
        **CH8_PANEL_STATS,
        outside_panel=res(CH8, "ttd", "signatories_outside_panel.csv"),
    log:
        logfile(CH8, "ttd_panel_stats"),
    benchmark:
        benchfile(CH8, "ttd_panel_stats")
    conda:
        ENVS["empirics"]
    resources:
        mem_mb=3000,
    params:
        cfg=config_keys(
            "gvcdr2025_ch8.years",
            "gvcdr2025_ch8.rta",
            "gvcdr2025_ch8.formation",
            "gvcdr2025_ch8.trade_effect",
            "gvcdr2025_ch8.event_study",
        ),
    message:
        "Chapter 8: TTD dyads vs non-TTD dyads on the real covariates"
    script:
        "../scripts/gvcdr2025_ch8/ttd_panel_stats.py"


rule gvcdr2025_ch8_ttd_figure:
    input:
        **CH8_DESCRIPTIVES,
        **CH8_PANEL_STATS,
        code=code_inputs("gvcdr2025_ch8/ttd_figure.py"),
    output:
        **figure_outputs(CH8, "{stem}"),
    log:
        logfile(CH8, "{stem}"),
    benchmark:
        benchfile(CH8, "{stem}")
    wildcard_constraints:
        stem="|".join(CH8_TTD_FIGURES + CH8_STATS_FIGURES),
    conda:
        ENVS["empirics"]
    message:
        "Chapter 8: {wildcards.stem}"
    script:
        "../scripts/gvcdr2025_ch8/ttd_figure.py"


rule gvcdr2025_ch8_fig_8_2:
    input:
        participation=CH8_DESCRIPTIVES["participation"],
        world=source_file("natural-earth-110m", "naturalearth_lowres.shp"),
        world_parts=[
            source_file("natural-earth-110m", f"naturalearth_lowres.{ext}")
            for ext in ("shx", "dbf", "prj", "cpg")
        ],
        geo=source_file("cepii-geodist", "geo_cepii.csv"),
        code=code_inputs("gvcdr2025_ch8/fig_8_2.py"),
    output:
        **figure_outputs(CH8, "fig_8_2"),
    log:
        logfile(CH8, "fig_8_2"),
    benchmark:
        benchfile(CH8, "fig_8_2")
    conda:
        ENVS["empirics"]
    message:
        "Chapter 8: Figure 8.2 (world maps of TTD participation, Natural Earth 1:110m)"
    script:
        "../scripts/gvcdr2025_ch8/fig_8_2.py"


rule gvcdr2025_ch8_formation:
    input:
        panel=CH8_PANEL,
        dyads=CH8_DYADS,
        code=code_inputs("gvcdr2025_ch8/formation.py"),
    output:
        **CH8_TABLE_8_2,
        odds=CH8_ODDS,
        diagnostics=CH8_FORMATION_DIAGNOSTICS,
    log:
        logfile(CH8, "formation"),
    benchmark:
        benchfile(CH8, "formation")
    conda:
        ENVS["empirics"]
    resources:
        mem_mb=4000,
    params:
        cfg=config_keys(
            "gvcdr2025_ch8.years",
            "gvcdr2025_ch8.rta",
            "gvcdr2025_ch8.formation",
            "gvcdr2025_ch8.trade_effect",
            "gvcdr2025_ch8.event_study",
        ),
    message:
        "Chapter 8: pooled logit of TTD formation (Table 8.2, odds ratios)"
    script:
        "../scripts/gvcdr2025_ch8/formation.py"


# PPML trade effect and event study: digital trade (Table 8.A.5, Figure 8.10a), then the same
# rule for CRM trade (Table 8.3, Figure 8.10b) with its own flows and files.
rule gvcdr2025_ch8_trade_effect_digital:
    input:
        panel=CH8_PANEL,
        dyads=CH8_DYADS,
        flows=source_file(*ch8_inputs.TRADE_FILES["digital"]),
        code=code_inputs("gvcdr2025_ch8/trade_effect.py"),
    output:
        multiext_output(CH8_TRADE["digital"]["table"], "table"),
        multiext_output(CH8_TRADE["digital"]["profile"], "profile"),
        multiext_output(CH8_TRADE["digital"]["event"], "event"),
        raw_table=CH8_TRADE["digital"]["raw_table"],
        diagnostics=CH8_TRADE["digital"]["diagnostics"],
    log:
        logfile(CH8, "trade_effect_digital"),
    benchmark:
        benchfile(CH8, "trade_effect_digital")
    conda:
        ENVS["empirics"]
    resources:
        mem_mb=4000,
    params:
        cfg=config_keys(
            "reproducibility.seed",
            "gvcdr2025_ch8.years",
            "gvcdr2025_ch8.rta",
            "gvcdr2025_ch8.formation",
            "gvcdr2025_ch8.trade_effect",
            "gvcdr2025_ch8.event_study",
        ),
        theme="digital",
        source=ch8_inputs.TRADE_FILES["digital"][0],
    message:
        "Chapter 8: PPML trade effect of TTDs and event study ({params.theme})"
    script:
        "../scripts/gvcdr2025_ch8/trade_effect.py"


use rule gvcdr2025_ch8_trade_effect_digital as gvcdr2025_ch8_trade_effect_crm with:
    input:
        panel=CH8_PANEL,
        dyads=CH8_DYADS,
        flows=source_file(*ch8_inputs.TRADE_FILES["crm"]),
        code=code_inputs("gvcdr2025_ch8/trade_effect.py"),
    output:
        multiext_output(CH8_TRADE["crm"]["table"], "table"),
        multiext_output(CH8_TRADE["crm"]["profile"], "profile"),
        multiext_output(CH8_TRADE["crm"]["event"], "event"),
        raw_table=CH8_TRADE["crm"]["raw_table"],
        diagnostics=CH8_TRADE["crm"]["diagnostics"],
    log:
        logfile(CH8, "trade_effect_crm"),
    benchmark:
        benchfile(CH8, "trade_effect_crm")
    params:
        theme="crm",
        source=ch8_inputs.TRADE_FILES["crm"][0],


# What the claims can read: each result is taken where it can be made here.
CH8_CLAIM_INPUTS = {
    **CH8_DESCRIPTIVES,
    **CH8_PANEL_STATS,
    "odds": CH8_ODDS,
    "ttd_coverage": CH8_TTD_COVERAGE,
    **{
        f"{theme}_{kind}": CH8_TRADE[theme][key]
        for theme in CH8_TRADE
        for kind, key in (("table", "raw_table"), ("diagnostics", "diagnostics"))
    },
}


rule gvcdr2025_ch8_claims:
    input:
        unpack(inputs_that_can_be_made(CH8_CLAIM_INPUTS)),
        coverage=CH8_COVERAGE,
        placebo=CH8_ESTIMATOR_PLACEBO["summary"],
        code=code_inputs("gvcdr2025_ch8/claims.py"),
    output:
        computed=res(CH8, "computed.csv"),
        availability=CH8_AVAILABILITY,
    log:
        logfile(CH8, "claims"),
    benchmark:
        benchfile(CH8, "claims")
    conda:
        ENVS["empirics"]
    params:
        has_ttd=lambda wildcards: can_make(CH8_DEALS),
        has_batis=lambda wildcards: can_make(CH8_TRADE["digital"]["raw_table"]),
        has_crm_trade=lambda wildcards: can_make(CH8_TRADE["crm"]["raw_table"]),
        # The gravity controls come from the USITC DGD only when the user supplies it.
        has_dgd="usitc-dgd" in CH8_SUBSTITUTES_SUPPLIED,
        cfg=config_keys(
            "gvcdr2025_ch8.guards",
            "gvcdr2025_ch8.trade_effect.controls",
            "gvcdr2025_ch8.formation.regressors",
        ),
    message:
        "Chapter 8: computed quantities for the ledger (awaiting data where inputs are absent)"
    script:
        "../scripts/gvcdr2025_ch8/claims.py"


CH8_CODER_EXAMPLES = table_outputs(CH8, "table_binding_coder_examples")
CH8_CODER_TEXTS = table_outputs(CH8, "table_binding_coder_texts")
CH8_CODER_ACCURACY = table_outputs(CH8, "table_binding_coder_accuracy")


rule gvcdr2025_ch8_binding_coder:
    input:
        **(
            {"texts": source_file("wto-ttd-texts", "ttd_texts.csv")}
            if source_usable("wto-ttd-texts")
            else {}
        ),
        examples=repo_file(
            "workflow", "gvcneg", "empirics", CH8, "binding_examples.yaml"
        ),
        corpus=repo_file("workflow", "gvcneg", "empirics", CH8, "binding_corpus.yaml"),
        blind_rounds=repo_file(
            "workflow", "gvcneg", "empirics", CH8, "binding_blind_rounds.yaml"
        ),
        code=code_inputs("gvcdr2025_ch8/binding_coder.py"),
    output:
        multiext_output(CH8_CODER_EXAMPLES, "examples"),
        multiext_output(CH8_CODER_TEXTS, "texts"),
        multiext_output(CH8_CODER_ACCURACY, "accuracy"),
    log:
        logfile(CH8, "binding_coder"),
    benchmark:
        benchfile(CH8, "binding_coder")
    conda:
        ENVS["empirics"]
    message:
        "Chapter 8: footnote-15 binding-language coder (examples; TTD texts when supplied)"
    script:
        "../scripts/gvcdr2025_ch8/binding_coder.py"
