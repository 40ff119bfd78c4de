"""RSS and Atom feeds as input: feed files in tests/data/feeds, and the same feeds over real HTTP."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dotterel.ingest import iter_files, read_inputs
from dotterel.ingest.feed import read_feed_url
from dotterel.types import Article, Rejected

FEEDS = Path(__file__).resolve().parent / "data" / "feeds"
RSS, ATOM, BROKEN = FEEDS / "world.rss", FEEDS / "world.atom", FEEDS / "broken.rss"


def articles(items: list[Article | Rejected]) -> list[Article]:
    return [x for x in items if isinstance(x, Article)]


def rejects(items: list[Article | Rejected]) -> list[Rejected]:
    return [x for x in items if isinstance(x, Rejected)]


def test_rss_entries_become_articles() -> None:
    out = list(read_inputs([RSS]))
    mexico, markets = articles(out)
    assert mexico == Article(
        id="example-world-0001",
        text=("Mexico broke off diplomatic relations with Ecuador on Friday after Ecuadorian "
              "police raided the Mexican Embassy in Quito.\n\nThe foreign ministry said its "
              "diplomats would leave at once."),
        # "Fri, 05 Apr 2024 23:30:00 -0500": the publisher's day, not the UTC one (April 6)
        published=dt.date(2024, 4, 5),
        title="Mexico breaks off relations with Ecuador",
        url="https://news.example.org/world/mexico-ecuador",
        outlet="Example World News",
        published_basis="metadata",
        origin=f"{RSS}#entry=1",
    )
    # no guid: the link is the id; no content: the summary, its markup stripped
    assert markets.id == markets.url == "https://news.example.org/world/markets"
    assert markets.text == "Shares rose in Tokyo & Seoul."
    # an entry with no text at all is reported, not fatal: the feed was read
    [gallery] = rejects(out)
    assert not gallery.fatal and gallery.origin == str(RSS)
    assert "entry 3" in gallery.reason and "no text" in gallery.reason
    assert "https://news.example.org/world/gallery" in gallery.reason


def test_atom_entries_become_articles() -> None:
    russia, geneva = read_inputs([ATOM])
    assert isinstance(russia, Article) and isinstance(geneva, Article)
    assert russia.title == "Russia condemns Ukraine & its allies"  # an HTML title, unescaped
    assert russia.text == "Russia condemned Ukraine on Monday."
    assert (russia.id, russia.url) == ("tag:wire.example.org,2024:0042",
                                       "https://wire.example.org/2024/0042")
    assert russia.outlet == "Example Atom Wire"
    # no published date: the updated one
    assert (russia.published, russia.published_basis) == (dt.date(2024, 4, 7), "metadata")
    assert geneva.text == "Officials met in Geneva to discuss the talks."
    assert geneva.published == dt.date(2024, 4, 5)  # 22:00 at -05:00 is still April 5 there


def test_published_argument_dates_undated_entries(tmp_path: Path) -> None:
    feed = tmp_path / "undated.rss"
    feed.write_text('<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>'
                    '<item><guid>u1</guid><description>Officials met.</description></item>'
                    '</channel></rss>', encoding="utf-8")
    [art] = read_inputs([feed], dt.date(2024, 1, 2))
    assert isinstance(art, Article)
    assert (art.published, art.published_basis) == (dt.date(2024, 1, 2), "argument")


def test_markup_in_entries_is_stripped_to_text(tmp_path: Path) -> None:
    feed = tmp_path / "markup.atom"
    # a control character (escaped twice: it may not stand in XML), a script, a list
    content = ("&lt;div&gt;&lt;p&gt;Ministers &amp;#1;met&lt;br/&gt;in Geneva.&lt;/p&gt;"
               "&lt;script&gt;track()&lt;/script&gt;&lt;ul&gt;&lt;li&gt;One&lt;/li&gt;"
               "&lt;li&gt;Two&lt;/li&gt;&lt;/ul&gt;&lt;/div&gt;")
    feed.write_text('<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/'
                    'Atom"><title>T</title><id>f</id><entry><id>e1</id><title>x</title>'
                    f'<content type="html">{content}</content></entry></feed>',
                    encoding="utf-8")
    [art] = read_inputs([feed])
    assert isinstance(art, Article)
    assert art.text == "Ministers met\nin Geneva.\n\nOne\n\nTwo"


def test_broken_feed_is_rejected_and_the_next_input_read() -> None:
    out = list(read_inputs([BROKEN, ATOM]))
    damage = out[0]
    assert isinstance(damage, Rejected) and damage.fatal and damage.origin == str(BROKEN)
    assert "not well-formed" in damage.reason
    assert [a.origin for a in articles(out)] == [f"{ATOM}#entry=1", f"{ATOM}#entry=2"]


def test_file_that_is_no_feed_is_rejected(tmp_path: Path) -> None:
    notes = tmp_path / "notes.rss"
    notes.write_text("not a feed, just words\n", encoding="utf-8")
    (tmp_path / "empty.atom").write_bytes(b"")
    [only] = read_inputs([notes, tmp_path / "empty.atom"])
    assert isinstance(only, Rejected) and only.fatal and only.origin == str(notes)


def test_xml_files_are_not_taken_for_feeds(tmp_path: Path) -> None:
    shutil.copy(RSS, tmp_path / "feed.xml")
    [rejected] = iter_files([tmp_path / "feed.xml"])
    assert isinstance(rejected, Rejected) and "unsupported file type" in rejected.reason
    assert ".rss" in rejected.reason and "feed URLs" in rejected.reason


# --- feeds over HTTP ----------------------------------------------------------------------

class _Handler(SimpleHTTPRequestHandler):
    """Serves tests/data/feeds, a page at /page.html, and /stall, which answers late."""

    extensions_map = {**SimpleHTTPRequestHandler.extensions_map,
                      ".rss": "application/rss+xml", ".atom": "application/atom+xml"}
    release = threading.Event()

    def do_GET(self) -> None:  # noqa: N802 (the http.server name)
        if self.path == "/stall":
            self.release.wait(30)  # until the test has seen the client give up
            return
        if self.path == "/page.html":
            body = ("<html><head><title>Embassy raid</title></head><body><article>"
                    "<p>Mexico broke off diplomatic relations with Ecuador on Friday after "
                    "Ecuadorian police raided the Mexican Embassy in Quito, the foreign "
                    "ministry said in a statement late in the evening.</p></article>"
                    "</body></html>").encode("utf-8")
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        super().do_GET()

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass  # keep the test output clean


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), partial(_Handler, directory=str(FEEDS)))
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    _Handler.release.set()
    httpd.shutdown()
    httpd.server_close()


def test_feed_url_reads_like_the_file(server: str) -> None:
    url = f"{server}/world.rss"
    from_url = list(read_inputs([url]))
    from_file = list(read_inputs([RSS]))
    assert [(a.id, a.text, a.published, a.title, a.url, a.outlet) for a in articles(from_url)] \
        == [(a.id, a.text, a.published, a.title, a.url, a.outlet) for a in articles(from_file)]
    assert articles(from_url)[0].origin == f"{url}#entry=1"
    assert [r.origin for r in rejects(from_url)] == [url]


def test_missing_feed_url_is_rejected_with_the_status(server: str) -> None:
    url = f"{server}/nothing-here.rss"
    out = list(read_inputs([url, f"{server}/world.atom"]))
    assert isinstance(out[0], Rejected) and out[0].origin == url and out[0].fatal
    assert "HTTP 404" in out[0].reason
    assert len(articles(out)) == 2  # the next input is still read


def test_unreachable_and_silent_servers_are_rejected(server: str) -> None:
    silent = f"{server}/stall"
    [late] = read_feed_url(silent, timeout=0.5)
    assert isinstance(late, Rejected) and late.origin == silent
    assert "no answer within 0.5 s" in late.reason
    # a port nothing listens on: take one from a server and close it
    probe = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    port = probe.server_address[1]
    probe.server_close()
    [refused] = read_inputs([f"http://127.0.0.1:{port}/feed.rss"])
    assert isinstance(refused, Rejected) and "cannot reach it" in refused.reason


def test_html_page_url_is_one_article(server: str) -> None:
    url = f"{server}/page.html"
    [page] = read_inputs([url])
    assert isinstance(page, Article)
    assert page.id == page.url == page.origin == url
    assert page.text.startswith("Mexico broke off diplomatic relations")


def test_urls_pass_through_input_expansion_once(server: str) -> None:
    url = f"{server}/world.atom"
    assert list(iter_files([url, RSS, url])) == [url, RSS]


def test_cli_codes_a_feed_url(server: str, tmp_path: Path) -> None:
    out = tmp_path / "events.jsonl"
    proc = subprocess.run([sys.executable, "-m", "dotterel.cli.main", "code",
                           f"{server}/world.rss", str(ATOM), "--out", str(out)],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr  # the entry with no text is not fatal
    assert "entry 3" in proc.stderr
    events = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    severed = [e for e in events if e["doc_id"] == "example-world-0001" and e["cameo"] == "161"]
    assert severed and severed[0]["date"] == "2024-04-05"
    assert severed[0]["date_basis"] == "text"


@settings(max_examples=30, deadline=None, database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(cut=st.integers(0, 3000), junk=st.binary(max_size=40), at=st.integers(0, 3000),
       suffix=st.sampled_from([".rss", ".atom"]))
def test_damaged_feeds_never_raise(tmp_path: Path, cut: int, junk: bytes, at: int,
                                   suffix: str) -> None:
    data = bytearray((RSS if suffix == ".rss" else ATOM).read_bytes())
    at %= len(data)
    data[at:at + len(junk)] = junk
    path = tmp_path / f"fuzz{suffix}"
    path.write_bytes(bytes(data[:cut]))
    for item in read_inputs([path]):  # must not raise
        if isinstance(item, Rejected):
            assert item.origin == str(path) and item.reason.strip()
        else:
            assert item.text.strip() and item.id and item.origin.startswith(f"{path}#entry=")
