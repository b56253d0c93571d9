"""``python -m treatydiff``."""

from treatydiff.cli import run

run()
