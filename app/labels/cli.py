"""`python -m app labels`: labels to PDF, PNG or ZPL from the local catalog or a CSV.

Qt is imported only when the labels are drawn (never at module import).
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable
from pathlib import Path

from app.cli_types import int_in
from app.labels.catalog_source import (
    CSV_COLUMNS,
    Lookup,
    Request,
    requests_from_codes,
    requests_from_csv,
)
from app.labels.errors import LabelError
from app.labels.geometry import Dpi, parse_dpi
from app.labels.zpl import RAW_PORT

logger = logging.getLogger(__name__)

MAX_PORT = 65535


def _dpi(text: str) -> Dpi:
    try:
        return parse_dpi(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--template", required=True, help="template name (e.g. thermal-58x40) or .toml"
    )
    parser.add_argument(
        "--dpi",
        required=True,
        type=_dpi,
        help="the printer's resolution: N or NxM (x by y), e.g. 203 or 300x600",
    )
    target = parser.add_mutually_exclusive_group(required=True)
    target.add_argument(
        "--out",
        type=Path,
        help="output file: .pdf, .png (one file per page: NAME-001.png ...) or .zpl",
    )
    target.add_argument(
        "--send",
        metavar="HOST[:PORT]",
        help="send ZPL to a network label printer's raw port (9100 unless given)",
    )
    parser.add_argument(
        "--csv",
        type=Path,
        help="delivery list with the columns " + ",".join(CSV_COLUMNS),
    )
    parser.add_argument(
        "--start-at",
        type=int_in(1),
        default=1,
        help="first free label on a partly used sheet (1 = top left)",
    )
    parser.add_argument(
        "--catalog",
        type=Path,
        metavar="PATH",
        help="the local catalog to look CODEs up in (default: the one the desktop app "
        "syncs for the server in its settings)",
    )
    parser.add_argument(
        "codes",
        nargs="*",
        metavar="CODE[xQTY]",
        help="barcodes to look up in the local catalog, each optionally xQUANTITY",
    )


def _host_port(text: str) -> tuple[str, int]:
    host, sep, port = text.rpartition(":")
    if not sep:
        return text, RAW_PORT
    if not (host and port.isascii() and port.isdigit() and 1 <= int(port) <= MAX_PORT):
        raise LabelError(
            f"--send {text!r} is not HOST or HOST:PORT with a port 1-{MAX_PORT}",
            send=text,
        )
    return host, int(port)


def _store_lookup(path: Path | None) -> tuple[Lookup, Callable[[], None]]:
    """A lookup in an existing local catalog; opening a missing one would create it
    empty, and every code would then be "not in the local catalog"."""
    from app.labels.catalog_source import catalog_lookup
    from app.store.catalog import Catalog
    from app.store.location import catalog_path_from_settings

    path = path or catalog_path_from_settings()
    if not path.is_file():
        raise LabelError(
            f"no local catalog at {path}: start the app once to sync it, "
            "or pass --catalog",
            catalog=str(path),
        )
    catalog = Catalog(path)
    return catalog_lookup(catalog), catalog.close


def run(args: argparse.Namespace, lookup: Lookup | None = None) -> int:
    """Exit status 0 on success, 1 when the labels could not be made, 2 on bad use."""
    if not args.csv and not args.codes:
        print("labels: give --csv FILE or at least one CODE", file=sys.stderr)
        return 2
    try:
        written = _make(args, lookup)
    except LabelError as error:
        logger.error("labels failed: %s", error.message)
        print(f"labels: {error.message}", file=sys.stderr)
        return 1
    for path in written:
        print(path)
    return 0


def _make(args: argparse.Namespace, lookup: Lookup | None) -> list[Path]:
    from app.labels.output import send_job_zpl, write_job
    from app.labels.queue import PrintItem, PrintJob
    from app.labels.render import ensure_gui_application
    from app.labels.templates import load_template

    template = load_template(args.template)
    requests: list[Request] = []
    if args.csv:
        requests += requests_from_csv(args.csv)
    if args.codes:
        close: Callable[[], None] = lambda: None  # noqa: E731
        if lookup is None:
            lookup, close = _store_lookup(args.catalog)
        try:
            requests += requests_from_codes(args.codes, lookup)
        finally:
            close()
    if not requests:
        raise LabelError("no labels to make: the CSV has no rows")

    ensure_gui_application()
    job = PrintJob(
        template=template,
        items=tuple(PrintItem(r.product, r.quantity, template.name) for r in requests),
        dpi=args.dpi,
        start_at=args.start_at,
    )
    if args.send:
        host, port = _host_port(args.send)
        send_job_zpl(job, host, port)
        written: list[Path] = []
    else:
        written = write_job(job, args.out)
    logger.info(
        "labels: %d label(s) on %s at %s dpi -> %s",
        job.label_count,
        template.name,
        args.dpi,
        args.send or args.out,
    )
    return written
