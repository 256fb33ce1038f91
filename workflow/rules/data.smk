# The data layer: every raw input is fetched through the source registry (sources/*.yaml)
# into the local cache, verified against its sha256 (user copy, cache, mirrors, then the
# registry's download URL). Document rules take raw files only through source_file(...),
# defined with the registry in data_sources.smk.


include: "data_sources.smk"


# Downloads run where Snakemake runs (cluster compute nodes often have no internet).
localrules:
    fetch_source_file,


# Where a copy is found (mirror, user copy) is no parameter: the sha256 decides what the file
# is, so moving a mirror or writing its path another way re-runs nothing. The script reads
# those locations from the config (paths.data_mirrors, paths.user_data).
rule fetch_source_file:
    input:
        unpack(_user_copy),
        registry=repo_file("sources", "{source}.yaml"),
        code=code_inputs("data/fetch_source_file.py"),
    output:
        str(DATA_CACHE / "{source}" / "{file_name}"),
    log:
        logfile("data", "fetch/{source}/{file_name}"),
    benchmark:
        benchfile("data", "fetch/{source}/{file_name}")
    wildcard_constraints:
        source="|".join(re.escape(name) for name in sorted(SOURCES)),
        file_name=r"[^/\\]+",
    conda:
        ENVS["empirics"]
    resources:
        downloads=1,
    params:
        sha256=lambda wildcards: SOURCES[wildcards.source]
        .file(wildcards.file_name)
        .sha256,
    message:
        "Fetching {wildcards.source}/{wildcards.file_name} (user copy, cache, mirrors, "
        "then upstream), verified against the registry's sha256"
    script:
        "../scripts/data/fetch_source_file.py"


rule data_registry_table:
    input:
        registry=sorted(
            repo_file("sources", p.name) for p in (REPO / "sources").glob("*.yaml")
        ),
        code=code_inputs("data/registry_table.py"),
    output:
        csv=res("data", "sources.csv"),
    log:
        logfile("data", "sources"),
    benchmark:
        benchfile("data", "sources")
    conda:
        ENVS["empirics"]
    message:
        "Tabulating the source registry (sources/*.yaml) for the report"
    script:
        "../scripts/data/registry_table.py"


rule country_metadata:
    input:
        class_panel=source_file("wb-income-class-fy26", "CLASS.dta"),
        oghist=source_file("wb-income-class-fy26", "OGHIST.xlsx"),
        code=code_inputs("data/country_metadata.py"),
    output:
        csv=res("data", "country_metadata.csv"),
    log:
        logfile("data", "country_metadata"),
    benchmark:
        benchfile("data", "country_metadata")
    conda:
        ENVS["empirics"]
    message:
        "Building the country-metadata table (income group by fiscal year, region, ISO3)"
    script:
        "../scripts/data/country_metadata.py"
