"""The web view in-process (Starlette's TestClient) over a small hand-made store.

The events are written through the Store as Event records, not coded by a Coder, so the
module sets up in well under a second and every value on the pages is known.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from markupsafe import escape

pytest.importorskip("starlette")
from starlette.testclient import TestClient  # noqa: E402 - after the skip check

from dotterel.cli.main import build_parser, main  # noqa: E402
from dotterel.serve import QueryTimeout, create_app  # noqa: E402
from dotterel.serve.app import Reader  # noqa: E402
from dotterel.serve.chart import timeline_svg, weekly_bins  # noqa: E402
from dotterel.serve.highlight import highlight  # noqa: E402
from dotterel.store import Store  # noqa: E402
from dotterel.types import Actor, Article, Event, Evidence, Place, Quote, TimeRef  # noqa: E402

PROBE = '<script>window.pwned=1</script><img src=x onerror="window.pwned=2">'

MEX = Actor("MEXGOV", "MEX", "GOV", "Mexico", "Mexico")
ECU = Actor("ECUGOV", "ECU", "GOV", "Ecuador", "Ecuador")
USA = Actor("USAGOV", "USA", "GOV", "Joe Biden", "U.S. President Joe Biden", "president")
RUS = Actor("RUS", "RUS", "", "Russia", "Russia")


def _event(event_id: str, doc_id: str, sentence: str, trigger: str, cameo: str,
           source: Actor, target: Actor | None, date: TimeRef | None, quad: int,
           goldstein: float, **extra) -> Event:
    return Event(event_id=event_id, doc_id=doc_id, date=date, date_basis="text",
                 source=source, target=target, cameo=cameo, plover="", plover_mode=None,
                 goldstein=goldstein, quad_class=quad,
                 evidence=Evidence(sentence, 0, len(sentence), trigger), **extra)


def _day(value: str) -> TimeRef:
    return TimeRef(dt.date.fromisoformat(value), "day")


SEVER = "Mexico broke off diplomatic relations with Ecuador on Friday."
RAID = "Ecuador's police raided the Mexican embassy in Quito."
RESTORE = "Mexico restored diplomatic relations with Ecuador in June."
CONDEMN = 'U.S. President Joe Biden condemned Russia, calling it "an unprovoked attack".'
HOSTILE = f"Mexico accused Ecuador {PROBE} of lying."
UNDATED = "Russia threatened Ecuador at some point."
DENIED = "Mexico did not attack Ecuador."


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    """A store with seven events in five articles, one hostile (an XSS probe)."""
    path = tmp_path_factory.mktemp("serve") / "store.duckdb"
    items = [
        (Article("mx1", f"{SEVER} {RAID}", dt.date(2024, 4, 6), title="Mexico cuts ties",
                 url="https://example.org/mx1"),
         [_event("ev_sever", "mx1", SEVER, "broke off relations", "161", MEX, ECU,
                 _day("2024-04-05"), 3, -4.0,
                 location=Place("Mexico City", "MEX", 19.43, -99.13)),
          _event("ev_raid", "mx1", RAID, "raided", "171", ECU, MEX, _day("2024-04-05"), 4, -9.2)]),
        (Article("mx2", RESTORE, dt.date(2024, 6, 20), title="Ties restored"),
         [_event("ev_restore", "mx2", RESTORE, "restored", "064", MEX, ECU,
                 TimeRef(dt.date(2024, 6, 1), "month"), 2, 7.0)]),
        (Article("us1", CONDEMN, dt.date(2022, 2, 25), title="Biden condemns Russia"),
         [_event("ev_condemn", "us1", CONDEMN, "condemned", "111", USA, RUS, _day("2022-02-24"),
                 3, -2.0, quote=Quote("Joe Biden", "an unprovoked attack"))]),
        (Article("evil", HOSTILE, dt.date(2024, 5, 2), title=f"Hostile {PROBE}",
                 url="javascript:window.pwned=3"),
         [_event("ev_hostile", "evil", HOSTILE, "accused", "112", MEX, ECU, _day("2024-05-01"),
                 3, -2.0, quote=Quote(f"speaker {PROBE}", f"quoted {PROBE}"))]),
        (Article("misc", f"{UNDATED} {DENIED}", None, title="Misc"),
         [_event("ev_undated", "misc", UNDATED, "threatened", "130", RUS, ECU, None, 3, -4.4),
          _event("ev_negated", "misc", DENIED, "attack", "190", MEX, ECU, _day("2024-03-01"),
                 4, -10.0, negated=True)]),
    ]
    with Store(path) as store:
        store.add_many(items)
    return path


@pytest.fixture(scope="module")
def client(db) -> TestClient:
    with TestClient(create_app(db)) as c:
        yield c


def ids(response) -> list[str]:
    return [e["event_id"] for e in response.json()["events"]]


# -- pages and their JSON twins -----------------------------------------------------------

PAGES = ["/", "/events", "/events/ev_sever", "/actors/MEX", "/dyads/MEX/ECU", "/quotes"]


@pytest.mark.parametrize("path", PAGES)
def test_every_page_renders_html_with_a_json_twin(client, path):
    page = client.get(path)
    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    assert "<h1>" in page.text and "Dotterel" in page.text
    twin = client.get(("/events" if path == "/" else path) + ".json")
    assert twin.status_code == 200
    assert twin.headers["content-type"].startswith("application/json")
    assert client.get(path, params={"format": "json"}).json() == twin.json()


def test_front_page_json_twin_at_dot_json(client):
    assert client.get("/.json").json() == client.get("/events.json").json()


def test_event_list_newest_first_and_links_to_events(client):
    page = client.get("/events")
    for event_id in ("ev_sever", "ev_raid", "ev_restore", "ev_condemn", "ev_hostile",
                     "ev_undated"):
        assert f'href="/events/{event_id}"' in page.text
    order = ids(client.get("/events.json"))
    # the month-dated June event first; undated last; negated left out
    assert order[0] == "ev_restore" and order[-1] == "ev_undated"
    assert order.index("ev_hostile") < order.index("ev_sever") < order.index("ev_condemn")
    assert "ev_negated" not in order
    assert "ev_negated" in ids(client.get("/events.json?negated=1"))


@pytest.mark.parametrize("query, expected", [
    ("actor=USA", {"ev_condemn"}),
    ("actor=ecugov", {"ev_sever", "ev_raid", "ev_restore", "ev_hostile", "ev_undated"}),
    ("country=rus", {"ev_condemn", "ev_undated"}),
    ("code=17", {"ev_raid"}),
    ("code=11", {"ev_condemn", "ev_hostile"}),
    ("quad=2", {"ev_restore"}),
    ("since=2024-04&until=2024-05", {"ev_sever", "ev_raid", "ev_hostile"}),
    ("since=2024-06-01", {"ev_restore"}),
    ("until=2022", {"ev_condemn"}),
    ("text=QUITO", {"ev_raid"}),
    ("country=MEX&quad=4", {"ev_raid"}),
    ("actor=&country=&since=", {"ev_sever", "ev_raid", "ev_restore", "ev_condemn",
                                "ev_hostile", "ev_undated"}),  # an empty form filters nothing
])
def test_event_filters(client, query, expected):
    response = client.get(f"/events.json?{query}")
    assert response.status_code == 200
    assert set(ids(response)) == expected
    assert response.json()["total"] == len(expected)


def test_paging(client):
    first = client.get("/events.json?limit=2").json()
    assert first["total"] == 6 and len(first["events"]) == 2 and first["prev"] is None
    second = client.get(first["next"] + "&format=json").json()
    assert [e["event_id"] for e in second["events"]] == ids(client.get("/events.json"))[2:4]
    assert "older" in client.get("/events?limit=2").text


def test_event_page_highlights_and_links(client):
    page = client.get("/events/ev_sever").text
    assert '<mark class="hl hl-trigger" title="trigger">broke off</mark>' in page
    assert '<mark class="hl hl-source" title="source">Mexico</mark>' in page
    assert '<mark class="hl hl-target" title="target">Ecuador</mark>' in page
    assert 'href="/actors/MEXGOV"' in page and 'href="/actors/ECUGOV"' in page
    assert 'href="/dyads/MEX/ECU"' in page
    assert "2024-04-05" in page and "-4.0" in page and "Mexico City" in page
    assert 'href="https://example.org/mx1"' in page
    data = client.get("/events/ev_sever.json").json()
    assert data["event"]["cameo"] == "161"
    assert data["links"] == {"source": "/actors/MEXGOV", "target": "/actors/ECUGOV",
                             "dyad": "/dyads/MEX/ECU"}
    assert "".join(s["text"] for s in data["highlight"]) == SEVER
    assert data["document"]["title"] == "Mexico cuts ties"


def test_event_page_shows_quote(client):
    page = client.get("/events/ev_condemn").text
    assert "an unprovoked attack" in page and "Joe Biden" in page


def test_actor_page_matches_codes_as_prefixes(client):
    assert set(ids(client.get("/actors/MEX.json"))) == {"ev_sever", "ev_raid", "ev_restore",
                                                        "ev_hostile"}
    assert set(ids(client.get("/actors/usagov.json"))) == {"ev_condemn"}
    # "Joe Biden" is a name: the actor page goes by codes, not by names
    assert ids(client.get("/actors/JOE.json")) == []
    assert set(ids(client.get("/actors/MEX.json?quad=4"))) == {"ev_raid"}


def test_dyad_page_timeline_and_relations(client):
    page = client.get("/dyads/MEX/ECU")
    assert "<svg" in page.text and 'class="timeline"' in page.text
    assert 'class="q3"' in page.text and 'class="goldstein"' in page.text
    data = client.get("/dyads/ECU/MEX.json").json()
    assert set(ids(client.get("/dyads/ECU/MEX.json"))) == {"ev_sever", "ev_raid", "ev_restore",
                                                           "ev_hostile"}
    weeks = {b["start"]: b for b in data["bins"]}
    assert weeks["2024-04-01"]["events"] == 2
    assert weeks["2024-04-01"]["quad_class"] == {"1": 0, "2": 0, "3": 1, "4": 1}
    assert weeks["2024-04-01"]["mean_goldstein"] == -6.6
    assert weeks["2024-05-27"]["events"] == 1  # June (month precision) counts from June 1
    assert sum(b["events"] for b in data["bins"]) == 4
    assert data["relations"]["available"] in (True, False)
    if data["relations"]["available"]:
        assert "relations: not available" not in page.text
    else:
        assert "relations: not available" in page.text


def test_dyad_page_without_relations_module(client, monkeypatch):
    # None in sys.modules makes the import fail, as while the module was unwritten
    monkeypatch.setitem(sys.modules, "dotterel.merge.relations", None)
    page = client.get("/dyads/MEX/ECU")
    assert page.status_code == 200
    assert "relations: not available" in page.text
    assert client.get("/dyads/MEX/ECU.json").json()["relations"]["available"] is False


def test_quotes_page(client):
    page = client.get("/quotes").text
    assert "an unprovoked attack" in page and "Joe Biden" in page
    data = client.get("/quotes.json").json()
    assert {q["event_id"] for q in data["quotes"]} == {"ev_condemn", "ev_hostile"}
    assert data["quotes"][0]["event_id"] == "ev_hostile"  # newest first
    assert client.get("/quotes.json?actor=USA").json()["total"] == 1


def test_static_files(client):
    assert "textContent" in client.get("/static/chart.js").text
    assert client.get("/static/style.css").headers["content-type"].startswith("text/css")
    assert client.get("/static/nope.js").status_code == 404


# -- errors -------------------------------------------------------------------------------

@pytest.mark.parametrize("path", [
    "/events?since=2024-13-01", "/events?since=yesterday", "/events?until=2024-02-30",
    "/events?since=2024-05&until=2024-04", "/events?quad=0", "/events?quad=5",
    "/events?quad=x", "/events?country=MEXICO", "/events?code=abc", "/events?limit=0",
    "/events?limit=100000", "/events?offset=-1", "/events?format=xml",
    "/events?negated=maybe", "/events?text=" + "x" * 300, "/actors/US;DROP",
    "/dyads/MX/ECU", "/dyads/MEX/MEX", "/quotes?quad=9", "/events.json?since=bad",
    "/dyads/MEX/ECU?until=2024-99",
])
def test_bad_parameters_answer_400_json(client, path):
    response = client.get(path)
    assert response.status_code == 400
    assert response.headers["content-type"].startswith("application/json")
    assert response.json()["error"]


@pytest.mark.parametrize("path", ["/events/nope", "/events/nope.json", "/nowhere",
                                  "/events/" + "x" * 300])
def test_unknown_answers_404_json(client, path):
    response = client.get(path)
    assert response.status_code == 404
    assert response.json()["error"]


# -- safety -------------------------------------------------------------------------------

@pytest.mark.parametrize("path", ["/events", "/events/ev_hostile", "/actors/MEX", "/quotes",
                                  "/dyads/MEX/ECU", "/events?text=window"])
def test_hostile_article_text_is_escaped(client, path):
    page = client.get(path).text
    assert "<script>window" not in page
    assert "<img src=x" not in page
    assert "&lt;script&gt;window.pwned=1&lt;/script&gt;" in page or path == "/dyads/MEX/ECU"


def test_hostile_event_page_escapes_everything(client):
    page = client.get("/events/ev_hostile").text
    escaped = str(escape(PROBE))  # as Jinja2 writes it (&#34; for a double quote)
    assert escaped in page  # the sentence, shown as text
    assert f"Hostile {escaped}" in page  # the title
    assert f"quoted {escaped}" in page and f"speaker {escaped}" in page
    assert 'href="javascript:' not in page  # a javascript: URL is never a link
    # the JSON twin carries the text as it is, as JSON data
    assert PROBE in client.get("/events/ev_hostile.json").json()["event"]["evidence"]["sentence"]


def test_security_headers(client):
    headers = client.get("/events").headers
    assert "script-src 'self'" in headers["content-security-policy"]
    assert headers["x-content-type-options"] == "nosniff"


def test_store_is_not_held_open_between_requests(client, db):
    client.get("/events")
    # a writer in this process can open the file: the app closed its read-only connection
    with Store(db) as store:
        assert store.counts()["events"] == 7


def test_query_time_limit_interrupts_the_query(db):
    reader = Reader(db, timeout=0.2)

    def slow(store: Store) -> object:
        return store.conn.execute(
            "SELECT count(*) FROM range(100000000000) a WHERE a.range % 7 = 3").fetchall()

    async def go() -> float:
        start = time.perf_counter()
        with pytest.raises(QueryTimeout):
            await reader.run(slow)
        elapsed = time.perf_counter() - start
        await asyncio.sleep(0.5)  # the interrupted thread finishes and the store closes
        return elapsed

    # In a thread of its own: after the browser tests, Playwright's sync API leaves an
    # event loop running in the main thread, where asyncio.run() refuses to start.
    with ThreadPoolExecutor(1) as pool:
        assert pool.submit(asyncio.run, go()).result(timeout=30) < 2
    with Store(db) as store:  # nothing left open
        assert store.counts()["events"] == 7


def test_create_app_fails_on_a_missing_store(tmp_path):
    from dotterel.errors import StoreError

    with pytest.raises(StoreError):
        create_app(tmp_path / "missing.duckdb")


# -- command line -------------------------------------------------------------------------

def test_serve_command_defaults_to_loopback():
    args = build_parser().parse_args(["serve"])
    assert (args.host, args.port, args.db) == ("127.0.0.1", 8050, None)
    args = build_parser().parse_args(["serve", "--db", "x.duckdb", "--port", "9000"])
    assert (str(args.db), args.port) == ("x.duckdb", 9000)


def test_serve_command_reports_a_missing_store(tmp_path, capsys):
    assert main(["serve", "--db", str(tmp_path / "missing.duckdb")]) == 2
    assert "does not exist" in capsys.readouterr().err


# -- pieces -------------------------------------------------------------------------------

def test_highlight_splits_without_markup():
    sentence = "Ukraine's armed forces were fighting Russian units near <b>Kyiv</b>."
    segments = highlight(sentence, "fight", "Ukraine 's armed forces", "Russian units")
    assert "".join(text for text, _ in segments) == sentence
    marked = {kind: text for text, kind in segments if kind}
    assert marked == {"trigger": "fighting", "source": "Ukraine's armed forces",
                      "target": "Russian units"}
    assert highlight("no match here", "zzz", "yyy") == [("no match here", None)]
    assert highlight("", "x") == []


def test_chart_bins_and_svg():
    records = [{"date": "2024-04-01", "quad_class": 1, "goldstein": 3.0},
               {"date": "2024-04-07", "quad_class": 4, "goldstein": -9.0},
               {"date": "2024-04-22", "quad_class": 4, "goldstein": -10.0},
               {"date": None, "quad_class": 4, "goldstein": -10.0}]
    bins, weeks = weekly_bins(records)
    assert weeks == 1 and [b.total for b in bins] == [2, 0, 0, 1]
    assert bins[0].goldstein == -3.0 and bins[1].goldstein is None
    svg = timeline_svg(bins, weeks, ["normal", "severed", "severed", "severed"])
    assert svg.startswith("<svg") and svg.count('class="bin"') == 4
    assert "status-severed" in svg
    long = [{"date": f"{y}-01-01", "quad_class": 1, "goldstein": 1.0} for y in range(2000, 2020)]
    bins, weeks = weekly_bins(long)
    assert weeks > 1 and len(bins) <= 156 and sum(b.total for b in bins) == 20
