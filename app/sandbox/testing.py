"""Running the sandbox server inside this process, for tests and for the GUI.

    from app.sandbox.testing import running_server

    with running_server(demo=True) as server:
        requests.get(f"{server.base_url}/api/uk/groupGoods",
                     headers=server.headers, timeout=5)
        server.stop()      # the port now refuses connections ("server offline")
        server.start()     # same port, same token, same database again

`start_in_background(db_path, demo=True)` is the same server for the GUI: it runs until
`stop()` and keeps its database in a file. Pytest fixtures built on it are in
`app.sandbox.pytest_plugin`.

uvicorn runs in a daemon thread on a loopback port picked by the system; `start()`
returns once the server accepts connections.
"""

from __future__ import annotations

import logging
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import uvicorn
from fastapi import FastAPI

from app.sandbox.db import MEMORY, Database

logger = logging.getLogger(__name__)

LOOPBACK = "127.0.0.1"
START_TIMEOUT = 10.0
STOP_TIMEOUT = 10.0


class ServerStartError(RuntimeError):
    """The in-process server did not come up (port taken, startup failed)."""


class SandboxServer:
    """An in-process sandbox server that can be stopped and started on one port.

    Attributes: `base_url` ("http://127.0.0.1:PORT"; a client adds `/api/{locale}/…`),
    `token`, `headers` (the Authorization header), `port`, `database`, `app`.
    """

    def __init__(
        self,
        db: str | Path = MEMORY,
        *,
        demo: bool = False,
        token: str = "test-token",
        host: str = LOOPBACK,
        port: int = 0,
    ) -> None:
        from app.sandbox import demo as demo_catalog
        from app.sandbox.server import create_app

        self.token = token
        self.host = host
        self.database = Database(db)
        self.app: FastAPI = create_app(self.database, token)
        if demo and self.database.location == MEMORY:
            demo_catalog.fill_copy(self.database)
        elif demo:
            demo_catalog.fill(self.database)
        self.port = port or _free_port(host)
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None

    @property
    def base_url(self) -> str:
        return f"http://{self.host}:{self.port}"

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self) -> None:
        """Serve on `port` and return once connections are accepted."""
        if self.running:
            return
        # proto=IPPROTO_TCP matters: asyncio sets TCP_NODELAY only on sockets that say
        # so, and without it every keep-alive answer waits ~40 ms for a delayed ACK.
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((self.host, self.port))
        except OSError as error:
            sock.close()
            raise ServerStartError(
                f"cannot listen on {self.host}:{self.port}: {error}"
            ) from error
        config = uvicorn.Config(
            self.app,
            log_config=None,
            log_level="warning",
            access_log=False,
            lifespan="off",
            timeout_graceful_shutdown=1,
        )
        server = uvicorn.Server(config)
        thread = threading.Thread(
            target=server.run,
            kwargs={"sockets": [sock]},
            name=f"sandbox-{self.port}",
            daemon=True,
        )
        self._server, self._thread = server, thread
        thread.start()
        # Wait on uvicorn's own readiness flag; the thread ends early if startup fails.
        deadline = time.monotonic() + START_TIMEOUT
        while not server.started and time.monotonic() < deadline:
            thread.join(0.01)
            if not thread.is_alive():
                sock.close()
                self._server = self._thread = None
                raise ServerStartError(f"the sandbox server on port {self.port} failed")
        if not server.started:
            self.stop()
            raise ServerStartError(
                f"the sandbox server did not start in {START_TIMEOUT} s"
            )
        logger.info("sandbox server listening on %s", self.base_url)

    def stop(self) -> None:
        """Stop serving; the port refuses connections until `start()`."""
        server, thread = self._server, self._thread
        self._server = self._thread = None
        if server is None or thread is None:
            return
        server.should_exit = True
        thread.join(STOP_TIMEOUT)
        if thread.is_alive():
            server.force_exit = True
            thread.join(STOP_TIMEOUT)
        logger.info("sandbox server on %s stopped", self.base_url)

    def close(self) -> None:
        """Stop and release the database."""
        self.stop()
        self.database.dispose()


def _free_port(host: str) -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((host, 0))
        return int(probe.getsockname()[1])


@contextmanager
def running_server(
    db: str | Path = MEMORY,
    *,
    demo: bool = False,
    token: str = "test-token",
    port: int = 0,
) -> Iterator[SandboxServer]:
    """A started sandbox server for the length of the `with` block."""
    server = SandboxServer(db, demo=demo, token=token, port=port)
    server.start()
    try:
        yield server
    finally:
        server.close()


def start_in_background(
    db_path: str | Path,
    *,
    demo: bool = True,
    token: str | None = None,
    port: int = 0,
) -> SandboxServer:
    """The GUI's sandbox: a started server over the database file `db_path`.

    The demo catalog is loaded only into an empty database. Without `token`, the token
    file of the config folder is used (made on first use). Call `close()` (or
    `stop()`) when the app quits.
    """
    from app.sandbox.security import load_or_create_token

    server = SandboxServer(
        db_path, demo=demo, token=token or load_or_create_token(), port=port
    )
    server.start()
    return server
