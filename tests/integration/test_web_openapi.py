"""Schemathesis against the OpenAPI spec, in-process on the ASGI app: no request it can
generate from the spec makes the server fail (no 500), and every error keeps the one shape.

The store holds a few articles analysed by the real pipeline, which also serves
``POST /analyze`` and ``POST /articles`` (sent with the token, so writes are exercised).
"""

from __future__ import annotations

from collections import Counter

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error

pytestmark = pytest.mark.slow

TOKEN = "fuzz-token"
COMPONENTS = ("times", "actors", "places", "quotes", "events", "claims")
TEXTS = [
    (("MOSCOW, Dec 2 (Wire) - Vladimir Putin met U.S. envoy Steve Witkoff on Tuesday, the Kremlin "
      'said. "We have not found a compromise," aide Yuri Ushakov told reporters.'), "2025-12-03"),
    (("KYIV - Ukraine will not withdraw from the Donetsk region, President Volodymyr Zelenskiy said "
      "on Wednesday. Officials said Ukraine holds about 5,000 square km there."), "2025-12-04"),
]


def _pipeline():
    import eventwire.extract.actors
    import eventwire.extract.claims
    import eventwire.extract.events
    import eventwire.extract.places
    import eventwire.extract.quotes
    import eventwire.extract.times  # noqa: F401
    from eventwire.pipeline import DEFAULT_COMPONENTS, Pipeline

    # the default pipeline once it lists every built-in, else the built-ins in their order
    return Pipeline(DEFAULT_COMPONENTS if set(COMPONENTS) <= set(DEFAULT_COMPONENTS) else COMPONENTS)


@pytest.fixture(scope="module")
def app(tmp_path_factory, nlp):
    from eventwire.api import create_app
    from eventwire.ingest.raw import RawArticle
    from eventwire.settings import Settings
    from eventwire.store import Store

    pipeline = _pipeline()
    path = tmp_path_factory.mktemp("fuzz") / "store.duckdb"
    with Store(path) as store:
        raws = [RawArticle(text=t, published=p, title=t[:30], input_id=f"f{i}") for i, (t, p) in enumerate(TEXTS)]
        list(store.ingest(pipeline.pipe(raws)))
    return create_app(str(path), Settings(max_bytes=20_000), TOKEN, pipeline=pipeline)


SEEN: Counter = Counter()


def _check(case) -> None:
    response = case.call(headers={"Authorization": f"Bearer {TOKEN}"})
    SEEN[response.status_code // 100] += 1
    case.validate_response(response, checks=[not_a_server_error])
    if response.status_code >= 400:
        error = response.json()["error"]
        assert error["status"] == response.status_code and error["code"] and error["message"]


def test_no_server_errors(app):
    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 12
    for operation in operations:
        run = settings(max_examples=20, deadline=None, database=None,
                       suppress_health_check=list(HealthCheck))(given(case=operation.as_strategy())(_check))
        run()
    assert SEEN[2] >= 50 and SEEN[4] >= 10, SEEN  # it really called the app, both ways
