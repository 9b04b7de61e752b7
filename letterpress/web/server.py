"""Run the page: bound to the loopback address (another address only when the user says they
know it is exposed), on a free port unless one is asked for; the browser opened where there is
one; Ctrl-C stops it and deletes what the merges left."""

from __future__ import annotations

import ipaddress
import os
import sys
import threading
import webbrowser
from collections.abc import Callable

from ..errors import UserError, Where

LOOPBACK = "127.0.0.1"
THREADS = 4  # requests served at once: a preview, a merge's progress, a download


def is_loopback(host: str) -> bool:
    """Whether ``host`` (an address or ``localhost``) stays on this machine."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def check_host(host: str, exposed: bool) -> None:
    """A host other than loopback only with ``--i-know-this-is-exposed``."""
    if not is_loopback(host) and not exposed:
        raise UserError(
            f"{host!r} is not a loopback address: anyone on the network could use "
            "the page and read what you type",
            where=Where(option="--host"),
            hint="leave out --host, or add --i-know-this-is-exposed if you mean it",
        )


def has_browser() -> bool:
    """A graphical browser can open: always on Windows and macOS, on Linux with a display
    (a console browser would take over the terminal)."""
    if sys.platform in ("win32", "darwin"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def serve(
    host: str = LOOPBACK,
    port: int = 0,
    *,
    open_browser: bool = True,
    exposed: bool = False,
    say: Callable[[str], None] = print,
) -> int:
    """Serve until Ctrl-C; returns the exit code (0)."""
    from waitress import create_server

    from .app import create_app

    check_host(host, exposed)
    app = create_app(exposed=exposed)
    try:
        server = create_server(
            app, host=host, port=port, threads=THREADS, clear_untrusted_proxy_headers=True
        )
    except OSError as exc:
        raise UserError(
            f"cannot listen on {host} port {port} ({exc.strerror})",
            where=Where(option="--port"),
            hint="choose another port, or leave out --port for a free one",
        ) from None
    shown = f"[{host}]" if ":" in host else host
    address = f"http://{shown}:{server.effective_port}/"
    say(f"letterpress serve: open {address} in your browser; Ctrl-C stops it.")
    if exposed and not is_loopback(host):
        say(
            "letterpress: warning: --host: the page is reachable from the network; stop it "
            "when you are done"
        )
    sys.stdout.flush()
    if open_browser and has_browser():
        threading.Thread(target=webbrowser.open, args=(address,), daemon=True).start()
    try:
        server.run()  # returns on Ctrl-C: waitress closes its sockets itself
    except KeyboardInterrupt:
        pass
    finally:
        server.close()
        app.extensions["letterpress.jobs"].close()
    say("letterpress serve: stopped.")
    return 0
