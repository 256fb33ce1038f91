# Jackson, "The Domestic Side of International Trade Negotiations": the commentary's
# two-level-game (win-set) logic as a small bargaining model, and its facts as a sourced table.
JACKSON = "jackson_two_level"
JACKSON_CONFIG = config[JACKSON]
JACKSON_FACTS_FILE = repo_file(
    "workflow", "gvcneg", "theory", JACKSON, "commentary_facts.yaml"
)
JACKSON_FACTS = table_outputs(JACKSON, "table_commentary_facts")
JACKSON_DERIVED = table_outputs(JACKSON, "table_commentary_illustration")
JACKSON_PARAMETERS = table_outputs(JACKSON, "table_model_parameters")
JACKSON_OPTIMUM = table_outputs(JACKSON, "table_optimal_tightening")
JACKSON_FIG_WINSETS = figure_outputs(JACKSON, "fig_winset_outcome")
JACKSON_FIG_DEFECTION = figure_outputs(JACKSON, "fig_involuntary_defection")
JACKSON_CONSTRAINT_PATH = res(JACKSON, "model", "constraint_path.csv")
JACKSON_DEFECTION_PATHS = res(JACKSON, "model", "defection_paths.csv")
JACKSON_PROPERTY_GRID = res(JACKSON, "model", "property_grid.csv")
JACKSON_FALSIFIABILITY = res(JACKSON, "claim_falsifiability.csv")
# Each model figure is drawn by the job that computes its data (one function per figure still,
# gvcneg.figures.jackson_two_level): a job of its own paid the start-up for a second's drawing.


rule jackson_two_level_commentary_facts:
    input:
        facts=JACKSON_FACTS_FILE,
        code=code_inputs("jackson_two_level/commentary_facts.py"),
    output:
        multiext_output(JACKSON_FACTS, "facts"),
        multiext_output(JACKSON_DERIVED, "derived"),
    log:
        logfile(JACKSON, "commentary_facts"),
    benchmark:
        benchfile(JACKSON, "commentary_facts")
    conda:
        ENVS["theory"]
    message:
        "Jackson two-level game: the commentary's sourced facts and derived illustration"
    script:
        "../scripts/jackson_two_level/commentary_facts.py"


rule jackson_two_level_constraint_path:
    input:
        code=code_inputs("jackson_two_level/constraint_path.py"),
    output:
        multiext_output(JACKSON_FIG_WINSETS, "fig"),
        multiext_output(JACKSON_PARAMETERS, "parameters"),
        path=JACKSON_CONSTRAINT_PATH,
    log:
        logfile(JACKSON, "constraint_path"),
    benchmark:
        benchfile(JACKSON, "constraint_path")
    conda:
        ENVS["theory"]
    params:
        cfg=config_keys(
            *(
                f"{JACKSON}.{k}"
                for k in (
                    "negotiators",
                    "home_bargaining_power",
                    "foreign_threshold",
                    "home_threshold",
                )
            )
        ),
    message:
        "Jackson two-level game: win-sets and Nash outcome as Home's constraint tightens, "
        "and model figure A"
    script:
        "../scripts/jackson_two_level/constraint_path.py"


rule jackson_two_level_defection_paths:
    input:
        code=code_inputs("jackson_two_level/defection_paths.py"),
    output:
        multiext_output(JACKSON_FIG_DEFECTION, "fig"),
        multiext_output(JACKSON_OPTIMUM, "optimum"),
        paths=JACKSON_DEFECTION_PATHS,
    log:
        logfile(JACKSON, "defection_paths"),
    benchmark:
        benchfile(JACKSON, "defection_paths")
    conda:
        ENVS["theory"]
    threads: 1
    resources:
        mem_mb=500,
        runtime=10,
    params:
        cfg=config_keys(
            *(
                f"{JACKSON}.{k}"
                for k in (
                    "negotiators",
                    "home_bargaining_power",
                    "foreign_threshold",
                    "home_threshold",
                    "uncertainty",
                )
            ),
            "reproducibility.seed",
        ),
    message:
        "Jackson two-level game: agreement probability (closed form, seeded Monte Carlo), "
        "and model figure B"
    script:
        "../scripts/jackson_two_level/defection_paths.py"


rule jackson_two_level_property_grid:
    input:
        code=code_inputs("jackson_two_level/property_grid.py"),
    output:
        JACKSON_PROPERTY_GRID,
    log:
        logfile(JACKSON, "property_grid"),
    benchmark:
        benchfile(JACKSON, "property_grid")
    conda:
        ENVS["theory"]
    threads: 1
    resources:
        mem_mb=1000,
        runtime=10,
    params:
        cfg=config_keys(f"{JACKSON}.property_grid"),
    message:
        "Jackson two-level game: checking the model's claims on the grid of games"
    script:
        "../scripts/jackson_two_level/property_grid.py"


rule jackson_two_level_claims:
    input:
        property_grid=JACKSON_PROPERTY_GRID,
        facts=JACKSON_FACTS["csv"],
        derived=JACKSON_DERIVED["csv"],
        defection_paths=JACKSON_DEFECTION_PATHS,
        optimum=JACKSON_OPTIMUM["csv"],
        constraint_path=JACKSON_CONSTRAINT_PATH,
        code=code_inputs("jackson_two_level/claims.py"),
    output:
        res(JACKSON, "computed.csv"),
    log:
        logfile(JACKSON, "claims"),
    benchmark:
        benchfile(JACKSON, "claims")
    conda:
        ENVS["theory"]
    message:
        "Jackson two-level game: computed quantities for the ledger"
    script:
        "../scripts/jackson_two_level/claims.py"


rule jackson_two_level_claim_falsifiability:
    input:
        targets=repo_file("targets", f"{JACKSON}.yaml"),
        code=code_inputs("jackson_two_level/claim_falsifiability.py"),
    output:
        JACKSON_FALSIFIABILITY,
    log:
        logfile(JACKSON, "claim_falsifiability"),
    benchmark:
        benchfile(JACKSON, "claim_falsifiability")
    conda:
        ENVS["theory"]
    params:
        cfg=config_keys(
            "jackson_two_level.negotiators",
            "jackson_two_level.home_bargaining_power",
            "jackson_two_level.property_grid",
            "jackson_two_level.falsifiability",
        ),
    message:
        "Jackson two-level game: re-checking each claim in richer or perturbed models"
    script:
        "../scripts/jackson_two_level/claim_falsifiability.py"
