"""Converters that generate files in ``knowledge/data`` from outside dictionaries.

Each converter is a set of pure parsers (text in, rows out) and one ``build(source_dir,
out_dir)`` that reads the sources, writes the files with their provenance header and
returns the number of rows written per file. ``eventwire knowledge build`` runs them.

    cameo   PETRARCH-2's CAMEO verb and agent dictionaries, with PLOVER's CAMEO2PLOVER
            table -> cameo_verbs.tsv, cameo_agents.tsv
    cameo_actors  PETRARCH-2's Phoenix actor dictionaries (countries, international,
            non-state) -> cameo_actors.tsv
    world   Natural Earth's 1:110m country outlines (a shapefile) -> world_110m.tsv
"""
