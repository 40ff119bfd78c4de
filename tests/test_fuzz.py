"""Fuzzing: no input makes the readers or the coder raise, and what they give back is sound.

Readers (``read_inputs`` on .jsonl, .jsonl.gz, .txt, .html) get arbitrary bytes, arbitrary
text in several encodings, and JSON lines of every shape; every item must be an Article
with usable text or a Rejected that names the file and says why. The coder gets arbitrary
unicode and news-like word salad; it must not raise, and every event's evidence span must
index its sentence in the text.

Example counts are kept small (the whole file runs in about 20 s); ``deadline=None``
because the first example of a test pays for warming caches.
"""

from __future__ import annotations

import gzip
import itertools
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dotterel.ingest import read_inputs
from dotterel.types import Article, Rejected

# database=None: no .hypothesis folder is left in the work tree
FUZZ = settings(max_examples=40, deadline=None, database=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture,
                                       HealthCheck.too_slow, HealthCheck.data_too_large])
SUFFIXES = (".jsonl", ".jsonl.gz", ".txt", ".html")

# Pieces that break naive text handling: right-to-left scripts and controls, emoji with
# joiners and modifiers, combining marks, byte-order marks, NULs, odd line breaks.
TRICKY = ["مرحبا بالعالم", "שלום עולם", "\u202eevil\u202c", "\u200f", "👨‍👩‍👧‍👦", "🇺🇦", "👍🏽",
          "e\u0301", "\ufeff", "\x00", "\r\n", "\r", "\u2028", "\u2029", "\x0b", "\x0c",
          "Ωμέγα", "Россия", "中国", "\U0001f600" * 3, " ", "\t", "\"", "\\", "<", "&amp;"]
NEWS = ["Mexico", "broke off", "diplomatic relations", "with", "Ecuador", "on Friday", ".",
        "President", "Andrés Manuel López Obrador", "said", "\"", "Russia", "condemned",
        "Ukraine", "attacked", "Kyiv", "the", "United Nations", "met", "in", "Geneva", ",",
        "\n", "\n\n", "  ", "(", ")", "'s", "will impose sanctions on", "Iran", "WASHINGTON —"]

text_pieces = st.one_of(st.text(max_size=40), st.sampled_from(TRICKY), st.sampled_from(NEWS))
fuzzy_text = st.lists(text_pieces, max_size=30).map("".join)
encodings = st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "latin-1",
                             "cp1252", "utf-32"])
json_scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False),
                         fuzzy_text)
json_values = st.recursive(json_scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=8), inner, max_size=4)),
    max_leaves=12)
field_values = st.one_of(json_values, fuzzy_text,
                         st.sampled_from(["", " ", "2024-04-06", "240406", "20240406",
                                          "2024-02-30", "9999-99-99", "\ud800", "x\udfffy"]))
records = st.fixed_dictionaries({}, optional={
    "id": field_values, "text": field_values, "published": field_values,
    "title": field_values, "url": field_values, "outlet": field_values})


def _encode(text: str, encoding: str) -> bytes:
    return text.encode(encoding, errors="surrogatepass" if encoding.startswith("utf") else "replace")


@st.composite
def jsonl_lines(draw: st.DrawFn) -> bytes:
    """One physical line: a JSON record, any JSON value, raw text in some encoding, or bytes."""
    kind = draw(st.sampled_from(["record", "value", "text", "bytes"]))
    if kind == "record":
        return json.dumps(draw(records), ensure_ascii=draw(st.booleans())).encode(
            "utf-8", errors="surrogatepass")
    if kind == "value":
        return json.dumps(draw(json_values), ensure_ascii=draw(st.booleans())).encode(
            "utf-8", errors="surrogatepass")
    if kind == "text":
        return _encode(draw(fuzzy_text), draw(encodings))
    return draw(st.binary(max_size=200))


@st.composite
def html_pages(draw: st.DrawFn) -> bytes:
    """Pages from well-formed to hostile: deep nesting, unclosed tags, scripts, odd charsets."""
    depth = draw(st.integers(0, 3000))
    tag = draw(st.sampled_from(["div", "p", "span", "article", "table", "b"]))
    body = draw(fuzzy_text)
    title = draw(fuzzy_text)
    closing = draw(st.booleans())
    head = draw(st.sampled_from(["", "<meta charset='utf-8'>", "<meta charset='shift_jis'>",
                                 "<meta name='date' content='2024-13-45'>",
                                 "<script>while(1){}</script>"]))
    page = (f"<html><head>{head}<title>{title}</title></head><body>" + f"<{tag}>" * depth
            + f"<p>{body}</p>" + (f"</{tag}>" * depth if closing else "") + "</body></html>")
    return _encode(page, draw(encodings))


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


_names = itertools.count()


def _write(folder: Path, suffix: str, data: bytes) -> Path:
    """A fresh file per example, so no example reads another's leftovers."""
    path = folder / f"f{next(_names)}{suffix}"
    path.write_bytes(gzip.compress(data) if suffix == ".jsonl.gz" else data)
    return path


def check(path: Path) -> list[Article | Rejected]:
    """Read ``path`` and assert every item is sound; return the items."""
    items = list(read_inputs(path))  # must not raise
    for item in items:
        assert isinstance(item, (Article, Rejected)), item
        if isinstance(item, Rejected):
            assert item.reason.strip(), item
            assert item.origin == str(path), item
            assert item.line is None or item.line >= 1
        else:
            assert item.text.strip() and "\x00" not in item.text
            item.text.encode("utf-8")  # no lone surrogates reach the coder or the store
            assert item.id.strip()
            assert item.origin == str(path) or item.origin.startswith(f"{path}:")
    return items


@FUZZ
@given(suffix=st.sampled_from(SUFFIXES), data=st.binary(max_size=3000))
def test_readers_survive_arbitrary_bytes(folder: Path, suffix: str, data: bytes) -> None:
    check(_write(folder, suffix, data))


@FUZZ
@given(suffix=st.sampled_from(SUFFIXES), text=fuzzy_text, encoding=encodings)
def test_readers_survive_arbitrary_text_in_any_encoding(folder: Path, suffix: str, text: str,
                                                        encoding: str) -> None:
    check(_write(folder, suffix, _encode(text, encoding)))


@FUZZ
@given(lines=st.lists(jsonl_lines(), max_size=12), gz=st.booleans(),
       ending=st.sampled_from([b"\n", b"\r\n"]))
def test_jsonl_reader_survives_any_lines(folder: Path, lines: list[bytes], gz: bool,
                                         ending: bytes) -> None:
    path = _write(folder, ".jsonl.gz" if gz else ".jsonl", ending.join(lines))
    items = check(path)
    # every line with something on it is accounted for, once (blank lines are skipped)
    physical = ending.join(lines).split(b"\n")
    assert len(items) <= sum(1 for line in physical if line.strip())


@settings(max_examples=25, deadline=None, database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(page=html_pages())
def test_html_reader_survives_hostile_pages(folder: Path, page: bytes) -> None:
    check(_write(folder, ".html", page))


def test_readers_survive_a_ten_megabyte_article(folder: Path) -> None:
    para = "Mexico broke off diplomatic relations with Ecuador on Friday. 🇲🇽 مرحبا "
    text = (para * (10_000_000 // len(para) + 1))[:10_000_000]
    record = json.dumps({"id": "big", "text": text}, ensure_ascii=False).encode("utf-8")
    for suffix, data in ((".jsonl", record), (".jsonl.gz", record),
                         (".txt", text.encode("utf-8")),
                         (".html", f"<html><body><p>{text}</p></body></html>".encode("utf-8"))):
        items = check(_write(folder, suffix, data))
        assert len(items) == 1, suffix
        if suffix != ".html":  # libxml2 may refuse a 10 MB text node; a reason is enough
            assert isinstance(items[0], Article) and len(items[0].text) == 10_000_000


def test_jsonl_reader_survives_a_line_of_a_million_characters(folder: Path) -> None:
    lines = [b"x" * 1_000_000,  # not JSON
             b"[" * 1_000_000,  # nesting far past the recursion limit
             b"1" * 1_000_000,  # an integer too long to convert
             json.dumps({"text": "\u062a" * 1_000_000}).encode(),  # valid, one huge word
             json.dumps({"text": "ok", "id": "é" * 1_000_000}, ensure_ascii=False).encode()]
    items = check(_write(folder, ".jsonl", b"\n".join(lines)))
    assert [type(i).__name__ for i in items] == ["Rejected", "Rejected", "Rejected",
                                                 "Article", "Article"]
    assert [i.line for i in items if isinstance(i, Rejected)] == [1, 2, 3]


def _check_events(text: str, events: list) -> None:
    for ev in events:
        span = ev.evidence
        assert 0 <= span.start <= span.end <= len(text), (text, span)
        assert span.sentence.strip()
        assert text[span.start:span.end] == span.sentence, (text, span)


def test_evidence_span_of_text_with_leading_whitespace(coder) -> None:
    text = " Iran accused Russia on Friday."
    events = coder.code(text)
    assert events
    for ev in events:
        assert text[ev.evidence.start:ev.evidence.end] == ev.evidence.sentence


@settings(max_examples=100, deadline=None, database=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(text=st.text(max_size=300))
def test_coder_survives_arbitrary_unicode(coder, text: str) -> None:
    _check_events(text, coder.code(text))  # must not raise


ACTORS = ["Mexico", "Ecuador", "Russia", "Ukraine", "President Andrés Manuel López Obrador",
          "the United Nations", "Iran", "Israeli troops", "Chinese officials", "NATO"]
VERBS = ["broke off diplomatic relations with", "condemned", "attacked", "met", "accused",
         "will impose sanctions on", "signed an agreement with", "did not criticise",
         "expelled diplomats from", "said it would help"]


@st.composite
def news_like(draw: st.DrawFn) -> str:
    """Sentences a coder finds events in, with tricky pieces and odd spacing between words,
    so that the evidence spans of real events are checked."""
    out = []
    for _ in range(draw(st.integers(1, 5))):
        words = [draw(st.sampled_from(ACTORS)), draw(st.sampled_from(VERBS)),
                 draw(st.sampled_from(ACTORS)), draw(st.sampled_from(["on Friday", "", "in Geneva"]))]
        gaps = [draw(st.one_of(st.just(" "), st.sampled_from(TRICKY), st.sampled_from(NEWS)))
                if draw(st.integers(0, 5)) == 0 else " " for _ in words]
        out.append("".join(w + g for w, g in zip(words, gaps)).rstrip() + ".")
        out.append(draw(st.sampled_from([" ", "\n", "\n\n", "  ", "\n \n", "\r\n", " \u2028 "])))
    return draw(st.sampled_from(["", " ", "\n", "WASHINGTON — ", "\ufeff"])) + "".join(out)


@settings(max_examples=80, deadline=None, database=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(text=st.one_of(news_like(), st.lists(st.sampled_from(NEWS + TRICKY), max_size=40).map(" ".join)),
       published=st.sampled_from([None, "2024-04-06"]))
def test_coder_evidence_indexes_the_text(coder, text: str, published: str | None) -> None:
    _check_events(text, coder.code(text, published=published))
