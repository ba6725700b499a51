"""Sphinx directives that show the ``moskvitch`` command's real output.

Every terminal session shown in the documentation is produced by running the program when the
documentation is built, so it cannot go stale::

    .. moskvitch-output:: moskvitch conflicts --contradictory
       :head: 8
       :tail: 1

runs ``python -m moskvitch conflicts --contradictory`` and shows the command with the first 8
and the last line of what it printed. Options:

``:head: N`` / ``:tail: N``
   keep only the first / last N lines of the output, with ``...`` for the lines left out;
``:exit: N``
   the exit status the command must end with (default 0); any other status fails the build;
``:stderr:``
   show standard error too (after standard output); without it, anything on standard error
   fails the build;
``:status:``
   show the exit status, as ``echo $?`` would;
``:wide:``
   allow lines wider than ``MAX_COLUMNS`` (for JSON and for problem lines, which the
   program never wraps). Without it, a line wider than that fails the build, unless it is one
   unbreakable word such as an address.

``.. moskvitch-file:: PATH`` writes its content to ``PATH`` in the page's scratch directory (and
shows it), so that a later command on the same page can read it, e.g. ``moskvitch validate``.
Commands run in that scratch directory, with paths relative to it.

The runner, :func:`run`, needs no Sphinx, so the tests can call it.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any, NamedTuple

PROGRAM = "moskvitch"
TIMEOUT_SECONDS = 120
#: The widest line a generated session may show, so that it fits the page without scrolling.
MAX_COLUMNS = 90


class Result(NamedTuple):
    """What a command printed and its exit status."""

    status: int
    stdout: str
    stderr: str


class CommandError(Exception):
    """A command shown in the documentation did not behave as the page says."""


def run(command: str, cwd: Path) -> Result:
    """Run ``command`` (a command line starting with ``moskvitch``) in ``cwd``.

    The program is run as ``python -m moskvitch`` with the interpreter building the docs, with
    settings that make its output the same on every machine: UTF-8 output, a fixed hash seed
    and a fixed terminal width.

    :raises CommandError: when the line does not start with ``moskvitch``, or the program
        does not finish in time.
    """
    words = shlex.split(command)
    if not words or words[0] != PROGRAM:
        raise CommandError(f"not a {PROGRAM} command: {command!r}")
    environment = {
        **os.environ,
        "PYTHONIOENCODING": "utf-8",
        "PYTHONUTF8": "1",
        "PYTHONHASHSEED": "0",
        "COLUMNS": str(MAX_COLUMNS),
        "LC_ALL": "C.UTF-8",
    }
    for name in ("HYPOTHESIS_PROFILE", "NO_COLOR", "FORCE_COLOR", "PYTHONWARNINGS"):
        environment.pop(name, None)
    try:
        completed = subprocess.run(
            [sys.executable, "-m", PROGRAM, *words[1:]],
            cwd=cwd,
            env=environment,
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=TIMEOUT_SECONDS,
            check=False,
        )
    except subprocess.TimeoutExpired as error:
        raise CommandError(f"{command!r} did not finish in {TIMEOUT_SECONDS} s") from error
    return Result(completed.returncode, completed.stdout, completed.stderr)


def transcript(
    command: str,
    result: Result,
    *,
    head: int | None = None,
    tail: int | None = None,
    expected_status: int = 0,
    show_stderr: bool = False,
    show_status: bool = False,
    wide: bool = False,
) -> str:
    """The terminal session to show: the command, then its (possibly shortened) output.

    :raises CommandError: when the exit status is not ``expected_status``, or the command
        wrote to standard error and ``show_stderr`` is false.
    """
    if result.status != expected_status:
        raise CommandError(
            f"{command!r} exited with status {result.status}, the page expects"
            f" {expected_status}\n--- stdout\n{result.stdout}--- stderr\n{result.stderr}"
        )
    if result.stderr and not show_stderr:
        raise CommandError(f"{command!r} wrote to standard error:\n{result.stderr}")
    lines = result.stdout.rstrip("\n").splitlines() if result.stdout.strip() else []
    if head is not None or tail is not None:
        first, last = head or 0, tail or 0
        if len(lines) > first + last:
            lines = [*lines[:first], "...", *(lines[len(lines) - last :] if last else [])]
    if show_stderr and result.stderr.strip():
        lines += result.stderr.rstrip("\n").splitlines()
    lines = [line.rstrip() for line in lines]
    too_wide = [
        line for line in lines if len(line) > MAX_COLUMNS and " " in line.strip() and not wide
    ]
    if too_wide:
        raise CommandError(
            f"{command!r} printed {len(too_wide)} line(s) wider than {MAX_COLUMNS} columns,"
            f" e.g. {too_wide[0]!r}"
        )
    shown = [f"$ {command}", *lines]
    if show_status:
        shown += ["$ echo $?", str(result.status)]
    return "\n".join(shown)


# -- Sphinx -------------------------------------------------------------------------------------


def _scratch(env: Any) -> Path:
    """The page's scratch directory, emptied when the page starts being read."""
    key = "moskvitch_cli_scratch"
    if key not in env.temp_data:
        directory = Path(env.app.doctreedir) / "moskvitch-cli" / env.docname.replace("/", "_")
        shutil.rmtree(directory, ignore_errors=True)
        directory.mkdir(parents=True)
        env.temp_data[key] = directory
    path: Path = env.temp_data[key]
    return path


def _directives() -> tuple[type, type]:
    from docutils import nodes
    from docutils.parsers.rst import directives
    from sphinx.errors import ExtensionError
    from sphinx.util.docutils import SphinxDirective

    class OutputDirective(SphinxDirective):
        """Run a ``moskvitch`` command and show the command with its output."""

        required_arguments = 1
        final_argument_whitespace = True
        option_spec = {  # noqa: RUF012 - docutils' interface
            "head": directives.nonnegative_int,
            "tail": directives.nonnegative_int,
            "exit": directives.nonnegative_int,
            "stderr": directives.flag,
            "status": directives.flag,
            "wide": directives.flag,
        }

        def run(self) -> list[Any]:
            command = " ".join(self.arguments[0].split())
            where = f"{self.env.docname}:{self.lineno}"
            try:
                result = run(command, _scratch(self.env))
                text = transcript(
                    command,
                    result,
                    head=self.options.get("head"),
                    tail=self.options.get("tail"),
                    expected_status=self.options.get("exit", 0),
                    show_stderr="stderr" in self.options,
                    show_status="status" in self.options,
                    wide="wide" in self.options,
                )
            except CommandError as error:
                raise ExtensionError(f"{where}: {error}") from error
            block = nodes.literal_block(text, text)
            block["language"] = "console"
            self.set_source_info(block)
            return [block]

    class FileDirective(SphinxDirective):
        """Write a file into the page's scratch directory and show it."""

        required_arguments = 1
        has_content = True
        option_spec = {"language": directives.unchanged}  # noqa: RUF012

        def run(self) -> list[Any]:
            name = self.arguments[0]
            path = (_scratch(self.env) / name).resolve()
            if _scratch(self.env).resolve() not in path.parents:
                raise ExtensionError(f"{self.env.docname}: {name!r} is outside the scratch dir")
            path.parent.mkdir(parents=True, exist_ok=True)
            text = "\n".join(self.content) + "\n"
            path.write_text(text, encoding="utf-8")
            block = nodes.literal_block(text, text)
            block["language"] = self.options.get(
                "language", Path(name).suffix.lstrip(".") or "text"
            )
            self.set_source_info(block)
            container = nodes.container("", literal_block=True, classes=["literal-block-wrapper"])
            caption = nodes.caption(name, "", nodes.literal(name, name))
            self.set_source_info(caption)
            container += [caption, block]
            return [container]

    return OutputDirective, FileDirective


def setup(app: Any) -> dict[str, Any]:
    output, file = _directives()
    app.add_directive("moskvitch-output", output)
    app.add_directive("moskvitch-file", file)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
