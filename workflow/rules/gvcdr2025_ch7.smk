# GVC Development Report 2025, chapter 7 "Technology, Productivity and Inclusive Growth
# Through GVCs": the country-year panel, Figures 7.4-7.15 and the computed quantities for the
# ledger. Raw files come only through source_file(...) (workflow/rules/data.smk).
from snakemake.utils import Paramspace

from gvcneg.sweeps import specification_grid, sweep_axes
from gvcneg.empirics.gvcdr2025_ch7 import inputs as ch7_inputs

CH7 = "gvcdr2025_ch7"
CH7_CONFIG = config[CH7]
CH7_METADATA = res("data", "country_metadata.csv")
CH7_PANEL = res(CH7, "data", "country_year_panel.csv")
CH7_LABOUR_SHARE = res(CH7, "data", "labour_share_panel.csv")
CH7_LABOUR_SHARE_FLAGS = res(CH7, "data", "labour_share_imputed_constant.csv")
CH7_GINI_SERIES = res(CH7, "data", "gini_{gini_series}.csv")
CH7_GVC = res(CH7, "data", "gvc_participation_{gvc_source}.csv")
CH7_FIGURES = ["fig_7_4", "fig_7_5", "fig_7_6", "fig_7_7", "fig_7_8", "fig_7_13"]
CH7_FIGURES += ["fig_7_14", "fig_7_15"]
CH7_DIAGRAMS = ["fig_7_9", "fig_7_12"]
CH7_SIMULATED = ["fig_7_10", "fig_7_11"]
CH7_FIG_7_14_TABLE = table_outputs(CH7, "fig_7_14_estimates")

CH7_POPULATION_SOURCE = ch7_inputs.first_usable(
    CH7_CONFIG["population_sources"], source_usable, "population"
)


rule gvcdr2025_ch7_country_year_panel:
    input:
        gdp=source_file("owid-wdi-gdp-pc-ppp", "gdp-per-capita-worldbank.csv"),
        population=source_file(
            CH7_POPULATION_SOURCE, ch7_inputs.POPULATION_FILES[CH7_POPULATION_SOURCE]
        ),
        gini=source_file(
            CH7_CONFIG["gini"]["source"],
            ch7_inputs.GINI_FILES[CH7_CONFIG["gini"]["source"]],
        ),
        income_status=CH7_METADATA,
        code=code_inputs("gvcdr2025_ch7/country_year_panel.py"),
    output:
        panel=CH7_PANEL,
    log:
        logfile(CH7, "country_year_panel"),
    benchmark:
        benchfile(CH7, "country_year_panel")
    conda:
        ENVS["empirics"]
    params:
        cfg=config_keys(
            "gvcdr2025_ch7.income_status",
            "gvcdr2025_ch7.years",
            "gvcdr2025_ch7.gini",
        ),
        population_source=CH7_POPULATION_SOURCE,
    message:
        "GVCDR 2025 ch. 7: validated country-year panel (GDP per capita, population, Gini)"
    script:
        "../scripts/gvcdr2025_ch7/country_year_panel.py"


rule gvcdr2025_ch7_labour_share_panel:
    input:
        pwt=source_file("pwt", "pwt1001.dta"),
        income_status=CH7_METADATA,
        code=code_inputs("gvcdr2025_ch7/labour_share_panel.py"),
    output:
        panel=CH7_LABOUR_SHARE,
        flags=CH7_LABOUR_SHARE_FLAGS,
    log:
        logfile(CH7, "labour_share_panel"),
    benchmark:
        benchfile(CH7, "labour_share_panel")
    conda:
        ENVS["empirics"]
    params:
        cfg=config_keys(
            "gvcdr2025_ch7.income_status",
            "gvcdr2025_ch7.fig_7_13",
        ),
    message:
        "GVCDR 2025 ch. 7: PWT 10.01 labour shares by economy and year, imputed-constant flags"
    script:
        "../scripts/gvcdr2025_ch7/labour_share_panel.py"


rule gvcdr2025_ch7_gvc_participation:
    input:
        gvc=lambda wildcards: [
            source_file(s, f)
            for s, f in ch7_inputs.gvc_files(wildcards.gvc_source, source_usable)
        ],
        income_status=CH7_METADATA,
        code=code_inputs("gvcdr2025_ch7/gvc_participation.py"),
    output:
        panel=CH7_GVC,
    log:
        logfile(CH7, "gvc_participation_{gvc_source}"),
    benchmark:
        benchfile(CH7, "gvc_participation_{gvc_source}")
    wildcard_constraints:
        gvc_source="|".join(ch7_inputs.GVC_FILES),
    conda:
        ENVS["empirics"]
    params:
        cfg=config_keys(
            "gvcdr2025_ch7.income_status",
        ),
    message:
        "GVCDR 2025 ch. 7: GVC participation from {wildcards.gvc_source}"
    script:
        "../scripts/gvcdr2025_ch7/gvc_participation.py"


rule gvcdr2025_ch7_fig_7_4:
    input:
        panel=CH7_PANEL,
        code=code_inputs("gvcdr2025_ch7/fig_7_4.py"),
    output:
        **figure_outputs(CH7, "fig_7_4"),
        claims=res(CH7, "claims", "fig_7_4.csv"),
    log:
        logfile(CH7, "fig_7_4"),
    benchmark:
        benchfile(CH7, "fig_7_4")
    conda:
        ENVS["empirics"]
    params:
        cfg=config_keys(
            "gvcdr2025_ch7.income_status.fiscal_year",
            "gvcdr2025_ch7.years",
            "gvcdr2025_ch7.balanced_panel",
            "gvcdr2025_ch7.gini",
            "gvcdr2025_ch7.sweep",
        ),
        population_source=CH7_POPULATION_SOURCE,
    message:
        "GVCDR 2025 ch. 7: Figure 7.4 (GDP per capita relative to high income)"
    script:
        "../scripts/gvcdr2025_ch7/fig_7_4.py"


rule gvcdr2025_ch7_fig_7_5:
    input:
        panel=CH7_PANEL,
        code=code_inputs("gvcdr2025_ch7/fig_7_5.py"),
    output:
        **figure_outputs(CH7, "fig_7_5"),
        claims=res(CH7, "claims", "fig_7_5.csv"),
    log:
        logfile(CH7, "fig_7_5"),
    benchmark:
        benchfile(CH7, "fig_7_5")
    conda:
        ENVS["empirics"]
    params:
        cfg=config_keys(
            "gvcdr2025_ch7.income_status.fiscal_year",
            "gvcdr2025_ch7.years",
            "gvcdr2025_ch7.gini",
        ),
    message:
        "GVCDR 2025 ch. 7: Figure 7.5 (Gini, first vs last year)"
    script:
        "../scripts/gvcdr2025_ch7/fig_7_5.py"


rule gvcdr2025_ch7_fig_7_6:
    input:
        panel=CH7_PANEL,
        code=code_inputs("gvcdr2025_ch7/fig_7_6.py"),
    output:
        **figure_outputs(CH7, "fig_7_6"),
        claims=res(CH7, "claims", "fig_7_6.csv"),
    log:
        logfile(CH7, "fig_7_6"),
    benchmark:
        benchfile(CH7, "fig_7_6")
    conda:
        ENVS["empirics"]
    params:
        cfg=config_keys(
            "gvcdr2025_ch7.income_status.fiscal_year",
            "gvcdr2025_ch7.years",
            "gvcdr2025_ch7.balanced_panel",
            "gvcdr2025_ch7.gini",
            "gvcdr2025_ch7.fig_7_6",
        ),
    message:
        "GVCDR 2025 ch. 7: Figure 7.6 (Gini by income group)"
    script:
        "../scripts/gvcdr2025_ch7/fig_7_6.py"


rule gvcdr2025_ch7_fig_7_7:
    input:
        panel=CH7_PANEL,
        code=code_inputs("gvcdr2025_ch7/fig_7_7.py"),
    output:
        **figure_outputs(CH7, "fig_7_7"),
        estimates=res(CH7, "tables", "fig_7_7_estimates.csv"),
        claims=res(CH7, "claims", "fig_7_7.csv"),
    log:
        logfile(CH7, "fig_7_7"),
    benchmark:
        benchfile(CH7, "fig_7_7")
    conda:
        ENVS["empirics"]
    params:
        cfg=config_keys(
            "gvcdr2025_ch7.income_status.fiscal_year",
            "gvcdr2025_ch7.gini",
            "gvcdr2025_ch7.fig_7_7",
        ),
        population_source=CH7_POPULATION_SOURCE,
    message:
        "GVCDR 2025 ch. 7: Figure 7.7 (convergence regression, robust SE)"
    script:
        "../scripts/gvcdr2025_ch7/fig_7_7.py"


rule gvcdr2025_ch7_fig_7_8:
    input:
        panel=CH7_PANEL,
        code=code_inputs("gvcdr2025_ch7/fig_7_8.py"),
    output:
        **figure_outputs(CH7, "fig_7_8"),
        summary=res(CH7, "tables", "fig_7_8_summary.csv"),
        claims=res(CH7, "claims", "fig_7_8.csv"),
    log:
        logfile(CH7, "fig_7_8"),
    benchmark:
        benchfile(CH7, "fig_7_8")
    conda:
        ENVS["empirics"]
    params:
        cfg=config_keys(
            "gvcdr2025_ch7.income_status.fiscal_year",
            "gvcdr2025_ch7.gini",
            "gvcdr2025_ch7.fig_7_8",
        ),
        population_source=CH7_POPULATION_SOURCE,
    message:
        "GVCDR 2025 ch. 7: Figure 7.8 (catch-up to the lead economy by income group)"
    script:
        "../scripts/gvcdr2025_ch7/fig_7_8.py"


rule gvcdr2025_ch7_fig_7_13:
    input:
        panel=CH7_LABOUR_SHARE,
        flags=CH7_LABOUR_SHARE_FLAGS,
        code=code_inputs("gvcdr2025_ch7/fig_7_13.py"),
    output:
        **figure_outputs(CH7, "fig_7_13"),
        claims=res(CH7, "claims", "fig_7_13.csv"),
    log:
        logfile(CH7, "fig_7_13"),
    benchmark:
        benchfile(CH7, "fig_7_13")
    conda:
        ENVS["empirics"]
    params:
        cfg=config_keys(
            "gvcdr2025_ch7.income_status.fiscal_year",
            "gvcdr2025_ch7.gini",
            "gvcdr2025_ch7.fig_7_13",
        ),
    message:
        "GVCDR 2025 ch. 7: Figure 7.13 (labour shares, PWT 10.01)"
    script:
        "../scripts/gvcdr2025_ch7/fig_7_13.py"


rule gvcdr2025_ch7_fig_7_14:
    input:
        # The robot control of the document, only when the user supplies IFR data.
        unpack(
            lambda wildcards: (
                {"robots": source_file(*ch7_inputs.ROBOTS)}
                if source_usable(ch7_inputs.ROBOTS[0])
                else {}
            )
        ),
        gvc=expand(CH7_GVC, gvc_source=CH7_CONFIG["fig_7_14"]["gvc_sources"]),
        labour_share=CH7_LABOUR_SHARE,
        code=code_inputs("gvcdr2025_ch7/fig_7_14.py"),
    output:
        multiext_output(CH7_FIG_7_14_TABLE, "table"),
        **figure_outputs(CH7, "fig_7_14"),
        claims=res(CH7, "claims", "fig_7_14.csv"),
    log:
        logfile(CH7, "fig_7_14"),
    benchmark:
        benchfile(CH7, "fig_7_14")
    conda:
        ENVS["empirics"]
    params:
        cfg=config_keys(
            "gvcdr2025_ch7.gini",
            "gvcdr2025_ch7.fig_7_14",
        ),
    message:
        "GVCDR 2025 ch. 7: Figure 7.14 (labour share on GVC participation, PanelOLS)"
    script:
        "../scripts/gvcdr2025_ch7/fig_7_14.py"


rule gvcdr2025_ch7_fig_7_15:
    input:
        gvc=expand(CH7_GVC, gvc_source=CH7_CONFIG["fig_7_15"]["gvc_source"]),
        wid=source_file("wid-gini", "tidy_data.csv"),
        income_status=CH7_METADATA,
        code=code_inputs("gvcdr2025_ch7/fig_7_15.py"),
    output:
        **figure_outputs(CH7, "fig_7_15"),
        fits=res(CH7, "tables", "fig_7_15_fits.csv"),
        claims=res(CH7, "claims", "fig_7_15.csv"),
    log:
        logfile(CH7, "fig_7_15"),
    benchmark:
        benchfile(CH7, "fig_7_15")
    conda:
        ENVS["empirics"]
    params:
        cfg=config_keys(
            "gvcdr2025_ch7.income_status",
            "gvcdr2025_ch7.gini",
            "gvcdr2025_ch7.fig_7_15",
        ),
    message:
        "GVCDR 2025 ch. 7: Figure 7.15 (GVC participation and inequality changes)"
    script:
        "../scripts/gvcdr2025_ch7/fig_7_15.py"


rule gvcdr2025_ch7_diagrams:
    input:
        code=code_inputs("gvcdr2025_ch7/fig_diagram.py"),
    output:
        **{
            f"{stem}_{kind}": path
            for stem in CH7_DIAGRAMS
            for kind, path in figure_outputs(CH7, stem).items()
        },
    log:
        logfile(CH7, "diagrams"),
    benchmark:
        benchfile(CH7, "diagrams")
    conda:
        ENVS["empirics"]
    params:
        diagrams=CH7_DIAGRAMS,
    message:
        "GVCDR 2025 ch. 7: channel diagrams {params.diagrams}"
    script:
        "../scripts/gvcdr2025_ch7/fig_diagram.py"


rule gvcdr2025_ch7_fig_7_10_simulated:
    input:
        code=code_inputs("gvcdr2025_ch7/fig_7_10.py"),
    output:
        **figure_outputs(CH7, "fig_7_10"),
        check=res(CH7, "tables", "fig_7_10_simulation_check.csv"),
    log:
        logfile(CH7, "fig_7_10"),
    benchmark:
        benchfile(CH7, "fig_7_10")
    conda:
        ENVS["empirics"]
    params:
        cfg=config_keys(
            "reproducibility.seed",
            "gvcdr2025_ch7.gini",
            "gvcdr2025_ch7.simulated",
        ),
    message:
        "GVCDR 2025 ch. 7: Figure 7.10 estimator on SIMULATED firm data"
    script:
        "../scripts/gvcdr2025_ch7/fig_7_10.py"


rule gvcdr2025_ch7_fig_7_11_simulated:
    input:
        code=code_inputs("gvcdr2025_ch7/fig_7_11.py"),
    output:
        **figure_outputs(CH7, "fig_7_11"),
    log:
        logfile(CH7, "fig_7_11"),
    benchmark:
        benchfile(CH7, "fig_7_11")
    conda:
        ENVS["empirics"]
    params:
        cfg=config_keys(
            "reproducibility.seed",
            "gvcdr2025_ch7.gini",
            "gvcdr2025_ch7.simulated",
        ),
    message:
        "GVCDR 2025 ch. 7: Figure 7.11 quantile estimator on SIMULATED firm data"
    script:
        "../scripts/gvcdr2025_ch7/fig_7_11.py"


rule gvcdr2025_ch7_computed:
    input:
        claims=[res(CH7, "claims", f"{stem}.csv") for stem in CH7_FIGURES],
        code=code_inputs("gvcdr2025_ch7/computed.py"),
    output:
        res(CH7, "computed.csv"),
    log:
        logfile(CH7, "computed"),
    benchmark:
        benchfile(CH7, "computed")
    conda:
        ENVS["empirics"]
    message:
        "GVCDR 2025 ch. 7: computed quantities for the ledger"
    script:
        "../scripts/gvcdr2025_ch7/computed.py"


# Specification sweep ------------------------------------------------------------------------
# Each claim family's choices (config gvcdr2025_ch7.sweep, main specification first) expand to a
# Paramspace grid; one job evaluates every family's grid with the main pipeline's functions.
CH7_SWEEP = {
    family: Paramspace(
        specification_grid(sweep_axes(axes)), filename_params="*", filename_sep=";"
    )
    for family, axes in CH7_CONFIG["sweep"].items()
}
CH7_SWEEP_FAMILY = res(CH7, "sweep", "{family}.csv")
CH7_SWEEP_FILES = {
    "gdp": source_file("owid-wdi-gdp-pc-ppp", "gdp-per-capita-worldbank.csv"),
    "population": source_file(
        CH7_POPULATION_SOURCE, ch7_inputs.POPULATION_FILES[CH7_POPULATION_SOURCE]
    ),
    "income_status": CH7_METADATA,
    "gini": {
        name: CH7_GINI_SERIES.format(gini_series=name)
        for name in CH7_CONFIG["gini_series"]
    },
    "wid": source_file("wid-gini", "tidy_data.csv"),
    "gvc": {
        source: CH7_GVC.format(gvc_source=source)
        for source in sweep_axes(CH7_CONFIG["sweep"]["fig_7_15"])["gvc_source"]
    },
    "pwt": source_file("pwt", "pwt1001.dta"),
    "flags": CH7_LABOUR_SHARE_FLAGS,
    "estimates": CH7_FIG_7_14_TABLE["csv"],
}


rule gvcdr2025_ch7_gini_series:
    input:
        **{
            name: source_file(
                series["source"], ch7_inputs.GINI_FILES[series["source"]]
            )
            for name, series in CH7_CONFIG["gini_series"].items()
        },
        code=code_inputs("gvcdr2025_ch7/gini_series.py"),
    output:
        **{
            name: CH7_GINI_SERIES.format(gini_series=name)
            for name in CH7_CONFIG["gini_series"]
        },
    log:
        logfile(CH7, "gini_series"),
    benchmark:
        benchfile(CH7, "gini_series")
    conda:
        ENVS["empirics"]
    params:
        cfg=config_keys("gvcdr2025_ch7.gini_series"),
    message:
        "GVCDR 2025 ch. 7: every Gini series of the sweep, with clone flags"
    script:
        "../scripts/gvcdr2025_ch7/gini_series.py"


# One job for every family: each alone spent most of its CPU starting Python and reading the
# same files.
rule gvcdr2025_ch7_sweep:
    input:
        **ch7_inputs.sweep_inputs_all(CH7_CONFIG["sweep"], CH7_SWEEP_FILES),
        code=code_inputs("gvcdr2025_ch7/sweep_families.py"),
    output:
        **{family: CH7_SWEEP_FAMILY.format(family=family) for family in CH7_SWEEP},
        artefacts=res(CH7, "tables", "data_artefacts.csv"),
    log:
        logfile(CH7, "sweep"),
    benchmark:
        benchfile(CH7, "sweep")
    conda:
        ENVS["empirics"]
    params:
        cfg=config_keys(
            "gvcdr2025_ch7.years",
            "gvcdr2025_ch7.income_status",
            "gvcdr2025_ch7.balanced_panel",
            "gvcdr2025_ch7.gini",
            "gvcdr2025_ch7.gini_series",
            "gvcdr2025_ch7.sweep_min_economies",
            "gvcdr2025_ch7.fig_7_6",
            "gvcdr2025_ch7.fig_7_7",
            "gvcdr2025_ch7.fig_7_8",
            "gvcdr2025_ch7.fig_7_13",
            "gvcdr2025_ch7.fig_7_14",
            "gvcdr2025_ch7.fig_7_15",
        ),
        specs={
            family: space.dataframe.to_dict("records")
            for family, space in CH7_SWEEP.items()
        },
        names={
            family: list(space.instance_patterns)
            for family, space in CH7_SWEEP.items()
        },
        gini_names=ch7_inputs.sweep_gini_names(CH7_CONFIG["sweep"]),
        wid_gini_names=ch7_inputs.sweep_gini_names(CH7_CONFIG["sweep"], needing="wid"),
        population_source=CH7_POPULATION_SOURCE,
        gvc_sources=sweep_axes(CH7_CONFIG["sweep"]["fig_7_15"])["gvc_source"],
    message:
        "GVCDR 2025 ch. 7: specification sweep of every claim family"
    script:
        "../scripts/gvcdr2025_ch7/sweep_families.py"


rule gvcdr2025_ch7_verdict_sweep:
    input:
        families=expand(CH7_SWEEP_FAMILY, family=list(CH7_SWEEP)),
        targets=repo_file("targets", f"{CH7}.yaml"),
        code=code_inputs("ledger/verdict_sweep.py"),
    output:
        **figure_outputs(CH7, "specification_curve"),
        verdicts=res(CH7, "verdict_sweep.csv"),
        robustness=res(CH7, "robustness.csv"),
        choices=res(CH7, "sweep_choices.csv"),
    log:
        logfile(CH7, "verdict_sweep"),
    benchmark:
        benchfile(CH7, "verdict_sweep")
    conda:
        ENVS["empirics"]
    params:
        cfg=config_keys("gvcdr2025_ch7.sweep"),
        main={
            family: next(iter(space.instance_patterns))
            for family, space in CH7_SWEEP.items()
        },
        title="GVC Development Report 2025, chapter 7: specification curves",
    message:
        "GVCDR 2025 ch. 7: verdicts under every specification, robustness labels"
    script:
        "../scripts/ledger/verdict_sweep.py"
