"""``python -m evaluator_app``: the same as the ``evaluator-app`` command."""

import sys

from evaluator_app.cli import main

sys.exit(main())
