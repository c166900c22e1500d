"""Command line: `python -m app` (also installed as `komora`).

With no subcommand the desktop app starts. Each subcommand lives in the package that
owns the work and exposes `add_arguments(parser)` and `run(args) -> int`; they are
imported only when chosen, so `komora barcode` never loads Qt.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from app import __version__, logs

# name -> (module, one-line help)
SUBCOMMANDS: dict[str, tuple[str, str]] = {
    "barcode": ("app.domain.cli", "read barcodes as a scanner or a person gives them"),
    "serve": ("app.sandbox.cli", "run the local sandbox catalog server"),
    "labels": ("app.labels.cli", "print shelf labels to PDF, PNG or ZPL"),
    "scanner": ("app.hardware.cli", "scanner tools: replay a recording"),
    "gui": ("app.gui.cli", "start the desktop app (the default)"),
}


def build_parser(chosen: str | None = None) -> argparse.ArgumentParser:
    """The parser; only the chosen subcommand's module is imported for its options."""
    parser = argparse.ArgumentParser(
        prog="komora",
        description="Komora: scan stock, keep the catalog right, print shelf labels.",
    )
    parser.add_argument("--version", action="version", version=f"komora {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, (module_name, help_text) in SUBCOMMANDS.items():
        sub = commands.add_parser(name, help=help_text, description=help_text)
        sub.set_defaults(_module=module_name)
        if name == chosen:
            importlib.import_module(module_name).add_arguments(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    top_level = ("-h", "--help", "--version")
    if not args_list or (
        args_list[0].startswith("-") and args_list[0] not in top_level
    ):
        args_list = ["gui", *args_list]
    chosen = next((a for a in args_list if not a.startswith("-")), None)
    parser = build_parser(chosen)
    args = parser.parse_args(args_list)
    if args.command != "gui":
        # The desktop app configures logging itself, from its settings.
        logs.configure()
    module = importlib.import_module(args._module)
    return int(module.run(args))


if __name__ == "__main__":
    sys.exit(main())
