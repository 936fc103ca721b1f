"""Keep the translation files in step with the code (Qt's lupdate and lrelease).

    python scripts/i18n.py update    # find marked text in pos_app/, refresh the .ts
    python scripts/i18n.py release   # compile every .ts to the .qm the app loads
    python scripts/i18n.py check     # exit 1 if a text lacks a translation, a
                                     # translation breaks a {field}, the .ts misses
                                     # text the code marks, or a .qm is stale
    python scripts/i18n.py todo      # print what is untranslated, as JSON
    python scripts/i18n.py fill F.json   # take translations from F (see todo)

Options: ``--ts PATH`` works on another .ts (default: every
``resources/i18n/pos_app_*.ts``); ``--qm-dir DIR`` writes or checks .qm there.

A translator edits ``resources/i18n/pos_app_hi.ts`` with Qt Linguist
(``pyside6-linguist``) or any text editor, then runs ``release``. The JSON of
``todo``/``fill`` is ``{"context": {"English source": "translation"}}``; a plural
(``%n``) message takes a list of forms.
"""

from __future__ import annotations

import argparse
import filecmp
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT / "pos_app"
I18N = ROOT / "resources" / "i18n"
FIELD = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)[^{}]*\}")
#: Left in English on purpose in every language (names, codes).
SAME_IN_EVERY_LANGUAGE = re.compile(
    r"^[\s\d\W]*$|^(Amazon Pay|UPI|OTP|PIN|CSV|PDF|QR)$"
)


def qt_tool(name: str) -> str:
    """Path of a Qt tool shipped inside the PySide6 wheel (lupdate, lrelease)."""
    import PySide6

    folder = Path(PySide6.__file__).parent
    for candidate in (folder / name, folder / f"{name}.exe"):
        if candidate.exists():
            return str(candidate)
    found = shutil.which(f"pyside6-{name}")
    if found:
        return found
    raise SystemExit(f"{name} not found: install PySide6")


def source_files() -> list[str]:
    return sorted(
        str(p.relative_to(ROOT))
        for p in SOURCES.rglob("*.py")
        if "__pycache__" not in p.parts
    )


def ts_files(arg: str | None) -> list[Path]:
    if arg:
        return [Path(arg)]
    return sorted(I18N.glob("pos_app_*.ts"))


def language_of(ts: Path) -> str:
    return ts.stem.split("_", 2)[-1]


def run_lupdate(ts: Path) -> None:
    lang = language_of(ts)
    with tempfile.NamedTemporaryFile("w", suffix=".lst", delete=False) as listing:
        listing.write("\n".join(source_files()) + "\n")
    try:
        subprocess.run(  # noqa: S603 - Qt's own tool, arguments built here
            [
                qt_tool("lupdate"),
                "-silent",
                "-no-obsolete",
                "-locations",
                "none",
                "-source-language",
                "en",
                "-target-language",
                "hi_IN" if lang == "hi" else lang,
                f"@{listing.name}",
                "-ts",
                str(ts),
            ],
            cwd=ROOT,
            check=True,
        )
    finally:
        os.unlink(listing.name)


def run_lrelease(ts: Path, qm: Path) -> None:
    subprocess.run(  # noqa: S603 - Qt's own tool, arguments built here
        [qt_tool("lrelease"), "-silent", "-removeidentical", str(ts), "-qm", str(qm)],
        check=True,
    )


def parse(path: Path) -> ET.ElementTree:
    """Read a .ts file of this repository (or one lupdate just wrote)."""
    return ET.parse(path)  # noqa: S314 - our own files, not input from outside


@dataclass
class Message:
    context: str
    source: str
    comment: str
    numerus: bool
    translations: list[str]
    unfinished: bool
    element: ET.Element

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.context, self.source, self.comment)


def messages(tree: ET.ElementTree) -> Iterator[Message]:
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            numerus = message.get("numerus") == "yes"
            if translation is None:
                texts: list[str] = []
                kind = "unfinished"
            else:
                kind = translation.get("type", "")
                if numerus:
                    texts = [f.text or "" for f in translation.iter("numerusform")]
                else:
                    texts = [translation.text or ""]
            yield Message(
                context=name,
                source=message.findtext("source") or "",
                comment=message.findtext("comment") or "",
                numerus=numerus,
                translations=texts,
                unfinished=kind in ("unfinished", "vanished", "obsolete")
                or not any(texts),
                element=message,
            )


def problems_in(ts: Path) -> list[str]:
    found: list[str] = []
    for m in messages(parse(ts)):
        where = f"{ts.name}: [{m.context}] {m.source!r}"
        if m.unfinished:
            found.append(f"{where}: not translated")
            continue
        wanted = set(FIELD.findall(m.source))
        for text in m.translations:
            got = set(FIELD.findall(text))
            if got != wanted:
                found.append(f"{where}: fields {sorted(got)} != {sorted(wanted)}")
            if m.numerus and "%n" in m.source and "%n" not in text:
                found.append(f"{where}: a plural form lost %n")
            if (
                text.strip() == m.source.strip()
                and not SAME_IN_EVERY_LANGUAGE.match(m.source)
                and "same" not in m.comment.lower()
            ):
                found.append(f"{where}: translation is the English text")
    return found


def cmd_update(args: argparse.Namespace) -> int:
    for ts in ts_files(args.ts):
        run_lupdate(ts)
        left = sum(1 for m in messages(parse(ts)) if m.unfinished)
        print(f"{ts}: {left} untranslated")
    return 0


def qm_path(ts: Path, qm_dir: str | None) -> Path:
    return (Path(qm_dir) if qm_dir else ts.parent) / f"{ts.stem}.qm"


def cmd_release(args: argparse.Namespace) -> int:
    for ts in ts_files(args.ts):
        qm = qm_path(ts, args.qm_dir)
        qm.parent.mkdir(parents=True, exist_ok=True)
        run_lrelease(ts, qm)
        print(qm)
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    found: list[str] = []
    for ts in ts_files(args.ts):
        found += problems_in(ts)
        committed = {m.key for m in messages(parse(ts))}
        with tempfile.TemporaryDirectory() as folder:
            fresh = Path(folder) / ts.name
            shutil.copy(ts, fresh)
            run_lupdate(fresh)
            for m in messages(parse(fresh)):
                if m.key not in committed:
                    found.append(
                        f"{ts.name}: [{m.context}] {m.source!r} is marked in the code "
                        "but not in the .ts (run: python scripts/i18n.py update)"
                    )
            qm = qm_path(ts, args.qm_dir)
            rebuilt = Path(folder) / qm.name
            run_lrelease(ts, rebuilt)
            if not qm.exists() or not filecmp.cmp(qm, rebuilt, shallow=False):
                found.append(f"{qm}: stale (run: python scripts/i18n.py release)")
    for line in found:
        print(line)
    print(f"{len(found)} problem(s)")
    return 1 if found else 0


def cmd_todo(args: argparse.Namespace) -> int:
    todo: dict[str, dict[str, object]] = {}
    for ts in ts_files(args.ts):
        for m in messages(parse(ts)):
            if m.unfinished:
                todo.setdefault(m.context, {})[m.source] = ["", ""] if m.numerus else ""
    json.dump(todo, sys.stdout, ensure_ascii=False, indent=2)
    print()
    return 0


def cmd_fill(args: argparse.Namespace) -> int:
    given: dict[str, dict[str, object]] = {}
    for name in args.json:
        for context, entries in json.loads(Path(name).read_text("utf-8")).items():
            given.setdefault(context, {}).update(entries)
    for ts in ts_files(args.ts):
        tree = parse(ts)
        filled = 0
        for m in messages(tree):
            value = given.get(m.context, {}).get(m.source)
            if not value:
                continue
            old = m.element.find("translation")
            if old is not None:
                m.element.remove(old)
            translation = ET.SubElement(m.element, "translation")
            if m.numerus:
                forms = value if isinstance(value, list) else [value]
                for form in forms:
                    ET.SubElement(translation, "numerusform").text = str(form)
            else:
                translation.text = str(value)
            filled += 1
        ET.indent(tree, space="    ")
        with open(ts, "wb") as out:
            out.write(b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
            tree.write(out, encoding="utf-8", xml_declaration=False)
            out.write(b"\n")
        run_lupdate(ts)  # back to lupdate's own layout
        print(f"{ts}: filled {filled}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    for name in ("update", "release", "check", "todo", "fill"):
        p = sub.add_parser(name)
        p.add_argument("--ts", help="one .ts file (default: resources/i18n/*.ts)")
        p.add_argument("--qm-dir", help="where the .qm files are (default: beside)")
        if name == "fill":
            p.add_argument("json", nargs="+")
    args = parser.parse_args(argv)
    command = {
        "update": cmd_update,
        "release": cmd_release,
        "check": cmd_check,
        "todo": cmd_todo,
        "fill": cmd_fill,
    }[args.command]
    return command(args)


if __name__ == "__main__":
    sys.exit(main())
