"""Runs one journaled product draft and can end the process abruptly at a step.

    python -m tests.api.creation_worker BASE_URL TOKEN JOURNAL DRAFT_ID \
        [--crash-step STEP --crash-when before|after]

`before`: `os._exit(1)` just before the step's first request is sent. `after`: just
after it was sent and the server's status line arrived, before the answer is read.
Exit status 0 means the draft was created; 2 means `CreationFailed`.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from pathlib import Path

import requests

from app.api.client import CatalogClient
from app.api.creation import CreationJournal, ProductCreator, Step
from app.api.errors import CreationFailed

CRASH_STATUS = 1


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("base_url")
    parser.add_argument("token")
    parser.add_argument("journal", type=Path)
    parser.add_argument("draft_id")
    parser.add_argument("--crash-step", type=Step, choices=list(Step))
    parser.add_argument("--crash-when", choices=("before", "after"))
    args = parser.parse_args(argv)

    def crash_at(when: str) -> Callable[[Step], None]:
        def hook(step: Step) -> None:
            if step is args.crash_step and args.crash_when == when:
                sys.stdout.flush()
                os._exit(CRASH_STATUS)

        return hook

    client = CatalogClient(requests.Session(), args.base_url, args.token)
    creator = ProductCreator(
        client,
        CreationJournal(args.journal),
        before_request=crash_at("before"),
        after_send=crash_at("after"),
    )
    try:
        result = creator.run(args.draft_id)
    except CreationFailed as error:
        print(error, file=sys.stderr)
        return 2
    print(result.guid)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
