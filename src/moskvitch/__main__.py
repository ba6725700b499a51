"""``python -m moskvitch``: the command line, see :mod:`moskvitch.cli`."""

from .cli import main

raise SystemExit(main())
