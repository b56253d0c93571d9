"""``python -m treatydiff``."""

from treatydiff.launch import run

run()
