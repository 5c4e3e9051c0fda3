"""Run TwinPlanner with ``python -m twinplanner``."""

from twinplanner.cli import main

raise SystemExit(main())
