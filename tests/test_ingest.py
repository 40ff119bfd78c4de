"""Tests for dotterel.ingest: readers, folder expansion, rejections, ids, dates, streaming."""

from __future__ import annotations

import datetime as dt
import gzip
import hashlib
import inspect
import json
import os
import sys
import threading
from pathlib import Path

import pytest

from dotterel.ingest import content_id, iter_files, read_inputs
from dotterel.types import Article, Rejected

GOOD = {"id": "good", "text": "The ministers met in Geneva on Friday."}
ARG_DATE = dt.date(2024, 1, 2)


def jline(obj: object) -> str:
    return json.dumps(obj, ensure_ascii=False)


def write_jsonl(path: Path, lines: list[str | bytes]) -> Path:
    """Write raw lines (str encoded as UTF-8, bytes as they are), each ended by \\n."""
    data = b"".join((ln.encode("utf-8") if isinstance(ln, str) else ln) + b"\n" for ln in lines)
    path.write_bytes(data)
    return path


def html_page(body: str, head: str = "") -> str:
    return (f"<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">{head}</head>"
            f"<body><nav><a href=\"/\">Home</a> <a href=\"/world\">World</a></nav>"
            f"{body}<footer>Copyright Example News</footer></body></html>\n")


ARTICLE_BODY = (
    "<article><h1>Talks resume in Geneva</h1>"
    "<p>GENEVA - Negotiators from both countries met on Friday to resume talks on a "
    "ceasefire, officials said after the meeting ended late in the evening.</p>"
    "<p>The foreign minister said the two sides would meet again next week to discuss "
    "an exchange of prisoners and the reopening of border crossings.</p></article>"
)
DATED_HEAD = (
    "<title>Talks resume in Geneva | Example News</title>"
    "<meta property=\"og:title\" content=\"Talks resume in Geneva\">"
    "<meta property=\"og:site_name\" content=\"Example News\">"
    "<meta property=\"article:published_time\" content=\"2024-04-05T10:00:00Z\">"
    "<link rel=\"canonical\" href=\"https://news.example.com/2024/talks\">"
)
UNDATED_HEAD = "<title>Talks resume in Geneva</title>"


def articles(items: list[Article | Rejected]) -> list[Article]:
    return [x for x in items if isinstance(x, Article)]


def rejects(items: list[Article | Rejected]) -> list[Rejected]:
    return [x for x in items if isinstance(x, Rejected)]


# --- readers -----------------------------------------------------------------------------

def test_jsonl_reader_reads_all_fields(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "a.jsonl", [
        jline({"id": "a1", "text": "First article.", "published": "2024-04-05",
               "title": "T1", "url": "https://x.example/1", "outlet": "Example",
               "extra": {"ignored": True}}),
        jline({"id": "a2", "text": "Second article.\r\nWith a CRLF and a lone\rCR."}),
    ])
    out = list(read_inputs([path]))
    assert out == [
        Article(id="a1", text="First article.", published=dt.date(2024, 4, 5), title="T1",
                url="https://x.example/1", outlet="Example", published_basis="input",
                origin=f"{path}:1"),
        Article(id="a2", text="Second article.\nWith a CRLF and a lone\nCR.",
                origin=f"{path}:2"),
    ]


def test_jsonl_null_optional_fields_count_as_absent(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "a.jsonl", [jline(
        {"id": None, "text": "Body.", "published": None, "title": None, "url": None,
         "outlet": None})])
    (art,) = read_inputs([path], ARG_DATE)
    assert isinstance(art, Article)
    assert art.id == content_id("Body.")
    assert (art.title, art.url, art.outlet) == ("", "", "")
    assert (art.published, art.published_basis) == (ARG_DATE, "argument")


def test_jsonl_gz_reader(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        fh.write(jline({"id": "g1", "text": "Zipped one."}) + "\n")
        fh.write("\n")  # a blank line is skipped, but still counted
        fh.write(jline({"id": "g2", "text": "Zipped two."}) + "\n")
    out = list(read_inputs([path]))
    assert [(a.id, a.text, a.origin) for a in articles(out)] == [
        ("g1", "Zipped one.", f"{path}:1"), ("g2", "Zipped two.", f"{path}:3")]
    assert rejects(out) == []


def test_jsonl_bom_and_crlf_lines(tmp_path: Path) -> None:
    path = tmp_path / "bom.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + jline(GOOD).encode() + b"\r\n"
                     + jline({"id": "b", "text": "x"}).encode() + b"\r\n")
    out = list(read_inputs([path]))
    assert [a.id for a in articles(out)] == ["good", "b"]
    assert rejects(out) == []


def test_txt_reader_keeps_text_whole(tmp_path: Path) -> None:
    path = tmp_path / "report-17.txt"
    path.write_bytes(b"\xef\xbb\xbfHeadline here\r\n\r\nBody of the article.\r\n")
    (art,) = read_inputs([path])
    assert art == Article(id="report-17", text="Headline here\n\nBody of the article.\n",
                          origin=str(path))
    assert art.title == ""  # the first line is not taken as a title


def test_txt_reader_uses_argument_date(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Some news.", encoding="utf-8")
    (art,) = read_inputs([path], published=ARG_DATE)
    assert (art.published, art.published_basis) == (ARG_DATE, "argument")


def test_html_reader_extracts_text_and_metadata(tmp_path: Path) -> None:
    path = tmp_path / "talks.html"
    path.write_text(html_page(ARTICLE_BODY, DATED_HEAD), encoding="utf-8")
    (art,) = read_inputs([path])
    assert isinstance(art, Article)
    assert art.id == "talks"
    assert art.origin == str(path)
    assert "Negotiators from both countries met on Friday" in art.text
    assert "exchange of prisoners" in art.text
    assert "Home" not in art.text and "Copyright" not in art.text  # boilerplate dropped
    assert art.title == "Talks resume in Geneva"
    assert art.url == "https://news.example.com/2024/talks"
    assert art.outlet == "Example News"
    assert (art.published, art.published_basis) == (dt.date(2024, 4, 5), "metadata")


def test_htm_suffix_and_undated_page(tmp_path: Path) -> None:
    path = tmp_path / "undated.htm"
    path.write_text(html_page(ARTICLE_BODY, UNDATED_HEAD), encoding="utf-8")
    (art,) = read_inputs([path])
    assert isinstance(art, Article)
    assert art.id == "undated"
    assert (art.published, art.published_basis) == (None, None)
    (art,) = read_inputs([path], ARG_DATE)
    assert (art.published, art.published_basis) == (ARG_DATE, "argument")


# --- folders and paths -------------------------------------------------------------------

def test_folder_recursion_sorted_and_filtered(tmp_path: Path) -> None:
    root = tmp_path / "in"
    (root / "b" / "deeper").mkdir(parents=True)
    (root / "a").mkdir()
    (root / "z.txt").write_text("Z.", encoding="utf-8")
    (root / "b" / "deeper" / "d.txt").write_text("D.", encoding="utf-8")
    (root / "b" / "c.TXT").write_text("C.", encoding="utf-8")  # suffix case does not matter
    (root / "a" / "x.jsonl").write_text(jline({"id": "x", "text": "X."}) + "\n",
                                        encoding="utf-8")
    (root / "README.md").write_text("not an article", encoding="utf-8")
    (root / "a" / "notes.csv").write_text("1,2", encoding="utf-8")
    files = list(iter_files([root]))
    assert files == [root / "a" / "x.jsonl", root / "b" / "c.TXT",
                     root / "b" / "deeper" / "d.txt", root / "z.txt"]
    out = list(read_inputs([root]))
    assert [a.id for a in articles(out)] == ["x", "c", "d", "z"]
    assert rejects(out) == []


def test_missing_and_unsupported_paths_are_rejected(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("Good.", encoding="utf-8")
    other = tmp_path / "data.csv"
    other.write_text("a,b", encoding="utf-8")
    missing = tmp_path / "missing.jsonl"
    out = list(read_inputs([missing, other, good]))
    assert out[0] == Rejected(str(missing), None, "no such file or folder; check the path")
    assert out[1].origin == str(other) and "unsupported file type" in out[1].reason
    assert ".jsonl" in out[1].reason
    assert out[2] == Article(id="good", text="Good.", origin=str(good))
    files = list(iter_files([missing, good]))
    assert isinstance(files[0], Rejected) and files[1] == good


def test_same_file_twice_is_read_once(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Once.", encoding="utf-8")
    assert list(iter_files([path, tmp_path, str(path)])) == [path]


def test_single_path_string_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Single.", encoding="utf-8")
    assert [a.id for a in read_inputs(str(path))] == ["a"]


def test_empty_files_yield_nothing(tmp_path: Path) -> None:
    for name in ("e.jsonl", "e.txt", "e.html"):
        (tmp_path / name).write_bytes(b"")
    with gzip.open(tmp_path / "e.jsonl.gz", "wb"):
        pass
    (tmp_path / "blank.jsonl").write_bytes(b"\n\n  \n")
    assert list(read_inputs([tmp_path])) == []


# --- bad input ---------------------------------------------------------------------------

BAD_LINES: list[tuple[str, str | bytes, str]] = [
    ("broken json", '{"id": "x", "text": "unterminated', "not valid JSON"),
    ("trailing garbage", jline(GOOD) + " xyz", "not valid JSON"),
    ("array", '["a", "b"]', "JSON array, not an object"),
    ("string", '"just a string"', "JSON string, not an object"),
    ("number", "42", "JSON number, not an object"),
    ("null", "null", "JSON null, not an object"),
    ("deep nesting", "[" * 100_000 + "]" * 100_000, "each line must be one article object"),
    ("text number", jline({"id": "x", "text": 5}), "field 'text' must be a string, not a number (5)"),
    ("text missing", jline({"id": "x", "body": "..."}), "no 'text' field"),
    ("text null", jline({"id": "x", "text": None}), "no 'text' field"),
    ("text empty", jline({"id": "x", "text": ""}), "field 'text' is empty"),
    ("text whitespace", jline({"id": "x", "text": " \n\t "}), "field 'text' contains only whitespace"),
    ("text NUL escaped", jline({"id": "x", "text": "a\u0000b"}), "field 'text' contains NUL characters"),
    ("text lone surrogate", '{"id": "x", "text": "bad \\ud800 here"}', "unpaired UTF-16 surrogate"),
    ("published word", jline({"id": "x", "text": "t", "published": "yesterday"}),
     "field 'published' is \"yesterday\", not a date in YYYY-MM-DD form"),
    ("published impossible", jline({"id": "x", "text": "t", "published": "2024-13-45"}),
     "not a real calendar date"),
    ("published feb 30", jline({"id": "x", "text": "t", "published": "2023-02-29"}),
     "not a real calendar date"),
    ("published other format", jline({"id": "x", "text": "t", "published": "05/04/2024"}),
     "YYYY-MM-DD"),
    ("published timestamp", jline({"id": "x", "text": "t", "published": "2024-04-05T10:00:00"}),
     "YYYY-MM-DD"),
    ("published number", jline({"id": "x", "text": "t", "published": 20240405}),
     "field 'published' must be a \"YYYY-MM-DD\" string, not a number"),
    ("id number", jline({"id": 7, "text": "t"}), "field 'id' must be a string, not a number (7)"),
    ("id empty", jline({"id": " ", "text": "t"}), "field 'id' is empty"),
    ("title list", jline({"id": "x", "text": "t", "title": ["a"]}),
     "field 'title' must be a string, not an array"),
    ("url bool", jline({"id": "x", "text": "t", "url": True}),
     "field 'url' must be a string, not a boolean"),
    ("outlet object", jline({"id": "x", "text": "t", "outlet": {}}),
     "field 'outlet' must be a string, not an object"),
    ("invalid utf-8", b'{"id": "x", "text": "caf\xe9"}', "not valid UTF-8 (byte 0xe9"),
    ("raw NUL byte", b'{"id": "x", "text": "a\x00b"}', "contains NUL bytes"),
]


@pytest.mark.parametrize(("bad", "reason"), [(b, r) for _, b, r in BAD_LINES],
                         ids=[name for name, _, _ in BAD_LINES])
def test_bad_jsonl_line_is_rejected_and_reading_goes_on(tmp_path: Path, bad: str | bytes,
                                                         reason: str) -> None:
    path = write_jsonl(tmp_path / "in.jsonl", [jline({"id": "first", "text": "First."}),
                                               bad, jline(GOOD)])
    out = list(read_inputs([path]))
    assert len(out) == 3, out
    assert isinstance(out[0], Article) and out[0].id == "first"
    rejected = out[1]
    assert isinstance(rejected, Rejected), rejected
    assert (rejected.origin, rejected.line) == (str(path), 2)
    assert reason in rejected.reason
    assert str(rejected).startswith(f"{path}:2: ")
    assert out[2] == Article(id="good", text=GOOD["text"], origin=f"{path}:3")


def test_bad_txt_files_are_rejected_and_next_file_read(tmp_path: Path) -> None:
    (tmp_path / "1-latin1.txt").write_bytes("Caf\u00e9 news\nline two".encode("latin-1"))
    (tmp_path / "2-utf16.txt").write_bytes("Hello".encode("utf-16"))
    (tmp_path / "3-blank.txt").write_bytes(b"  \r\n\t\n")
    (tmp_path / "4-surrogate.txt").write_bytes(b"ok \xed\xa0\x80 bad")  # CESU surrogate bytes
    (tmp_path / "5-good.txt").write_text("Good news.", encoding="utf-8")
    out = list(read_inputs([tmp_path]))
    assert [type(x).__name__ for x in out] == ["Rejected"] * 4 + ["Article"]
    latin, utf16, blank, surrogate, good = out
    assert latin.line is None and latin.origin == str(tmp_path / "1-latin1.txt")
    assert "not valid UTF-8 (byte 0xe9 at byte 3, line 1)" in latin.reason
    assert "convert it to UTF-8" in latin.reason
    assert "NUL bytes" in utf16.reason and "UTF-16" in utf16.reason
    assert "only whitespace" in blank.reason
    assert "not valid UTF-8" in surrogate.reason
    assert good == Article(id="5-good", text="Good news.", origin=str(tmp_path / "5-good.txt"))


def test_unreadable_gzip_is_rejected_and_next_file_read(tmp_path: Path) -> None:
    fake = tmp_path / "a.jsonl.gz"
    fake.write_text(jline(GOOD) + "\n", encoding="utf-8")  # plain text with a .gz name
    good = write_jsonl(tmp_path / "b.jsonl", [jline(GOOD)])
    out = list(read_inputs([fake, good]))
    assert len(out) == 2
    assert isinstance(out[0], Rejected) and out[0].origin == str(fake) and out[0].line is None
    assert "cannot read the gzip data" in out[0].reason and "re-compress" in out[0].reason
    assert isinstance(out[1], Article) and out[1].origin == f"{good}:1"


def test_truncated_gzip_keeps_articles_before_the_break(tmp_path: Path) -> None:
    lines = "".join(jline({"id": f"n{i}", "text": f"Article {i} " + "x" * 200}) + "\n"
                    for i in range(300))
    data = gzip.compress(lines.encode("utf-8"))
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(data[: len(data) // 2])
    out = list(read_inputs([path]))
    arts, rej = articles(out), rejects(out)
    assert 0 < len(arts) < 300
    assert [a.id for a in arts] == [f"n{i}" for i in range(len(arts))]
    assert len(rej) == 1 and out[-1] is rej[0]
    assert rej[0].line == len(arts) + 1
    assert f"after line {len(arts)}" in rej[0].reason


def test_gzip_data_named_plain_jsonl(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_bytes(gzip.compress(((jline(GOOD) + "\n") * 50).encode()))
    out = list(read_inputs([path]))
    assert len(out) == 1 and isinstance(out[0], Rejected)
    assert "rename it to .jsonl.gz" in out[0].reason


def test_html_without_text_is_rejected(tmp_path: Path) -> None:
    # a picture page: nothing but an image and a script
    (tmp_path / "a-empty-body.html").write_text(
        "<!DOCTYPE html><html><head><title>Photo</title></head><body><div>"
        "<img src=\"a.jpg\"></div><script>var x = 1;</script></body></html>", encoding="utf-8")
    (tmp_path / "b-binary.html").write_bytes(bytes(range(256)) * 4)
    (tmp_path / "c-good.html").write_text(html_page(ARTICLE_BODY, DATED_HEAD), encoding="utf-8")
    out = list(read_inputs([tmp_path]))
    assert [type(x).__name__ for x in out] == ["Rejected", "Rejected", "Article"]
    assert out[0].origin == str(tmp_path / "a-empty-body.html") and out[0].line is None
    assert "no main text could be extracted" in out[0].reason
    assert out[1].reason  # says something, whichever way the page failed
    assert out[2].id == "c-good"


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0,
                    reason="needs POSIX permissions and a non-root user")
def test_unreadable_file_is_rejected(tmp_path: Path) -> None:
    locked = tmp_path / "a.jsonl"
    locked.write_text(jline(GOOD) + "\n", encoding="utf-8")
    locked.chmod(0)
    try:
        out = list(read_inputs([locked, tmp_path / "missing.txt"]))
    finally:
        locked.chmod(0o600)
    assert len(out) == 2 and all(isinstance(x, Rejected) for x in out)
    assert "cannot open the file" in out[0].reason


# --- ids and dates -----------------------------------------------------------------------

def test_content_ids_are_stable_across_files_and_line_endings(tmp_path: Path) -> None:
    text = "Protesters gathered outside the parliament.\nPolice watched."
    expected = "sha1:" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]
    a = write_jsonl(tmp_path / "a.jsonl", [jline({"text": "Other."}), jline({"text": text})])
    b = tmp_path / "b.jsonl.gz"
    b.write_bytes(gzip.compress((jline({"text": text.replace("\n", "\r\n")}) + "\n").encode()))
    ids = [x.id for x in read_inputs([a, b]) if isinstance(x, Article)]
    assert ids[1] == ids[2] == expected == content_id(text)
    assert ids[0] != expected and ids[0].startswith("sha1:") and len(ids[0]) == 21
    # and the same on a second read
    assert [x.id for x in read_inputs([a, b])] == ids


def test_published_precedence_record_over_argument(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "a.jsonl", [
        jline({"id": "r", "text": "t", "published": "2023-05-06"}),
        jline({"id": "n", "text": "t"}),
        jline({"id": "e", "text": "t", "published": ""}),
    ])
    got = {a.id: (a.published, a.published_basis) for a in read_inputs([path], ARG_DATE)}
    assert got == {"r": (dt.date(2023, 5, 6), "input"), "n": (ARG_DATE, "argument"),
                   "e": (ARG_DATE, "argument")}
    got = {a.id: (a.published, a.published_basis) for a in read_inputs([path])}
    assert got == {"r": (dt.date(2023, 5, 6), "input"), "n": (None, None), "e": (None, None)}


def test_published_precedence_metadata_over_argument(tmp_path: Path) -> None:
    path = tmp_path / "p.html"
    path.write_text(html_page(ARTICLE_BODY, DATED_HEAD), encoding="utf-8")
    (art,) = read_inputs([path], ARG_DATE)
    assert (art.published, art.published_basis) == (dt.date(2024, 4, 5), "metadata")


def test_datetime_argument_becomes_a_date(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "a.jsonl", [jline(GOOD)])
    (art,) = read_inputs([path], dt.datetime(2024, 1, 2, 15, 30))
    assert art.published == ARG_DATE and type(art.published) is dt.date


# --- size and streaming ------------------------------------------------------------------

def test_ten_megabyte_line(tmp_path: Path) -> None:
    big = ("word " * 2_100_000)[:10_500_000]
    path = write_jsonl(tmp_path / "big.jsonl", [jline({"id": "big", "text": big}), jline(GOOD)])
    out = list(read_inputs([path]))
    assert [type(x) for x in out] == [Article, Article]
    assert out[0].text == big and len(out[0].text) > 10_000_000


def test_read_inputs_is_a_generator_and_yields_before_later_bad_lines(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "a.jsonl", [jline(GOOD)] + ["{broken"] * 1000)
    gen = read_inputs([path])
    assert inspect.isgenerator(gen)
    first = next(gen)
    assert isinstance(first, Article) and first.id == "good"
    rest = list(gen)
    assert len(rest) == 1000 and all(isinstance(x, Rejected) for x in rest)
    assert [x.line for x in rest] == list(range(2, 1002))


def test_read_inputs_does_not_raise_lazily_for_missing_path() -> None:
    gen = read_inputs(["/definitely/not/here.jsonl"])  # nothing happens until iterated
    (only,) = list(gen)
    assert isinstance(only, Rejected)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_first_article_arrives_before_the_rest_is_written(tmp_path: Path) -> None:
    """A pipe proves streaming: the rest of the 'file' is written only after the first
    article has been received, so a reader that slurped the file would wait forever."""
    fifo = tmp_path / "pipe.jsonl"
    os.mkfifo(fifo)
    first_seen = threading.Event()
    waited: list[bool] = []

    def writer() -> None:
        with open(fifo, "w", encoding="utf-8") as fh:
            fh.write(jline({"id": "early", "text": "Early."}) + "\n")
            fh.flush()
            waited.append(first_seen.wait(timeout=10))
            fh.write("not json\n" + jline({"id": "late", "text": "Late."}) + "\n")

    thread = threading.Thread(target=writer, daemon=True)
    thread.start()
    gen = read_inputs([fifo])
    first = next(gen)
    first_seen.set()
    rest = list(gen)
    thread.join(timeout=10)
    assert waited == [True], "the reader waited for the whole file before yielding"
    assert isinstance(first, Article) and first.id == "early"
    assert isinstance(rest[0], Rejected) and rest[0].line == 2
    assert isinstance(rest[1], Article) and rest[1].id == "late"


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symlinks")
def test_dangling_link_in_folder_is_rejected(tmp_path: Path) -> None:
    (tmp_path / "a.jsonl").symlink_to(tmp_path / "gone.jsonl")
    (tmp_path / "b.txt").write_text("Still read.", encoding="utf-8")
    out = list(read_inputs([tmp_path]))
    assert isinstance(out[0], Rejected) and out[0].origin == str(tmp_path / "a.jsonl")
    assert "cannot open the file" in out[0].reason
    assert isinstance(out[1], Article) and out[1].id == "b"
