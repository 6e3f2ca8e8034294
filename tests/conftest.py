"""Shared fixtures: the bundled corpus (loaded once) and a guard that nothing under
seeds/ or data/ changes while the tests run."""
from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

import kursk_analysis as ka
from kursk_analysis.corpus import cache
from kursk_analysis import paths


def _tree_digest() -> dict[str, str]:
    digests = {}
    for folder in (paths.SEEDS, paths.DATA):
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                digests[str(path.relative_to(paths.ROOT))] = hashlib.sha256(path.read_bytes()).hexdigest()
    return digests


@pytest.fixture(scope="session", autouse=True)
def private_cache(tmp_path_factory):
    """The session's own sentence cache (kernels the tests start inherit it): the tests start
    cold and write nothing to the user's cache folder."""
    saved = os.environ.get(cache.ENVIRONMENT_VARIABLE)
    os.environ[cache.ENVIRONMENT_VARIABLE] = str(tmp_path_factory.mktemp("cache"))
    yield Path(os.environ[cache.ENVIRONMENT_VARIABLE])
    if saved is None:
        del os.environ[cache.ENVIRONMENT_VARIABLE]
    else:
        os.environ[cache.ENVIRONMENT_VARIABLE] = saved


@pytest.fixture(scope="session", autouse=True)
def inputs_unchanged():
    """Fail the session if any test (or the code under test) wrote to seeds/ or data/."""
    before = _tree_digest()
    yield
    after = _tree_digest()
    assert after == before, "seeds/ or data/ changed during the tests"


@pytest.fixture(scope="session")
def corpus() -> ka.Corpus:
    return ka.load_corpus()
