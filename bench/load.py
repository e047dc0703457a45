"""Load test of ``eventwire serve``: concurrent clients reading events and stories.

    .venv/bin/python bench/load.py                    # 300 BBC articles, 50 clients
    .venv/bin/python bench/load.py --limit 100 --clients 20 --per-client 20 --no-write
    .venv/bin/python bench/load.py --no-cache --ingest --no-write   # reads during a continuous ingest
    .venv/bin/python bench/load.py --no-cache --flood 80            # reads during an /analyze flood

Builds a store from the first ``--limit`` articles of the BBC corpus (or reuses
``--store``), starts the server in a subprocess on 127.0.0.1 and a free port, runs
``--clients`` concurrent clients (asyncio, plain HTTP/1.1 keep-alive) each sending ``--per-client`` requests (events pages and filters,
stories list, one story, an actor) for at most ``--max-seconds``, then stops the server.
Prints latency percentiles and errors, writes them to the ``## Load`` section of
docs/benchmarks.md, and ends with one line:

    load clients=50 requests=N errors=N p50_ms=N p99_ms=N

With ``--ingest`` the load runs twice in one server: first reads alone (the baseline), then
the same reads while a writer posts the next BBC articles to ``POST /articles`` one after
another (the server analyses and stores each: one writer, many readers); the last line adds
``ingest_p50_ms``, ``ingest_p99_ms``, the p99 ratio and how many articles were stored meanwhile.

With ``--flood N``, N hostile clients post 40 KB articles to ``POST /analyze`` over and over
(a new connection each, Retry-After ignored) while the readers are timed; then, the flood still
on, the server is sent SIGTERM. The last line gives the reads' p50/p99 alone first (the
baseline, same server) and the p99 ratio, the posts answered 200 and 503, the reads' p50/p99/max
during the flood and how many took over a second, and the seconds the server took to stop.

Traffic goes to 127.0.0.1 only.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import os
import platform
import random
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parents[1]
BBC = ROOT.parent / "shared" / "data" / "bbc" / "articles.jsonl"
DOC = ROOT / "docs" / "benchmarks.md"
HOST = "127.0.0.1"
ORDER = ("times", "actors", "places", "quotes", "events", "claims")


def build_store(path: Path, limit: int) -> float:
    """Ingest the first ``limit`` BBC articles; returns the seconds it took."""
    import importlib

    from eventwire.ingest.readers import iter_inputs
    from eventwire.pipeline import DEFAULT_COMPONENTS, Pipeline
    from eventwire.settings import Settings
    from eventwire.store import Store

    for name in ORDER:  # register the built-in components even before extract/ lists them
        importlib.import_module(f"eventwire.extract.{name}")
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        sample = Path(tmp) / "bbc.jsonl"
        with BBC.open(encoding="utf-8") as src, sample.open("w", encoding="utf-8") as out:
            for i, line in enumerate(src):
                if i >= limit:
                    break
                out.write(line)
        pipeline = Pipeline(default_names(DEFAULT_COMPONENTS))
        with Store(path) as store:
            for _ in store.ingest(pipeline.pipe(iter_inputs([str(sample)], Settings()))):
                pass
    return time.perf_counter() - started


def default_names(default: tuple[str, ...]) -> tuple[str, ...]:
    """The default pipeline once it lists every built-in component, else the built-ins in
    their documented order (while ``extract.BUILTIN`` is still being filled in)."""
    return default if set(ORDER) <= set(default) else ORDER


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


TOKEN = "bench-token"


def serve(store: str, port: int, cache: bool, token: str | None = None) -> None:
    """Run the server (the subprocess's job)."""
    from eventwire.api import create_app
    from eventwire.api.server import make_server

    app = create_app(store, token=token, cache_size=512 if cache else 0)
    make_server(app, HOST, port).run()


def start_server(store: Path, port: int, cache: bool, writable: bool = False) -> subprocess.Popen:
    command = [sys.executable, __file__, "--serve-only", "--store", str(store), "--port", str(port)]
    proc = subprocess.Popen(command + ([] if cache else ["--no-cache"]) + (["--writable"] if writable else []))
    import httpx

    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://{HOST}:{port}/health", timeout=1).status_code == 200:
                return proc
        except httpx.HTTPError:
            time.sleep(0.2)
    proc.kill()
    raise SystemExit("the server did not start within 60 s")


def targets(base: str) -> list[str]:
    """The read requests the clients choose from, built from what the store holds."""
    import httpx

    stories = httpx.get(f"{base}/stories", params={"limit": 20}).json()["items"]
    actors = httpx.get(f"{base}/actors", params={"limit": 30}).json()["items"]
    total = httpx.get(f"{base}/events", params={"limit": 1}).json()["total"]
    paths = [f"/events?limit={n}&offset={o}" for n in (20, 50) for o in range(0, max(total, 1), 10)]
    paths += [f"/events?quad={q}" for q in "1234"] + [f"/events?status={s}" for s in ("negated", "planned")]
    paths += [f"/events?event={e}" for e in ("CONSULT", "AGREE", "ACCUSE", "REQUEST", "ASSAULT")]
    paths += [f"/stories?limit={n}&offset={o}" for n in (20, 50) for o in (0, 20, 40)]
    paths += [f"/stories/{s['id']}" for s in stories] + [f"/events?story={s['id']}" for s in stories]
    paths += [f"/events?actor={a['name']}" for a in actors]
    return paths


async def _get(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, host: str, path: str) -> int:
    """One GET on a kept-alive connection; returns the status. A plain HTTP/1.1 exchange
    rather than an HTTP library, so the clients' own CPU cost (on the same 2 cores as the
    server) stays small next to the server's."""
    path = quote(path, safe="/?=&:,%+")
    writer.write(f"GET {path} HTTP/1.1\r\nHost: {host}\r\nAccept: application/json\r\n\r\n".encode())
    await writer.drain()
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    length = next((int(line.split(":", 1)[1]) for line in lines[1:] if line.lower().startswith("content-length:")), None)
    if length is None:
        raise ConnectionError(f"no Content-Length for {path}")
    await reader.readexactly(length)
    return status


async def client(base: str, paths: list[str], n: int, seconds: float, seed: int, out: list, errors: list,
                 ready: asyncio.Barrier) -> None:
    """One client: its own connection (opened before the clock starts), ``n`` requests one
    after another."""
    rng = random.Random(seed)
    host_port = base.split("://", 1)[1]
    host, port = host_port.rsplit(":", 1)
    reader, writer = await asyncio.open_connection(host, int(port))
    try:
        await _get(reader, writer, host_port, "/health")
        await ready.wait()
        stop = time.monotonic() + seconds
        for _ in range(n):
            if time.monotonic() > stop:
                return
            path = rng.choice(paths)
            started = time.perf_counter()
            try:
                ok = await asyncio.wait_for(_get(reader, writer, host_port, path), 10) == 200
            except (TimeoutError, OSError, ValueError, asyncio.IncompleteReadError):
                ok = False
                writer.close()
                reader, writer = await asyncio.open_connection(host, int(port))
            out.append((time.perf_counter() - started) * 1000)
            if not ok:
                errors.append(path)
    finally:
        writer.close()


async def clients_together(base, paths, clients, per_client, max_seconds, latencies, errors) -> float:
    """Run the clients together, all connected before any is timed; returns the seconds."""
    ready = asyncio.Barrier(clients + 1)
    tasks = [asyncio.create_task(client(base, paths, per_client, max_seconds, i, latencies, errors, ready))
             for i in range(clients)]
    await ready.wait()
    started = time.perf_counter()
    await asyncio.gather(*tasks)
    return time.perf_counter() - started


def cpu_seconds(pid: int) -> float | None:
    """User + system CPU seconds of a process (Linux /proc), None elsewhere."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return None


def warm_up(base: str, paths: list[str]) -> float:
    """One request per path, not measured, as a running server would have seen them."""
    import httpx

    started = time.perf_counter()
    with httpx.Client(base_url=base, timeout=30) as http:
        for path in paths:
            http.get(path)
    return time.perf_counter() - started


def run_load(base: str, clients: int, per_client: int, max_seconds: float, warm: bool,
             server_pid: int | None = None) -> dict:
    paths = targets(base)
    warm_s = warm_up(base, paths) if warm else 0.0
    cpu_before = cpu_seconds(server_pid) if server_pid else None
    latencies: list[float] = []
    errors: list[str] = []
    gc.collect()
    gc.disable()  # the load generator's own pauses are not the server's latency
    try:
        elapsed = asyncio.run(clients_together(base, paths, clients, per_client, max_seconds, latencies, errors))
    finally:
        gc.enable()
    cpu_after = cpu_seconds(server_pid) if server_pid else None
    server_ms = (1000 * (cpu_after - cpu_before) / max(len(latencies), 1)
                 if cpu_before is not None and cpu_after is not None else None)
    cuts = statistics.quantiles(latencies, n=100) if len(latencies) > 1 else [0.0] * 99
    return {"clients": clients, "requests": len(latencies), "errors": len(errors), "seconds": elapsed,
            "p50_ms": round(cuts[49]), "p90_ms": round(cuts[89]), "p99_ms": round(cuts[98]),
            "max_ms": round(max(latencies, default=0)), "rps": len(latencies) / elapsed, "paths": len(paths),
            "warm_up_s": round(warm_s, 1),
            "server_cpu_ms_per_request": round(server_ms, 2) if server_ms is not None else None,
            "load_average": os.getloadavg()[0]}


def flood_text(size: int = 40_000) -> str:
    """About ``size`` characters of English news: BBC articles from the end of the corpus,
    joined (a hostile client's long posts)."""
    rows = BBC.read_text(encoding="utf-8").splitlines()[::-1]
    parts, total = [], 0
    for line in rows:
        text = json.loads(line)["text"]
        parts.append(text)
        total += len(text) + 2
        if total >= size:
            break
    return "\n\n".join(parts)[:size]


async def flooder(host: str, port: int, request: bytes, until: float, statuses: list, codes: Counter) -> None:
    """Post ``request`` again and again, on a new connection each time and without waiting for
    Retry-After, as a hostile client would; each answer's status (0: no answer in 60 s) and
    each error's code."""
    while time.monotonic() < until:
        writer = None
        try:
            reader, writer = await asyncio.open_connection(host, port)
            writer.write(request)
            await writer.drain()
            head = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), 60)
            status = int(head.split()[1])
            if status != 200:
                body = await asyncio.wait_for(reader.read(), 10)
                codes[json.loads(body)["error"]["code"]] += 1
            statuses.append(status)
        except (TimeoutError, OSError, ValueError, asyncio.IncompleteReadError):
            statuses.append(0)
        finally:
            if writer is not None:
                writer.close()


async def flood_then_stop(base, paths, flood, clients, per_client, max_seconds, latencies, errors,
                          proc: subprocess.Popen) -> dict:
    """``flood`` clients posting 40 KB articles to /analyze while ``clients`` readers are
    timed; then, flood still on, SIGTERM to the server and the seconds until it has exited."""
    host, port = base.split("://", 1)[1].rsplit(":", 1)
    body = json.dumps({"text": flood_text()}).encode()
    request = (f"POST /analyze HTTP/1.1\r\nHost: {host}:{port}\r\nContent-Type: application/json\r\n"
               f"Authorization: Bearer {TOKEN}\r\nContent-Length: {len(body)}\r\nConnection: close\r\n\r\n"
               ).encode() + body
    statuses: list[int] = []
    codes: Counter = Counter()
    until = time.monotonic() + max_seconds + 120
    flooders = [asyncio.create_task(flooder(host, int(port), request, until, statuses, codes))
                for _ in range(flood)]
    await asyncio.sleep(2)  # the queue is full before the readers start
    elapsed = await clients_together(base, paths, clients, per_client, max_seconds, latencies, errors)
    during = len(statuses)
    proc.send_signal(signal.SIGTERM)
    signalled = time.perf_counter()
    while proc.poll() is None and time.perf_counter() - signalled < 120:
        await asyncio.sleep(0.05)
    stop_s = time.perf_counter() - signalled
    for task in flooders:
        task.cancel()
    await asyncio.gather(*flooders, return_exceptions=True)
    answered = statuses[:during]
    return {"seconds": elapsed, "flood_clients": flood, "posts": len(answered),
            "posts_200": answered.count(200), "posts_503": answered.count(503),
            "posts_other": sum(s not in (200, 503) for s in answered), "error_codes": dict(codes),
            "shutdown_s": round(stop_s, 1), "exit_code": proc.poll()}


def run_flood(base: str, flood: int, clients: int, per_client: int, max_seconds: float, warm: bool,
              proc: subprocess.Popen) -> dict:
    """Reads timed during an /analyze flood, then the server stopped under it."""
    paths = targets(base)
    if warm:
        warm_up(base, paths)
    latencies: list[float] = []
    errors: list[str] = []
    result = asyncio.run(flood_then_stop(base, paths, flood, clients, per_client, max_seconds, latencies,
                                         errors, proc))
    cuts = statistics.quantiles(latencies, n=100) if len(latencies) > 1 else [0.0] * 99
    result.update({"clients": clients, "requests": len(latencies), "errors": len(errors),
                   "p50_ms": round(cuts[49]), "p99_ms": round(cuts[98]),
                   "max_ms": round(max(latencies, default=0)),
                   "over_1s": sum(ms > 1000 for ms in latencies)})
    return result


class Writer:
    """Posts BBC articles from line ``first`` on to ``POST /articles``, one after another,
    until stopped: the continuous ingest the readers are measured against."""

    def __init__(self, base: str, first: int):
        import threading

        self.base, self.first = base, first
        self.statuses: list[int] = []
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        import httpx

        with BBC.open(encoding="utf-8") as src, httpx.Client(base_url=self.base, timeout=300) as http:
            for i, line in enumerate(src):
                if self.stop.is_set():
                    return
                if i < self.first:
                    continue
                row = json.loads(line)
                answer = http.post("/articles", json={"text": row["text"], "title": row.get("title"),
                                                      "id": f"bench-{row['id']}"},
                                   headers={"Authorization": f"Bearer {TOKEN}"})
                self.statuses.append(answer.status_code)

    def warm(self) -> None:
        """One article first, so the server has built its pipeline before anything is timed."""
        import httpx

        http = httpx.post(f"{self.base}/analyze", json={"text": "Officials in Rome said on Monday that "
                          "the talks would resume next week after a long pause."},
                          headers={"Authorization": f"Bearer {TOKEN}"}, timeout=300)
        http.raise_for_status()


def section(r: dict, limit: int, n_articles: int, n_events: int, build_s: float | None, cache: bool) -> str:
    when = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    built = f", built in {build_s:.0f} s" if build_s else ""
    mode = ("answers served from the server's read cache after one warm-up pass over every request "
            "(the cache is dropped on every write; `--no-cache` measures the queries themselves)"
            if cache else "without the read cache (`--no-cache`): every request runs its queries")
    return f"""## Load

`eventwire serve` (one uvicorn worker) on 127.0.0.1, store of the first {limit} BBC articles
({n_articles} stored, {n_events} events{built}); {r['clients']} concurrent clients (asyncio tasks,
plain HTTP/1.1 keep-alive, {r['requests'] // max(r['clients'], 1)} requests each) reading events pages and
filters, the stories list, single stories and actor filters ({r['paths']} distinct requests);
{mode}. Measured {when} on {platform.machine()}, {os.cpu_count()} cores shared with other work
(load average {r['load_average']:.1f}); reproduce with `.venv/bin/python bench/load.py`.

| clients | requests | errors | requests/s | p50 ms | p90 ms | p99 ms | max ms | server CPU ms/request |
|---:|---:|---:|---:|---:|---:|---:|---:|---:|
| {r['clients']} | {r['requests']} | {r['errors']} | {r['rps']:.0f} | {r['p50_ms']} | {r['p90_ms']} | {r['p99_ms']} | {r['max_ms']} | {r['server_cpu_ms_per_request']} |

Target: p99 under 200 ms with no errors. With 50 clients each waiting for its answer before
asking again, latency is 50 / (requests per second); the clients speak plain HTTP/1.1 so their own
CPU cost (on the same cores as the server) stays small; the last column is the server's CPU per request.
"""


def write_section(text: str) -> None:
    """Replace the ``## Load`` section of docs/benchmarks.md (or add it), keeping the rest."""
    old = DOC.read_text(encoding="utf-8") if DOC.exists() else "# Benchmarks\n"
    start = old.find("\n## Load\n")
    if start == -1:
        new = old.rstrip("\n") + "\n\n" + text
    else:
        end = old.find("\n## ", start + 1)
        new = old[: start + 1] + text + (old[end:] if end != -1 else "")
    DOC.parent.mkdir(parents=True, exist_ok=True)
    DOC.write_text(new, encoding="utf-8")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--limit", type=int, default=300, help="BBC articles to ingest (default 300)")
    ap.add_argument("--store", help="use (or build once) this store instead of a temporary one")
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--per-client", type=int, default=40, help="requests per client (default 40)")
    ap.add_argument("--max-seconds", type=float, default=60.0, help="stop sending after this long")
    ap.add_argument("--no-write", action="store_true", help="do not update docs/benchmarks.md")
    ap.add_argument("--no-cache", action="store_true", help="serve without the answer cache")
    ap.add_argument("--cold", action="store_true", help="skip the warm-up pass over every request")
    ap.add_argument("--ingest", action="store_true",
                    help="measure reads alone, then during a continuous ingest through the server")
    ap.add_argument("--flood", type=int, default=0, metavar="N",
                    help="reads during N clients posting 40 KB articles to /analyze, then SIGTERM "
                    "under the flood (the issue's figure: --flood 80)")
    ap.add_argument("--serve-only", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--writable", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--port", type=int, default=0, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.serve_only:
        return serve(args.store, args.port, not args.no_cache, TOKEN if args.writable else None)
    with tempfile.TemporaryDirectory() as tmp:
        store = Path(args.store or Path(tmp) / "load.duckdb")
        build_s = None if store.exists() else build_store(store, args.limit)
        port = free_port()
        proc = start_server(store, port, not args.no_cache, writable=args.ingest or bool(args.flood))
        during = None
        if args.flood:
            try:
                base = f"http://{HOST}:{port}"
                Writer(base, first=0).warm()
                alone = run_load(base, args.clients, args.per_client, args.max_seconds, not args.cold)
                flood = run_flood(base, args.flood, args.clients, args.per_client, args.max_seconds,
                                  not args.cold, proc)
            finally:
                if proc.poll() is None:
                    proc.kill()
            print(json.dumps(flood, indent=1))
            print(f"flood alone_p50_ms={alone['p50_ms']} alone_p99_ms={alone['p99_ms']} "
                  f"p99_ratio={flood['p99_ms'] / max(alone['p99_ms'], 1):.2f} "
                  f"flood_clients={flood['flood_clients']} posts={flood['posts']} "
                  f"posts_503={flood['posts_503']} posts_200={flood['posts_200']} "
                  f"posts_other={flood['posts_other']} reads={flood['requests']} "
                  f"read_errors={flood['errors']} read_p50_ms={flood['p50_ms']} read_p99_ms={flood['p99_ms']} "
                  f"read_max_ms={flood['max_ms']} reads_over_1s={flood['over_1s']} "
                  f"shutdown_s={flood['shutdown_s']} exit_code={flood['exit_code']}")
            return
        try:
            base = f"http://{HOST}:{port}"
            import httpx

            health = httpx.get(f"{base}/health").json()
            writer = Writer(base, first=args.limit) if args.ingest else None
            if writer is not None:
                writer.warm()
            result = run_load(base, args.clients, args.per_client, args.max_seconds, not args.cold,
                              server_pid=proc.pid)
            if writer is not None:
                writer.thread.start()
                time.sleep(2)  # the first article is being analysed
                during = run_load(base, args.clients, args.per_client, args.max_seconds, not args.cold,
                                  server_pid=proc.pid)
                writer.stop.set()
                writer.thread.join(timeout=300)
                during["stored_meanwhile"] = writer.statuses.count(201)
                during["write_errors"] = sum(s >= 500 for s in writer.statuses)
        finally:
            proc.terminate()
            proc.wait(timeout=20)
    print(json.dumps(result, indent=1))
    if not args.no_write:
        write_section(section(result, args.limit, health["articles"], health["events"], build_s,
                              not args.no_cache))
    extra = ""
    if during is not None:
        print(json.dumps(during, indent=1))
        extra = (f" ingest_requests={during['requests']} ingest_errors={during['errors']} "
                 f"ingest_p50_ms={during['p50_ms']} ingest_p99_ms={during['p99_ms']} "
                 f"p99_ratio={during['p99_ms'] / max(result['p99_ms'], 1):.2f} "
                 f"stored_meanwhile={during['stored_meanwhile']} write_errors={during['write_errors']}")
    print(f"load clients={result['clients']} requests={result['requests']} errors={result['errors']} "
          f"p50_ms={result['p50_ms']} p99_ms={result['p99_ms']}{extra}")


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT / "src"))
    main()
