"""The PyInstaller spec, run with PyInstaller's build objects replaced by recorders.

Building takes a minute (`make package` does it); these checks take milliseconds and
catch the usual slips: a resources folder left out, a missing icon, About's library
versions without their metadata, the Windows console executable gone. PyInstaller
itself is not needed (the test environment does not have it): its helper modules are
replaced by recorders too.
"""

from __future__ import annotations

import sys
import types
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

import app
from app.gui.about import LIBRARIES

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "packaging" / "komora.spec"
RESOURCES = ROOT / "resources"


@dataclass
class SpecRun:
    """What the spec handed to PyInstaller's Analysis, EXE and COLLECT."""

    analysis: dict[str, Any] = field(default_factory=dict)
    executables: list[dict[str, Any]] = field(default_factory=list)
    collected: dict[str, Any] = field(default_factory=dict)
    metadata_for: list[str] = field(default_factory=list)

    @property
    def datas(self) -> list[tuple[str, str]]:
        return list(self.analysis["datas"])


def versioninfo() -> types.ModuleType:
    """PyInstaller's Windows version resource classes, as records of their arguments."""
    module = types.ModuleType("PyInstaller.utils.win32.versioninfo")
    for name in (
        "VSVersionInfo",
        "FixedFileInfo",
        "StringFileInfo",
        "StringTable",
        "StringStruct",
        "VarFileInfo",
        "VarStruct",
    ):

        def record(
            *args: Any, _kind: str = name, **kwargs: Any
        ) -> types.SimpleNamespace:
            return types.SimpleNamespace(kind=_kind, args=args, kwargs=kwargs)

        setattr(module, name, record)
    return module


def version_strings(info: types.SimpleNamespace) -> dict[str, str]:
    """The name -> value pairs of a recorded VSVersionInfo's string table."""
    (string_file_info,) = [k for k in info.kwargs["kids"] if k.kind == "StringFileInfo"]
    ((table,),) = string_file_info.args
    language, structs = table.args
    assert language == "040904B0"
    return dict(struct.args for struct in structs)


def run_spec(monkeypatch: pytest.MonkeyPatch, platform: str) -> SpecRun:
    run = SpecRun()

    def copy_metadata(distribution: str) -> list[tuple[str, str]]:
        run.metadata_for.append(distribution)
        return [(f"/site/{distribution}.dist-info", f"{distribution}.dist-info")]

    hooks = types.ModuleType("PyInstaller.utils.hooks")
    hooks.collect_submodules = lambda package: [f"{package}.fake"]  # type: ignore[attr-defined]
    hooks.copy_metadata = copy_metadata  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "PyInstaller.utils.hooks", hooks)
    win32 = types.ModuleType("PyInstaller.utils.win32")
    win32.versioninfo = versioninfo()  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "PyInstaller.utils.win32", win32)
    monkeypatch.setattr(sys, "platform", platform)

    def analysis(scripts: list[str], **options: Any) -> types.SimpleNamespace:
        run.analysis = {"scripts": scripts, **options}
        return types.SimpleNamespace(
            pure=[], scripts=scripts, binaries=[], datas=options["datas"]
        )

    def exe(*_parts: Any, **options: Any) -> dict[str, Any]:
        run.executables.append(options)
        return options

    def collect(*_parts: Any, **options: Any) -> None:
        run.collected = options

    namespace = {
        "SPECPATH": str(SPEC.parent),
        "Analysis": analysis,
        "PYZ": lambda pure: pure,
        "EXE": exe,
        "COLLECT": collect,
    }
    exec(compile(SPEC.read_text(encoding="utf-8"), str(SPEC), "exec"), namespace)
    return run


def shipped_resources() -> set[Path]:
    """Every file under resources/ that the app may need at run time."""
    return {
        path.relative_to(RESOURCES)
        for path in RESOURCES.rglob("*")
        if path.is_file() and path.suffix != ".ts" and "screenshots" not in path.parts
    }


def test_every_resource_file_goes_into_the_bundle_at_its_own_path(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    run = run_spec(monkeypatch, "linux")

    bundled = {
        Path(destination) / Path(source).name
        for source, destination in run.datas
        if Path(source).is_relative_to(RESOURCES)
    }

    expected = {Path("resources") / path for path in shipped_resources()}
    assert bundled == expected


@pytest.mark.parametrize("folder", ["labels", "translations", "demo", "icons"])
def test_each_resources_folder_the_app_reads_is_shipped(
    monkeypatch: pytest.MonkeyPatch, folder: str
) -> None:
    run = run_spec(monkeypatch, "linux")

    destinations = {destination for _source, destination in run.datas}

    assert str(Path("resources") / folder) in destinations


def test_the_compiled_translation_ships_and_the_source_does_not(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    run = run_spec(monkeypatch, "linux")

    names = {Path(source).name for source, _destination in run.datas}

    assert "komora_uk.qm" in names
    assert "komora_uk.ts" not in names


def test_about_dialog_libraries_have_their_metadata_bundled(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    run = run_spec(monkeypatch, "linux")

    wanted = {distribution for _shown, distribution in LIBRARIES}
    assert wanted <= set(run.metadata_for)
    bundled = {destination for _source, destination in run.datas}
    assert {f"{d}.dist-info" for d in wanted} <= bundled


def test_linux_build_is_one_console_executable_named_komora(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    run = run_spec(monkeypatch, "linux")

    assert [(e["name"], e["console"]) for e in run.executables] == [("komora", True)]
    assert run.collected["name"] == "komora"
    assert all(e["exclude_binaries"] for e in run.executables)  # one folder


def test_windows_build_has_a_windowed_app_and_a_console_cli(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    run = run_spec(monkeypatch, "win32")

    by_name = {e["name"]: e for e in run.executables}
    assert by_name["komora"]["console"] is False
    assert by_name["komora-cli"]["console"] is True
    for executable in run.executables:
        icon = Path(executable["icon"])
        assert icon.suffix == ".ico"
        assert icon.is_file()


def test_subcommand_modules_and_the_launcher_are_found(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    run = run_spec(monkeypatch, "linux")

    # app/__main__.py imports subcommands by name, which PyInstaller cannot follow
    assert "app.fake" in run.analysis["hiddenimports"]
    assert "uvicorn.fake" in run.analysis["hiddenimports"]
    (launcher,) = run.analysis["scripts"]
    assert Path(launcher).is_file()
    assert str(ROOT) in run.analysis["pathex"]


def test_windows_executables_carry_the_apps_version(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    run = run_spec(monkeypatch, "win32")

    parts = [int(n) for n in app.__version__.split(".")[:3]]
    numbers = tuple(parts + [0] * (4 - len(parts)))
    for executable in run.executables:
        info = executable["version"]
        assert info.kind == "VSVersionInfo"
        fixed = info.kwargs["ffi"]
        assert fixed.kwargs == {"filevers": numbers, "prodvers": numbers}
        strings = version_strings(info)
        assert strings["FileVersion"] == strings["ProductVersion"] == app.__version__
        assert strings["OriginalFilename"] == f"{executable['name']}.exe"
        assert strings["ProductName"] == "Komora"


def test_linux_executable_has_no_windows_version_resource(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    run = run_spec(monkeypatch, "linux")

    assert run.executables[0]["version"] is None
