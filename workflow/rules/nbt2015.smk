# National Board of Trade (2015): Figure 1 (RTAs in force, both WTO counting conventions,
# document window and extended), the WTO-plus provision shares (DESTA substitute), and the
# computed quantities for the ledger (Figure 2 awaits data).
from snakemake.utils import Paramspace

from gvcneg.sweeps import specification_grid, sweep_axes

NBT = "nbt2015"
NBT_CONFIG = config[NBT]
NBT_SERIES = res(NBT, "rta_in_force.csv")
NBT_FIG_1 = figure_outputs(NBT, "fig_1")
NBT_WTO_PLUS = table_outputs(NBT, "wto_plus_shares")
NBT_WTO_PLUS_TRENDS = table_outputs(NBT, "wto_plus_trends")
NBT_STRI_EU = table_outputs(NBT, "stri_eu_dispersion")
NBT_STRI_TIDY = res(NBT, "data", "oecd_stri.csv")


rule nbt2015_rta_in_force:
    input:
        export=source_file("wto-rta", "AllRTAs.xlsx"),
        code=code_inputs("nbt2015/rta_in_force.py"),
    output:
        csv=NBT_SERIES,
    log:
        logfile(NBT, "rta_in_force"),
    benchmark:
        benchfile(NBT, "rta_in_force")
    conda:
        ENVS["empirics"]
    params:
        cfg=config_keys(
            "nbt2015.figure_1",
        ),
        sheet=SOURCES["wto-rta"].file("AllRTAs.xlsx").read["sheet_name"],
    message:
        "National Board of Trade (2015): RTAs in force by year, agreements and notifications"
    script:
        "../scripts/nbt2015/rta_in_force.py"


rule nbt2015_figure_1:
    input:
        series=NBT_SERIES,
        code=code_inputs("nbt2015/figure_1.py"),
    output:
        **NBT_FIG_1,
    log:
        logfile(NBT, "figure_1"),
    benchmark:
        benchfile(NBT, "figure_1")
    conda:
        ENVS["empirics"]
    params:
        cfg=config_keys(
            "nbt2015.figure_1",
        ),
    message:
        "National Board of Trade (2015): Figure 1, RTAs in force (document window and extended)"
    script:
        "../scripts/nbt2015/figure_1.py"


rule nbt2015_wto_plus_shares:
    input:
        desta=source_file("desta-v203", "desta_version_02_03.csv"),
        registry=repo_file("sources", "desta-v203.yaml"),
        code=code_inputs("nbt2015/wto_plus_shares.py"),
    output:
        multiext_output(NBT_WTO_PLUS_TRENDS, "trends"),
        **NBT_WTO_PLUS,
    log:
        logfile(NBT, "wto_plus_shares"),
    benchmark:
        benchfile(NBT, "wto_plus_shares")
    conda:
        ENVS["empirics"]
    params:
        cfg=config_keys(
            "nbt2015.wto_plus",
        ),
        file_name="desta_version_02_03.csv",
    message:
        "National Board of Trade (2015): WTO-plus shares and uptake trends (DESTA stand-in)"
    script:
        "../scripts/nbt2015/wto_plus_shares.py"


rule nbt2015_stri_eu:
    input:
        stri=source_file("oecd-stri", "stri_oecdstat_2014_2024.xlsx"),
        registry=repo_file("sources", "oecd-stri.yaml"),
        code=code_inputs("nbt2015/stri_eu.py"),
    output:
        **NBT_STRI_EU,
        tidy=NBT_STRI_TIDY,
    log:
        logfile(NBT, "stri_eu"),
    benchmark:
        benchfile(NBT, "stri_eu")
    conda:
        ENVS["empirics"]
    params:
        cfg=config_keys(
            "nbt2015.stri_eu",
        ),
        file_name="stri_oecdstat_2014_2024.xlsx",
    message:
        "National Board of Trade (2015): footnote 5, OECD STRI across EU member states"
    script:
        "../scripts/nbt2015/stri_eu.py"


rule nbt2015_computed:
    input:
        series=NBT_SERIES,
        wto_plus=NBT_WTO_PLUS["csv"],
        trends=NBT_WTO_PLUS_TRENDS["csv"],
        stri=NBT_STRI_EU["csv"],
        code=code_inputs("nbt2015/computed.py"),
    output:
        csv=res(NBT, "computed.csv"),
    log:
        logfile(NBT, "computed"),
    benchmark:
        benchfile(NBT, "computed")
    conda:
        ENVS["empirics"]
    params:
        cfg=config_keys("nbt2015.figure_1", "nbt2015.wto_plus.provisions"),
    message:
        "National Board of Trade (2015): computed quantities for the ledger"
    script:
        "../scripts/nbt2015/computed.py"


# Specification sweep: each family's choices (config nbt2015.sweep, main first) as a Paramspace
# grid, all evaluated in one job, gathered against targets/nbt2015.yaml.
NBT_SWEEP = {
    family: Paramspace(
        specification_grid(sweep_axes(axes)), filename_params="*", filename_sep=";"
    )
    for family, axes in NBT_CONFIG["sweep"].items()
}
NBT_SWEEP_FAMILY = res(NBT, "sweep", "{family}.csv")


NBT_DESTA_INPUTS = {
    "desta": source_file("desta-v203", "desta_version_02_03.csv"),
    "registry": repo_file("sources", "desta-v203.yaml"),
}
NBT_SWEEP_INPUTS = {
    "wto_plus": NBT_DESTA_INPUTS,
    "wto_plus_trend": NBT_DESTA_INPUTS,
    "stri_eu": {"stri": NBT_STRI_TIDY},
    "rta_in_force": {"export": source_file("wto-rta", "AllRTAs.xlsx")},
}


# One job for every family: each alone spent most of its CPU starting Python.
rule nbt2015_sweep:
    input:
        **{
            name: path
            for family in NBT_SWEEP
            for name, path in NBT_SWEEP_INPUTS[family].items()
        },
        code=code_inputs("nbt2015/sweep_families.py"),
    output:
        **{family: NBT_SWEEP_FAMILY.format(family=family) for family in NBT_SWEEP},
    log:
        logfile(NBT, "sweep"),
    benchmark:
        benchfile(NBT, "sweep")
    conda:
        ENVS["empirics"]
    params:
        cfg=config_keys(
            "nbt2015.figure_1",
            "nbt2015.wto_plus",
            "nbt2015.stri_eu",
        ),
        specs={
            family: space.dataframe.to_dict("records")
            for family, space in NBT_SWEEP.items()
        },
        names={
            family: list(space.instance_patterns)
            for family, space in NBT_SWEEP.items()
        },
        file_name="desta_version_02_03.csv",
        sheet=SOURCES["wto-rta"].file("AllRTAs.xlsx").read["sheet_name"],
    message:
        "National Board of Trade (2015): specification sweep of every claim family"
    script:
        "../scripts/nbt2015/sweep_families.py"


rule nbt2015_verdict_sweep:
    input:
        families=expand(NBT_SWEEP_FAMILY, family=list(NBT_SWEEP)),
        targets=repo_file("targets", f"{NBT}.yaml"),
        code=code_inputs("ledger/verdict_sweep.py"),
    output:
        **figure_outputs(NBT, "specification_curve"),
        verdicts=res(NBT, "verdict_sweep.csv"),
        robustness=res(NBT, "robustness.csv"),
        choices=res(NBT, "sweep_choices.csv"),
    log:
        logfile(NBT, "verdict_sweep"),
    benchmark:
        benchfile(NBT, "verdict_sweep")
    conda:
        ENVS["empirics"]
    params:
        cfg=config_keys("nbt2015.sweep"),
        main={
            family: next(iter(space.instance_patterns))
            for family, space in NBT_SWEEP.items()
        },
        title="National Board of Trade (2015): specification curves",
    message:
        "National Board of Trade (2015): verdicts under every specification, robustness labels"
    script:
        "../scripts/ledger/verdict_sweep.py"
