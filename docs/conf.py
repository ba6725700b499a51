"""Sphinx configuration for the moskvitch documentation."""

project = "moskvitch"
author = "moskvitch developers"
copyright = "2026, moskvitch developers"

extensions = ["sphinx.ext.autodoc", "sphinx.ext.doctest", "sphinx.ext.intersphinx"]
autodoc_member_order = "bysource"
autodoc_typehints = "description"
exclude_patterns = ["_build"]
html_theme = "alabaster"
