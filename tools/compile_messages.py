"""Compile the messages catalogue: resources/translations/messages_<lang>.po -> .mo.

Run after changing a .po (``python tools/compile_messages.py``); the app reads the
.mo, and tests/unit/test_messages_translated.py fails while it is not the .po's.
"""

from __future__ import annotations

from evaluator_app.bundled import resources_dir
from evaluator_app.i18n import compile_catalogue, compiled_path


def main() -> None:
    for source in sorted((resources_dir() / "translations").glob("messages_*.po")):
        lang = source.stem.removeprefix("messages_")
        target = compiled_path(lang)
        target.write_bytes(compile_catalogue(source, lang))
        print(f"{source.name} -> {target.name}")


if __name__ == "__main__":
    main()
