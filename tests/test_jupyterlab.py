"""Each notebook in a real JupyterLab, in headless Chromium: Run All gives no error output,
the widgets render, and changing a widget changes what is shown.

Parametrised over ``notebooks/*.ipynb`` plus a small fixture notebook (a Dropdown driving an
Output) that proves the harness itself works. It needs ``/usr/bin/chromium`` and fails, not
skips, without it.
"""
from __future__ import annotations

import time
from pathlib import Path

import pytest

from browser import chromium, jupyterlab
from kursk_analysis import paths

FIXTURES = Path(__file__).parent / "fixtures" / "notebooks"
NOTEBOOKS = sorted(paths.NOTEBOOKS.glob("*.ipynb")) + [FIXTURES / "explorer.ipynb"]
assert len({nb.name for nb in NOTEBOOKS}) == len(NOTEBOOKS), "notebook names must be unique"
RUN_TIMEOUT_MS = 180_000

# The notebook panel's model: error outputs and code cells never run, read the way JupyterLab sees them.
CELL_REPORT = """() => {
    const panel = window.jupyterapp.shell.currentWidget;
    const cells = [...panel.content.model.cells].map((cell, index) => ({index, json: cell.toJSON()}));
    return cells.filter(c => c.json.cell_type === 'code' && c.json.source.trim() !== '').map(c => ({
        index: c.index,
        count: c.json.execution_count,
        errors: (c.json.outputs || []).filter(o => o.output_type === 'error')
                                      .map(o => o.ename + ': ' + o.evalue),
    }));
}"""
# What a widget explorer shows, beside its controls: the text and images of its cell's outputs.
SHOWN = """(control) => {
    const area = control.closest('.jp-Cell').querySelector('.jp-OutputArea');
    const clone = area.cloneNode(true);
    // Controls and their own labels and readouts change by themselves; what they drive is the rest.
    clone.querySelectorAll('select, input, button, .widget-label, .widget-readout, .noUi-target')
         .forEach(e => e.remove());
    return clone.textContent + [...area.querySelectorAll('img')].map(i => i.src).join(' ');
}"""


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    with jupyterlab(NOTEBOOKS, tmp_path_factory.mktemp("lab")) as server:
        yield server


@pytest.fixture(scope="module")
def browser():
    with chromium() as browser:
        yield browser


def _wait_for_idle_kernel(page) -> None:
    # The toolbar says idle before the kernel has started: wait for the status bar's text.
    page.wait_for_function(
        """() => [...document.querySelectorAll('.jp-StatusBar-TextItem')]
                 .some(item => / \\| Idle$/.test(item.textContent.trim()))""",
        timeout=RUN_TIMEOUT_MS,
    )


def _first_control(panel):
    """The notebook's first explorer control and a function that changes it (and says how)."""
    outputs = panel.locator(".jp-OutputArea-output")
    dropdown = outputs.locator(".widget-dropdown select").first
    if dropdown.count():
        def choose_another_option():
            current = dropdown.evaluate("select => select.value")
            other = next(v for v in dropdown.locator("option").evaluate_all("os => os.map(o => o.value)") if v != current)
            dropdown.select_option(value=other)
            return f"choosing {other!r} in the first Dropdown"
        return dropdown, choose_another_option
    toggle = outputs.locator(".widget-toggle-buttons button:not(.mod-active)").first
    if toggle.count():
        def press_another_button():
            label = toggle.inner_text()
            toggle.click()
            return f"pressing the {label!r} toggle button"
        return toggle, press_another_button
    slider = outputs.locator(".widget-slider .noUi-handle").first
    if slider.count():
        def move_the_slider():
            slider.focus()
            for _ in range(5):
                slider.press("ArrowRight")
            return "moving the first slider"
        return slider, move_the_slider
    return None, None


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=[nb.stem for nb in NOTEBOOKS])
def test_notebook_runs_in_jupyterlab(lab, browser, notebook):
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.set_default_timeout(60_000)
    problems: list[str] = []
    page.on("pageerror", lambda error: problems.append(str(error)))
    try:
        page.goto(lab.notebook_url(notebook.name))
        page.wait_for_function(
            """(name) => { const panel = window.jupyterapp && window.jupyterapp.shell.currentWidget;
                           return panel && panel.context && panel.context.path === name
                                  && panel.content && panel.content.model; }""",
            arg=notebook.name,
        )
        page.evaluate("() => window.jupyterapp.shell.currentWidget.sessionContext.ready")
        _wait_for_idle_kernel(page)
        # Everything below looks inside this notebook's panel only.
        panel = page.locator(f"[id='{page.evaluate('() => window.jupyterapp.shell.currentWidget.id')}']")

        # Clear first, or numbered prompts and stored widgets prove nothing.
        page.evaluate("() => window.jupyterapp.commands.execute('notebook:clear-all-cell-outputs')")
        assert panel.locator(".jp-OutputArea-output").count() == 0
        assert all(cell["count"] is None for cell in page.evaluate(CELL_REPORT))

        page.evaluate("() => window.jupyterapp.commands.execute('notebook:run-all-cells')")
        page.wait_for_function(
            # Run All stops at an error: then later cells never get a count.
            f"() => {{ const cells = ({CELL_REPORT})();"
            " return cells.every(c => c.count !== null) || cells.some(c => c.errors.length); }",
            timeout=RUN_TIMEOUT_MS,
        )
        _wait_for_idle_kernel(page)

        cells = page.evaluate(CELL_REPORT)
        errors = [f"cell {c['index']}: {e}" for c in cells for e in c["errors"]]
        assert not errors, f"{notebook.name} has error output: {errors}"
        assert all(cell["count"] is not None for cell in cells), f"cells left unrun: {cells}"

        # Widgets render: views appear, none is stuck loading or failed, none is an empty box.
        views = panel.locator(".jp-OutputArea-output .jupyter-widgets")
        views.first.wait_for(state="visible")
        page.wait_for_function(
            """() => ![...window.jupyterapp.shell.currentWidget.node.querySelectorAll('.jp-OutputArea-output')]
                     .some(o => /Loading widget|Error displaying widget/.test(o.textContent))""")
        empty = [i for i in range(views.count()) if not (views.nth(i).bounding_box() or {}).get("height")]
        assert not empty, f"{notebook.name}: widget views {empty} render as empty boxes"

        # Changing one widget changes what is shown.
        control, change = _first_control(panel)
        assert control is not None, f"{notebook.name}: no Dropdown, ToggleButtons or slider to explore with"
        before = control.evaluate(SHOWN)
        changed_to = change()
        deadline = time.monotonic() + 30
        while control.evaluate(SHOWN) == before and time.monotonic() < deadline:
            time.sleep(0.2)
        assert control.evaluate(SHOWN) != before, f"{notebook.name}: {changed_to} changed nothing shown"
        assert not problems, f"{notebook.name}: JavaScript errors: {problems}"
    finally:
        page.evaluate("() => window.jupyterapp && window.jupyterapp.shell.currentWidget.sessionContext.shutdown()")
        page.close()
