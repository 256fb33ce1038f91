# Mattoo and Olarreaga (2000): the three-period model under four credit rules, Figures 1-5,
# the robustness grid of the claims of sections 3-4 (one job per chunk, then gathered), and
# the computed quantities for the ledger.
MO2000 = "mattoo_olarreaga2000"
MO2000_CONFIG = config[MO2000]
MO2000_GRID = MO2000_CONFIG["grid"]["sizes"][MO2000_CONFIG["grid"]["size"]]
MO2000_CHUNKS = range(MO2000_GRID["chunks"])
MO2000_FIGURES = ["fig_1", "fig_2", "fig_3", "fig_4", "fig_5"]
MO2000_FIG_GRID = figure_outputs(MO2000, "fig_grid_claims")
MO2000_SOLVED = res(MO2000, "baseline_solved.csv")
MO2000_SLOPES = res(MO2000, "contract_curve_slopes.csv")
MO2000_RULES = table_outputs(MO2000, "rule_outcomes")
MO2000_CHECK = table_outputs(MO2000, "reaction_function_check")
MO2000_GRID_SUMMARY = table_outputs(MO2000, "grid_summary")
MO2000_GRID_INVALID = table_outputs(MO2000, "grid_invalid_points")


rule mattoo_olarreaga2000_baseline:
    input:
        code=code_inputs("mattoo_olarreaga2000/solve_baseline.py"),
    output:
        multiext_output(MO2000_RULES, "rules"),
        multiext_output(MO2000_CHECK, "check"),
        solved=MO2000_SOLVED,
        contract_slopes=MO2000_SLOPES,
    log:
        logfile(MO2000, "baseline"),
    benchmark:
        benchfile(MO2000, "baseline")
    conda:
        ENVS["theory"]
    params:
        cfg=config_keys(
            *(
                f"{MO2000}.{key}"
                for key in (
                    "economy",
                    "politics",
                    "preference_change",
                    "strong_complements",
                    "rounds",
                    "figures.t_max",
                )
            )
        ),
    message:
        "Mattoo and Olarreaga (2000): solving the baseline under the four credit rules"
    script:
        "../scripts/mattoo_olarreaga2000/solve_baseline.py"


# Figures 1-5 in one job: each is quick to draw, and one job per figure paid the start-up five
# times (one function per figure still, gvcneg.figures.mattoo_olarreaga2000.fig_1..fig_5).
rule mattoo_olarreaga2000_figure:
    input:
        solved=MO2000_SOLVED,
        code=code_inputs("mattoo_olarreaga2000/figure.py"),
    output:
        **{
            f"{stem}_{kind}": path
            for stem in MO2000_FIGURES
            for kind, path in figure_outputs(MO2000, stem).items()
        },
    log:
        logfile(MO2000, "figures"),
    benchmark:
        benchfile(MO2000, "figures")
    conda:
        ENVS["theory"]
    params:
        cfg=config_keys(f"{MO2000}.figures"),
        figures=MO2000_FIGURES,
    message:
        "Mattoo and Olarreaga (2000): Figures 1-5"
    script:
        "../scripts/mattoo_olarreaga2000/figure.py"


rule mattoo_olarreaga2000_grid_chunk:
    input:
        code=code_inputs("mattoo_olarreaga2000/grid_chunk.py"),
    output:
        res(MO2000, "grid", "chunk_{chunk}.csv"),
    log:
        logfile(MO2000, "grid_chunk_{chunk}"),
    benchmark:
        benchfile(MO2000, "grid_chunk_{chunk}")
    wildcard_constraints:
        chunk=r"\d+",
    conda:
        ENVS["theory"]
    threads: 1
    resources:
        mem_mb=1000,
        runtime=20,
    params:
        cfg=config_keys(
            f"{MO2000}.grid.sizes.{MO2000_CONFIG['grid']['size']}",
            f"{MO2000}.premises.min_trade_share",
        ),
    message:
        "Mattoo and Olarreaga (2000): robustness grid, chunk {wildcards.chunk}"
    script:
        "../scripts/mattoo_olarreaga2000/grid_chunk.py"


rule mattoo_olarreaga2000_grid_gather:
    input:
        chunks=expand(res(MO2000, "grid", "chunk_{chunk}.csv"), chunk=MO2000_CHUNKS),
        code=code_inputs("mattoo_olarreaga2000/grid_gather.py"),
    output:
        multiext_output(MO2000_GRID_SUMMARY, "summary"),
        multiext_output(MO2000_GRID_INVALID, "invalid"),
        **MO2000_FIG_GRID,
        points=res(MO2000, "grid", "grid_points.csv"),
    log:
        logfile(MO2000, "grid_gather"),
    benchmark:
        benchfile(MO2000, "grid_gather")
    conda:
        ENVS["theory"]
    resources:
        mem_mb=4000,  # the large grid gathers about 1.6 million rows
    params:
        cfg=config_keys(f"{MO2000}.premises.min_trade_share"),
    message:
        "Mattoo and Olarreaga (2000): gathering the robustness grid"
    script:
        "../scripts/mattoo_olarreaga2000/grid_gather.py"


rule mattoo_olarreaga2000_claims:
    input:
        solved=MO2000_SOLVED,
        contract_slopes=MO2000_SLOPES,
        grid_summary=MO2000_GRID_SUMMARY["csv"],
        targets=repo_file("targets", f"{MO2000}.yaml"),
        code=code_inputs("mattoo_olarreaga2000/claims.py"),
    output:
        res(MO2000, "computed.csv"),
    log:
        logfile(MO2000, "claims"),
    benchmark:
        benchfile(MO2000, "claims")
    conda:
        ENVS["theory"]
    message:
        "Mattoo and Olarreaga (2000): computed quantities for the ledger"
    script:
        "../scripts/mattoo_olarreaga2000/claims.py"


rule mattoo_olarreaga2000_falsifiability:
    input:
        targets=repo_file("targets", f"{MO2000}.yaml"),
        code=code_inputs("mattoo_olarreaga2000/falsifiability.py"),
    output:
        res(MO2000, "claim_falsifiability.csv"),
    log:
        logfile(MO2000, "falsifiability"),
    benchmark:
        benchfile(MO2000, "falsifiability")
    conda:
        ENVS["theory"]
    resources:
        mem_mb=2000,
    params:
        cfg=config_keys(
            *(
                f"{MO2000}.{key}"
                for key in (
                    "economy",
                    "politics",
                    "preference_change",
                    "strong_complements",
                    "premises",
                    "rounds",
                    # the default grid whatever grid.size says: whether a check can fail
                    # does not need the cluster-size grid (19 re-solves of it would)
                    "grid.sizes.default.axes",
                )
            )
        ),
    message:
        "Mattoo and Olarreaga (2000): re-checking every claim under deliberate perturbations"
    script:
        "../scripts/mattoo_olarreaga2000/falsifiability.py"
