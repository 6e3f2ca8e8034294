"""Filtering extracted tables by the notebook parameters."""
import pandas as pd

from kursk_analysis.params import check_parameters
from kursk_analysis.selection import for_actors, in_period

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


def test_period_is_inclusive_and_drops_undated_rows():
    chosen = in_period(FRAME, params(start="2025-03-12", end="2025-03-14"), "date")
    assert chosen["date"].dt.strftime("%Y-%m-%d").tolist() == ["2025-03-12", "2025-03-14"]


def test_open_ended_period():
    assert in_period(FRAME, params(end="2025-01-01"), "date")["actor"].tolist() == ["Donald Trump"]


def test_actor_filter():
    assert for_actors(FRAME, params(actors=["Donald Trump"]))["date"].notna().all()
    assert len(for_actors(FRAME, params())) == 4
