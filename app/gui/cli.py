"""`komora gui`: start the desktop app (placeholder until the main window lands)."""

from __future__ import annotations

import argparse


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--demo", action="store_true", help="use the sandbox demo catalog"
    )


def run(args: argparse.Namespace) -> int:
    from app.domain.cli import main_sample

    return main_sample()
