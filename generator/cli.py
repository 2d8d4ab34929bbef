"""The `briefing` command: build, extract, check."""

from __future__ import annotations

import argparse
import json
import logging
import sys
from pathlib import Path

from .article import ArticleError, find_seeds, read_article
from .export import briefing_dict


def _cmd_extract(args: argparse.Namespace) -> int:
    from . import extract

    try:
        article = read_article(Path(args.path))
    except ArticleError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    briefing = extract(article)
    data = briefing_dict(briefing)
    if args.json:
        json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        print(f"{article.title} ({article.published or 'no date'})")
        print(f"  {len(briefing.actors)} actors, {len(briefing.quotes)} quotes, {len(briefing.events)} events")
        for a in briefing.actors:
            print(f"  actor  {a.type:<12} {a.name}" + (f" ({', '.join(a.aliases)})" if a.aliases else ""))
        for q in briefing.quotes:
            print(f"  quote  ¶{q.paragraph} {q.kind:<8} {q.speaker or q.speaker_text or '?'}: {q.text[:70]}")
        for e in briefing.events:
            print(f"  event  ¶{e.paragraph} {(e.date.value if e.date else None) or '?'}: {e.text[:70]}")
    return 0


def _cmd_check(args: argparse.Namespace) -> int:
    seeds = Path(args.seeds)
    if not seeds.is_dir():
        print(f"error: {seeds}: no such folder", file=sys.stderr)
        return 2
    paths = find_seeds(seeds)
    bad = 0
    for path in paths:
        try:
            read_article(path, seeds)
        except ArticleError as err:
            print(f"error: {err}", file=sys.stderr)
            bad += 1
    orphans = [p for p in sorted(seeds.glob("*.y*ml")) if not p.with_suffix(".txt").exists()]
    for p in orphans:
        print(f"warning: {p}: metadata file with no matching .txt article", file=sys.stderr)
    print(f"{len(paths) - bad} of {len(paths)} article(s) OK")
    return 1 if bad else 0


def _cmd_build(args: argparse.Namespace) -> int:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    from .site import generate

    config_file = Path(args.config_file)
    root = config_file.resolve().parent
    try:
        config = load_config(str(config_file), strict=args.strict, site_dir=args.site_dir)
    except MkDocsException as err:
        print(f"error: {config_file}: {err}", file=sys.stderr)
        return 2
    seeds = root / config.extra.get("briefing_seeds", "seeds")
    result = generate(seeds, Path(config.docs_dir), cache_dir=root / ".cache" / "briefing")
    try:
        build(config)
    except MkDocsException as err:
        print(f"error: mkdocs build failed: {err}", file=sys.stderr)
        return 2
    for err in result.errors:
        print(f"error: {err}", file=sys.stderr)
    print(
        f"built {len(result.briefings)} briefing(s) into {config.site_dir}"
        + (f"; {len(result.errors)} article(s) skipped" if result.errors else "")
    )
    return 1 if result.errors else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="briefing", description="Turn news articles into a static briefing site.")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("build", help="generate the briefing pages from seeds/ and build the site with MkDocs")
    p.add_argument("-f", "--config-file", default="mkdocs.yml", help="the MkDocs configuration (default: mkdocs.yml)")
    p.add_argument(
        "-d", "--site-dir", default=None, help="where to write the site (default: site_dir of the configuration)"
    )
    p.add_argument("--strict", action="store_true", help="fail on any MkDocs warning")
    p.set_defaults(func=_cmd_build)
    p = sub.add_parser("extract", help="print one article's briefing")
    p.add_argument("path", help="an article file (.txt with optional .yml sidecar, or .md with front matter)")
    p.add_argument("--json", action="store_true", help="print the briefing as JSON (see docs/schema.md)")
    p.set_defaults(func=_cmd_extract)
    p = sub.add_parser("check", help="validate every article in the seeds folder")
    p.add_argument("seeds", nargs="?", default="seeds", help="the seeds folder (default: seeds)")
    p.set_defaults(func=_cmd_check)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s: %(message)s")
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
