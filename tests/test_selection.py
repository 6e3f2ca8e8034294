"""Filtering extracted tables by the notebook parameters."""
import pandas as pd

from kursk_analysis.workbook.params import check_parameters
from kursk_analysis.analyses.selection import count_undated, for_actors, in_period, undated_note

FRAME = pd.DataFrame(
    {
        "actor": ["Vladimir Putin", "Donald Trump", "Vladimir Putin", "Donald Trump"],
        "date": pd.to_datetime(["2025-03-12", "2025-03-14", None, "2024-12-27"]),
    }
)


def params(**values):
    return check_parameters(known_actors=["Vladimir Putin", "Donald Trump"], **values)


def test_no_period_keeps_everything_including_undated_rows():
    assert len(in_period(FRAME, params(), "date")) == 4


def test_period_is_inclusive_and_drops_undated_rows_when_asked():
    chosen = in_period(FRAME, params(start="2025-03-12", end="2025-03-14", undated="drop"), "date")
    assert chosen["date"].dt.strftime("%Y-%m-%d").tolist() == ["2025-03-12", "2025-03-14"]


def test_undated_rows_are_kept_by_default_and_counted():
    chosen = params(start="2025-03-12", end="2025-03-14")
    assert len(in_period(FRAME, chosen, "date")) == 3
    assert count_undated(FRAME, chosen, "date") == 1
    assert undated_note(FRAME, chosen, "date", "row").startswith("1 row has no date")
    assert "left out" in undated_note(FRAME, params(start="2025-03-12", undated="drop"), "date", "row")
    assert undated_note(FRAME, params(), "date", "row") == ""


def test_open_ended_period():
    chosen = params(end="2025-01-01", undated="drop")
    assert in_period(FRAME, chosen, "date")["actor"].tolist() == ["Donald Trump"]


def test_article_spans_place_months_and_years():
    articles = pd.DataFrame({
        "id": ["day", "month", "straddles", "year", "none"],
        "published": pd.to_datetime(["2025-03-20", None, None, None, None]),
        "published_first": pd.to_datetime(["2025-03-20", "2025-03-01", "2025-02-01", "2024-01-01", None]),
        "published_last": pd.to_datetime(["2025-03-20", "2025-03-31", "2025-02-28", "2024-12-31", None]),
    })
    chosen = params(start="2025-02-15", end="2025-03-31", undated="drop")
    assert in_period(articles, chosen, "published")["id"].tolist() == ["day", "month"]
    assert count_undated(articles, chosen, "published") == 2  # straddles and none; 2024 is out


def test_actor_filter():
    assert for_actors(FRAME, params(actors=["Donald Trump"]))["date"].notna().all()
    assert len(for_actors(FRAME, params())) == 4
