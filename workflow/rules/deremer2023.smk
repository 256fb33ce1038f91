# DeRemer (2023), sections 3-4: equilibria, Figure 1, the section-4 power shift, and the
# robustness grid for Remarks 1-2 (one job per chunk, then gathered).
DEREMER = "deremer2023"
DEREMER_CONFIG = config[DEREMER]
DEREMER_CHUNKS = range(DEREMER_CONFIG["remark_grid"]["chunks"])
DEREMER_FIG_1 = figure_outputs(DEREMER, "fig_1")
DEREMER_FIG_GRID = figure_outputs(DEREMER, "fig_remark_grid")
DEREMER_EQUILIBRIA = table_outputs(DEREMER, "equilibria")
DEREMER_POWER = table_outputs(DEREMER, "power_shift")
DEREMER_GRID_SUMMARY = table_outputs(DEREMER, "remark_grid_summary")
DEREMER_GRID_UNSOLVED = table_outputs(DEREMER, "remark_grid_unsolved_points")
DEREMER_POLITICAL_OPTIMUM = table_outputs(DEREMER, "political_optimum")
DEREMER_CONDITION = table_outputs(DEREMER, "remark_1_condition")
DEREMER_LOWER_TARIFFS = table_outputs(DEREMER, "lower_tariffs")
DEREMER_FIG_CONDITION = figure_outputs(DEREMER, "fig_remark_1_condition")
DEREMER_FALSIFIABILITY = res(DEREMER, "claim_falsifiability.csv")
DEREMER_GRID_POINTS = res(DEREMER, "grid", "remark_grid_points.csv")


rule deremer2023_tables:
    input:
        code=code_inputs("deremer2023/solve_tables.py"),
    output:
        multiext_output(DEREMER_EQUILIBRIA, "equilibria"),
        multiext_output(DEREMER_POWER, "power"),
        multiext_output(DEREMER_POLITICAL_OPTIMUM, "political_optimum"),
        multiext_output(DEREMER_CONDITION, "remark_1_condition"),
        multiext_output(DEREMER_LOWER_TARIFFS, "lower_tariffs"),
    log:
        logfile(DEREMER, "tables"),
    benchmark:
        benchfile(DEREMER, "tables")
    conda:
        ENVS["theory"]
    params:
        cfg=config_keys(
            *(
                f"{DEREMER}.{k}"
                for k in (
                    "government",
                    "public",
                    "asymmetric_example",
                    "remark_grid",
                    "lower_tariffs",
                )
            )
        ),
    message:
        "DeRemer (2023): Nash, reciprocity-stable and public-preferred tariffs; power shift; "
        "political optimum; the 3/2 counterexample; lower tariffs and public welfare"
    script:
        "../scripts/deremer2023/solve_tables.py"


# Figure 1 and the region figure in one job: each draws in about a second, less than a job's
# start-up (one function per figure still, gvcneg.figures.deremer2023).
rule deremer2023_figures:
    input:
        code=code_inputs("deremer2023/figures.py"),
    output:
        multiext_output(DEREMER_FIG_1, "fig_1"),
        **{
            f"fig_remark_1_condition_{kind}": path
            for kind, path in DEREMER_FIG_CONDITION.items()
        },
    log:
        logfile(DEREMER, "figures"),
    benchmark:
        benchfile(DEREMER, "figures")
    conda:
        ENVS["theory"]
    params:
        cfg=config_keys(
            f"{DEREMER}.government",
            f"{DEREMER}.public",
            f"{DEREMER}.figure_1",
            f"{DEREMER}.remark_grid",
        ),
    message:
        "DeRemer (2023): Figure 1 (S, S*, N, N*, EF, stable point, W), and where the 3/2 rule "
        "and the exact condition for tau^W > tau^G disagree"
    script:
        "../scripts/deremer2023/figures.py"


rule deremer2023_remark_grid_chunk:
    input:
        code=code_inputs("deremer2023/remark_grid_chunk.py"),
    output:
        res(DEREMER, "grid", "chunk_{chunk}.csv"),
    log:
        logfile(DEREMER, "remark_grid_chunk_{chunk}"),
    benchmark:
        benchfile(DEREMER, "remark_grid_chunk_{chunk}")
    wildcard_constraints:
        chunk=r"\d+",
    conda:
        ENVS["theory"]
    threads: 1
    resources:
        mem_mb=500,
        runtime=10,
    params:
        cfg=config_keys(f"{DEREMER}.remark_grid", f"{DEREMER}.lower_tariffs"),
    message:
        "DeRemer (2023): robustness grid for Remarks 1-2, chunk {wildcards.chunk}"
    script:
        "../scripts/deremer2023/remark_grid_chunk.py"


rule deremer2023_remark_grid_gather:
    input:
        chunks=expand(res(DEREMER, "grid", "chunk_{chunk}.csv"), chunk=DEREMER_CHUNKS),
        code=code_inputs("deremer2023/remark_grid_gather.py"),
    output:
        multiext_output(DEREMER_GRID_SUMMARY, "summary"),
        multiext_output(DEREMER_GRID_UNSOLVED, "invalid"),
        **DEREMER_FIG_GRID,
        points=DEREMER_GRID_POINTS,
    log:
        logfile(DEREMER, "remark_grid_gather"),
    benchmark:
        benchfile(DEREMER, "remark_grid_gather")
    conda:
        ENVS["theory"]
    message:
        "DeRemer (2023): gathering the robustness grid"
    script:
        "../scripts/deremer2023/remark_grid_gather.py"


rule deremer2023_claims:
    input:
        equilibria=DEREMER_EQUILIBRIA["csv"],
        power=DEREMER_POWER["csv"],
        grid_summary=DEREMER_GRID_SUMMARY["csv"],
        political_optimum=DEREMER_POLITICAL_OPTIMUM["csv"],
        remark_1_condition=DEREMER_CONDITION["csv"],
        lower_tariffs=DEREMER_LOWER_TARIFFS["csv"],
        code=code_inputs("deremer2023/claims.py"),
    output:
        res(DEREMER, "computed.csv"),
    log:
        logfile(DEREMER, "claims"),
    benchmark:
        benchfile(DEREMER, "claims")
    conda:
        ENVS["theory"]
    message:
        "DeRemer (2023): computed quantities for the ledger"
    script:
        "../scripts/deremer2023/claims.py"


rule deremer2023_claim_falsifiability:
    input:
        targets=repo_file("targets", f"{DEREMER}.yaml"),
        code=code_inputs("deremer2023/claim_falsifiability.py"),
    output:
        DEREMER_FALSIFIABILITY,
    log:
        logfile(DEREMER, "claim_falsifiability"),
    benchmark:
        benchfile(DEREMER, "claim_falsifiability")
    conda:
        ENVS["theory"]
    threads: 1
    resources:
        mem_mb=500,
        runtime=10,
    params:
        cfg=config_keys(
            "deremer2023.government",
            "deremer2023.public",
            "deremer2023.lower_tariffs",
            "deremer2023.falsifiability_grid",
        ),
    message:
        "DeRemer (2023): re-checking every claim with a premise violated"
    script:
        "../scripts/deremer2023/claim_falsifiability.py"
