"""Sphinx configuration for the moskvitch documentation.

Build: ``python -m sphinx -W -n -b html docs docs/_build/html`` (needs the ``docs`` extra and
Graphviz's ``dot``). The data pages and pictures are generated from the shipped catalog by
``_ext/moskvitch_docs.py`` at every build.
"""

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE / "_ext"))

import moskvitch  # noqa: E402
from moskvitch_docs import write_inventories  # noqa: E402

project = "moskvitch"
author = "moskvitch developers"
copyright = "2026, moskvitch developers"
release = moskvitch.__version__

extensions = [
    "sphinx.ext.autodoc",
    "sphinx.ext.intersphinx",
    "sphinx.ext.graphviz",
    "myst_parser",
    "moskvitch_docs",
    "moskvitch_cli_output",
]
source_suffix = {".rst": "restructuredtext", ".md": "markdown"}
exclude_patterns = ["_build", "generated/*.dot"]
nitpicky = True

autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_typehints_format = "short"
# Types are added only to the parameters a docstring describes: the fields of record classes are
# documented as attributes, with their types, by _ext/moskvitch_docs.py.
autodoc_typehints_description_target = "documented_params"
# Sphinx reads only the presence of a flag here, not its value: "show-inheritance": False would
# switch the "Bases: object" lines on. Leave the flag out to keep them off.
autodoc_default_options = {"members": True}
autoclass_content = "class"

# The build has no network: the external objects the docs link to are listed in _ext and
# written as local inventories here.
_inventories = write_inventories(HERE / "_build" / "inventories")
intersphinx_mapping = {
    "python": ("https://docs.python.org/3", str(_inventories["python"])),
    "attrs": ("https://www.attrs.org/en/stable", str(_inventories["attrs"])),
    "cattrs": ("https://catt.rs/en/stable", str(_inventories["cattrs"])),
    "hypothesis": ("https://hypothesis.readthedocs.io/en/latest", str(_inventories["hypothesis"])),
}

graphviz_output_format = "svg"

html_theme = "furo"
html_title = f"moskvitch {release}"
html_static_path = ["_static"]
html_css_files = ["moskvitch.css"]
