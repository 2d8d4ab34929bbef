"""Briefing: news articles in, a static briefing site out."""

from __future__ import annotations

from pathlib import Path

# Import the extraction package first: importing it binds ``generator.extract``
# to the package, and the function below must be what that name means.
from . import extract as _extract_package  # noqa: F401
from .article import Article, ArticleError, read_article, read_seeds
from .model import Briefing

__all__ = ["Article", "ArticleError", "Briefing", "extract", "read_article", "read_seeds"]


def extract(article: Article | Path | str) -> Briefing:
    """The briefing of one article (an Article, or the path of a seed file)."""
    from .extract import extract_briefing
    from .nlp import parse

    if not isinstance(article, Article):
        article = read_article(Path(article))
    return extract_briefing(article, parse(article))
