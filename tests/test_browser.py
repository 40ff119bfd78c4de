"""The web view in a real headless Chromium (Debian's /usr/bin/chromium, driven by
pytest-playwright), against a live uvicorn server over the bundled sample articles.

Screenshots go to test-output/screenshots/. The tests skip when /usr/bin/chromium is
missing; ``make test`` installs it. Never run ``playwright install`` here: it downloads
a browser of its own.
"""

from __future__ import annotations

import datetime as dt
import json
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples" / "articles.jsonl"
SHOTS = ROOT / "test-output" / "screenshots"
PROBE = '<script>window.pwned=1</script><img src=x onerror="window.pwned=2">'
HOSTILE_ID = "zz_hostile_probe"

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(),
    reason="/usr/bin/chromium is missing: install Debian's chromium (make test does: "
           "apt-get install -y chromium); never `playwright install`")

playwright_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
uvicorn = pytest.importorskip("uvicorn", reason="uvicorn is not installed")
expect = playwright_api.expect
Page = playwright_api.Page


@pytest.fixture(scope="session")
def browser_type_launch_args() -> dict:
    """Launch Debian's Chromium headless with the flags measured to work here (RECIPES.md)."""
    return {"executable_path": str(CHROMIUM), "headless": True,
            "args": ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--disable-background-networking", "--disable-component-update",
                     "--no-first-run", "--disable-sync", "--disable-quic"]}


@pytest.fixture(scope="session")
def sample_store(coder, tmp_path_factory) -> Path:
    """The bundled samples plus one hostile article, coded with the real Coder.

    Session-scoped (and built on conftest's session Coder) because the live server and
    ``base_url`` that depend on it are session fixtures of pytest-playwright.
    """
    from dotterel import Article
    from dotterel.store import Store

    articles = []
    for line in SAMPLES.read_text(encoding="utf-8").splitlines():
        if line.strip():
            raw = json.loads(line)
            articles.append(Article(
                id=raw["id"], text=raw["text"], title=raw.get("title", ""),
                outlet=raw.get("outlet", ""),
                published=dt.date.fromisoformat(raw["published"]) if raw.get("published")
                else None))
    articles.append(Article(
        id=HOSTILE_ID, title=f"Hostile {PROBE}", published=dt.date(2024, 4, 6),
        url="javascript:window.pwned=3",
        text=f"Mexico broke off diplomatic relations with Ecuador {PROBE} on Friday."))
    # the two seed articles (read where they are, beside the project) for the MEX-ECU dyad
    seeds = Path(__file__).resolve().parents[2] / "shared" / "seeds" / "seeds.jsonl"
    if seeds.is_file():
        for line in seeds.read_text(encoding="utf-8").splitlines():
            if line.strip():
                raw = json.loads(line)
                articles.append(Article(id=raw["id"], text=raw["text"],
                                        published=dt.date.fromisoformat(raw["published"])))
    path = tmp_path_factory.mktemp("browser") / "samples.duckdb"
    with Store(path) as store:
        store.add_many((c.article, c.events, c.quotes) for c in coder.code_documents(articles))
    return path


@pytest.fixture(scope="session")
def hostile_event_id(sample_store) -> str:
    from dotterel.store import Store

    with Store(sample_store, read_only=True) as store:
        events = store.events(doc_id=HOSTILE_ID)
    assert events, "the hostile article was coded into no event; change its text"
    return events[0]["event_id"]


@pytest.fixture(scope="session")
def live_server(sample_store) -> Iterator[str]:
    """uvicorn serving the app on a free 127.0.0.1 port, in a thread."""
    from dotterel.serve import create_app

    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    config = uvicorn.Config(create_app(sample_store), log_level="warning", lifespan="off")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the test server did not start")
        time.sleep(0.02)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)
    sock.close()


@pytest.fixture(scope="session")
def base_url(live_server) -> str:
    """pytest-playwright's base URL: relative page.goto() paths go to the live server."""
    return live_server


@pytest.fixture
def errors(page: Page) -> list[str]:
    """Console errors and uncaught exceptions on the page (a CSP violation shows here)."""
    seen: list[str] = []
    page.on("console", lambda msg: seen.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: seen.append(str(exc)))
    return seen


def shot(page: Page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def test_event_list(page: Page, errors):
    page.goto("/")
    expect(page.locator("h1")).to_have_text("Events")
    rows = page.locator("table.events tbody tr")
    assert rows.count() > 50
    expect(page.locator("p.pager")).to_contain_text("events")
    shot(page, "events")
    assert errors == []


def test_filter_form(page: Page):
    page.goto("/events")
    page.fill("input[name=country]", "MEX")
    page.select_option("select[name=quad]", "4")
    page.click("form.filters button[type=submit]")
    page.wait_for_url(lambda url: "country=MEX" in url and "quad=4" in url)
    rows = page.locator("table.events tbody tr")
    assert rows.count() >= 1
    for text in rows.all_inner_texts():
        assert "MEX" in text
    shot(page, "events-filtered")


def test_click_event_then_dyad(page: Page, errors):
    page.goto("/events?country=ECU&code=16")
    link = page.locator("a.event-link").first
    link.click()
    page.wait_for_url(lambda url: "/events/" in url)
    expect(page.locator("#evidence mark.hl-trigger")).to_be_visible()
    expect(page.locator("#evidence mark.hl-source")).to_be_visible()
    expect(page.locator("#evidence")).to_contain_text("diplomatic relations")
    expect(page.locator("dl.facts")).to_contain_text("Goldstein")
    shot(page, "event")
    page.locator("#dyad-link").click()
    page.wait_for_url(lambda url: "/dyads/" in url)
    expect(page.locator("h1")).to_contain_text("ECU")
    bins = page.locator("svg.timeline g.bin")
    assert bins.count() >= 1
    expect(page.locator("svg.timeline g.bin rect[class^=q]").first).to_be_visible()
    expect(page.locator("section.relations")).to_contain_text(
        "sever" if "not available" not in page.locator("section.relations").inner_text()
        else "relations: not available")
    # the chart script shows the pointed-at week in the caption
    page.locator("svg.timeline g.bin rect[class^=q]").first.hover()
    expect(page.locator("#chart-detail")).to_contain_text("event")
    shot(page, "dyad")
    assert errors == []


def test_actor_page(page: Page, errors):
    page.goto("/actors/RUS")
    expect(page.locator("h1")).to_have_text("Actor RUS")
    rows = page.locator("table.events tbody tr")
    assert rows.count() >= 5
    for text in rows.all_inner_texts():
        assert "RUS" in text
    shot(page, "actor")
    assert errors == []


def test_quotes_page(page: Page, errors):
    page.goto("/quotes")
    expect(page.locator("h1")).to_have_text("Quotes")
    expect(page.locator("p.pager")).to_contain_text("quotes")
    shot(page, "quotes")
    assert errors == []


def test_json_twin_in_the_browser(page: Page):
    response = page.goto("/events.json?quad=4")
    assert response is not None and response.ok
    data = json.loads(page.locator("body").inner_text())
    assert data["total"] == len(data["events"]) > 0
    assert {e["quad_class"] for e in data["events"]} == {4}


def test_hostile_article_does_not_run(page: Page, hostile_event_id):
    page.goto(f"/events/{hostile_event_id}")
    expect(page.locator("#evidence")).to_contain_text(PROBE)  # shown as text
    expect(page.locator("dl.facts")).to_contain_text(f"Hostile {PROBE}")
    assert page.evaluate("typeof window.pwned") == "undefined"
    assert page.locator("#evidence script, #evidence img, a[href^=javascript]").count() == 0
    shot(page, "hostile-event")
    page.goto("/events?text=pwned")
    expect(page.locator("table.events")).to_contain_text(PROBE)
    assert page.evaluate("typeof window.pwned") == "undefined"


def test_seed_dyad_shows_timeline_and_relations(page: Page, errors):
    seeds = Path(__file__).resolve().parents[2] / "shared" / "seeds" / "seeds.jsonl"
    if not seeds.is_file():
        pytest.skip("the seed articles (../shared/seeds) are not beside the project")
    page.goto("/dyads/MEX/ECU")
    expect(page.locator("h1")).to_contain_text("MEX")
    assert page.locator("svg.timeline g.bin").count() >= 2
    relations = page.locator("section.relations")
    expect(relations).to_contain_text("downgraded")
    expect(relations).to_contain_text("severed")
    expect(relations).to_contain_text("2025-04-16")
    shot(page, "dyad-mex-ecu")
