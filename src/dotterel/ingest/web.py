"""Inputs given as web addresses: what counts as one, and opening it with the standard library.

Only ``http://`` and ``https://`` are fetched; every request has a timeout, and a failure
becomes a reason to report (with the address), never an exception.
"""

from __future__ import annotations

import urllib.error
import urllib.request
from http.client import HTTPResponse
from pathlib import Path

URL_SCHEMES = ("http://", "https://")
FETCH_TIMEOUT_S = 30.0  # seconds without an answer (per connect or read) before giving up
_USER_AGENT = "dotterel (news event coder)"


def is_url(value: str | Path) -> bool:
    """Whether an INPUT is a web address (``http://`` or ``https://``) rather than a path."""
    return isinstance(value, str) and value.lower().startswith(URL_SCHEMES)


def open_url(url: str, timeout: float = FETCH_TIMEOUT_S,
             accept: str = "*/*") -> HTTPResponse | str:
    """GET ``url``: the open response (the caller closes it), or why it could not be had."""
    request = urllib.request.Request(url, headers={"User-Agent": _USER_AGENT, "Accept": accept})
    try:
        return urllib.request.urlopen(request, timeout=timeout)  # noqa: S310 (http(s) only)
    except urllib.error.HTTPError as err:
        err.close()
        return f"the server answered HTTP {err.code} ({err.reason})"
    except urllib.error.URLError as err:
        if isinstance(err.reason, TimeoutError):
            return f"no answer within {timeout:g} s"
        return f"cannot reach it ({err.reason})"
    except TimeoutError:
        return f"no answer within {timeout:g} s"
    except (OSError, ValueError) as err:  # a reset connection, a malformed address
        return f"cannot fetch it ({type(err).__name__}: {err})"
