"""`komora serve`: run the sandbox catalog server in the foreground.

    python -m app serve [--host H] [--port 8765] [--db PATH] [--demo] [--token T]

It prints its URL and the file that keeps the token (never the token itself), then
serves until interrupted.
"""

from __future__ import annotations

import argparse
import ipaddress
import logging
import socket
import sys
from pathlib import Path

from app import logs, paths
from app.cli_types import int_in

logger = logging.getLogger(__name__)

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8765
DB_FILE_NAME = "sandbox.sqlite3"
MEMORY = ":memory:"
BACKLOG = 2048  # uvicorn's default


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def default_db_path() -> Path:
    return paths.data_dir() / DB_FILE_NAME


def db_location(text: str) -> str:
    """A --db value: `:memory:`, or a file in a folder that exists (never made)."""
    if text == MEMORY:
        return text
    folder = Path(text).expanduser().absolute().parent
    if not folder.is_dir():
        raise argparse.ArgumentTypeError(
            f"the folder {folder} does not exist; create it first or choose a file "
            "in an existing folder"
        )
    return text


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--host",
        default=DEFAULT_HOST,
        help="address to listen on (default %(default)s; anything else exposes the "
        "catalog to the network)",
    )
    parser.add_argument(
        "--port",
        type=int_in(0, 65535),
        default=DEFAULT_PORT,
        help="port to listen on (default %(default)s; 0 picks a free one)",
    )
    parser.add_argument(
        "--db",
        default=None,
        type=db_location,
        help="SQLite database file, or :memory: (default: sandbox.sqlite3 in the "
        "user data folder)",
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        help="fill an empty database with the demo catalog",
    )
    parser.add_argument(
        "--token",
        default=None,
        help="use this bearer token instead of the one kept in the config folder",
    )


def run(args: argparse.Namespace) -> int:
    import uvicorn

    from app.sandbox import demo
    from app.sandbox.db import Database
    from app.sandbox.security import load_or_create_token, token_file
    from app.sandbox.server import create_app

    logs.configure(console=True)
    if not is_loopback(args.host):
        logger.warning(
            "listening on %s: other machines can reach the sandbox catalog; anyone "
            "with the token can change it",
            args.host,
        )

    if args.token:
        token = args.token
        token_where = "given with --token"
    else:
        token = load_or_create_token()
        token_where = str(token_file())
    location = args.db or str(default_db_path())
    database = Database(location)
    app = create_app(database, token)
    if args.demo and demo.fill(database):
        print(f"Demo catalog loaded into {location}")

    family = socket.AF_INET6 if ":" in args.host else socket.AF_INET
    # IPPROTO_TCP so asyncio turns Nagle off (see app.sandbox.testing).
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((args.host, args.port))
    except OSError as error:
        sock.close()
        print(f"Cannot listen on {args.host}:{args.port}: {error}", file=sys.stderr)
        return 2
    # Listening before the URL is printed: a client that reads it and connects at once
    # waits in the backlog instead of being refused while uvicorn starts.
    sock.listen(BACKLOG)
    port = sock.getsockname()[1]
    shown_host = f"[{args.host}]" if family == socket.AF_INET6 else args.host
    url = f"http://{shown_host}:{port}"

    print(f"Komora sandbox server: {url}  (API: {url}/api/uk/ and {url}/api/en/)")
    print(f"Database: {location}")
    print(f"Token: {token_where}")
    if not args.token:
        print(
            f'Try: curl -H "Authorization: Bearer $(cat {token_where})" '
            f"{url}/api/uk/groupGoods"
        )
    sys.stdout.flush()

    config = uvicorn.Config(app, log_level="info", lifespan="off")
    server = uvicorn.Server(config)
    try:
        server.run(sockets=[sock])
    finally:
        database.dispose()
    return 0
