"""Rule script: solve the baseline scenarios (all periods, all rules) and their tables."""

from gvcneg.io import save_csv, save_table
from gvcneg.logs import logged
from gvcneg.theory.mattoo_olarreaga2000.baseline import baseline_points
from gvcneg.theory.mattoo_olarreaga2000.figure_data import contract_curve_segment_slopes
from gvcneg.theory.mattoo_olarreaga2000.scenarios import solve_scenarios
from gvcneg.theory.mattoo_olarreaga2000.tables import (
    reaction_check_points,
    table_reaction_check,
    table_rule_outcomes,
)

with logged(snakemake.log[0]) as log:
    section = snakemake.params.cfg["mattoo_olarreaga2000"]
    points = baseline_points(section)
    solved = solve_scenarios(points)
    if not solved["valid"].all():
        bad = solved.loc[~solved["valid"], ["scenario", "invalid_reason"]]
        raise ValueError(
            f"the baseline parameters in config.yaml (mattoo_olarreaga2000) give an invalid "
            f"model:\n{bad.to_string(index=False)}\nchange economy/politics/preference_change"
        )
    out = snakemake.output
    save_csv(solved, out.solved)
    save_csv(contract_curve_segment_slopes(solved), out.contract_slopes)
    save_table(table_rule_outcomes(solved), out.rules_csv, out.rules_md, out.rules_html, ".4f")
    check = table_reaction_check(solved, reaction_check_points(section["figures"]["t_max"]))
    save_table(check, out.check_csv, out.check_md, out.check_html, ".6f")
    log.info("largest |closed form - numerical| = %.2e", check["abs difference"].max())
    log.info("baseline:\n%s", solved.T.to_string())
