"""Articles -> stories: TF-IDF over title and text, shared actors and publication dates close
together, joined by average-linkage agglomerative clustering (scikit-learn).

The parameters are data (``params.yml``); the threshold was chosen on the development stories
(``briefing evaluate stories``). Pins and splits by hand (:mod:`.pins`) are applied on top.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path

import yaml

PARAMS_PATH = Path(__file__).parent / "params.yml"
FAR = 1e6
"""Distance given to a pair kept apart by hand: no average can bring it under the threshold."""
ACTOR_TYPES = ("person", "organisation", "country", "group")


@dataclass(frozen=True)
class Params:
    threshold: float = 0.92
    actor_weight: float = 0.2
    title_weight: int = 2
    date_window_days: int = 3
    date_factor: float = 0.5
    min_df: int = 1
    min_shared_words: int = 3
    idf: str = "background"
    zipf_ceiling: float = 7.0


@lru_cache(maxsize=1)
def load_params(path: Path = PARAMS_PATH) -> Params:
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return Params(**data)


@dataclass(frozen=True)
class Item:
    """What clustering reads of one article."""

    id: str
    title: str
    text: str
    published: date | None = None
    actors: frozenset[str] = field(default_factory=frozenset)


def normal_name(name: str) -> str:
    """A name compared across articles: case, accents, punctuation and a leading 'the' ignored."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = re.sub(r"[^\w\s]", " ", text.replace("’", "").replace("'", ""))
    words = text.split()
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def item_of(briefing) -> Item:
    """The clustering view of a :class:`~generator.model.Briefing`."""
    a = briefing.article
    actors = frozenset(normal_name(x.name) for x in briefing.actors if x.type in ACTOR_TYPES and normal_name(x.name))
    paragraphs = list(a.paragraphs)
    # Page furniture (captions, sign-up forms, bylines) says nothing of the story.
    for f in sorted(briefing.left_out, key=lambda f: -f.start):
        if 0 < f.paragraph <= len(paragraphs):
            text = paragraphs[f.paragraph - 1]
            paragraphs[f.paragraph - 1] = text[: f.start] + " " + text[f.end :]
    return Item(a.id, a.title, "\n".join(paragraphs), a.published, actors)


TOKENS = r"(?u)\b[^\W\d_]{2,}\b"


@lru_cache(maxsize=50000)
def _rarity(word: str, ceiling: float) -> float:
    """How rare a word is in English at large (wordfreq's Zipf scale: 'the' 7.7, 'tram' 3.5, unknown 0)."""
    from wordfreq import zipf_frequency

    return max(0.0, ceiling - zipf_frequency(word, "en"))


def _background_tfidf(docs: list[str], params: Params):
    """TF-IDF with the inverse document frequency of English at large instead of the site's own,
    so two articles of a small site are compared as they would be in a large one."""
    import numpy as np
    from sklearn.feature_extraction.text import CountVectorizer
    from sklearn.preprocessing import normalize

    vec = CountVectorizer(stop_words="english", token_pattern=TOKENS)
    counts = vec.fit_transform(docs).astype(np.float64)
    weights = np.array([_rarity(w, params.zipf_ceiling) for w in vec.get_feature_names_out()])
    counts.data = 1.0 + np.log(counts.data)
    return normalize(counts.multiply(weights[None, :]).tocsr())


def similarity(items: list[Item], params: Params):
    """The pairwise similarity matrix (numpy), 1 on the diagonal."""
    import numpy as np
    from sklearn.feature_extraction.text import TfidfVectorizer

    n = len(items)
    if n == 0:
        return np.zeros((0, 0))
    docs = [" ".join([i.title] * params.title_weight + [i.text]) for i in items]
    try:
        if params.idf == "background":
            m = _background_tfidf(docs, params)
        else:
            vec = TfidfVectorizer(
                stop_words="english", sublinear_tf=True, min_df=min(params.min_df, n), token_pattern=TOKENS
            )
            m = vec.fit_transform(docs)
        text = (m @ m.T).toarray()
        if params.min_shared_words:
            # Few words in common is no evidence, however rare the words are in a small site.
            present = (m > 0).astype(np.int32)
            text = np.where((present @ present.T).toarray() < params.min_shared_words, 0.0, text)
    except ValueError:  # no word at all
        text = np.zeros((n, n))
    sim = text
    if params.actor_weight and any(i.actors for i in items):
        avec = TfidfVectorizer(analyzer=lambda names: sorted(names), binary=True)
        am = avec.fit_transform([i.actors for i in items])
        actors = (am @ am.T).toarray()
        sim = (1 - params.actor_weight) * text + params.actor_weight * actors
    days = np.array([i.published.toordinal() if i.published else np.nan for i in items], dtype=float)
    apart = np.abs(days[:, None] - days[None, :])
    far = np.nan_to_num(apart, nan=0.0) > params.date_window_days
    sim = np.where(far, sim * params.date_factor, sim)
    np.fill_diagonal(sim, 1.0)
    return np.clip(sim, 0.0, 1.0)


def cluster(
    items: list[Item], params: Params | None = None, apart: Sequence[tuple[str, str]] = (), sim=None
) -> list[list[str]]:
    """Groups of article ids, each a story (singletons included), largest first then by first id.

    `apart` pairs are never put in one story (a split by hand)."""
    import numpy as np
    from sklearn.cluster import AgglomerativeClustering

    params = params or load_params()
    if len(items) < 2:
        return [[i.id] for i in items]
    sim = similarity(items, params) if sim is None else sim
    dist = 1.0 - sim
    index = {i.id: n for n, i in enumerate(items)}
    for a, b in apart:
        if a in index and b in index:
            dist[index[a], index[b]] = dist[index[b], index[a]] = FAR
    np.fill_diagonal(dist, 0.0)
    labels = AgglomerativeClustering(
        n_clusters=None, metric="precomputed", linkage="average", distance_threshold=params.threshold
    ).fit_predict(dist)
    groups: dict[int, list[str]] = {}
    for item, label in zip(items, labels, strict=True):
        groups.setdefault(int(label), []).append(item.id)
    return sorted((sorted(g) for g in groups.values()), key=lambda g: (-len(g), g[0]))
