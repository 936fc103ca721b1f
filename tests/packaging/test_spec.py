"""Cheap checks of ``build.spec``: it is executed with stand-ins for PyInstaller's
Analysis/PYZ/EXE/COLLECT, so nothing is analysed or built (the real build is
``scripts/build_bundle.sh``; it takes minutes). Skipped unless PyInstaller is
installed (``pip install -e '.[build]'``).
"""

from __future__ import annotations

import ast
import tomllib
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("PyInstaller")

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "build.spec"


class _Target:
    """Records the arguments a PyInstaller build target was given."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self.args = args
        self.kwargs = kwargs


class _Analysis(_Target):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.pure: list[tuple[str, str, str]] = []
        self.scripts: list[Any] = []
        self.binaries: list[Any] = []
        self.datas: list[Any] = []


@pytest.fixture(scope="module")
def spec() -> dict[str, Any]:
    namespace: dict[str, Any] = {
        "__file__": str(SPEC),
        "__name__": "__main__",
        "SPECPATH": str(ROOT),
        "Analysis": _Analysis,
        "PYZ": _Target,
        "EXE": _Target,
        "COLLECT": _Target,
    }
    code = compile(SPEC.read_text(encoding="utf-8"), str(SPEC), "exec")
    exec(code, namespace)
    return namespace


def test_spec_parses() -> None:
    ast.parse(SPEC.read_text(encoding="utf-8"), filename=str(SPEC))


def test_entry_point_is_the_console_script(spec: dict[str, Any]) -> None:
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert spec["ENTRY_POINT"] == pyproject["project"]["scripts"]["pos-app"]
    script = Path(spec["a"].args[0][0])
    assert script.is_file()
    module, func = spec["ENTRY_POINT"].split(":")
    source = script.read_text(encoding="utf-8")
    assert f"from {module} import {func}" in source
    assert f"sys.exit({func}())" in source


def test_one_folder_console_bundle_named_pos_app(spec: dict[str, Any]) -> None:
    exe, coll = spec["exe"], spec["coll"]
    assert exe.kwargs["name"] == "pos-app"
    assert exe.kwargs["exclude_binaries"] is True  # one-folder, not one-file
    assert exe.kwargs["console"] is True
    assert coll.kwargs["name"] == "pos-app"


def test_resources_data_files_are_included(spec: dict[str, Any]) -> None:
    datas = {(Path(src).name, dest) for src, dest in spec["a"].kwargs["datas"]}
    shipped = [
        p
        for p in (ROOT / "resources").iterdir()
        if p.is_file() and p.suffix not in {".py", ".pyc"}
    ]
    assert {"products.json", "theme.qss"} <= {p.name for p in shipped}
    assert any(p.suffix == ".svg" for p in shipped)
    for path in shipped:
        assert (path.name, "pos_app/resources") in datas


def test_translations_and_fonts_are_included(spec: dict[str, Any]) -> None:
    datas = {(Path(src).name, dest) for src, dest in spec["a"].kwargs["datas"]}
    for name, dest in (
        ("pos_app_hi.qm", "pos_app/resources/i18n"),
        ("NotoSansDevanagariUI-Regular.ttf", "pos_app/resources/fonts"),
        ("NotoSansDevanagariUI-Bold.ttf", "pos_app/resources/fonts"),
        ("OFL.txt", "pos_app/resources/fonts"),
    ):
        assert (name, dest) in datas


def test_resources_package_is_added_to_the_archive(spec: dict[str, Any]) -> None:
    names = {name for name, _src, kind in spec["a"].pure if kind == "PYMODULE"}
    assert "pos_app.resources" in names


def test_every_pos_app_module_is_a_hidden_import(spec: dict[str, Any]) -> None:
    hidden = set(spec["a"].kwargs["hiddenimports"])
    for path in (ROOT / "pos_app").rglob("*.py"):
        parts = ["pos_app", *path.relative_to(ROOT / "pos_app").with_suffix("").parts]
        if parts[-1] == "__init__":
            parts.pop()
        assert ".".join(parts) in hidden
    for lazily_imported in ("pos_app.sandbox.server", "pos_app.demo", "pos_app.cli"):
        assert lazily_imported in hidden


def test_web_engine_is_included(spec: dict[str, Any]) -> None:
    # QtWebEngineProcess, its resources and locales come from PyInstaller's
    # hook-PySide6.QtWebEngineCore, which runs when the module is imported.
    hidden = set(spec["a"].kwargs["hiddenimports"])
    assert {"PySide6.QtWebEngineCore", "PySide6.QtWebEngineWidgets"} <= hidden
    excludes = set(spec["a"].kwargs["excludes"])
    assert not {"PySide6.QtWebEngineCore", "PySide6.QtWebEngineWidgets"} & excludes
    hook = Path(__import__("PyInstaller").__file__).parent / "hooks"
    assert (hook / "hook-PySide6.QtWebEngineCore.py").is_file()


def test_test_tools_are_excluded(spec: dict[str, Any]) -> None:
    excludes = set(spec["a"].kwargs["excludes"])
    assert {"tkinter", "pytest", "_pytest", "pytestqt"} <= excludes
    hidden = spec["a"].kwargs["hiddenimports"]
    assert not [name for name in hidden if name.startswith("tests")]
