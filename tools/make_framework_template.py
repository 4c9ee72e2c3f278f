"""Regenerate resources/templates/framework-template.xlsx from its example.

    python tools/make_framework_template.py [OUT.xlsx]

The template is the exporter's output for the example framework in
resources/templates/framework-template-example.yaml, with criteria columns for
levels 1 to 5 (a five-level scale then needs no new columns), so that the
template, an exported framework and what the importer reads never drift apart.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from evaluator_app.domain.framework import load_framework
from evaluator_app.domain.framework_xlsx.reader import read_framework_xlsx
from evaluator_app.domain.framework_xlsx.writer import framework_xlsx_bytes

TEMPLATES = Path(__file__).resolve().parent.parent / "resources" / "templates"
EXAMPLE = TEMPLATES / "framework-template-example.yaml"
TEMPLATE = TEMPLATES / "framework-template.xlsx"
LEVEL_COLUMNS = (1, 2, 3, 4, 5)
CREATED = dt.datetime(2025, 1, 1)  # fixed, so regenerating changes only what changed


def main(argv: list[str]) -> int:
    out = Path(argv[0]) if argv else TEMPLATE
    example = load_framework(EXAMPLE)
    out.write_bytes(framework_xlsx_bytes(example, level_values=LEVEL_COLUMNS, created=CREATED))
    if read_framework_xlsx(out).content_hash != example.content_hash:
        print(f"{out}: does not read back as the example", file=sys.stderr)
        return 1
    print(f"{out}: written ({example.id} {example.version}, reads back unchanged)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
