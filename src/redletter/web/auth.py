"""Access to the review page: a token printed at start, kept in a cookie, and a CSRF token in
every form derived from it.

The first visit carries ``?token=...``; the page then sets an HttpOnly, SameSite=Strict cookie
and redirects to the same address without the token. A POST must carry the form field
``csrf``, an HMAC of the access token, which another site cannot read or guess.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

COOKIE = "redletter_token"


def csrf_token(token: str) -> str:
    """The CSRF value that goes into the forms."""
    return hmac.new(token.encode(), b"redletter-csrf", hashlib.sha256).hexdigest()


def same(given: str | None, expected: str) -> bool:
    """Compare secrets in constant time."""
    return given is not None and secrets.compare_digest(given.encode(), expected.encode())
