"""Time expressions: resolution against publication dates, offsets, no dependence on today."""
from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

import kursk_analysis as ka
from kursk_analysis.extract import timex
from kursk_analysis.extract.timex import resolve, time_expressions

from _gold import GOLD, load_fixture_corpus, locate, match


@pytest.fixture(scope="module")
def corpora(corpus):
    return {"seeds": corpus, "fixtures": load_fixture_corpus()}


@pytest.fixture(scope="module")
def gold(corpora):
    frame = pd.read_csv(GOLD / "time_expressions.csv", dtype={"article_id": str})
    for column in ("date_start", "date_end"):
        frame[column] = pd.to_datetime(frame[column])
    return locate(frame, corpora)


def test_resolution_against_gold(corpora, gold):
    frames = [time_expressions(c).assign(manifest=n) for n, c in corpora.items()]
    predicted = pd.concat(frames, ignore_index=True)
    pairs, precision, recall = match(predicted, gold, ["date_start", "date_end"])
    granularity = sum(g.granularity == p["granularity"] for g, p in pairs) / len(pairs)
    print(f"\ntime expressions: n_gold={len(gold)} n_pred={len(predicted)} "
          f"precision={precision:.3f} recall={recall:.3f} granularity={granularity:.3f}")
    assert precision >= 0.9 and recall >= 0.9 and granularity >= 0.9


def test_offsets(corpora):
    for corpus in corpora.values():
        for row in time_expressions(corpus).itertuples():
            assert corpus.texts[row.article_id][row.start:row.end] == row.text


PUB = dt.date(2025, 3, 19)  # a Wednesday


@pytest.mark.parametrize("spec,future,expected", [
    (("weekday", 1, None), False, ("2025-03-18", "2025-03-18")),        # on Tuesday
    (("weekday", 2, None), False, ("2025-03-19", "2025-03-19")),        # Wednesday = same day
    (("weekday", 4, None), True, ("2025-03-21", "2025-03-21")),         # will ... on Friday
    (("weekday", 2, "last"), False, ("2025-03-12", "2025-03-12")),
    (("month", 8, None, None), False, ("2024-08-01", "2024-08-31")),    # August
    (("month", 3, None, None), False, ("2025-03-01", "2025-03-31")),
    (("month", 5, None, None), True, ("2025-05-01", "2025-05-31")),     # will ... in May
    (("month_day", 1, 20, None), True, ("2026-01-20", "2026-01-20")),
    (("month_day", 3, 14, None), False, ("2025-03-14", "2025-03-14")),
    (("rel", "week", "last", None), False, ("2025-03-10", "2025-03-16")),
    (("rel", "month", "next", None), False, ("2025-04-01", "2025-04-30")),
    (("rel", "year", "earlier this", None), False, ("2025-01-01", "2025-03-19")),
    (("rel", "day", "past", 11), False, ("2025-03-08", "2025-03-19")),
    (("season", "summer", "last"), False, ("2024-06-01", "2024-08-31")),
    (("season", "spring", None), True, ("2025-03-01", "2025-05-31")),   # in spring: now
    (("since", ("month", 8, None, None)), False, ("2024-08-01", "2025-03-19")),
    (("date", 2022, 9, 14), False, ("2022-09-14", "2022-09-14")),
])
def test_resolve(spec, future, expected):
    lo, hi, _, _ = resolve(spec, PUB, future)
    assert (lo.isoformat(), hi.isoformat()) == expected


def test_no_publication_date_means_unresolved():
    assert resolve(("weekday", 1, None), None, False) == (None, None, "day", "unresolved")
    lo, hi, gran, anchor = resolve(("month_year", 2022, 9), None, False)
    assert (lo, anchor) == (dt.date(2022, 9, 1), "absolute")


def test_seed_values(corpus):
    t = time_expressions(corpus).set_index(["article_id", "text"])
    assert t.loc[("000", "Tuesday"), "date_start"] == pd.Timestamp("2025-03-18")
    assert t.loc[("003", "Jan. 20"), "date_start"] == pd.Timestamp("2025-01-20")  # future
    assert t.loc[("003", "by spring"), "date_start"] == pd.Timestamp("2025-03-01")
    assert t.loc[("001", "last summer"), "date_end"] == pd.Timestamp("2024-08-31")
    assert t.loc[("003", "September 2022"), "anchor"] == "absolute"


def test_nothing_depends_on_today(monkeypatch):
    """Any look at the clock fails the run; the result must equal an ordinary run."""
    before = time_expressions(ka.load_corpus())

    def clock(*args, **kwargs):
        raise AssertionError("time expressions must not depend on today's date")

    class NoToday(dt.date):
        today = classmethod(clock)

    class NoNow(dt.datetime):
        now = classmethod(clock)
        today = classmethod(clock)
        utcnow = classmethod(clock)

    from kursk_analysis.extract import figures
    for module in (timex, figures):
        monkeypatch.setattr(module, "date", NoToday)
    monkeypatch.setattr(pd.Timestamp, "now", clock)
    monkeypatch.setattr(pd.Timestamp, "today", clock)
    resolve.cache_clear()
    after = time_expressions(ka.load_corpus())
    figures_after = figures.territory_figures(ka.load_corpus())
    assert figures_after["as_of"].notna().eq(figures_after["as_of_basis"].ne("peak")).all()
    resolve.cache_clear()
    pd.testing.assert_frame_equal(before, after)
    for module in (timex, figures):
        source = open(module.__file__, encoding="utf-8").read()
        assert ".today(" not in source and ".now(" not in source


def test_day_ranges_and_event_relative_days():
    from _gold import load_other_outlets_corpus

    t = time_expressions(load_other_outlets_corpus()).set_index(["article_id", "text"])
    span = t.loc[("oo17", "March 13–16")]
    assert (span.date_start, span.date_end, span.granularity) == (
        pd.Timestamp("2025-03-13"), pd.Timestamp("2025-03-16"), "range")
    # "the next day" is relative to the event just told, not to publication: unresolved.
    assert pd.isna(t.loc[("oo19", "the next day")].date_start)
    assert resolve(("day_range", None, 3, 13, 16), dt.date(2025, 3, 17), False)[:2] == (
        dt.date(2025, 3, 13), dt.date(2025, 3, 16))
    assert resolve(("day_range", 2024, 8, 6, 9), None, False)[3] == "absolute"
