"""`komora scanner replay FILE`: decode a scan recording with given scanner settings.

Prints one JSON object per line: `{"scan": text, "t_ms": n}` or `{"notice": kind}`.
No Qt is imported.
"""

from __future__ import annotations

import argparse
import json
import logging
import re
import sys
from pathlib import Path

from app.cli_types import float_in, int_in
from app.hardware.errors import RecordingError
from app.hardware.recording import read_recording, replay
from app.hardware.scan import (
    Scan,
    SerialSettings,
    SerialTerminator,
    WedgeRule,
    WedgeTerminator,
)

logger = logging.getLogger(__name__)

_TERMINATORS: dict[str, tuple[WedgeTerminator, SerialTerminator]] = {
    "enter": (WedgeTerminator.ENTER, SerialTerminator.CR),
    "tab": (WedgeTerminator.TAB, SerialTerminator.CR),
    "cr": (WedgeTerminator.ENTER, SerialTerminator.CR),
    "lf": (WedgeTerminator.ENTER, SerialTerminator.LF),
    "crlf": (WedgeTerminator.ENTER, SerialTerminator.CRLF),
    "none": (WedgeTerminator.NONE, SerialTerminator.NONE),
}

_CONTROL_NAMES = {
    "STX": "\x02",
    "ETX": "\x03",
    "GS": "\x1d",
    "RS": "\x1e",
    "EOT": "\x04",
}


def control_text(value: str) -> str:
    """Read `<STX>`, `\\x02` and `\\t`-style escapes in a prefix or suffix option."""
    value = re.sub(
        r"<([A-Z]{2,3})>",
        lambda m: _CONTROL_NAMES.get(m.group(1), m.group(0)),
        value,
    )
    value = re.sub(r"\\x([0-9a-fA-F]{2})", lambda m: chr(int(m.group(1), 16)), value)
    return value.replace("\\t", "\t").replace("\\r", "\r").replace("\\n", "\n")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    # Ranges wider than the scanner page's: a replay may try a scanner slowed to
    # 990 ms per key (its longest setting).
    actions = parser.add_subparsers(
        dest="scanner_command", metavar="ACTION", required=True
    )
    replay_parser = actions.add_parser(
        "replay",
        help="decode a scan recording and print the scans",
        description="Decode a komora scan recording (JSON lines) with the scanner "
        "settings given and print one JSON object per scan or notice.",
    )
    replay_parser.add_argument("file", type=Path, help="the recording (.jsonl)")
    replay_parser.add_argument(
        "--min-length",
        type=int_in(1, 256),
        default=6,
        metavar="N",
        help="fewest characters in a keyboard scan (default 6)",
    )
    replay_parser.add_argument(
        "--max-gap-ms",
        type=float_in(1, 2000),
        default=35.0,
        metavar="N",
        help="longest gap between a scanner's keys (default 35)",
    )
    replay_parser.add_argument(
        "--max-burst-ms",
        type=float_in(1, 600_000),
        default=1500.0,
        metavar="N",
        help="longest keyboard scan, first key to terminator (default 1500)",
    )
    replay_parser.add_argument(
        "--terminator",
        choices=sorted(_TERMINATORS),
        default="enter",
        help="what ends a scan; enter means Return or keypad Enter for keys and "
        "CR for serial; none means an idle gap (default enter)",
    )
    replay_parser.add_argument(
        "--idle-ms",
        type=float_in(1, 10_000),
        default=100.0,
        metavar="N",
        help="quiet time that ends a serial scan without terminator (default 100)",
    )
    replay_parser.add_argument(
        "--prefix", default="", type=control_text, help="e.g. '<STX>' or '\\x02'"
    )
    replay_parser.add_argument("--suffix", default="", type=control_text)
    replay_parser.add_argument(
        "--aim", action="store_true", help="scans start with an AIM identifier (]E0)"
    )
    replay_parser.add_argument(
        "--layout-text",
        action="store_true",
        help="take keys' text as typed (scanner set to the computer's layout) instead "
        "of reading US key positions",
    )
    replay_parser.add_argument(
        "--platform",
        choices=("xcb", "wayland", "windows"),
        help="read scan codes as this platform's (default: the recording's)",
    )


def _number(value: float) -> int | float:
    return int(value) if float(value).is_integer() else round(value, 3)


def run(args: argparse.Namespace) -> int:
    wedge_terminator, serial_terminator = _TERMINATORS[args.terminator]
    rule = WedgeRule(
        min_length=args.min_length,
        max_gap_ms=args.max_gap_ms,
        max_burst_ms=args.max_burst_ms,
        terminator=wedge_terminator,
        prefix=args.prefix,
        suffix=args.suffix,
        aim_identifier=args.aim,
        us_key_positions=not args.layout_text,
    )
    serial = SerialSettings(
        terminator=serial_terminator,
        idle_ms=args.idle_ms,
        prefix=args.prefix,
        suffix=args.suffix,
        aim_identifier=args.aim,
    )
    try:
        recording = read_recording(args.file)
    except OSError as error:
        print(
            f"komora scanner replay: cannot read {args.file}: {error}", file=sys.stderr
        )
        return 2
    except RecordingError as error:
        print(f"komora scanner replay: {args.file}: {error}", file=sys.stderr)
        return 2
    if args.platform:
        recording = type(recording)(args.platform, recording.entries)

    for item in replay(recording, rule, serial):
        if isinstance(item, Scan):
            line = {"scan": item.text, "t_ms": _number(item.t_ms)}
        else:
            line = {"notice": item.kind.value}
        print(json.dumps(line, ensure_ascii=False), flush=True)
    return 0
