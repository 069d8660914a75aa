"""Add or change texts in the five Babel catalogues: the web client's (``client.*``) by default.

Run from the repository root with the project's Python:

    .venv/bin/python web-client/scripts/add_messages.py texts.json [--remove client.old.id ...]

``texts.json`` maps each message id to its text per language, all five required::

    {"client.nav.home": {"de": "Start", "en": "Home", "fr": "Accueil",
                         "ar": "الرئيسية", "fa": "خانه"}}

With ``--server`` it takes the server's own ids (errors, mails, labels) instead.
Each catalogue is re-read right before it is written, under a lock on ``locales/.lock`` (others
edit these files too), written sorted by id, and read back to check that every text arrived.
"""

from __future__ import annotations

import argparse
import fcntl
import json
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

LOCALES = Path(__file__).resolve().parents[2] / "locales"
LANGUAGES = ("de", "en", "fr", "ar", "fa")
PREFIX = "client."


def _path(language: str) -> Path:
    return LOCALES / language / "LC_MESSAGES" / "mobio.po"


def _merge(language: str, texts: dict[str, str], remove: set[str]) -> None:
    path = _path(language)
    with path.open("rb") as po_file:
        old = read_po(po_file, locale=language, domain="mobio")
    new = Catalog(
        locale=language,
        domain="mobio",
        project="MoBio",
        version="0.1",
        fuzzy=False,
        creation_date=old.creation_date,
        revision_date=old.revision_date,
    )
    for message in old:
        if not message.id or message.id in remove or message.id in texts:
            continue
        new.add(
            message.id,
            message.string,
            locations=message.locations,
            flags=message.flags,
            auto_comments=message.auto_comments,
            user_comments=message.user_comments,
            context=message.context,
        )
    for message_id, text in texts.items():
        new.add(message_id, text)
    with path.open("wb") as po_file:
        write_po(po_file, new, width=100, sort_output=True)


def _verify(language: str, texts: dict[str, str], remove: set[str]) -> list[str]:
    with _path(language).open("rb") as po_file:
        catalogue = {str(m.id): str(m.string) for m in read_po(po_file) if m.id}
    problems = [
        f"{language}: {i} missing or changed" for i, t in texts.items() if catalogue.get(i) != t
    ]
    problems += [f"{language}: {i} still present" for i in remove if i in catalogue]
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("texts", nargs="?", type=Path, help="JSON: id -> {language: text}")
    parser.add_argument("--remove", nargs="*", default=[], help="ids to delete")
    parser.add_argument("--server", action="store_true", help="server ids, not client.*")
    args = parser.parse_args(argv)
    given: dict[str, dict[str, str]] = json.loads(args.texts.read_text()) if args.texts else {}
    remove = set(args.remove)
    errors = [i for i in [*given, *remove] if i.startswith(PREFIX) is args.server]
    errors += [
        f"{i}: needs {set(LANGUAGES) - set(t)}" for i, t in given.items() if set(t) < set(LANGUAGES)
    ]
    errors += [
        f"{i}: empty text" for i, t in given.items() if any(not t.get(lang) for lang in LANGUAGES)
    ]
    if errors:
        print(
            "refused (client.* ids only, or others only with --server; all languages needed):",
            *errors,
            sep="\n  ",
        )
        return 2
    problems: list[str] = []
    with (LOCALES / ".lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # several writers at once must not lose each other's texts
        for language in LANGUAGES:
            texts = {message_id: by_lang[language] for message_id, by_lang in given.items()}
            _merge(language, texts, remove)
            problems += _verify(language, texts, remove)
    if problems:
        print(*problems, sep="\n")
        return 1
    print(f"{len(given)} texts written, {len(remove)} removed, in {', '.join(LANGUAGES)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
