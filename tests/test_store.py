"""Tests of the DuckDB event store, on real files under tmp_path."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from dotterel.errors import StoreError
from dotterel.store import SCHEMA_VERSION, Store, content_hash, migrate
from dotterel.store.schema import (CANONICAL_COLUMNS, DOCUMENT_COLUMNS, EVENT_COLUMNS,
                                   EVIDENCE_COLUMNS, QUOTE_COLUMNS)
from dotterel.types import Actor, Article, Event, Evidence, Place, Quote, TimeRef

USA = Actor(code="USAGOV", country="USA", sector="GOV", name="Joe Biden",
            text="President Biden", role="president")
MEX = Actor(code="MEXGOV", country="MEX", sector="GOV", name="Mexico", text="Mexico")
RUS = Actor(code="RUSMIL", country="RUS", sector="MIL", name="Russian armed forces",
            text="Russian troops")
UKR = Actor(code="UKR", country="UKR", name="Ukraine", text="Ukraine")


def make_event(doc_id: str, n: int, *, source: Actor | None = USA, target: Actor | None = MEX,
               cameo: str = "042", quad: int = 1,
               date: TimeRef | None | str = "default",
               sentence: str = "President Biden visited Mexico.", start: int = 0,
               negated: bool = False, **kw: object) -> Event:
    """One hand-built event; ``n`` makes its id unique within the document."""
    return Event(
        event_id=f"{doc_id}-e{n}",
        doc_id=doc_id,
        date=TimeRef(dt.date(2024, 4, 5)) if date == "default" else date,  # type: ignore[arg-type]
        date_basis="text",
        source=source,
        target=target,
        cameo=cameo,
        plover="CONSULT",
        plover_mode="visit",
        goldstein=1.9,
        quad_class=quad,
        evidence=Evidence(sentence=sentence, start=start, end=start + len(sentence),
                          trigger="visited", trigger_start=start + 16, trigger_end=start + 23),
        negated=negated,
        **kw,  # type: ignore[arg-type]
    )


def make_article(doc_id: str, text: str = "President Biden visited Mexico.",
                 published: dt.date | None = dt.date(2024, 4, 6)) -> Article:
    return Article(id=doc_id, text=text, published=published, title=f"Title {doc_id}",
                   url=f"https://example.org/{doc_id}", outlet="Example News",
                   published_basis="input", origin="in.jsonl:1")


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "events.duckdb"


@pytest.fixture
def filled(path: Path) -> Path:
    """A store with four documents whose events exercise every filter."""
    items = [
        (make_article("a1"), [
            make_event("a1", 1),  # USA -> MEX, 042, 2024-04-05
            make_event("a1", 2, source=RUS, target=UKR, cameo="1823", quad=4,
                       sentence="Russian troops shelled Kharkiv.", start=40,
                       date=TimeRef(dt.date(2024, 4, 5))),
        ]),
        (make_article("b2", text="Mexico threatened sanctions."), [
            make_event("b2", 1, source=MEX, target=USA, cameo="163", quad=3,
                       sentence="Mexico threatened sanctions.",
                       date=TimeRef(dt.date(2024, 3, 1), "month")),
        ]),
        (make_article("c3", text="Ukraine did not attack."), [
            make_event("c3", 1, source=UKR, target=RUS, cameo="190", quad=4, negated=True,
                       sentence="Ukraine did not attack.",
                       date=TimeRef(dt.date(2023, 1, 1), "year")),
            make_event("c3", 2, source=UKR, target=None, cameo="0211", quad=1, date=None,
                       sentence="Ukraine appealed for aid."),
        ]),
        (make_article("d4", text="nothing happened", published=None), []),
    ]
    with Store(path) as store:
        assert store.add_many(items) == (4, 0)
    return path


def ids(records: list[dict]) -> list[str]:
    return [r["event_id"] for r in records]


# -- contract round trip ----------------------------------------------------------------


def test_round_trip_of_a_contract_record(path: Path) -> None:
    event = make_event(
        "r1", 1, modality="reported", confidence=0.81234,
        location=Place(name="Mexico City", country="MEX", lat=19.4285, lon=-99.1277,
                       geonameid=3530597),
        quote=Quote(speaker="Biden", text="We are friends — amigos.", start=3, end=20),
        info_source=Actor(code="MEXMED", country="MEX", sector="MED", text="El Universal"),
    )
    with Store(path) as store:
        assert store.add(make_article("r1"), [event]) is True
        (record,) = store.events()
        assert record == event.to_dict()
        # The typed columns agree with the record.
        row = store.conn.execute(
            "SELECT date, date_start, cameo_root, source_code, target_country, lat, "
            "geonameid, quote_speaker, negated FROM events").fetchone()
        assert row == ("2024-04-05", dt.date(2024, 4, 5), "04", "USAGOV", "MEX", 19.4285,
                       3530597, "Biden", False)
        ev = store.conn.execute('SELECT sentence, start, "end", trigger FROM evidence').fetchone()
        assert ev == ("President Biden visited Mexico.", 0, 31, "visited")


def test_documents_round_trip(path: Path) -> None:
    article = make_article("d1", text="Ünïcode text — with 'quotes' and \"doubles\".")
    with Store(path) as store:
        store.add(article, [make_event("d1", 1), make_event("d1", 2)])
        (doc,) = store.documents()
    assert doc["doc_id"] == "d1"
    assert doc["text"] == article.text
    assert doc["content_hash"] == content_hash(article.text)
    assert doc["published"] == "2024-04-06"
    assert doc["published_basis"] == "input"
    assert doc["origin"] == "in.jsonl:1"
    assert doc["n_events"] == 2
    assert dt.datetime.fromisoformat(doc["coded_at"])


def test_content_hash_is_sha256_hex() -> None:
    assert content_hash("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
    assert content_hash("a") != content_hash("b")


# -- idempotence and replacement -------------------------------------------------------


def test_adding_the_same_article_twice_writes_nothing(path: Path) -> None:
    article = make_article("x1")
    events = [make_event("x1", 1), make_event("x1", 2)]
    with Store(path) as store:
        assert store.add(article, events) is True
        before = store.counts()
        assert before == {"documents": 1, "events": 2, "evidence": 2}
        assert store.add(article, events) is False
        assert store.counts() == before
        assert store.add_many([(article, events)] * 3) == (0, 3)
        assert store.counts() == before


def test_reopening_and_adding_again_is_idempotent(path: Path) -> None:
    article, events = make_article("x1"), [make_event("x1", 1)]
    with Store(path) as store:
        store.add(article, events)
    with Store(path) as store:
        assert store.add(article, events) is False
        assert store.counts() == {"documents": 1, "events": 1, "evidence": 1}


def test_changed_text_replaces_the_old_events(path: Path) -> None:
    with Store(path) as store:
        store.add(make_article("x1"), [make_event("x1", 1), make_event("x1", 2)])
        store.add(make_article("y2", text="other"), [make_event("y2", 1)])
        new_text = "President Biden visited Mexico again."
        replacement = make_event("x1", 9, cameo="036", sentence=new_text)
        assert store.add(make_article("x1", text=new_text), [replacement]) is True
        assert store.counts() == {"documents": 2, "events": 2, "evidence": 2}
        assert ids(store.events(doc_id="x1")) == ["x1-e9"]
        assert store.has("x1", content_hash(new_text))
        assert not store.has("x1", content_hash("President Biden visited Mexico."))
        assert ids(store.events(doc_id="y2")) == ["y2-e1"]  # the other article is untouched


def test_one_batch_merges_every_dyad_it_touches_and_leaves_the_old_ones(path: Path) -> None:
    """The canonical events of each dyad a batch touches are merged again, those of the
    dyad an article's old text had included; other dyads keep theirs."""
    ecu = Actor(code="ECU", country="ECU", sector="", name="Ecuador")
    with Store(path) as store:
        store.add_many([(make_article("x1"), [make_event("x1", 1)]),
                        (make_article("y2", text="other"), [make_event("y2", 1, target=ecu)]),
                        (make_article("z3", text="more"), [make_event("z3", 1)])])
        dyads = sorted((e["source"]["country"], e["target"]["country"], e["n_mentions"])
                       for e in store.canonical_events())
        assert dyads == [("USA", "ECU", 1), ("USA", "MEX", 2)]
        store.add(make_article("x1", text="changed"), [make_event("x1", 1, target=ecu)])
        dyads = sorted((e["source"]["country"], e["target"]["country"], e["n_mentions"])
                       for e in store.canonical_events())
        assert dyads == [("USA", "ECU", 2), ("USA", "MEX", 1)]


def test_another_coding_replaces_what_an_article_had(path: Path) -> None:
    """The same text coded again by another coding (a new Dotterel, model, lexicon or
    dictionaries) replaces what the old one stored; by the same coding, it is skipped."""
    article = make_article("x1")
    with Store(path) as store:
        assert store.add(article, [make_event("x1", 1)], coded_by="old coding")
        assert not store.add(article, [make_event("x1", 2)], coded_by="old coding")
        assert store.add_many([(article, [make_event("x1", 3, cameo="036")])],
                              coded_by="new coding") == (1, 0)
        assert ids(store.events()) == ["x1-e3"]
        assert store.stored_codings() == {"x1": (content_hash(article.text), "new coding")}


def test_changed_text_may_reuse_event_ids(path: Path) -> None:
    with Store(path) as store:
        store.add(make_article("x1"), [make_event("x1", 1)])
        assert store.add(make_article("x1", text="changed"), [make_event("x1", 1, cameo="051")])
        (record,) = store.events()
        assert record["cameo"] == "051"


def test_add_many_counts_and_batches(path: Path) -> None:
    items = [(make_article(f"m{i}", text=f"text {i}"), [make_event(f"m{i}", 1)])
             for i in range(450)]  # three batches: 200, 200, 50
    with Store(path) as store:
        assert store.add_many(items) == (450, 0)
        assert store.counts() == {"documents": 450, "events": 450, "evidence": 450}
        changed = [(make_article("m3", text="new"), [make_event("m3", 1)])]
        assert store.add_many(items[:10] + changed) == (1, 10)
        assert store.counts() == {"documents": 450, "events": 450, "evidence": 450}


def test_add_many_same_id_twice_in_one_batch(path: Path) -> None:
    first = (make_article("z"), [make_event("z", 1)])
    second = (make_article("z", text="later"), [make_event("z", 2), make_event("z", 3)])
    with Store(path) as store:
        # As if added one by one: first written, its copy skipped, second replaces it.
        assert store.add_many([first, first, second]) == (2, 1)
        assert ids(store.events()) == ["z-e2", "z-e3"]
        assert store.has("z", content_hash("later"))


def test_an_event_of_another_document_is_refused(path: Path) -> None:
    with Store(path) as store:
        with pytest.raises(ValueError, match="doc_id"):
            store.add(make_article("a"), [make_event("b", 1)])
        assert store.counts()["documents"] == 0


def test_a_failed_write_is_rolled_back(path: Path) -> None:
    with Store(path) as store:
        store.add(make_article("a"), [make_event("a", 1)])
        clash = make_event("b", 1)
        clash = Event(**{**clash.__dict__, "event_id": "a-e1"})  # an id another article owns
        with pytest.raises(StoreError, match="cannot write"):
            store.add(make_article("b", text="other"), [clash])
        assert store.counts() == {"documents": 1, "events": 1, "evidence": 1}
        assert not store.has("b")
        assert store.add(make_article("c", text="third"), [make_event("c", 1)])  # still usable


def test_has(path: Path) -> None:
    with Store(path) as store:
        store.add(make_article("h"), [])
        assert store.has("h")
        assert store.has("h", content_hash("President Biden visited Mexico."))
        assert not store.has("h", content_hash("something else"))
        assert not store.has("nope")
        assert store.counts() == {"documents": 1, "events": 0, "evidence": 0}


# -- filters -------------------------------------------------------------------------


def test_no_filter_orders_by_date_doc_and_offset(filled: Path) -> None:
    with Store(filled, read_only=True) as store:
        # undated last; 2024-03 (b2) before 2024-04-05 (a1, by evidence offset 0 then 40)
        assert ids(store.events()) == ["b2-e1", "a1-e1", "a1-e2", "c3-e2"]
        assert ids(store.events(include_negated=True)) == \
            ["c3-e1", "b2-e1", "a1-e1", "a1-e2", "c3-e2"]


def test_actor_filter(filled: Path) -> None:
    with Store(filled, read_only=True) as store:
        assert ids(store.events(actor="USA")) == ["b2-e1", "a1-e1"]  # source or target
        assert ids(store.events(actor="usagov")) == ["b2-e1", "a1-e1"]
        assert ids(store.events(actor="RUSMIL")) == ["a1-e2"]
        assert ids(store.events(actor="biden")) == ["b2-e1", "a1-e1"]  # name substring
        assert ids(store.events(actor="armed forces")) == ["a1-e2"]
        assert ids(store.events(actor="GOV")) == []  # a prefix, not any substring of a code
        assert ids(store.events(actor="50%_")) == []  # LIKE wildcards are plain text


def test_country_filter(filled: Path) -> None:
    with Store(filled, read_only=True) as store:
        assert ids(store.events(country="MEX")) == ["b2-e1", "a1-e1"]
        assert ids(store.events(country="ukr")) == ["a1-e2", "c3-e2"]
        assert ids(store.events(country="UKR", include_negated=True)) == \
            ["c3-e1", "a1-e2", "c3-e2"]


def test_code_filter_is_a_prefix(filled: Path) -> None:
    with Store(filled, read_only=True) as store:
        assert ids(store.events(code="18")) == ["a1-e2"]
        assert ids(store.events(code="1823")) == ["a1-e2"]
        assert ids(store.events(code="182")) == ["a1-e2"]
        assert ids(store.events(code="02")) == ["c3-e2"]
        assert ids(store.events(code="2")) == []


def test_quad_class_filter(filled: Path) -> None:
    with Store(filled, read_only=True) as store:
        assert ids(store.events(quad_class=4)) == ["a1-e2"]
        assert ids(store.events(quad_class=4, include_negated=True)) == ["c3-e1", "a1-e2"]
        assert ids(store.events(quad_class=2)) == []


def test_date_filters(filled: Path) -> None:
    with Store(filled, read_only=True) as store:
        assert ids(store.events(since="2024-04-01")) == ["a1-e1", "a1-e2"]
        assert ids(store.events(since="2024-03-01", until="2024-03-31")) == ["b2-e1"]
        assert ids(store.events(until="2024-03")) == ["b2-e1"]  # to the end of March
        assert ids(store.events(since="2024-04-05", until="2024-04-05")) == ["a1-e1", "a1-e2"]
        assert ids(store.events(since="2024")) == ["b2-e1", "a1-e1", "a1-e2"]
        assert ids(store.events(until="2023", include_negated=True)) == ["c3-e1"]
        assert ids(store.events(since="2024-04-06")) == []
        with pytest.raises(ValueError, match="YYYY"):
            store.events(since="April 2024")
        with pytest.raises(ValueError, match="not a real date"):
            store.events(until="2024-02-30")


def test_text_filter(filled: Path) -> None:
    with Store(filled, read_only=True) as store:
        assert ids(store.events(text="shelled")) == ["a1-e2"]
        assert ids(store.events(text="MEXICO")) == ["b2-e1", "a1-e1"]
        assert ids(store.events(text="not attack")) == []
        assert ids(store.events(text="not attack", include_negated=True)) == ["c3-e1"]


def test_doc_id_filter_and_limit(filled: Path) -> None:
    with Store(filled, read_only=True) as store:
        assert ids(store.events(doc_id="a1")) == ["a1-e1", "a1-e2"]
        assert ids(store.events(doc_id="d4")) == []
        assert ids(store.events(limit=2)) == ["b2-e1", "a1-e1"]
        assert store.events(limit=0) == []
        with pytest.raises(ValueError):
            store.events(limit=-1)


def test_newest_first_pages_in_the_store(filled: Path) -> None:
    with Store(filled, read_only=True) as store:
        # one day's events keep their order; undated last either way
        assert ids(store.events(newest_first=True)) == ["a1-e1", "a1-e2", "b2-e1", "c3-e2"]
        assert ids(store.events(newest_first=True, offset=1, limit=2)) == ["a1-e2", "b2-e1"]
        assert ids(store.events(offset=3)) == ["c3-e2"]
        assert store.count_events() == 4
        assert store.count_events(actor="USA", include_negated=True) == 2
        assert store.count_events(text="shelled") == 1
        with pytest.raises(ValueError, match="offset"):
            store.events(offset=-1)


def test_actor_code_filter_matches_codes_only(filled: Path) -> None:
    with Store(filled, read_only=True) as store:
        assert ids(store.events(actor_code="usa")) == ["b2-e1", "a1-e1"]
        assert ids(store.events(actor_code="RUSMIL")) == ["a1-e2"]
        assert ids(store.events(actor_code="armed")) == []  # a name is no code


def test_filters_combine(filled: Path) -> None:
    with Store(filled, read_only=True) as store:
        assert ids(store.events(actor="UKR", code="18", since="2024-04")) == ["a1-e2"]
        assert ids(store.events(actor="USA", country="MEX", quad_class=3)) == ["b2-e1"]
        assert ids(store.events(actor="USA", text="shelled")) == []


def test_documents_and_counts(filled: Path) -> None:
    with Store(filled, read_only=True) as store:
        assert store.counts() == {"documents": 4, "events": 5, "evidence": 5}
        docs = store.documents()
        assert [d["doc_id"] for d in docs] == ["a1", "b2", "c3", "d4"]  # undated d4 last
        assert [d["n_events"] for d in docs] == [2, 1, 2, 0]
        assert docs[3]["published"] is None
        assert len(store.documents(limit=1)) == 1


# -- opening ---------------------------------------------------------------------------


def test_read_only_store_reads_after_writer_closed(path: Path) -> None:
    with Store(path) as writer:
        writer.add(make_article("a"), [make_event("a", 1)])
    with Store(path, read_only=True) as reader:
        assert reader.counts() == {"documents": 1, "events": 1, "evidence": 1}
        assert ids(reader.events()) == ["a-e1"]
        with pytest.raises(StoreError, match="read-only"):
            reader.add(make_article("b", text="b"), [])
        with pytest.raises(StoreError, match="read-only"):
            reader.migrate()
    with Store(path, read_only=True) as r1, Store(path, read_only=True) as r2:
        assert r1.counts() == r2.counts()  # readers share a file


def test_read_only_open_of_a_missing_file(tmp_path: Path) -> None:
    missing = tmp_path / "nope.duckdb"
    with pytest.raises(StoreError, match="does not exist"):
        Store(missing, read_only=True)
    assert not missing.exists()


def test_a_file_that_is_not_duckdb(tmp_path: Path) -> None:
    bad = tmp_path / "events.duckdb"
    bad.write_text("doc_id,text\n1,hello\n")
    for read_only in (False, True):
        with pytest.raises(StoreError, match="not a DuckDB database file") as info:
            Store(bad, read_only=read_only)
        assert str(bad) in str(info.value)
        assert "new one" in str(info.value)  # says what to do
    assert bad.read_text() == "doc_id,text\n1,hello\n"  # left alone


def test_a_duckdb_file_that_is_not_a_store(tmp_path: Path) -> None:
    other = tmp_path / "other.duckdb"
    conn = duckdb.connect(str(other))
    conn.execute("CREATE TABLE t (x INTEGER)")
    conn.close()
    with pytest.raises(StoreError, match="not a Dotterel event store"):
        Store(other, read_only=True)


def test_a_file_locked_by_another_process(path: Path) -> None:
    Store(path).close()
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import duckdb, sys; c = duckdb.connect(sys.argv[1]); print('ready', flush=True); "
         "sys.stdin.read()", str(path)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ready"
        with pytest.raises(StoreError, match="in use by another process"):
            Store(path)
    finally:
        holder.communicate("")  # closing stdin lets it exit
    with Store(path) as store:  # free again once it has gone
        assert store.counts()["documents"] == 0


def test_a_closed_store_says_so(path: Path) -> None:
    store = Store(path)
    store.close()
    store.close()  # harmless
    with pytest.raises(StoreError, match="closed"):
        store.counts()


def test_creates_missing_parent_folders(tmp_path: Path) -> None:
    deep = tmp_path / "a" / "b" / "events.duckdb"
    with Store(deep) as store:
        assert store.counts() == {"documents": 0, "events": 0, "evidence": 0}
    assert deep.exists()


# -- schema ----------------------------------------------------------------------------


def test_schema_version_is_recorded(path: Path) -> None:
    with Store(path) as store:
        assert store.schema_version == SCHEMA_VERSION == 4
        assert store.conn.execute(
            "SELECT value FROM meta WHERE key = 'schema_version'").fetchall() == [("4",)]


def test_migrate_is_a_no_op_on_a_current_file(path: Path) -> None:
    with Store(path) as store:
        store.add(make_article("a"), [make_event("a", 1)])
        assert store.migrate() == []
        assert store.schema_version == SCHEMA_VERSION
        assert store.counts() == {"documents": 1, "events": 1, "evidence": 1}
        assert store.conn.execute("SELECT count(*) FROM meta").fetchone() == (1,)
    conn = duckdb.connect(str(path))
    try:
        assert migrate(conn) == []
    finally:
        conn.close()


def test_migrate_brings_an_empty_duckdb_file_up_to_date(path: Path) -> None:
    duckdb.connect(str(path)).close()  # a DuckDB file at "version 0"
    conn = duckdb.connect(str(path))
    try:
        assert migrate(conn) == [1, 2, 3, 4]
        assert migrate(conn) == []
    finally:
        conn.close()
    with Store(path, read_only=True) as store:
        assert store.schema_version == 4


def test_a_version_1_store_is_migrated_with_its_rows(path: Path) -> None:
    from dotterel.store.schema import MIGRATIONS

    conn = duckdb.connect(str(path))
    for statement in MIGRATIONS[1]:
        conn.execute(statement)
    conn.execute("INSERT INTO meta VALUES ('schema_version', '1')")
    conn.execute("INSERT INTO documents (doc_id, content_hash, n_events, coded_at) "
                 "VALUES ('old', 'h', 0, now())")
    conn.close()
    with Store(path) as store:
        assert store.schema_version == 4
        assert store.counts()["documents"] == 1
        assert store.quotes() == []
        assert store.canonical_events() == []
        assert store.stored_codings() == {"old": ("h", None)}  # coded before codings were kept


def test_quotes_round_trip(path: Path) -> None:
    from dotterel.types import Actor, Quote

    speaker = Actor(code="MEXGOV", country="MEX", sector="GOV", name="Claudia Sheinbaum")
    quote = Quote(speaker="Claudia Sheinbaum", text="We will not restore relations",
                  start=10, end=39, speaker_actor=speaker, kind="direct")
    with Store(path) as store:
        store.add(make_article("a"), [make_event("a", 1)], [quote])
        store.add(make_article("a"), [make_event("a", 1)], [quote])  # same text: skipped
        rows = store.quotes(speaker="sheinbaum")
        assert len(rows) == 1 and rows[0]["speaker_code"] == "MEXGOV"
        assert store.quotes(text="restore")[0]["text"] == quote.text
        assert store.quotes(speaker="nobody") == []


def test_a_newer_schema_is_refused(path: Path) -> None:
    Store(path).close()
    conn = duckdb.connect(str(path))
    conn.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    conn.close()
    for read_only in (False, True):
        with pytest.raises(StoreError, match="newer"):
            Store(path, read_only=read_only)


def test_column_lists_match_the_tables(path: Path) -> None:
    with Store(path) as store:
        for table, columns in (("documents", DOCUMENT_COLUMNS), ("events", EVENT_COLUMNS),
                               ("evidence", EVIDENCE_COLUMNS), ("quotes", QUOTE_COLUMNS),
                               ("canonical_events", CANONICAL_COLUMNS)):
            found = store.conn.execute(
                "SELECT column_name, data_type FROM information_schema.columns "
                "WHERE table_name = ? ORDER BY ordinal_position", [table]).fetchall()
            assert [(n, t) for n, t in found] == list(columns), table


def test_shards_taken_in_together_store_what_their_articles_add(tmp_path: Path,
                                                                store_rows) -> None:
    """Several workers' shards in one transaction: the same rows as storing the articles,
    a later copy of an id replacing the earlier one, and the canonical events merged."""
    from dotterel.store.shards import ShardWriter

    ecu = Actor(code="ECU", country="ECU", sector="", name="Ecuador")
    first = [(make_article("s1"), [make_event("s1", 1)], []),
             (make_article("s2", text="two"), [make_event("s2", 1, target=ecu)], [])]
    second = [(make_article("s3", text="three"), [make_event("s3", 1)], []),
              (make_article("s1", text="again"), [make_event("s1", 2, cameo="036")], [])]
    with ShardWriter() as writer:  # one connection for both, as a worker has
        shards = [writer.write(first, tmp_path, "000000001"),
                  writer.write(second, tmp_path, "000000002")]
    with Store(tmp_path / "shards.duckdb") as store:
        assert store.take_shards(shards) == 4
    with Store(tmp_path / "added.duckdb") as store:
        store.add_many(first + second)
    assert store_rows(tmp_path / "shards.duckdb") == store_rows(tmp_path / "added.duckdb")
    assert all(shard.path("events").is_file() for shard in shards)  # the caller removes them


def test_a_merge_left_queued_is_done_by_the_next_writer(path: Path) -> None:
    """A long run merges once at its end; if it is killed first, the dyads stay queued in
    the file and the next run's merge takes them too."""
    with Store(path) as store:
        store.add_many([(make_article("q1"), [make_event("q1", 1)])], merge=False)
        assert store.canonical_events() == []  # not merged yet
    with Store(path) as store:  # a new process, after the first was killed
        assert store.merge_queued() == 1
        assert [e["n_mentions"] for e in store.canonical_events()] == [1]
        assert store.merge_queued() == 0
