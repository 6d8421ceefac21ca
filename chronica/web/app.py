"""The web app: the library as pages (timeline, cast, places, quotations, sources, search) and a JSON API.

Every page is a Jinja2 template with autoescape and a strict Content-Security-Policy (scripts only
from /static, which holds our scripts and the vendored libraries): a string from a book can neither
break out of its element nor run. Nothing is fetched from the network.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from chronica import __version__
from chronica.web import api, pages
from chronica.web.common import Settings, page
from chronica.web.templating import STATIC

MAX_UPLOAD = 20 * 1024 * 1024  # a long book as text is a few MB; anything larger is not a text
CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
       "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'")


def create_app(db: Path, max_upload: int = MAX_UPLOAD, model: str | None = None) -> FastAPI:
    """The app serving the library at ``db`` (which must open: see ``open_library``)."""
    app = FastAPI(title="chronica", version=__version__, docs_url=None, redoc_url=None,
                  description="The chronology inside a library of history books: events, people, places, quotations.")
    app.state.chronica = Settings(db=db, max_upload=max_upload, model=model)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.include_router(pages.router)
    app.include_router(api.router)

    @app.middleware("http")
    async def security_headers(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        response = await call_next(request)
        response.headers["Content-Security-Policy"] = CSP
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        return response

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        if request.url.path.startswith("/api/"):
            return JSONResponse({"detail": exc.detail}, status_code=exc.status_code)
        return page("error.html", exc.status_code, status=exc.status_code, message=str(exc.detail))

    return app
