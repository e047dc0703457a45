"""``eventwire serve``: the REST API and the web page over a store, under uvicorn.

``register(app)`` adds the command to the main app.
"""

from __future__ import annotations

import ipaddress
import os
from typing import Annotated as Arg

import typer

from ..errors import UsageError
from ..settings import Settings
from .common import err, friendly
from .store import parse_every


def is_loopback(host: str) -> bool:
    """True for addresses only this machine can reach (127.0.0.0/8, ::1, localhost)."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def allowed_hosts(host: str, extra: list[str]) -> list[str] | None:
    """The Host header names a server bound to ``host`` answers to: that address, the
    loopback names and ``extra``. Bound to every interface (0.0.0.0, ::) with no ``extra``,
    the public name is unknown: any host is let in (None), and ``serve`` says so."""
    if host in ("0.0.0.0", "::") and not extra:
        return None
    names = {"localhost", "127.0.0.1", "::1", *extra}
    if host not in ("0.0.0.0", "::"):
        names.add(host)
    return sorted(names)


@friendly
def serve(
    host: Arg[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Arg[int, typer.Option(help="Port to listen on.")] = 8000,
    store: Arg[str | None, typer.Option("--store", help="The store file (default: the store setting, eventwire.duckdb).")] = None,
    token_required_for_reads: Arg[bool, typer.Option(
        "--token-required-for-reads", help="Reads need the token too (Authorization: Bearer TOKEN).")] = False,
    open_analyze: Arg[bool, typer.Option(
        "--open-analyze", help="Let anyone who may read use POST /analyze (a parse per request); "
        "by default it needs the token.")] = False,
    feed: Arg[list[str] | None, typer.Option(
        "--feed", help="An RSS/Atom feed to poll in the server process and store (repeatable); "
        "readers keep reading while it is stored.")] = None,
    every: Arg[str, typer.Option("--every", help="With --feed: how often to poll (90s, 15m, 1h).")] = "15m",
    allow_host: Arg[list[str] | None, typer.Option(
        "--allow-host", help="Another host name the server answers to (its public name behind a "
        "proxy); repeatable. Default: the --host address and localhost.")] = None,
) -> None:
    """Serve the store: the REST API (docs at /docs) and the web page (at /).

    Writes (POST /articles) need the token in EVENTWIRE_TOKEN; without it the store is
    served read-only."""
    from ..api import create_app
    from ..api.server import make_server

    if not 0 < port < 65536:
        raise UsageError(f"--port {port} is not a port number", hint="give a number from 1 to 65535")
    token = os.environ.get("EVENTWIRE_TOKEN") or None
    if token_required_for_reads and not token:
        raise UsageError("--token-required-for-reads needs a token", hint="set EVENTWIRE_TOKEN")
    interval = parse_every(every) if feed else None
    settings = Settings.load()
    app = create_app(store, settings, token, reads_need_token=token_required_for_reads,
                     open_analyze=open_analyze, allowed_hosts=allowed_hosts(host, allow_host or []),
                     feeds=feed or [], every=interval or 0.0)
    if allowed_hosts(host, allow_host or []) is None:
        err.print(f"[yellow]warning:[/] bound to {host}, the server answers to any Host header; "
                  "add --allow-host NAME (its public name) to refuse others")
    if not is_loopback(host) and not token_required_for_reads:
        err.print(f"[yellow]warning:[/] reads are open to anyone who can reach {host}; "
                  "add --token-required-for-reads to require the token")
    writes = "writes need the token" if token else "read-only (set EVENTWIRE_TOKEN to allow writes)"
    err.print(f"serving {app.state.backend.path} at http://{host}:{port}/ ({writes}); API docs at /docs")
    if feed:
        err.print(f"polling {len(feed)} feed(s) every {every} into the store")
    make_server(app, host, port).run()


def register(app: typer.Typer) -> None:
    """Add ``serve`` to the main app."""
    app.command()(serve)
