"""Security for the web layer: CSRF tokens, response headers, and upload limits."""

from __future__ import annotations

import hmac
import secrets

from fastapi import HTTPException, Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

CSRF_COOKIE = "railkit_csrf"
CSRF_FIELD = "csrf_token"
MAX_UPLOAD_BYTES = 2 * 1024 * 1024
"""Largest request body accepted (2 MiB)."""

SECURITY_HEADERS = {
    "content-security-policy": (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
    ),
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "no-referrer",
    "cross-origin-opener-policy": "same-origin",
    "permissions-policy": "camera=(), microphone=(), geolocation=()",
}
UNSAFE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})


def csrf_token(request: Request) -> str:
    """The CSRF token of this browser (set as a cookie by :class:`SecurityMiddleware`)."""
    token = request.cookies.get(CSRF_COOKIE) or request.scope.get("railkit.csrf")
    if not token:
        token = secrets.token_urlsafe(32)
        request.scope["railkit.csrf"] = token
    return str(token)


async def require_csrf(request: Request) -> None:
    """Dependency for every page router: unsafe methods need a matching form token."""
    if request.method not in UNSAFE_METHODS:
        return
    cookie = request.cookies.get(CSRF_COOKIE, "")
    form = await request.form()
    sent = form.get(CSRF_FIELD, "")
    if not cookie or not isinstance(sent, str) or not hmac.compare_digest(cookie, sent):
        raise HTTPException(
            status_code=403,
            detail="The form's security token is missing or expired. "
            "Reload the page and try again.",
        )


class SecurityMiddleware:
    """Adds security headers, sets the CSRF cookie, and rejects oversized bodies (413)."""

    def __init__(self, app: ASGIApp, max_body: int = MAX_UPLOAD_BYTES) -> None:
        self.app = app
        self.max_body = max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        length = headers.get(b"content-length")
        if length is not None and length.isdigit() and int(length) > self.max_body:
            await _too_large(send, self.max_body)
            return
        has_cookie = CSRF_COOKIE.encode() in headers.get(b"cookie", b"")
        received = 0

        async def limited_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_body:
                    raise HTTPException(413, "The upload is larger than the 2 MB limit.")
            return message

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                raw = list(message.get("headers", []))
                present = {k.lower() for k, _ in raw}
                for name, value in SECURITY_HEADERS.items():
                    if name.encode() not in present:
                        raw.append((name.encode(), value.encode()))
                token = scope.get("railkit.csrf")
                if token and not has_cookie:
                    cookie = f"{CSRF_COOKIE}={token}; Path=/; HttpOnly; SameSite=Strict"
                    raw.append((b"set-cookie", cookie.encode()))
                message["headers"] = raw
            await send(message)

        await self.app(scope, limited_receive, send_with_headers)


async def _too_large(send: Send, limit: int) -> None:
    body = f"Request too large: the limit is {limit // (1024 * 1024)} MB.".encode()
    await send(
        {
            "type": "http.response.start",
            "status": 413,
            "headers": [
                (b"content-type", b"text/plain; charset=utf-8"),
                *((k.encode(), v.encode()) for k, v in SECURITY_HEADERS.items()),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})
