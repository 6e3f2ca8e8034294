"""Text reuse between articles: which passages two articles share, and how much.

Wire copy is republished and rewritten: the New York Post piece in the bundled corpus
rewrites the Reuters report sentence by sentence, keeping one sentence word for word. This
module finds both kinds of reuse and points every passage back into both raw texts.

- **verbatim**: a run of at least ``min_words`` identical word tokens (after
  :func:`~kursk_analysis.corpus.text.fold` and case-folding, punctuation ignored), found through an
  inverted index of word shingles and cut at sentence boundaries so that every row belongs
  to one sentence of each article.
- **paraphrase**: two sentences that say the same thing in changed wording. Their
  ``similarity`` is the mean of (1) the cosine of their content words (stop words dropped,
  a possessive 's dropped, words cut to their first six letters as a crude stem), each
  word weighted by its inverse sentence frequency in the corpus so that the words every
  article uses (Kursk, Ukrainian, troops) count for little; and (2) difflib's ratio of the
  two word sequences, which rewards wording kept in the same order. Topic alone gives a
  high (1) but a low (2); a rewrite gives both. Each sentence is aligned with at most one
  sentence of the other article (greedy, best first), and sentence pairs already joined by
  a verbatim run are not aligned again, so no word is counted twice.

Scaling. Comparing every pair of articles is O(n²). Instead an inverted index maps each
word shingle to the articles holding it, and only articles that share a shingle are
compared. Three caps keep a large corpus tractable, each documented where it acts:

1. Articles whose analysed text is identical after folding are *exact duplicates*; only
   the first of each group (in manifest order) is analysed. :func:`duplicate_articles`
   maps every copy to it, :func:`reuse_matrix` reports each copy once against it
   (share 1.0), and :func:`shared_passages` lists no passages between copies (all of the
   text is shared) nor between copies of the same two texts more than once. A corpus that
   replicates five texts two thousand times is thus analysed as five texts.
2. Shingles held by more than ``max_df`` distinct texts are stock phrases ("the Institute
   for the Study of War") and neither make two articles candidates nor extend a run.
3. Each article is compared with at most ``max_partners`` other articles, those with which
   it shares the most shingles.

On the bundled corpus none of the caps acts.
"""
from __future__ import annotations

import difflib
import itertools
import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass

import numpy as np
import pandas as pd

from kursk_analysis import pipeline
from kursk_analysis.corpus.text import fold

# Letters/digits, with inner apostrophes, dots and hyphens kept ("russia's", "u.s", "re-take").
WORD = re.compile(r"[^\W_]+(?:['.\-][^\W_]+)*")

# Function words only: reporting verbs and topic words are left to the idf weighting.
STOP_WORDS = frozenset(
    """a about above after again against all also am an and any are as at be because been
    before being below between both but by can could did do does doing down during each
    either few for from further had has have having he her here hers herself him himself his
    how i if in into is it its itself just me more most my myself no nor not now of off on
    once only or other our ours ourselves out over own same she should so some such than
    that the their theirs them themselves then there these they this those through to too
    under until up very was we were what when where which while who whom why will with
    would you your yours yourself yourselves""".split()
)
STEM_LETTERS = 6

PASSAGE_COLUMNS = [
    "article_a", "article_b", "sentence_id_a", "sentence_id_b", "start_a", "end_a",
    "start_b", "end_b", "text_a", "text_b", "n_shared_words", "similarity", "kind",
]
PAIR_COLUMNS = [
    "article_a", "article_b", "shared_words", "share_of_a", "share_of_b", "verbatim_words",
    "paraphrase_words", "n_passages", "duplicate",
]
KINDS = pd.CategoricalDtype(["verbatim", "paraphrase"])


# --------------------------------------------------------------------------- tokens


@dataclass(frozen=True)
class _Text:
    """One distinct article text as word tokens, each with its raw-text span and sentence."""

    article_id: str
    keys: list[str]            # case-folded word tokens
    starts: np.ndarray         # raw-text offsets of each token
    ends: np.ndarray
    sentence: np.ndarray       # index into `sentence_ids` of each token
    sentence_ids: list[str]
    sentence_spans: list[tuple[int, int]]
    sentence_texts: list[str]


def _content_key(word: str) -> str:
    if word.endswith("'s"):
        word = word[:-2]
    return word[:STEM_LETTERS]


def _tokenise(article_id: str, sentences: pd.DataFrame) -> _Text:
    keys, starts, ends, owner = [], [], [], []
    for index, (start, text) in enumerate(zip(sentences["start"], sentences["text"])):
        # fold() keeps the length, so a match's offsets are offsets into the raw sentence.
        for match in WORD.finditer(fold(text)):
            keys.append(match.group().casefold())
            starts.append(start + match.start())
            ends.append(start + match.end())
            owner.append(index)
    return _Text(
        article_id,
        keys,
        np.asarray(starts, dtype=np.int64),
        np.asarray(ends, dtype=np.int64),
        np.asarray(owner, dtype=np.int64),
        list(sentences["sentence_id"]),
        list(zip(sentences["start"], sentences["end"])),
        list(sentences["text"]),
    )


def duplicate_articles(corpus) -> pd.DataFrame:
    """One row per article: ``article_id``, ``duplicate_of`` (the first article, in manifest
    order, whose analysed text is identical after folding, case-folding and squeezing white
    space; the article itself if none) and ``n_words`` (word tokens in analysed sentences)."""

    def compute() -> pd.DataFrame:
        order = list(corpus.articles["id"])
        grouped = corpus.sentences.groupby("article_id", sort=False)["text"]
        joined = grouped.agg("\n".join).reindex(order, fill_value="")
        # Identical raw texts are folded and counted once: folding is the costly step and
        # a replicated corpus repeats the same few texts thousands of times.
        by_raw: dict[str, tuple[str, int]] = {}
        first: dict[str, str] = {}
        rows = []
        for article_id, text in joined.items():
            if text not in by_raw:
                folded = fold(text)
                by_raw[text] = (" ".join(folded.casefold().split()), len(WORD.findall(folded)))
            key, n_words = by_raw[text]
            # Articles with no analysed text share nothing, least of all with each other.
            duplicate_of = first.setdefault(key, article_id) if key else article_id
            rows.append((article_id, duplicate_of, n_words))
        frame = pd.DataFrame(rows, columns=["article_id", "duplicate_of", "n_words"])
        return frame.astype({"article_id": "str", "duplicate_of": "str", "n_words": "int64"})

    return pipeline.memo(corpus, "duplicate_articles", compute)


def _texts(corpus) -> dict[str, _Text]:
    """Tokens of each distinct text (one representative per group of exact duplicates)."""

    def compute():
        duplicates = duplicate_articles(corpus)
        wanted = duplicates.loc[duplicates["article_id"] == duplicates["duplicate_of"], "article_id"]
        sentences = corpus.sentences[corpus.sentences["article_id"].isin(set(wanted))]
        by_article = dict(tuple(sentences.groupby("article_id", sort=False)))
        return {
            article_id: _tokenise(article_id, by_article[article_id])
            for article_id in wanted
            if article_id in by_article
        }

    return pipeline.memo(corpus, "reuse_texts", compute)


# --------------------------------------------------------------------------- verbatim runs


def _shingle_matches(texts: list[_Text], size: int, max_df: int, max_partners: int):
    """Positions (text_a, text_b, pos_a, pos_b) where both texts hold the same shingle of
    ``size`` words, a < b, through an inverted index (sorted shingle ids)."""
    vocabulary: dict[str, int] = {}
    ids, owners, positions = [], [], []
    for number, text in enumerate(texts):
        if len(text.keys) < size:
            continue
        codes = np.fromiter(
            (vocabulary.setdefault(k, len(vocabulary)) for k in text.keys),
            dtype=np.int64,
            count=len(text.keys),
        )
        # A shingle as the row of its token codes; np.unique over rows gives exact ids,
        # without hash collisions.
        windows = np.lib.stride_tricks.sliding_window_view(codes, size)
        ids.append(windows)
        owners.append(np.full(len(windows), number, dtype=np.int64))
        positions.append(np.arange(len(windows), dtype=np.int64))
    if not ids:
        return np.zeros((0, 4), dtype=np.int64)
    _, shingle = np.unique(np.concatenate(ids), axis=0, return_inverse=True)
    shingle = shingle.ravel()
    owner = np.concatenate(owners)
    position = np.concatenate(positions)

    # Document frequency: distinct texts per shingle.
    pairs = np.unique(np.stack([shingle, owner], axis=1), axis=0)
    df = np.bincount(pairs[:, 0], minlength=shingle.max() + 1)
    keep = (df[shingle] >= 2) & (df[shingle] <= max_df)
    shingle, owner, position = shingle[keep], owner[keep], position[keep]
    order = np.lexsort((position, owner, shingle))
    shingle, owner, position = shingle[order], owner[order], position[order]

    matches = []
    bounds = np.flatnonzero(np.diff(shingle)) + 1
    for group_owner, group_position in zip(np.split(owner, bounds), np.split(position, bounds)):
        # Within a group (one shingle, at most max_df texts), every occurrence in a lower
        # text meets every occurrence in a higher one.
        a_index, b_index = np.triu_indices(len(group_owner), k=1)
        distinct = group_owner[a_index] != group_owner[b_index]
        a_index, b_index = a_index[distinct], b_index[distinct]
        if len(a_index):
            matches.append(
                np.stack(
                    [group_owner[a_index], group_owner[b_index],
                     group_position[a_index], group_position[b_index]],
                    axis=1,
                )
            )
    if not matches:
        return np.zeros((0, 4), dtype=np.int64)
    matches = np.concatenate(matches)

    # Keep, for each text, the max_partners partners it shares most shingles with.
    pair_keys, pair_counts = np.unique(matches[:, :2], axis=0, return_counts=True)
    allowed = np.zeros(len(pair_keys), dtype=bool)
    for side in (0, 1):
        order = np.lexsort((-pair_counts, pair_keys[:, side]))
        owner_sorted = pair_keys[order, side]
        rank = np.arange(len(order)) - np.searchsorted(owner_sorted, owner_sorted)
        allowed[order[rank < max_partners]] = True
    allowed_pairs = {tuple(p) for p in pair_keys[allowed]}
    if len(allowed_pairs) < len(pair_keys):
        mask = np.fromiter(((a, b) in allowed_pairs for a, b in matches[:, :2]), dtype=bool)
        matches = matches[mask]
    return matches


def _runs(matches: np.ndarray, size: int) -> list[tuple[int, int, int, int, int]]:
    """Maximal runs of consecutive shared shingles on one diagonal, as
    (text_a, text_b, pos_a, pos_b, n_words)."""
    if len(matches) == 0:
        return []
    a, b, pa, pb = matches.T
    diagonal = pa - pb
    order = np.lexsort((pa, diagonal, b, a))
    a, b, pa, pb, diagonal = a[order], b[order], pa[order], pb[order], diagonal[order]
    new_run = np.ones(len(a), dtype=bool)
    new_run[1:] = (a[1:] != a[:-1]) | (b[1:] != b[:-1]) | (diagonal[1:] != diagonal[:-1]) | (
        pa[1:] != pa[:-1] + 1
    )
    starts = np.flatnonzero(new_run)
    stops = np.append(starts[1:], len(a)) - 1
    return [
        (int(a[s]), int(b[s]), int(pa[s]), int(pb[s]), int(pa[e] - pa[s] + size))
        for s, e in zip(starts, stops)
    ]


# --------------------------------------------------------------------------- similarity


def _idf(texts: list[_Text]) -> tuple[list[list[frozenset]], dict[str, float]]:
    """Content-word sets of every sentence, and each word's inverse sentence frequency."""
    sets = []
    df: dict[str, int] = defaultdict(int)
    for text in texts:
        per_sentence: list[set] = [set() for _ in text.sentence_ids]
        for key, owner in zip(text.keys, text.sentence):
            if key not in STOP_WORDS:
                per_sentence[owner].add(_content_key(key))
        frozen = [frozenset(s) for s in per_sentence]
        for s in frozen:
            for word in s:
                df[word] += 1
        sets.append(frozen)
    n = sum(len(s) for s in sets)
    # Smoothed so that a word in every sentence weighs about nothing, never below zero.
    idf = {word: max(math.log((n + 1) / (count + 0.5)), 0.0) for word, count in df.items()}
    return sets, idf


def _sentence_words(text: _Text, index: int) -> list[str]:
    return [k for k, s in zip(text.keys, text.sentence) if s == index]


class _Scorer:
    """Similarity of two sentences (see the module docstring); each sentence's words are read once."""

    def __init__(self, texts: list[_Text]):
        self.texts = texts
        self.sets, self.idf = _idf(texts)
        self.idf_squared = {word: weight ** 2 for word, weight in self.idf.items()}
        self.norms = [
            [math.sqrt(sum(self.idf[w] ** 2 for w in s)) for s in sets] for sets in self.sets
        ]
        self.words: dict[tuple[int, int], list[str]] = {}
        self.distinct_words: dict[tuple[int, int], frozenset[str]] = {}

    def sentence_words(self, t: int, s: int) -> list[str]:
        if (t, s) not in self.words:
            self.words[(t, s)] = _sentence_words(self.texts[t], s)
        return self.words[(t, s)]

    def distinct(self, t: int, s: int) -> frozenset[str]:
        if (t, s) not in self.distinct_words:
            self.distinct_words[(t, s)] = frozenset(self.sentence_words(t, s))
        return self.distinct_words[(t, s)]

    def score(self, ta: int, sa: int, tb: int, sb: int, floor: float | None = None) -> tuple[float, int] | None:
        """(similarity, words shared in order) of sentence sa of text ta and sb of tb; with
        ``floor``, None for a pair whose similarity cannot reach it, known without difflib:
        the words shared in order are at most the words the two share."""
        common = self.sets[ta][sa] & self.sets[tb][sb]
        denominator = self.norms[ta][sa] * self.norms[tb][sb]
        cosine = sum(map(self.idf_squared.__getitem__, common)) / denominator if denominator else 0.0
        words_a, words_b = self.sentence_words(ta, sa), self.sentence_words(tb, sb)
        if floor is not None and (words_a or words_b):
            total = len(words_a) + len(words_b)
            if (cosine + 2 * min(len(words_a), len(words_b)) / total) / 2 < floor:
                return None
            # At most the distinct words both hold, plus the repeats of the sentence with fewer.
            distinct_a, distinct_b = self.distinct(ta, sa), self.distinct(tb, sb)
            shared = len(distinct_a & distinct_b) + min(len(words_a) - len(distinct_a),
                                                        len(words_b) - len(distinct_b))
            if (cosine + 2 * shared / total) / 2 < floor:
                return None
        if words_a == words_b:  # a sentence copied word for word: all of it, in order
            in_order = len(words_a)
        else:
            matcher = difflib.SequenceMatcher(None, words_a, words_b, autojunk=False)
            in_order = sum(block.size for block in matcher.get_matching_blocks())
        ratio = 2 * in_order / (len(words_a) + len(words_b)) if words_a or words_b else 0.0
        return (cosine + ratio) / 2, in_order


# --------------------------------------------------------------------------- passages


def shared_passages(
    corpus,
    min_words: int = 10,
    min_similarity: float = 0.30,
    min_common_words: int = 3,
    shingle_words: int = 5,
    max_df: int = 50,
    max_partners: int = 50,
) -> pd.DataFrame:
    """Passages two articles share: one row per aligned passage (columns
    :data:`PASSAGE_COLUMNS`), ``article_a`` before ``article_b`` in manifest order.

    ``kind`` is "verbatim" for a run of at least ``min_words`` identical words (the span
    covers just the run, cut at sentence boundaries) and "paraphrase" for two whole
    sentences whose ``similarity`` is at least ``min_similarity`` and which share at least
    ``min_common_words`` content words. ``n_shared_words`` counts the words of the run, or
    for a paraphrase the words the two sentences share in the same order. ``similarity``
    is that of the two sentences holding the passage (0-1, see the module docstring).

    Only articles sharing a ``shingle_words``-word shingle are compared (an inverted index,
    not all n² pairs); ``max_df`` and ``max_partners`` cap stock phrases and partners, and
    exact duplicates are analysed once (see the module docstring). The defaults were set by
    reading the bundled seeds: ten words keep "The Institute for the Study of War, a
    Washington-based" (nine words, a name, shared by unrelated articles) out of the
    verbatim passages while keeping the Post's copied sentence (fourteen words); 0.30
    separates the Post's rewritten sentences from sentences on the same topic.
    """
    if min_words < 1 or shingle_words < 1:
        raise ValueError("min_words and shingle_words must be at least 1.")
    key = (
        f"reuse.shared_passages:{min_words}:{min_similarity}:{min_common_words}:"
        f"{shingle_words}:{max_df}:{max_partners}"
    )
    return pipeline.memo(
        corpus, "shared_passages",
        lambda: _shared_passages(
            corpus, min_words, min_similarity, min_common_words, shingle_words, max_df,
            max_partners,
        ),
        variant=key,
    )


def _shared_passages(corpus, min_words, min_similarity, min_common_words, shingle_words,
                     max_df, max_partners) -> pd.DataFrame:
    texts_by_id = _texts(corpus)
    order = [a for a in corpus.articles["id"] if a in texts_by_id]
    texts = [texts_by_id[a] for a in order]
    size = min(shingle_words, min_words)
    matches = _shingle_matches(texts, size, max_df, max_partners)
    # Every pair sharing a shingle is a candidate for paraphrase; only long runs are
    # verbatim passages.
    runs_by_pair = _by_pair(_runs(matches, size))
    scorer = _Scorer(texts)

    rows = []
    for (ta, tb), all_runs in runs_by_pair.items():
        pair_runs = [run for run in all_runs if run[4] >= min_words]
        text_a, text_b = texts[ta], texts[tb]
        used_a: set[int] = set()           # token positions already in a passage
        used_b: set[int] = set()
        joined: set[tuple[int, int]] = set()   # sentence pairs holding a verbatim passage
        # Longest runs first; a shorter run overlapping a kept one is a repeat, not news.
        for _, _, pa, pb, n in sorted(pair_runs, key=lambda r: (-r[4], r[2], r[3])):
            span_a, span_b = range(pa, pa + n), range(pb, pb + n)
            if used_a.intersection(span_a) or used_b.intersection(span_b):
                continue
            used_a.update(span_a)
            used_b.update(span_b)
            for piece_a, piece_b, length in _cut_at_sentences(text_a, text_b, pa, pb, n):
                sa, sb = int(text_a.sentence[piece_a]), int(text_b.sentence[piece_b])
                joined.add((sa, sb))
                similarity, _ = scorer.score(ta, sa, tb, sb)
                rows.append(_row(text_a, text_b, piece_a, piece_b, length, similarity, "verbatim"))
        rows.extend(
            _paraphrases(scorer, ta, tb, joined, min_similarity, min_common_words)
        )

    # Articles sharing no shingle at all are never compared: the inverted index's premise
    # is that a rewrite keeps at least one run of shingle_words words somewhere.
    frame = pd.DataFrame(rows, columns=PASSAGE_COLUMNS)
    rank = {article_id: i for i, article_id in enumerate(order)}
    frame = frame.astype(
        {
            "article_a": "str", "article_b": "str", "sentence_id_a": "str",
            "sentence_id_b": "str", "start_a": "int64", "end_a": "int64", "start_b": "int64",
            "end_b": "int64", "text_a": "str", "text_b": "str", "n_shared_words": "int64",
            "similarity": "float64",
        }
    )
    frame["kind"] = pd.Categorical(frame["kind"], dtype=KINDS)
    frame = frame.sort_values(
        ["article_a", "article_b", "start_a", "start_b"],
        key=lambda col: col.map(rank) if col.name in ("article_a", "article_b") else col,
        kind="stable",
    )
    return frame.reset_index(drop=True)


def _by_pair(runs):
    grouped: dict[tuple[int, int], list] = {}
    for run in runs:
        grouped.setdefault((run[0], run[1]), []).append(run)
    return dict(sorted(grouped.items()))


def _cut_at_sentences(text_a: _Text, text_b: _Text, pa: int, pb: int, n: int):
    """Split a run of n tokens into pieces that stay inside one sentence on both sides."""
    piece_start = 0
    for offset in range(1, n + 1):
        at_end = offset == n
        if at_end or text_a.sentence[pa + offset] != text_a.sentence[pa + offset - 1] or (
            text_b.sentence[pb + offset] != text_b.sentence[pb + offset - 1]
        ):
            yield pa + piece_start, pb + piece_start, offset - piece_start
            piece_start = offset


def _row(text_a: _Text, text_b: _Text, pa: int, pb: int, n: int, similarity: float, kind: str):
    sa, sb = int(text_a.sentence[pa]), int(text_b.sentence[pb])
    start_a, end_a = int(text_a.starts[pa]), int(text_a.ends[pa + n - 1])
    start_b, end_b = int(text_b.starts[pb]), int(text_b.ends[pb + n - 1])
    return (
        text_a.article_id, text_b.article_id, text_a.sentence_ids[sa], text_b.sentence_ids[sb],
        start_a, end_a, start_b, end_b,
        _slice(text_a, sa, start_a, end_a), _slice(text_b, sb, start_b, end_b),
        n, round(similarity, 4), kind,
    )


def _slice(text: _Text, sentence: int, start: int, end: int) -> str:
    sentence_start = text.sentence_spans[sentence][0]
    return text.sentence_texts[sentence][start - sentence_start:end - sentence_start]


def _paraphrases(scorer: _Scorer, ta: int, tb: int, joined, min_similarity, min_common_words):
    """Greedy one-to-one alignment of the sentences of two texts by similarity."""
    sets_a, sets_b = scorer.sets[ta], scorer.sets[tb]
    # A small inverted index over b's sentences: only sentence pairs sharing at least
    # min_common_words content words are scored (difflib is the costly part).
    holders: dict[str, list[int]] = defaultdict(list)
    for sb, words in enumerate(sets_b):
        for word in words:
            holders[word].append(sb)
    taken_a = {sa for sa, _ in joined}
    taken_b = {sb for _, sb in joined}
    scored = []
    for sa, words in enumerate(sets_a):
        if sa in taken_a:
            continue
        counts = Counter(itertools.chain.from_iterable(holders.get(word, ()) for word in words))
        for sb, count in counts.items():
            if count >= min_common_words and sb not in taken_b:
                found = scorer.score(ta, sa, tb, sb, floor=min_similarity)
                if found is not None and found[0] >= min_similarity:
                    scored.append((-found[0], sa, sb, found[1]))
    rows = []
    text_a, text_b = scorer.texts[ta], scorer.texts[tb]
    for negative, sa, sb, in_order in sorted(scored):
        if sa in taken_a or sb in taken_b:
            continue
        taken_a.add(sa)
        taken_b.add(sb)
        (start_a, end_a), (start_b, end_b) = text_a.sentence_spans[sa], text_b.sentence_spans[sb]
        rows.append(
            (
                text_a.article_id, text_b.article_id, text_a.sentence_ids[sa],
                text_b.sentence_ids[sb], int(start_a), int(end_a), int(start_b), int(end_b),
                text_a.sentence_texts[sa], text_b.sentence_texts[sb], int(in_order),
                round(-negative, 4), "paraphrase",
            )
        )
    return rows


# --------------------------------------------------------------------------- matrix


def reuse_matrix(corpus, **options) -> pd.DataFrame:
    """How much of each article is shared with each other article: one row per pair that
    shares anything (columns :data:`PAIR_COLUMNS`), ``article_a`` before ``article_b``.

    ``shared_words`` sums the passages' ``n_shared_words`` (verbatim and paraphrase, no
    word counted twice); ``share_of_a`` and ``share_of_b`` divide it by each article's
    word count. Pairs of exact duplicates appear once per copy, against the first article
    of their group, with ``duplicate`` True and both shares 1.0. Pairs that share nothing
    are left out (on 10,000 articles the full table would have 50 million rows); use
    :func:`reuse_square` for a square table with zeros. ``options`` go to
    :func:`shared_passages`.
    """
    key = "reuse.reuse_matrix:" + repr(sorted(options.items()))
    return pipeline.memo(corpus, "reuse_matrix", lambda: _reuse_matrix(corpus, options), variant=key)


def _reuse_matrix(corpus, options) -> pd.DataFrame:
    passages = shared_passages(corpus, **options)
    duplicates = duplicate_articles(corpus)
    n_words = dict(zip(duplicates["article_id"], duplicates["n_words"]))
    by_kind = (
        passages.groupby(["article_a", "article_b", "kind"], observed=True, sort=False)[
            "n_shared_words"
        ]
        .sum()
        .unstack("kind", fill_value=0)
        .reindex(columns=list(KINDS.categories), fill_value=0)
    )
    counts = passages.groupby(["article_a", "article_b"], sort=False).size().reindex(by_kind.index)
    rows = []
    for (a, b), verbatim, paraphrase, n_passages in zip(
            by_kind.index, by_kind["verbatim"].tolist(), by_kind["paraphrase"].tolist(), counts.tolist()):
        shared = int(verbatim + paraphrase)
        rows.append(
            (a, b, shared, _share(shared, n_words[a]), _share(shared, n_words[b]),
             int(verbatim), int(paraphrase), int(n_passages), False)
        )
    for article_id, first, words in duplicates.itertuples(index=False):
        if article_id != first:
            rows.append((first, article_id, words, 1.0, 1.0, words, 0, 0, True))
    frame = pd.DataFrame(rows, columns=PAIR_COLUMNS).astype(
        {
            "article_a": "str", "article_b": "str", "shared_words": "int64",
            "share_of_a": "float64", "share_of_b": "float64", "verbatim_words": "int64",
            "paraphrase_words": "int64", "n_passages": "int64", "duplicate": "bool",
        }
    )
    rank = {article_id: i for i, article_id in enumerate(corpus.articles["id"])}
    frame = frame.sort_values(
        ["article_a", "article_b"], key=lambda col: col.map(rank), kind="stable"
    )
    return frame.reset_index(drop=True)


def _share(shared: int, total: int) -> float:
    return min(shared / total, 1.0) if total else 0.0


def reuse_square(corpus, article_ids=None, **options) -> pd.DataFrame:
    """Square table for a heatmap: the share of the row article's words that it shares
    with the column article (so it is not symmetric), 0.0 where nothing is shared and NaN
    on the diagonal. ``article_ids`` picks and orders the articles (default: all, in
    manifest order; keep it to a few dozen for a readable heatmap). Copies of an exact
    duplicate take the values of the first article of their group."""
    ids = list(corpus.articles["id"]) if article_ids is None else list(article_ids)
    unknown = [a for a in ids if a not in set(corpus.articles["id"])]
    if unknown:
        raise KeyError(f"Not in the corpus: {', '.join(map(str, unknown))}.")
    pairs = reuse_matrix(corpus, **options)
    duplicates = duplicate_articles(corpus)
    first = dict(zip(duplicates["article_id"], duplicates["duplicate_of"]))
    share: dict[tuple[str, str], float] = {}
    for row in pairs[~pairs["duplicate"]].itertuples(index=False):
        share[(row.article_a, row.article_b)] = row.share_of_a
        share[(row.article_b, row.article_a)] = row.share_of_b
    values = np.zeros((len(ids), len(ids)), dtype=np.float64)
    for i, row_id in enumerate(ids):
        for j, column_id in enumerate(ids):
            if i == j:
                values[i, j] = np.nan
            elif first[row_id] == first[column_id]:
                values[i, j] = 1.0
            else:
                values[i, j] = share.get((first[row_id], first[column_id]), 0.0)
    frame = pd.DataFrame(values, index=pd.Index(ids, name="article"),
                         columns=pd.Index(ids, name="shared_with"))
    return frame
