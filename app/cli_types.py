"""Argument types for the subcommands: numbers checked against their range.

argparse turns the `ArgumentTypeError` these raise into a usage error (exit status 2)
that names the option, so a value out of range never reaches the work. No Qt here.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import TypeVar

Number = TypeVar("Number", int, float)


def int_in(low: int, high: int | None = None) -> Callable[[str], int]:
    """A whole number from `low` to `high` (no upper bound when `high` is None)."""
    return _number_in(int, "a whole number", low, high)


def float_in(low: float, high: float) -> Callable[[str], float]:
    """A number from `low` to `high`, both included."""
    return _number_in(float, "a number", low, high)


def _number_in(
    kind: Callable[[str], Number], noun: str, low: Number, high: Number | None
) -> Callable[[str], Number]:
    expected = (
        f"{_shown(low)} or more" if high is None else f"{_shown(low)}-{_shown(high)}"
    )

    def parse(text: str) -> Number:
        try:
            value = kind(text)
        except ValueError:
            raise argparse.ArgumentTypeError(
                f"{text!r} is not {noun}; expected {expected}"
            ) from None
        # Written so that a float's nan fails it too.
        if not (low <= value and (high is None or value <= high)):
            raise argparse.ArgumentTypeError(
                f"{text} is out of range; expected {expected}"
            )
        return value

    return parse


def _shown(number: float) -> str:
    return str(int(number)) if float(number).is_integer() else str(number)
