"""The Flask app: pages registered from ``PAGES``, CSRF on every form post, size limits, the
page language from the browser, loopback Host names only, and never a stack trace shown."""

from __future__ import annotations

import secrets
import sys
import traceback
from typing import Any

from flask import Flask, g, redirect, render_template, request
from flask_wtf.csrf import CSRFError, CSRFProtect
from werkzeug.exceptions import (
    HTTPException,
    MethodNotAllowed,
    NotFound,
    RequestEntityTooLarge,
)

from . import callpage, deliverypage, followup, labelspage, letterpage, mergepage
from .jobs import Jobs
from .uploads import MB, UPLOAD_LIMIT
from .words import page_language, page_wording

# The pages, in the order the menu shows them: name -> module with a Blueprint ``bp``.
PAGES: dict[str, Any] = {
    "letter": letterpage,
    "followup": followup,
    "call": callpage,
    "delivery": deliverypage,
    "merge": mergepage,
    "labels": labelspage,
}
LOOPBACK = ("127.0.0.1", "localhost", "[::1]", "::1")
# The browser may fetch from this page only: no script, style or image from anywhere else.
POLICY = (
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
    "form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
)


def create_app(*, exposed: bool = False) -> Flask:
    """The app; ``exposed`` lets other Host names in (for ``--i-know-this-is-exposed``)."""
    app = Flask(__name__)
    app.config.update(
        SECRET_KEY=secrets.token_bytes(32),  # new for every start: nothing to steal or keep
        MAX_CONTENT_LENGTH=2 * UPLOAD_LIMIT + MB,  # two files and the form
        WTF_CSRF_TIME_LIMIT=None,  # a token lives as long as the page's session
        SESSION_COOKIE_SAMESITE="Strict",
        SESSION_COOKIE_HTTPONLY=True,
    )
    app.before_request(_language)  # first: every answer, a refusal too, is in the language
    CSRFProtect(app)
    app.extensions["letterpress.jobs"] = Jobs()
    for page in PAGES.values():
        app.register_blueprint(page.bp)
    if not exposed:
        app.before_request(_loopback_only)
    app.after_request(_headers)
    app.register_error_handler(CSRFError, _csrf_refused)
    app.register_error_handler(RequestEntityTooLarge, _too_large)
    app.register_error_handler(HTTPException, _http_error)
    app.register_error_handler(Exception, _unexpected)
    return app


def _language() -> None:
    """The page's language and wording, from the browser's Accept-Language."""
    g.lang = page_language(request.accept_languages)
    g.t = page_wording(g.lang)
    g.pages = PAGES


def _loopback_only() -> Any:
    """A request for another host name (DNS rebinding) is refused."""
    host = (
        request.host.rsplit(":", 1)[0]
        if not request.host.startswith("[")
        else request.host.split("]")[0] + "]"
    )
    if host not in LOOPBACK:
        return _problem(
            400,
            f"host {host!r} is not this machine's loopback address",
            "open the address letterpress serve printed",
        )
    return None


def _headers(response: Any) -> Any:
    """Fetch nothing from elsewhere, no framing, no referrer, no sniffing."""
    response.headers["Content-Security-Policy"] = POLICY
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Referrer-Policy"] = "no-referrer"
    return response


def _problem(status: int, what: str, hint: str) -> Any:
    """One line in the page (or in the part of it a form updates), with the status."""
    line = f"{what}; {hint}"
    if "t" not in g:
        _language()
    if request.headers.get("HX-Request"):
        return render_template("problem.html", line=line), status
    return render_template("problem_page.html", line=line), status


def _csrf_refused(exc: CSRFError) -> Any:
    return _problem(
        400,
        f"the form was refused: {exc.description.rstrip('.').lower()}",
        "reload the page and send the form again",
    )


def _too_large(exc: RequestEntityTooLarge) -> Any:
    return _problem(
        413,
        f"the upload is larger than {UPLOAD_LIMIT // MB} MB a file",
        f"choose files under {UPLOAD_LIMIT // MB} MB, or split the data into smaller files",
    )


def _http_error(exc: HTTPException) -> Any:
    if isinstance(exc, MethodNotAllowed) and request.method == "GET":
        return redirect(_page_of(request.path))  # a form's address opened again: its page
    if isinstance(exc, NotFound) and exc.description == NotFound.description:
        # an address mistyped or out of date (werkzeug's words are two sentences for a shell)
        return _problem(404, f"there is no page {request.path}", "choose one in the menu above")
    return _problem(
        exc.code or 500, (exc.description or exc.name).rstrip("."), "go back to the page"
    )


def _page_of(path: str) -> str:
    """The page whose form posts to ``path`` (``/merge/check``: ``/merge``), else the
    Letter page (its forms post to ``/letter/...``)."""
    from flask import current_app

    top = "/" + path.strip("/").partition("/")[0]
    try:
        current_app.url_map.bind("localhost").match(top, method="GET")
    except (NotFound, MethodNotAllowed):
        return "/"
    return top


def _unexpected(exc: Exception) -> Any:
    """A bug: one line in the page, the traceback on the server's terminal only."""
    traceback.print_exception(exc, file=sys.stderr)
    return _problem(
        500,
        f"letterpress failed unexpectedly ({type(exc).__name__})",
        "please report it with what you did; the terminal shows the details",
    )
