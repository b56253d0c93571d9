"""Download ToTA agreements on demand and cache them in the local store.

Only used when no local ToTA folder is configured. The base URL points at the
ToTA repository at the commit the shared corpus was taken from, so a download
yields the same bytes as the corpus; ``$TREATYDIFF_TOTA_URL`` overrides it (tests
serve the corpus from 127.0.0.1).
"""

from __future__ import annotations

import os
import urllib.error
import urllib.request
from pathlib import Path

from treatydiff.errors import FetchError, UnknownTreaty
from treatydiff.store import write_atomic

__all__ = ["TOTA_URL", "fetch_tota"]

TOTA_URL = "https://raw.githubusercontent.com/mappingtreaties/tota/2558ee5e9aafb1fe02d586768def7feb8906123d"
TOTA_URL_ENV = "TREATYDIFF_TOTA_URL"
TIMEOUT_SECONDS = 20
MAX_BYTES = 20_000_000  # the largest ToTA file is ~2 MB; refuse anything absurd


def tota_base_url() -> str:
    """The ToTA download base URL (``$TREATYDIFF_TOTA_URL`` or the pinned commit)."""
    return os.environ.get(TOTA_URL_ENV, TOTA_URL).rstrip("/")


def fetch_tota(number: int, destination: Path, *, base_url: str | None = None) -> Path:
    """Download ``xml/pta_<number>.xml`` to ``destination`` (atomically) and return it.

    Raises:
        UnknownTreaty: when the server has no such agreement (HTTP 404).
        FetchError: when the network is unreachable or the server fails.
    """
    url = f"{base_url or tota_base_url()}/xml/pta_{number}.xml"
    hint = "set --tota-dir or TREATYDIFF_TOTA_DIR to a local copy of the ToTA repository"
    try:
        with urllib.request.urlopen(url, timeout=TIMEOUT_SECONDS) as response:  # noqa: S310 (fixed scheme)
            data = response.read(MAX_BYTES + 1)
    except urllib.error.HTTPError as error:
        if error.code == 404:
            raise UnknownTreaty(f"ToTA has no agreement number {number}", ref=f"tota:{number}") from None
        raise FetchError(f"cannot download tota:{number} from {url}: HTTP {error.code}", hint=hint) from None
    except (urllib.error.URLError, TimeoutError, OSError) as error:
        reason = getattr(error, "reason", error)
        raise FetchError(
            f"cannot download tota:{number} from {url}: no network ({reason})", hint=hint
        ) from None
    if len(data) > MAX_BYTES:
        raise FetchError(
            f"download of tota:{number} is larger than {MAX_BYTES} bytes; refusing it", hint=hint
        )
    if not data.lstrip().startswith(b"<"):
        raise FetchError(f"download of tota:{number} from {url} is not XML", hint=hint)
    write_atomic(destination, data)
    return destination
