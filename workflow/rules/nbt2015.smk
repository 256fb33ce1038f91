# National Board of Trade (2015): Figure 1 (RTAs in force, both WTO counting conventions,
# document window and extended), the WTO-plus provision shares (DESTA substitute), and the
# computed quantities for the ledger (Figure 2 awaits data).
NBT = "nbt2015"
NBT_CONFIG = config[NBT]
NBT_SERIES = res(NBT, "rta_in_force.csv")
NBT_FIG_1 = figure_outputs(NBT, "fig_1")
NBT_WTO_PLUS = table_outputs(NBT, "wto_plus_shares")


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
        settings=NBT_CONFIG["figure_1"],
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
        settings=NBT_CONFIG["figure_1"],
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
        **NBT_WTO_PLUS,
    log:
        logfile(NBT, "wto_plus_shares"),
    benchmark:
        benchfile(NBT, "wto_plus_shares")
    conda:
        ENVS["empirics"]
    params:
        settings=NBT_CONFIG["wto_plus"],
        file_name="desta_version_02_03.csv",
    message:
        "National Board of Trade (2015): shares of RTAs with WTO-plus provisions (DESTA)"
    script:
        "../scripts/nbt2015/wto_plus_shares.py"


rule nbt2015_computed:
    input:
        series=NBT_SERIES,
        wto_plus=NBT_WTO_PLUS["csv"],
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
        settings=NBT_CONFIG["figure_1"],
    message:
        "National Board of Trade (2015): computed quantities for the ledger"
    script:
        "../scripts/nbt2015/computed.py"


COMPUTED[NBT] = res(NBT, "computed.csv")
REPORT_INPUTS.extend([*NBT_FIG_1.values(), *NBT_WTO_PLUS.values(), NBT_SERIES])
