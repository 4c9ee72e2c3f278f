"""Persistence: the schema (``tables``), the ORM classes (``models``), engine,
migrations, evidence files.

``models`` is loaded on first use: importing SQLAlchemy's ORM and mapping the
classes is some 0.15 s that the meeting window does not need before it shows
(it reads through Core, ``tables``).  Services say ``from evaluator_app.store
import models`` and ``models.Assessment``; the module runs when a service first
touches one of its names (issue 9).
"""

import importlib.util
import sys
from typing import TYPE_CHECKING


def _load_on_first_use(name: str) -> None:
    if name in sys.modules:
        return
    spec = importlib.util.find_spec(name)
    if spec is None or spec.loader is None or not hasattr(spec.loader, "exec_module"):
        return  # an unusual loader: imported at once, as before
    spec.loader = importlib.util.LazyLoader(spec.loader)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    setattr(sys.modules[__name__], name.rpartition(".")[2], module)


if not TYPE_CHECKING:
    _load_on_first_use(f"{__name__}.models")
