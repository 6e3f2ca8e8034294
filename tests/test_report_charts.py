"""The reviewer reports in a real browser, on the bundled corpus and on a 30-outlet one:
every chart is drawn at a readable size (not scaled down by the page, bounded in height),
each notebook's charts are screenshotted and are not blank, the trust section shows both
kinds of figures, and on the 30-outlet corpus a corrections file visibly changes a stance
and a speaker, with provenance. (That no two labels overlap is checked in matplotlib, on
the same charts at 5, 30 and 200 outlets and on this very 30-outlet corpus:
tests/test_charts.py.)"""
from __future__ import annotations

import html
import re
import warnings

import pytest

import kursk_analysis as ka
from browser import chromium
from kursk_analysis.corpus.model import CorpusWarning
from kursk_analysis.workbook.run import default_notebooks, run
from many_outlets import write_corpus

DPI = 100  # the inline backend's figure dpi: a figure of w inches is w * DPI pixels wide
VIEWPORT = {"width": 1280, "height": 900}
WIDEST_PX = 14 * DPI  # 13 in figures plus a legend outside the axes (bbox "tight")
TALLEST_PX = 50 * DPI  # two stacked heatmaps of 24 in each at most
LEAST_SCALE = 0.9  # a chart drawn at less than this of its size has shrunken labels


def _corrections(manifest) -> tuple[str, str]:
    """A corrections file beside ``manifest``: the first stance flipped and the first
    attributed quote given another speaker. Returns the two provenance notes to look for."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", CorpusWarning)
        corpus = ka.load_corpus(manifest, corrections="")
    stance = ka.stances(corpus).iloc[0]
    quote = ka.quotes(corpus).dropna(subset=["speaker"]).iloc[0]
    flipped = "denies" if stance["stance"] == "asserts" else "asserts"
    other = "Valery Gerasimov" if quote["speaker"] != "Valery Gerasimov" else "Vladimir Putin"
    (manifest.parent / "corrections.csv").write_text(
        "table,article_id,sentence_id,key,field,value,who,when,why\n"
        f"stances,{stance['article_id']},{stance['sentence_id']},{stance['actor']},stance,{flipped},"
        "A. Reviewer,2026-12-03,Stance read the wrong way.\n"
        f"quotes,{quote['article_id']},{quote['sentence_id']},{quote['start']},speaker,{other},"
        "A. Reviewer,2026-12-03,Speaker named in the paragraph above.\n", encoding="utf-8")
    return ("A. Reviewer, 2026-12-03: Stance read the wrong way.",
            "A. Reviewer, 2026-12-03: Speaker named in the paragraph above.")


@pytest.fixture(scope="module", params=["bundled", "30-outlets"])
def reports(request, tmp_path_factory):
    output = tmp_path_factory.mktemp(f"reports-{request.param}")
    if request.param == "bundled":
        return request.param, run(default_notebooks(), output=output), ()
    manifest = write_corpus(tmp_path_factory.mktemp("corpus30"), 30, seeds=True)
    notes = _corrections(manifest)
    return request.param, run(default_notebooks(), output=output, manifest=manifest), notes


def test_charts_are_drawn_at_a_readable_size_and_are_not_blank(reports, tmp_path):
    from PIL import Image, ImageStat

    name, shown, _ = reports
    with chromium() as browser:
        for report in shown:
            page = browser.new_page(viewport=VIEWPORT)
            page.goto(report.html_no_code.as_uri())
            page.wait_for_timeout(1000)
            charts = page.query_selector_all(".jp-OutputArea-output img, .output_png img")
            assert charts, f"{report.name}: no chart drawn"
            for number, chart in enumerate(charts):
                natural = chart.evaluate("i => [i.naturalWidth, i.naturalHeight]")
                box = chart.bounding_box()
                where = f"{name} {report.name} chart {number + 1}"
                assert natural[0] <= WIDEST_PX and natural[1] <= TALLEST_PX, (where, natural)
                assert box["width"] >= LEAST_SCALE * natural[0], (where, box, natural)
                shot = tmp_path / f"{report.name}-{number}.png"
                chart.screenshot(path=str(shot))
                with Image.open(shot) as image:
                    assert abs(image.width - box["width"]) <= 2, where
                    spread = ImageStat.Stat(image.convert("L")).stddev[0]
                assert spread > 10, f"{where} looks blank"  # a chart has ink on a white page
            page.close()


def test_the_trust_section_shows_both_kinds_of_figures(reports):
    name, shown, _ = reports
    for report in shown:
        page = html.unescape(report.html_no_code.read_text(encoding="utf-8"))
        assert "How far to trust this" in page, report.name
        assert "none of this corpus" not in page, report.name  # the seeds are in both corpora
        row = re.search(r"<td[^>]*>(quotes precision|territory precision)</td>(.*?)</tr>", page, re.S)
        cells = re.findall(r"<td[^>]*>(.*?)</td>", row.group(2), re.S)
        # in sample, its hits / total, out of sample, its hits / total: all four figures there
        assert all(re.search(r"\d", cell) for cell in cells[:4]), (name, report.name, cells)


def test_corrections_show_with_their_provenance(reports):
    name, shown, notes = reports
    pages = {report.name: html.unescape(report.html.read_text(encoding="utf-8")) for report in shown}
    if not notes:  # the bundled corpus has no corrections file, and says so
        assert all("No corrections by hand are applied" in page for page in pages.values()), name
        return
    for report_name, page in pages.items():
        assert "2 corrections by hand from corrections.csv are applied (1 to quotes, 1 to stances)" in page, report_name
    for note in notes:
        assert note in pages["03_actor_rhetoric"], note
