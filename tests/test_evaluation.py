"""Unit tests of the scorer in ``dotterel.evaluation`` on small hand-made records."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dotterel.errors import InputError
from dotterel.evaluation import Scores, format_scores, load_gold, score


def gold(doc: str = "d1", cameo: str = "190", source: str | None = "RUSMIL",
         target: str | None = "UKR", *, required: bool = True, alts: tuple[str, ...] = (),
         date: str | None = "2022-02-24", tol: int = 0, **extra: object) -> dict:
    """A gold event in our own shape (actors as objects)."""
    return {"doc_id": doc, "required": required, "date": date, "date_tolerance_days": tol,
            "source": {"code": source} if source is not None else None,
            "target": {"code": target} if target is not None else None,
            "cameo": cameo, "cameo_alt": list(alts),
            "evidence": {"sentence": "...", "trigger": "..."}, **extra}


def pred(doc: str = "d1", cameo: str = "190", source: str | None = "RUSMIL",
         target: str | None = "UKRGOV", *, date: str | None = "2022-02-24",
         negated: bool = False) -> dict:
    """A prediction as ``Event.to_dict()`` writes it (only the fields the scorer reads)."""
    def actor(code: str | None) -> dict | None:
        if code is None:
            return None
        return {"code": code, "country": "IGO" if code.startswith("IGO") else code[:3],
                "sector": code[3:6], "name": "", "text": ""}
    return {"event_id": f"{doc}-{cameo}", "doc_id": doc, "date": date,
            "source": actor(source), "target": actor(target), "cameo": cameo,
            "negated": negated}


def test_perfect_match_scores_one() -> None:
    s = score([gold()], [pred()])
    assert isinstance(s, Scores)
    assert (s.gold, s.predicted) == (1, 1)
    assert s.recall == s.precision == s.f1 == 1.0
    assert s.full_code_acc == 1.0
    assert s.source_sector_acc == 1.0
    assert s.date_acc == 1.0
    assert s.missed == () and s.spurious == ()


def test_root_match_counts_but_full_code_does_not() -> None:
    s = score([gold(cameo="195")], [pred(cameo="193")])
    assert s.recall == 1.0
    assert s.full_code_acc == 0.0


def test_cameo_alt_roots_are_accepted() -> None:
    g = gold(cameo="12", alts=("16",), source="MEXGOV", target="ECUGOV")
    assert score([g], [pred(cameo="161", source="MEXGOV", target="ECUGOV")]).recall == 1.0
    # A prediction equal to an alternative code counts as a full-code hit too.
    s = score([gold(cameo="161", alts=("174",))], [pred(cameo="174")])
    assert s.full_code_acc == 1.0


def test_wrong_root_or_wrong_country_does_not_match() -> None:
    assert score([gold()], [pred(cameo="111")]).recall == 0.0
    assert score([gold()], [pred(source="BLRMIL")]).recall == 0.0
    assert score([gold()], [pred(target="POL")]).recall == 0.0


def test_sector_differences_only_affect_sector_accuracy() -> None:
    s = score([gold(source="RUSMIL")], [pred(source="RUSGOV")])
    assert s.recall == 1.0
    assert s.source_sector_acc == 0.0


def test_igo_codes_match_each_other() -> None:
    g = gold(cameo="12", source="IGO", target="MEXGOV")
    s = score([g], [pred(cameo="120", source="IGOUNOJUDICJ", target="MEXGOV")])
    assert s.recall == 1.0
    # IGO codes carry no sector, so there is nothing to compare.
    assert s.source_sector_acc is None


def test_gold_target_null_or_dashes_accepts_any_target() -> None:
    for target in (None, "---", ""):
        g = gold(target=target)
        assert score([g], [pred(target="UKRGOV")]).recall == 1.0
        assert score([g], [pred(target=None)]).recall == 1.0


def test_prediction_without_target_matches_only_open_gold_target() -> None:
    assert score([gold(target="UKR")], [pred(target=None)]).recall == 0.0


def test_negated_predictions_are_ignored() -> None:
    s = score([gold()], [pred(negated=True)])
    assert s.predicted == 0
    assert s.recall == 0.0 and s.precision == 0.0
    assert s.spurious == ()


def test_optional_gold_is_neither_missed_nor_spurious() -> None:
    s = score([gold(), gold(cameo="111", source="USAGOV", target="RUSGOV", required=False)],
              [pred(), pred(cameo="111", source="USAGOV", target="RUSGOV")])
    assert s.gold == 1
    assert s.recall == 1.0 and s.precision == 1.0
    # An optional event nobody found is not a miss either.
    s2 = score([gold(), gold(cameo="111", required=False)], [pred()])
    assert s2.missed == () and s2.recall == 1.0


def test_required_gold_gets_first_pick() -> None:
    # The optional event comes first in the file, but the only prediction must go to the
    # required one.
    optional = gold(cameo="190", required=False)
    required = gold(cameo="195", alts=("19",))
    s = score([optional, required], [pred(cameo="190")])
    assert s.recall == 1.0
    assert s.missed == ()


def test_matching_is_one_to_one() -> None:
    s = score([gold(), gold()], [pred()])
    assert s.recall == 0.5
    assert len(s.missed) == 1
    s = score([gold()], [pred(), pred()])
    assert s.precision == 0.5
    assert len(s.spurious) == 1


def test_best_candidate_is_chosen_for_accuracies() -> None:
    # Both predictions match; the one with the exact code and date should be paired.
    s = score([gold(cameo="195")], [pred(cameo="190", date="2022-03-01"),
                                    pred(cameo="195", date="2022-02-24")])
    assert s.full_code_acc == 1.0 and s.date_acc == 1.0


def test_predictions_only_match_their_own_document() -> None:
    s = score([gold(doc="d1")], [pred(doc="d2")], doc_ids=["d1", "d2"])
    assert s.recall == 0.0 and s.precision == 0.0
    assert s.predicted == 1


def test_doc_ids_restrict_scoring() -> None:
    golds = [gold(doc="d1"), gold(doc="d2")]
    preds = [pred(doc="d1"), pred(doc="d3")]
    s = score(golds, preds, doc_ids=["d1"])
    assert (s.gold, s.predicted, s.recall, s.precision) == (1, 1, 1.0, 1.0)
    # Without doc_ids, the scored documents are those with gold events: d3 is left out.
    s = score(golds, preds)
    assert (s.gold, s.predicted) == (2, 1)
    assert s.recall == 0.5


def test_date_tolerance_and_precisions() -> None:
    assert score([gold(tol=1)], [pred(date="2022-02-25")]).date_acc == 1.0
    assert score([gold(tol=0)], [pred(date="2022-02-25")]).date_acc == 0.0
    # A month stands for the 15th: 2022-02 vs gold 2022-02-24 is 9 days away.
    assert score([gold(tol=9)], [pred(date="2022-02")]).date_acc == 1.0
    assert score([gold(tol=8)], [pred(date="2022-02")]).date_acc == 0.0
    # A year stands for July 1.
    assert score([gold(date="2022", tol=0)], [pred(date="2022-07-01")]).date_acc == 1.0
    # A prediction without a date is wrong when the gold has one.
    assert score([gold()], [pred(date=None)]).date_acc == 0.0
    # Gold without a date: nothing to check.
    assert score([gold(date=None)], [pred()]).date_acc is None


def test_seed_gold_shape_is_read() -> None:
    # The seed gold writes actors as bare strings with *_alt lists and evidence as text.
    seed = {"doc_id": "d1", "required": True, "date": "2023-09-12", "date_tolerance_days": 0,
            "source": "PERCOP", "source_alt": [], "target": "BOLGOV", "target_alt": ["BOL"],
            "cameo": "17", "cameo_alt": ["18", "171"], "evidence": "police searched"}
    s = score([seed], [pred(cameo="171", source="PERCOP", target="BOL", date="2023-09-12")])
    assert s.recall == 1.0 and s.full_code_acc == 1.0 and s.source_sector_acc == 1.0


def test_alternative_actor_codes_widen_countries() -> None:
    g = gold(source="AFGREB", source_alt=["IMGREB"])
    assert score([g], [pred(source="IMGREB")]).recall == 1.0


def test_empty_inputs() -> None:
    s = score([], [])
    assert (s.gold, s.predicted, s.recall, s.precision, s.f1) == (0, 0, 0.0, 0.0, 0.0)
    assert s.source_sector_acc is None and s.date_acc is None


def test_f1_is_harmonic_mean() -> None:
    s = score([gold(), gold(cameo="111", source="USAGOV", target="RUS")],
              [pred(), pred(cameo="173"), pred(cameo="173")])
    assert s.recall == 0.5
    assert s.precision == pytest.approx(1 / 3)
    assert s.f1 == pytest.approx(2 * 0.5 * (1 / 3) / (0.5 + 1 / 3))


def test_load_gold_reads_and_reports_bad_lines(tmp_path: Path) -> None:
    good = tmp_path / "gold.jsonl"
    good.write_text(json.dumps(gold()) + "\n\n" + json.dumps(gold(doc="d2")) + "\n",
                    encoding="utf-8")
    assert [g["doc_id"] for g in load_gold(good)] == ["d1", "d2"]

    broken = tmp_path / "broken.jsonl"
    broken.write_text(json.dumps(gold()) + "\n{not json\n", encoding="utf-8")
    with pytest.raises(InputError, match=r":2: "):
        load_gold(broken)

    missing = tmp_path / "missing.jsonl"
    missing.write_text(json.dumps({"doc_id": "d1"}) + "\n", encoding="utf-8")
    with pytest.raises(InputError, match="cameo"):
        load_gold(missing)


def test_bundled_gold_is_well_formed() -> None:
    """Every bundled gold event names an article of the bundled samples."""
    root = Path(__file__).resolve().parents[1] / "samples"
    articles = [json.loads(line) for line in
                (root / "articles.jsonl").read_text(encoding="utf-8").splitlines() if line]
    texts = {a["id"]: a["text"] for a in articles}
    events = load_gold(root / "gold.jsonl")
    assert len(articles) >= 16
    for event in events:
        assert event["doc_id"] in texts
        assert event["evidence"]["sentence"] in texts[event["doc_id"]]
        assert event["evidence"]["trigger"] in event["evidence"]["sentence"]
    # A perfect coder that returns the gold events scores 1.0.
    as_preds = [{**e, "negated": False} for e in events]
    s = score(events, as_preds, doc_ids=texts)
    assert s.recall == 1.0 and s.precision == 1.0


def test_format_scores_mentions_every_figure() -> None:
    text = format_scores(score([gold()], [pred()]))
    for word in ("recall", "precision", "f1", "full code", "sector", "date"):
        assert word in text
