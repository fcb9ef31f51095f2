"""What stands between the network and the store.

- Every request that could change something (any method but GET, HEAD and OPTIONS)
  needs ``Authorization: Bearer <token>`` with the server's ``NEWSGRAPH_TOKEN``; a
  server started without a token refuses all writes, so it is read-only by default.
  A header, not a cookie, carries the token, so another site's page cannot forge it.
- A request body larger than ``max_body`` bytes is refused with a JSON 413, like every
  other error of the API: at once when its Content-Length says so, else while it
  streams in, before it is held in memory.
- No CORS headers unless origins are configured: other sites' pages cannot read answers.
- Browsers are told not to sniff types, frame the UI or leak URLs, and pages may load
  nothing but this server's own assets (the docs pages excepted: Swagger starts inline).

Article text is escaped where it is rendered (Jinja autoescape, ``api.highlight``);
users' SQL is confined by the store (``Store.query``).
"""
from __future__ import annotations

import hmac
import os
from dataclasses import dataclass
from typing import Optional

from fastapi import FastAPI
from starlette.datastructures import Headers, MutableHeaders
from starlette.middleware.body_limit import RequestBodyLimitMiddleware
from starlette.middleware.cors import CORSMiddleware
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

TOKEN_ENV = "NEWSGRAPH_TOKEN"
MAX_BODY_ENV = "NEWSGRAPH_MAX_BODY"
CORS_ENV = "NEWSGRAPH_CORS_ORIGINS"

#: 100 articles (the most one POST takes) of 100 KB each, with room for JSON escapes.
MAX_BODY = 16 * 1024 * 1024
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
HEADERS = {
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "no-referrer",
}
#: Pages exempt from the CSP: the docs that FastAPIOffline serves (Swagger starts inline).
DOCS_PATHS = ("/docs", "/redoc")
CSP = ("default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
       "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")


@dataclass(frozen=True)
class Security:
    token: Optional[str] = None
    max_body: int = MAX_BODY
    cors_origins: tuple[str, ...] = ()

    @classmethod
    def from_env(cls) -> "Security":
        origins = os.environ.get(CORS_ENV, "")
        return cls(token=os.environ.get(TOKEN_ENV) or None,
                   max_body=int(os.environ.get(MAX_BODY_ENV) or MAX_BODY),
                   cors_origins=tuple(o.strip() for o in origins.split(",") if o.strip()))


def secure(app: FastAPI, settings: Optional[Security] = None) -> FastAPI:
    """Wrap ``app`` in the guards above (outermost last)."""
    settings = settings or Security.from_env()
    app.add_middleware(RequestBodyLimitMiddleware, max_body_size=settings.max_body)
    app.add_middleware(DeclaredSizeLimit, max_body=settings.max_body)
    app.add_middleware(WriteGuard, token=settings.token)
    if settings.cors_origins:
        app.add_middleware(CORSMiddleware, allow_origins=list(settings.cors_origins), allow_methods=["GET", "POST"],
                           allow_headers=["Authorization", "Content-Type"])
    app.add_middleware(SecurityHeaders, exempt=DOCS_PATHS)
    return app


class DeclaredSizeLimit:
    """Answer a body declared too large before reading it (starlette's own limit would
    answer in plain text)."""

    def __init__(self, app: ASGIApp, max_body: int) -> None:
        self.app = app
        self.max_body = max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        declared = Headers(scope=scope).get("content-length", "") if scope["type"] == "http" else ""
        if declared.isdigit() and int(declared) > self.max_body:
            response = JSONResponse({"detail": f"the request body is over {self.max_body} bytes"}, 413)
            await response(scope, receive, send)
            return
        await self.app(scope, receive, send)


class WriteGuard:
    """Refuse every non-read request without the right bearer token."""

    def __init__(self, app: ASGIApp, token: Optional[str]) -> None:
        self.app = app
        self.token = token

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in SAFE_METHODS:
            await self.app(scope, receive, send)
            return
        if self.token is None:
            response = JSONResponse({"detail": f"writes are disabled: the server has no {TOKEN_ENV}"}, 403)
        elif not _authorised(Headers(scope=scope).get("authorization", ""), self.token):
            response = JSONResponse({"detail": "a valid bearer token is required"}, 401,
                                    headers={"WWW-Authenticate": "Bearer"})
        else:
            await self.app(scope, receive, send)
            return
        await response(scope, receive, send)


def _authorised(header: str, token: str) -> bool:
    scheme, _, given = header.partition(" ")
    return scheme.lower() == "bearer" and hmac.compare_digest(given.strip().encode(), token.encode())


class SecurityHeaders:
    """Headers that keep browsers from misusing what the server sends."""

    def __init__(self, app: ASGIApp, exempt: tuple[str, ...] = ()) -> None:
        self.app = app
        self.exempt = exempt

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        strict = not (self.exempt and scope["path"].startswith(self.exempt))

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in HEADERS.items():
                    headers.setdefault(name, value)
                if strict:
                    headers.setdefault("content-security-policy", CSP)
            await send(message)

        await self.app(scope, receive, send_with_headers)
