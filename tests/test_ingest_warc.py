"""Web archives (WARC, WET) as input: real archives written with warcio, read back record by record."""

from __future__ import annotations

import datetime as dt
import io
import json
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
from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from dotterel.ingest import input_kind, read_inputs
from dotterel.types import Article, Rejected

CRAWLED = "2024-04-06T12:00:00Z"
ARTICLE = ("QUITO, April 5 (Reuters) - Mexico broke off diplomatic relations with Ecuador on "
           "Friday after Ecuadorian police raided the Mexican Embassy in Quito to arrest a "
           "former vice president who had sought refuge there.")


def page(body: str, head: str = "") -> bytes:
    return (f"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">{head}</head>"
            f"<body><nav><a href=\"/\">Home</a> <a href=\"/world\">World</a></nav>{body}"
            f"<footer>Copyright Example News</footer></body></html>").encode("utf-8")


DATED_PAGE = page(
    "<article><h1>Mexico breaks off relations with Ecuador</h1>"
    f"<p>{ARTICLE}</p><p>The foreign ministry said its diplomats would leave at once and "
    "that the embassy would stay closed until further notice.</p></article>",
    "<title>Mexico breaks off relations | Example News</title>"
    "<meta property=\"og:title\" content=\"Mexico breaks off relations with Ecuador\">"
    "<meta property=\"og:site_name\" content=\"Example News\">"
    "<meta property=\"article:published_time\" content=\"2024-04-05T21:00:00Z\">")
UNDATED_PAGE = page(
    "<article><h1>Talks resume in Geneva</h1><p>Negotiators from both countries met to "
    "resume talks on a ceasefire, officials said after the meeting ended late in the "
    "evening, and they agreed to meet again soon.</p><p>The foreign minister said the two "
    "sides would discuss an exchange of prisoners and the reopening of border crossings."
    "</p></article>", "<title>Talks resume in Geneva</title>")
EMPTY_PAGE = b"<!DOCTYPE html><html><head><title>Gallery</title></head><body><img src=\"a.jpg\"></body></html>"


class Archive:
    """A WARC written record by record with warcio, remembering each record's offset."""

    def __init__(self, gz: bool) -> None:
        self.buffer = io.BytesIO()
        self.writer = WARCWriter(self.buffer, gzip=gz)
        self.offsets: list[int] = []

    def _write(self, record) -> str:
        self.offsets.append(self.buffer.tell())
        self.writer.write_record(record)
        return record.rec_headers.get_header("WARC-Record-ID").strip("<>")

    def response(self, uri: str, body: bytes, status: str = "200 OK",
                 content_type: str = "text/html; charset=utf-8") -> str:
        http = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
        return self._write(self.writer.create_warc_record(
            uri, "response", payload=io.BytesIO(body), http_headers=http,
            warc_headers_dict={"WARC-Date": CRAWLED}))

    def record(self, uri: str, kind: str, body: bytes, content_type: str) -> str:
        return self._write(self.writer.create_warc_record(
            uri, kind, payload=io.BytesIO(body), warc_content_type=content_type,
            warc_headers_dict={"WARC-Date": CRAWLED}))

    def raw(self, data: bytes) -> None:
        """Bytes that are no record at all: damage in the archive."""
        self.offsets.append(self.buffer.tell())
        self.buffer.write(data)

    def save(self, path: Path) -> Path:
        path.write_bytes(self.buffer.getvalue())
        return path


def crawl(gz: bool) -> tuple[Archive, dict[str, str]]:
    """A small crawl: warcinfo, a request, two article pages, and pages that hold none."""
    warc = Archive(gz)
    ids = {}
    warc._write(warc.writer.create_warcinfo_record("crawl.warc", {"software": "test"}))
    warc.record("https://news.example.org/mexico", "request",
                b"GET /mexico HTTP/1.1\r\nHost: news.example.org\r\n\r\n",
                "application/http; msgtype=request")
    ids["dated"] = warc.response("https://news.example.org/mexico", DATED_PAGE)
    ids["missing"] = warc.response("https://news.example.org/gone", UNDATED_PAGE, "404 Not Found")
    ids["image"] = warc.response("https://news.example.org/logo.png", b"\x89PNG\r\n", "200 OK",
                                 "image/png")
    ids["empty"] = warc.response("https://news.example.org/empty", EMPTY_PAGE)
    ids["undated"] = warc.response("https://news.example.org/geneva", UNDATED_PAGE)
    warc.record("https://news.example.org/geneva", "metadata", b"via: https://x.example/\r\n",
                "application/warc-fields")
    return warc, ids


def articles(items: list[Article | Rejected]) -> list[Article]:
    return [x for x in items if isinstance(x, Article)]


def rejects(items: list[Article | Rejected]) -> list[Rejected]:
    return [x for x in items if isinstance(x, Rejected)]


@pytest.mark.parametrize("suffix", [".warc", ".warc.gz"])
def test_html_responses_become_articles(tmp_path: Path, suffix: str) -> None:
    warc, ids = crawl(gz=suffix.endswith(".gz"))
    path = warc.save(tmp_path / f"crawl{suffix}")
    out = list(read_inputs([path]))
    dated, undated = articles(out)
    assert dated.id == ids["dated"] and dated.id.startswith("urn:uuid:")
    assert dated.url == "https://news.example.org/mexico"
    assert ARTICLE in dated.text and "Copyright" not in dated.text and "Home" not in dated.text
    assert dated.title == "Mexico breaks off relations with Ecuador"
    assert dated.outlet == "Example News"
    # the page's own date, not the day it was crawled
    assert (dated.published, dated.published_basis) == (dt.date(2024, 4, 5), "metadata")
    # no date in the page: the crawl day, marked as such
    assert (undated.published, undated.published_basis) == (dt.date(2024, 4, 6), "crawl")
    assert undated.id == ids["undated"]
    # the origin names the record's offset, and the record is really there
    offset = int(dated.origin.rpartition("#offset=")[2])
    assert dated.origin == f"{path}#offset={offset}"
    with open(path, "rb") as stream:
        stream.seek(offset)
        record = next(iter(ArchiveIterator(stream)))
        assert record.rec_headers.get_header("WARC-Record-ID").strip("<>") == dated.id
    # the page with no text is reported (not fatal); request, metadata, warcinfo, the 404
    # and the image are skipped without a word
    [empty] = rejects(out)
    assert not empty.fatal and empty.origin == str(path)
    assert "no main text" in empty.reason and "https://news.example.org/empty" in empty.reason


def test_text_is_extracted_as_the_html_reader_does(tmp_path: Path) -> None:
    (tmp_path / "page.html").write_bytes(DATED_PAGE)
    [from_file] = read_inputs([tmp_path / "page.html"])
    warc, _ = crawl(gz=True)
    from_warc = articles(list(read_inputs([warc.save(tmp_path / "c.warc.gz")])))[0]
    assert isinstance(from_file, Article)
    assert (from_warc.text, from_warc.title, from_warc.outlet, from_warc.published) == \
           (from_file.text, from_file.title, from_file.outlet, from_file.published)


def test_published_argument_comes_before_the_crawl_date(tmp_path: Path) -> None:
    warc, _ = crawl(gz=False)
    out = articles(list(read_inputs([warc.save(tmp_path / "c.warc")], dt.date(2024, 4, 1))))
    assert [(a.published, a.published_basis) for a in out] == [
        (dt.date(2024, 4, 5), "metadata"), (dt.date(2024, 4, 1), "argument")]


def wet(gz: bool) -> Archive:
    archive = Archive(gz)
    archive._write(archive.writer.create_warcinfo_record("crawl.warc.wet", {"software": "t"}))
    archive.record("https://news.example.org/mexico", "conversion",
                   (ARTICLE + "\r\nSecond line.").encode("utf-8"), "text/plain")
    archive.record("https://news.example.org/latin1", "conversion",
                   "caf\u00e9 au lait".encode("latin-1"), "text/plain")
    archive.record("https://news.example.org/blank", "conversion", b"  \n ", "text/plain")
    archive.record("https://news.example.org/geneva", "conversion",
                   "Talks resumed in Geneva, officials said.".encode("utf-8"), "text/plain")
    return archive


@pytest.mark.parametrize("suffix", [".warc.wet", ".warc.wet.gz"])
def test_wet_conversion_records_are_plain_text(tmp_path: Path, suffix: str) -> None:
    archive = wet(gz=suffix.endswith(".gz"))
    path = archive.save(tmp_path / f"CC-NEWS-1{suffix}")
    assert input_kind(path) == suffix
    out = list(read_inputs([path]))
    first, last = articles(out)
    assert first.text == ARTICLE + "\nSecond line."  # only line endings are touched
    assert first.url == "https://news.example.org/mexico" and first.id.startswith("urn:uuid:")
    assert (first.published, first.published_basis) == (dt.date(2024, 4, 6), "crawl")
    assert last.text == "Talks resumed in Geneva, officials said."
    latin, blank = rejects(out)
    # an undecodable record is damage in the input, named by its number and offset;
    # the next records are still read
    assert latin.fatal and "not valid UTF-8" in latin.reason
    assert f"record 3 at byte {archive.offsets[2]}" in latin.reason
    assert "https://news.example.org/latin1" in latin.reason
    assert not blank.fatal and "only whitespace" in blank.reason


@pytest.mark.parametrize("gz", [False, True])
def test_damaged_archive_is_reported_and_reading_goes_on(tmp_path: Path, gz: bool) -> None:
    archive = Archive(gz)
    first = archive.response("https://news.example.org/mexico", DATED_PAGE)
    archive.raw(b"GARBAGE that is no WARC record\r\n\r\n" * 3)
    # a header that starts like a record but is not one
    archive.raw(b"\x1f\x8b\x08 junk" if gz else b"\nWARC/1.0\r\nnot a header\r\n\r\n")
    last = archive.response("https://news.example.org/geneva", UNDATED_PAGE)
    path = archive.save(tmp_path / f"damaged.warc{'.gz' if gz else ''}")
    out = list(read_inputs([path]))
    assert [a.id for a in articles(out)] == [first, last]
    [damage] = rejects(out)  # one report for one damaged stretch
    assert damage.fatal and damage.origin == str(path)
    assert f"damaged at byte {archive.offsets[1]}" in damage.reason
    assert "reading goes on" in damage.reason


@pytest.mark.parametrize("gz", [False, True])
def test_cut_off_archive_reports_the_cut_record(tmp_path: Path, gz: bool) -> None:
    archive = Archive(gz)
    first = archive.response("https://news.example.org/mexico", DATED_PAGE)
    archive.response("https://news.example.org/geneva", UNDATED_PAGE)
    data = archive.buffer.getvalue()
    path = tmp_path / f"cut.warc{'.gz' if gz else ''}"
    end = (archive.offsets[1] + len(data)) // 2  # half of the last record
    path.write_bytes(data[:end])
    done, cut = read_inputs([path])
    assert isinstance(done, Article) and done.id == first
    assert isinstance(cut, Rejected) and cut.fatal
    # cut in the record's body, or in its header (where gzip had not yet given it out)
    assert (f"record 2 at byte {archive.offsets[1]}" in cut.reason and "cut short" in cut.reason
            or f"cut off: the last {end - archive.offsets[1]} bytes" in cut.reason)


def test_every_cut_of_an_archive_is_reported_or_harmless(tmp_path: Path) -> None:
    for gz in (False, True):
        archive = Archive(gz)
        archive.response("https://news.example.org/mexico", DATED_PAGE)
        archive.response("https://news.example.org/geneva", UNDATED_PAGE)
        data = archive.buffer.getvalue()
        path = tmp_path / f"cut.warc{'.gz' if gz else ''}"
        whole = [a.text for a in articles(list(read_inputs([archive.save(path)])))]
        for end in range(archive.offsets[1] + 1, len(data), 7):
            path.write_bytes(data[:end])
            out = list(read_inputs([path]))
            # the cut record is reported, or (cut in its trailing blank lines or gzip
            # trailer) read whole; it is never coded in part
            assert [a.text for a in articles(out)] in (whole, whole[:1]), (gz, end)
            assert len(out) == 2, (gz, end)


def test_file_that_is_no_archive_is_rejected_once(tmp_path: Path) -> None:
    path = tmp_path / "notes.warc"
    path.write_text("These are notes, not a web archive.\n" * 100, encoding="utf-8")
    [only] = list(read_inputs([path]))
    assert isinstance(only, Rejected) and only.fatal and "damaged at byte 0" in only.reason


def test_empty_archive_yields_nothing(tmp_path: Path) -> None:
    (tmp_path / "empty.warc.gz").write_bytes(b"")
    assert list(read_inputs([tmp_path / "empty.warc.gz"])) == []


def test_articles_stream_before_the_archive_is_read_through(tmp_path: Path) -> None:
    archive = Archive(gz=True)
    first = archive.response("https://news.example.org/mexico", DATED_PAGE)
    for n in range(200):  # pages after the first, not yet needed
        archive.response(f"https://news.example.org/{n}", UNDATED_PAGE)
    path = archive.save(tmp_path / "big.warc.gz")
    stream = read_inputs([path])
    assert next(stream).id == first
    stream.close()


def test_folders_find_archives(tmp_path: Path) -> None:
    warc, _ = crawl(gz=True)
    warc.save(tmp_path / "a.warc.gz")
    wet(gz=True).save(tmp_path / "b.warc.wet.gz")
    (tmp_path / "c.cdx").write_text("not read\n", encoding="utf-8")
    out = list(read_inputs([tmp_path]))
    assert len(articles(out)) == 4
    assert {Path(a.origin.partition("#")[0]).name for a in articles(out)} == \
           {"a.warc.gz", "b.warc.wet.gz"}


# --- archives over HTTP --------------------------------------------------------------------

class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass  # keep the test output clean


@pytest.fixture()
def served(tmp_path: Path) -> Iterator[tuple[Path, str]]:
    """A folder served over real HTTP, and its address."""
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), partial(_Quiet, directory=str(tmp_path)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield tmp_path, f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_archive_url_is_streamed_like_the_file(served: tuple[Path, str]) -> None:
    folder, address = served
    warc, _ = crawl(gz=True)
    path = warc.save(folder / "CC-NEWS-20240406.warc.gz")
    url = f"{address}/{path.name}"
    from_url, from_file = list(read_inputs([url])), list(read_inputs([path]))
    assert [(a.id, a.text, a.published, a.url) for a in articles(from_url)] == \
           [(a.id, a.text, a.published, a.url) for a in articles(from_file)]
    assert [a.origin.replace(url, str(path)) for a in articles(from_url)] == \
           [a.origin for a in articles(from_file)]
    assert [r.origin for r in rejects(from_url)] == [url]  # the page with no text


def test_damaged_or_missing_archive_url_is_reported(served: tuple[Path, str]) -> None:
    folder, address = served
    archive = Archive(gz=False)
    first = archive.response("https://news.example.org/mexico", DATED_PAGE)
    archive.raw(b"GARBAGE that is no WARC record\r\n\r\n")
    archive.response("https://news.example.org/geneva", UNDATED_PAGE)
    archive.save(folder / "damaged.warc")
    out = list(read_inputs([f"{address}/damaged.warc", f"{address}/missing.warc.gz"]))
    assert [a.id for a in articles(out)] == [first]
    damage, missing = rejects(out)
    # a download cannot be searched for the next record: reading that archive stops
    assert f"damaged at byte {archive.offsets[1]}" in damage.reason
    assert "reading stops here" in damage.reason
    assert missing.origin == f"{address}/missing.warc.gz" and "HTTP 404" in missing.reason


# --- the crawl date in the coder ------------------------------------------------------

def crawled(text: str, day: dt.date) -> Article:
    return Article(id="c1", text=text, published=day, published_basis="crawl")


def test_dateline_comes_before_the_crawl_date(coder) -> None:
    [(article, events)] = coder.code_articles([crawled(ARTICLE, dt.date(2024, 4, 9))])
    assert events and {e.cameo for e in events} >= {"161"}
    # "QUITO, April 5": the year is the crawl's, and the dateline dates the report
    assert all(e.date is not None and e.date.value <= dt.date(2024, 4, 5) for e in events)
    assert {e.date_basis for e in events} <= {"text", "published"}


def test_crawl_date_dates_an_article_with_no_other_date(coder) -> None:
    text = ("Mexico broke off diplomatic relations with Ecuador after Ecuadorian police "
            "raided the Mexican Embassy in Quito.")
    [(_, events)] = coder.code_articles([crawled(text, dt.date(2024, 4, 6))])
    severed = [e for e in events if e.cameo == "161"]
    assert severed and all(e.date is not None for e in severed)
    # an event dated by the crawl day keeps a contract date_basis
    assert {(e.date.value, e.date_basis) for e in severed} == {(dt.date(2024, 4, 6), "published")}


def test_text_dates_after_the_crawl_are_not_the_publication_date(coder) -> None:
    text = ("Mexico broke off diplomatic relations with Ecuador on Friday. The two "
            "governments will meet on June 30, 2024 to discuss the embassy.")
    [(_, events)] = coder.code_articles([crawled(text, dt.date(2024, 4, 6))])
    severed = [e for e in events if e.cameo == "161"]
    # "Friday" is read against the crawl day (Saturday, April 6), not against June 30
    assert severed and severed[0].date is not None
    assert severed[0].date.value == dt.date(2024, 4, 5)


# --- end to end ---------------------------------------------------------------------------

def test_cli_codes_a_web_archive(tmp_path: Path) -> None:
    warc, ids = crawl(gz=True)
    path = warc.save(tmp_path / "crawl.warc.gz")
    out = tmp_path / "events.jsonl"
    proc = subprocess.run([sys.executable, "-m", "dotterel.cli.main", "code", str(path),
                           "--out", str(out)], capture_output=True, text=True, timeout=300)
    # the page with no text is reported but not fatal: every input was read
    assert proc.returncode == 0, proc.stderr
    assert "no main text" in proc.stderr
    events = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    severed = [e for e in events if e["cameo"] == "161"]
    assert severed and severed[0]["doc_id"] == ids["dated"]
    assert severed[0]["source"]["code"].startswith("MEX")
    assert severed[0]["date"] == "2024-04-05"


# --- no archive, however damaged, makes the reader raise -------------------------------

FUZZ = settings(max_examples=30, deadline=None, database=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture,
                                       HealthCheck.too_slow])
_GOOD = {gz: crawl(gz)[0].buffer.getvalue() for gz in (False, True)}


def sound(path: Path) -> list[Article | Rejected]:
    """Read ``path``; every item must be an article with text or a reject naming the file."""
    items = list(read_inputs([path]))  # must not raise
    for item in items:
        if isinstance(item, Rejected):
            assert item.origin == str(path) and item.reason.strip()
        else:
            assert item.text.strip() and "\x00" not in item.text
            assert item.origin.startswith(f"{path}#offset=") and item.id
    return items


@FUZZ
@given(gz=st.booleans(), cuts=st.lists(st.tuples(st.integers(0, 10_000), st.binary(max_size=8)),
                                        max_size=6), end=st.integers(0, 10_000))
def test_damaged_archives_never_raise(tmp_path: Path, gz: bool,
                                      cuts: list[tuple[int, bytes]], end: int) -> None:
    data = bytearray(_GOOD[gz])
    for at, junk in cuts:  # overwrite a few stretches with junk, then cut the tail off
        at %= len(data)
        data[at:at + len(junk)] = junk
    path = tmp_path / f"fuzz{'.warc.gz' if gz else '.warc'}"
    path.write_bytes(bytes(data[:max(end, len(data) // 2)]))
    assert len(articles(sound(path))) <= 2


@FUZZ
@given(suffix=st.sampled_from([".warc", ".warc.gz", ".warc.wet"]), data=st.binary(max_size=2000))
def test_arbitrary_bytes_never_raise(tmp_path: Path, suffix: str, data: bytes) -> None:
    path = tmp_path / f"bytes{suffix}"
    path.write_bytes(data)
    sound(path)
