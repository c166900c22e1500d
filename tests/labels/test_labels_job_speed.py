"""What the PDF speed work must not break: the collector comes back on after a job,
also when two jobs overlap, and an unwritable target fails before any drawing."""

from __future__ import annotations

import gc
import threading
from pathlib import Path

import pytest

from app.labels.errors import OutputError
from app.labels.geometry import Dpi, Page
from app.labels.output import cyclic_gc_paused
from app.labels.render import write_pdf


def test_collector_is_off_during_a_job_and_restored_after() -> None:
    assert gc.isenabled()
    with cyclic_gc_paused():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_overlapping_jobs_restore_the_collector_only_when_the_last_ends() -> None:
    first_in = threading.Event()
    second_done = threading.Event()
    seen_after_second: list[bool] = []

    def first() -> None:
        with cyclic_gc_paused():
            first_in.set()
            second_done.wait(10)
            seen_after_second.append(gc.isenabled())

    worker = threading.Thread(target=first)
    worker.start()
    assert first_in.wait(10)
    with cyclic_gc_paused():
        pass
    second_done.set()
    worker.join(10)

    assert seen_after_second == [False]
    assert gc.isenabled()


def test_a_collector_switched_off_by_the_caller_stays_off() -> None:
    gc.disable()
    try:
        with cyclic_gc_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_pdf_into_a_missing_folder_is_an_output_error(
    qapp: object, tmp_path: Path
) -> None:
    page = Page(464, 320, Dpi(203, 203), ())
    with pytest.raises(OutputError, match="cannot write the PDF"):
        write_pdf([page], tmp_path / "missing" / "labels.pdf", (58, 40))
