"""Briefing: news articles in, a static briefing site out."""

from __future__ import annotations

from pathlib import Path

from .article import Article, ArticleError, read_article, read_seeds
from .model import Briefing

__all__ = ["Article", "ArticleError", "Briefing", "extract_article", "read_article", "read_seeds"]


def extract_article(article: Article | Path | str) -> Briefing:
    """The briefing of one article (an Article, or the path of a seed file)."""
    from .extract import extract_briefing
    from .nlp import parse

    if not isinstance(article, Article):
        article = read_article(Path(article))
    return extract_briefing(article, parse(article))
