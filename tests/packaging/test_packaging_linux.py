"""The .desktop entry, the Linux install script and the build script's shell.

`install.sh` runs for real here, on a stand-in app folder (an executable script and
the real icons), into a temporary root: its layout is what desktops look for.
"""

from __future__ import annotations

import configparser
import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DESKTOP = ROOT / "packaging" / "komora.desktop"
INSTALL = ROOT / "packaging" / "linux" / "install.sh"
BUILD = ROOT / "packaging" / "build.sh"
ICONS = ROOT / "resources" / "icons"

# freedesktop.org menu specification: an entry needs one main category
MAIN_CATEGORIES = {
    "AudioVideo",
    "Audio",
    "Video",
    "Development",
    "Education",
    "Game",
    "Graphics",
    "Network",
    "Office",
    "Science",
    "Settings",
    "System",
    "Utility",
}


def read_desktop(path: Path) -> dict[str, str]:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read_string(path.read_text(encoding="utf-8"))
    assert parser.sections() == ["Desktop Entry"]
    return dict(parser["Desktop Entry"])


def validate(path: Path) -> None:
    """desktop-file-validate when installed (the reference checker), else our own."""
    validator = shutil.which("desktop-file-validate")
    if validator:
        result = subprocess.run(
            [validator, str(path)], capture_output=True, text=True, check=False
        )
        assert result.returncode == 0, result.stdout + result.stderr
        assert "error" not in result.stdout.lower(), result.stdout
        return
    entry = read_desktop(path)
    for key in ("Type", "Name", "Exec", "Icon"):
        assert entry.get(key), f"{path.name} lacks {key}"
    for key in ("Categories", "Keywords", "Keywords[uk]"):
        assert entry[key].endswith(";"), f"{key} must end with ';'"


def test_desktop_entry_validates() -> None:
    validate(DESKTOP)


def test_desktop_entry_names_the_app_its_icon_and_its_window() -> None:
    entry = read_desktop(DESKTOP)

    assert entry["Type"] == "Application"
    assert entry["Exec"].split()[0] == "komora"
    assert entry["Icon"] == "komora"
    # Qt sets the window's class from setDesktopFileName("komora") (app/gui/app.py)
    assert entry["StartupWMClass"] == "komora"
    assert entry["Terminal"] == "false"
    categories = set(entry["Categories"].strip(";").split(";"))
    assert categories & MAIN_CATEGORIES
    assert entry["Name"] == "Komora"
    assert entry["Comment[uk]"] and entry["GenericName[uk]"]


@pytest.fixture
def unpacked_archive(tmp_path: Path) -> Path:
    """The archive's layout: install.sh, komora.desktop and a stand-in komora/."""
    archive = tmp_path / "komora-0.0.0-linux-x86_64"
    app = archive / "komora"
    (app / "_internal" / "resources").mkdir(parents=True)
    shutil.copytree(ICONS, app / "_internal" / "resources" / "icons")
    executable = app / "komora"
    executable.write_text("#!/bin/sh\necho stand-in komora\n", encoding="utf-8")
    executable.chmod(0o755)
    shutil.copy(INSTALL, archive / "install.sh")
    shutil.copy(DESKTOP, archive / "komora.desktop")
    return archive


def run_install(archive: Path, *options: str) -> subprocess.CompletedProcess[str]:
    # a clean desktop session: HOME in the test folder, the XDG folders by default
    environment = {k: v for k, v in os.environ.items() if not k.startswith("XDG_")}
    environment["HOME"] = str(archive.parent / "home")
    return subprocess.run(
        ["bash", str(archive / "install.sh"), *options],
        capture_output=True,
        text=True,
        check=False,
        env=environment,
        timeout=30,
    )


def test_install_puts_app_launcher_menu_entry_and_hicolor_icons_in_place(
    unpacked_archive: Path, tmp_path: Path
) -> None:
    destdir = tmp_path / "root"

    result = run_install(
        unpacked_archive, "--prefix", "/opt/komora", "--destdir", str(destdir)
    )

    assert result.returncode == 0, result.stderr
    prefix = destdir / "opt" / "komora"
    launcher = prefix / "bin" / "komora"
    assert launcher.is_symlink()
    assert os.readlink(launcher) == "../lib/komora/komora"  # relative: survives DESTDIR
    assert subprocess.run(
        [launcher], capture_output=True, text=True, check=True
    ).stdout == ("stand-in komora\n")
    hicolor = prefix / "share" / "icons" / "hicolor"
    for size, source in (
        ("48x48", "komora-48.png"),
        ("128x128", "komora-128.png"),
        ("256x256", "komora.png"),
    ):
        installed = hicolor / size / "apps" / "komora.png"
        assert installed.read_bytes() == (ICONS / source).read_bytes()
    assert (hicolor / "scalable" / "apps" / "komora.svg").is_file()

    desktop = prefix / "share" / "applications" / "komora.desktop"
    entry = read_desktop(desktop)
    assert entry["Exec"] == "/opt/komora/bin/komora"  # the final path, without DESTDIR
    assert entry["TryExec"] == "/opt/komora/bin/komora"
    validate(desktop)


def test_install_defaults_to_the_users_local_folder_and_uninstall_removes_it(
    unpacked_archive: Path,
) -> None:
    home = unpacked_archive.parent / "home"
    local = home / ".local"

    installed = run_install(unpacked_archive)
    assert installed.returncode == 0, installed.stderr
    assert (local / "lib" / "komora" / "komora").is_file()
    assert (local / "share" / "applications" / "komora.desktop").is_file()

    removed = run_install(unpacked_archive, "--uninstall")

    assert removed.returncode == 0, removed.stderr
    assert not (local / "lib" / "komora").exists()
    assert not (local / "bin" / "komora").exists()
    assert not (local / "share" / "applications" / "komora.desktop").exists()
    assert not list((local / "share" / "icons").rglob("komora.*"))


def test_install_without_a_built_app_says_how_to_make_one(
    unpacked_archive: Path, tmp_path: Path
) -> None:
    shutil.rmtree(unpacked_archive / "komora")

    result = run_install(unpacked_archive, "--destdir", str(tmp_path / "root"))

    assert result.returncode == 1
    assert "no built app" in result.stderr
    assert "make package" in result.stderr


def test_install_refuses_a_relative_prefix(unpacked_archive: Path) -> None:
    result = run_install(unpacked_archive, "--prefix", "opt/komora")

    assert result.returncode == 1
    assert "absolute" in result.stderr


@pytest.mark.parametrize("script", [BUILD, INSTALL], ids=lambda p: p.name)
def test_shell_scripts_parse_and_pass_shellcheck(script: Path) -> None:
    syntax = subprocess.run(["bash", "-n", str(script)], capture_output=True, text=True)
    assert syntax.returncode == 0, syntax.stderr
    shellcheck = shutil.which("shellcheck")
    if shellcheck:
        lint = subprocess.run([shellcheck, str(script)], capture_output=True, text=True)
        assert lint.returncode == 0, lint.stdout


def test_build_script_rejects_an_unknown_option() -> None:
    result = subprocess.run(
        ["bash", str(BUILD), "--fast"], capture_output=True, text=True, timeout=30
    )

    assert result.returncode == 2
    assert "unknown option --fast" in result.stderr


def test_install_warns_when_the_desktop_would_not_find_the_menu_entry(
    unpacked_archive: Path, tmp_path: Path
) -> None:
    hidden = tmp_path / "opt" / "komora"

    default = run_install(unpacked_archive)
    elsewhere = run_install(unpacked_archive, "--prefix", str(hidden))

    assert default.returncode == elsewhere.returncode == 0
    assert "Note:" not in default.stdout
    assert f"{hidden}/share is not a folder the desktop reads" in elsewhere.stdout
    assert (hidden / "bin" / "komora").is_symlink()
