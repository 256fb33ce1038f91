"""Rule script: fetch one registered file into the cache, verified (gvcneg.data.fetch)."""

from pathlib import Path

from gvcneg.data.cache_audit import CachedFile, write_stamp
from gvcneg.data.fetch import data_mirrors, fetch, sha256_of
from gvcneg.data.registry import load_source_file
from gvcneg.logs import logged

with logged(snakemake.log[0]) as log:
    # The planning process checked every registry entry against the schema (data_sources.smk).
    source = load_source_file(snakemake.input.registry, schema=False)
    output = Path(snakemake.output[0])
    target = fetch(
        source,
        snakemake.wildcards.file_name,
        cache_dir=output.parent.parent,  # output = <cache>/<source>/<file>
        mirrors=data_mirrors(snakemake.config["paths"]["data_mirrors"]),
        user_path=snakemake.config["paths"]["user_data"].get(source.name),
    )
    if target != output:
        raise RuntimeError(f"fetched to {target}, expected {output}")
    spec = source.file(snakemake.wildcards.file_name)
    if spec.sha256:
        write_stamp(
            output.parent.parent,
            CachedFile(source.name, spec.name, output, spec.sha256),
            sha256_of(output),
        )
    log.info("verified %s", target)
