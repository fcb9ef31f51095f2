"""``create_app``: the FastAPI application serving the REST API (``/api``), its OpenAPI
docs (``/docs``, assets bundled, no CDN) and the web UI (everything else).

The app owns one store and one ``Writer``, behind the guards of ``api.security`` (a token
for writes, body size limits, no CORS unless configured, browser security headers).
"""
from __future__ import annotations

import contextlib
import importlib.resources
from typing import AsyncIterator, Optional, Union

from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi_offline import FastAPIOffline
from starlette.exceptions import HTTPException as StarletteHTTPException

from newsgraph.api import rest, web
from newsgraph.api.security import Security, secure
from newsgraph.api.writer import Writer
from newsgraph.store import Store, open_store
from newsgraph.store.base import Busy

STATIC = importlib.resources.files("newsgraph.api") / "static"


def create_app(db: Union[str, Store], refresh_search: bool = True, security: Optional[Security] = None) -> FastAPI:
    """The app over the store at ``db`` (a path or URL, opened on startup and closed on
    shutdown) or over an open ``Store`` (left open).  ``refresh_search`` brings the
    search index up to date before the first request.  ``security`` defaults to the
    environment's (``Security.from_env``)."""

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        store = open_store(db) if isinstance(db, str) else db
        app.state.store = store
        app.state.writer = Writer(store)
        if refresh_search:
            app.state.writer.refresh_now()
        try:
            yield
        finally:
            app.state.writer.close()
            if isinstance(db, str):
                store.close()

    app = FastAPIOffline(
        title="newsgraph",
        summary="News articles as a knowledge graph: quotes with speakers, entities, amounts, events, tone.",
        version="0.1.0",
        lifespan=lifespan,
    )
    app.include_router(rest.router)
    app.include_router(web.router)
    app.mount("/static", StaticFiles(directory=str(STATIC)), name="static")
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _invalid_request)
    app.add_exception_handler(Busy, _busy)
    return secure(app, security)


def _is_api(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path == "/api"


async def _http_error(request: Request, exc: StarletteHTTPException) -> Response:
    if _is_api(request):
        return JSONResponse({"detail": exc.detail}, status_code=exc.status_code, headers=exc.headers)
    return web.error_page(request, exc.status_code, str(exc.detail))


async def _busy(request: Request, exc: Busy) -> Response:
    detail = f"the store is out of memory for now, try again: {exc}"
    if _is_api(request):
        return JSONResponse({"detail": detail}, status_code=503, headers={"Retry-After": "1"})
    return web.error_page(request, 503, detail)


async def _invalid_request(request: Request, exc: RequestValidationError) -> Response:
    if _is_api(request):
        return JSONResponse({"detail": jsonable_encoder(exc.errors())}, status_code=422)
    problems = "; ".join(f"{'.'.join(str(p) for p in e['loc'][1:])}: {e['msg']}" for e in exc.errors())
    return web.error_page(request, 400, problems)
