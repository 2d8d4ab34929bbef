"""The `briefing` command: build, extract, check."""

from __future__ import annotations

import argparse
import json
import logging
import signal
import subprocess
import sys
from pathlib import Path

from .limits import Limits, LimitsError, limits_for_project, limits_from, seeds_for_project
from .problems import ArticleError


def _emit(kind: str, text: str) -> None:
    print(f"{kind}: {text}", file=sys.stderr)


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("briefing")
    except PackageNotFoundError:
        return "unknown"


def _limits(config_file: str) -> Limits:
    return limits_for_project(Path(config_file))


def _cmd_extract(args: argparse.Namespace) -> int:
    from .produce import produce
    from .validate import check_file

    checked = check_file(Path(args.path), _limits(args.config_file))
    checked.report(_emit)
    if checked.errors:
        return 1
    article = checked.articles[0]
    briefing, problems = produce(
        article, checked.corrections.get(article.id), None, _limits(args.config_file).seconds_per_article, args.path
    )
    for err in problems:
        _emit("error", str(err))
    if briefing is None:
        return 1
    if args.json:
        from .export import briefing_dict

        json.dump(briefing_dict(briefing), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        _summary(briefing)
    return 1 if problems else 0


def _summary(briefing) -> None:
    article = briefing.article
    print(f"{article.title} ({article.published or 'no date'})")
    print(f"  {len(briefing.actors)} actors, {len(briefing.quotes)} quotes, {len(briefing.events)} events")
    for a in briefing.actors:
        print(f"  actor  {a.type:<12} {a.name}" + (f" ({', '.join(a.aliases)})" if a.aliases else ""))
    for q in briefing.quotes:
        print(f"  quote  ¶{q.paragraph} {q.kind:<8} {q.speaker or q.speaker_text or '?'}: {q.text[:70]}")
    for e in briefing.events:
        print(f"  event  ¶{e.paragraph} {(e.date.value if e.date else None) or '?'}: {e.text[:70]}")
    for c in briefing.corrections:
        print(f"  corrected  {c}")


def _cmd_check(args: argparse.Namespace) -> int:
    from .produce import produce
    from .validate import check_file, check_seeds

    target = Path(args.seeds) if args.seeds is not None else seeds_for_project(Path(args.config_file))
    limits = _limits(args.config_file)
    if target.is_dir():
        checked = check_seeds(target, limits)
    elif target.exists() or target.suffix:
        checked = check_file(target, limits)
    else:
        _emit("error", f"{target}: no such folder or file")
        return 2
    checked.report(_emit)
    # Corrections are checked against what they correct: those articles are extracted (cached).
    cache = (target if target.is_dir() else target.parent).resolve().parent / ".cache" / "briefing"
    bad = len(checked.errors)
    ok = len(checked.articles)
    for article in checked.articles:
        fixes = checked.corrections.get(article.id)
        if fixes is None:
            continue
        briefing, problems = produce(article, fixes, cache, limits.seconds_per_article, fixes.path)
        for err in problems:
            _emit("error", str(err))
        bad += bool(problems)
        ok -= bool(problems or briefing is None)
    if target.is_dir():
        from .story import check_stories

        for err in check_stories(target, checked.articles):
            _emit("error", str(err))
            bad += 1
    print(f"{ok} of {checked.files} article(s) OK")
    return 1 if bad else 0


def _project(args: argparse.Namespace):
    """The MkDocs configuration (both engines read mkdocs.yml), its folder and the seeds folder; or an
    exit status when one of them is missing."""
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    from .mkdocs_plugin import plugin_of

    config_file = Path(args.config_file)
    try:
        config = load_config(str(config_file), strict=getattr(args, "strict", False), site_dir=args.site_dir)
    except MkDocsException as err:
        print(f"error: {config_file}: {err}", file=sys.stderr)
        return 2
    root = config_file.resolve().parent
    limits_from(config.extra)  # a bad setting is said once, here, before anything is built
    plugin = plugin_of(config)
    seeds = plugin.seeds_dir(config) if plugin is not None else root / "seeds"
    if not seeds.is_dir():
        _emit(
            "error",
            f"{seeds.relative_to(root) if seeds.is_relative_to(root) else seeds}: no such folder; nothing was built or removed",
        )
        return 2
    return config, root, seeds


def _generate(config, root: Path, seeds: Path, progress):
    from .site import CACHE_DIR, generate

    return generate(
        seeds, Path(config.docs_dir), cache_dir=root / CACHE_DIR, limits=limits_from(config.extra), progress=progress
    )


def _cmd_build(args: argparse.Namespace) -> int:
    from . import engines, site
    from .progress import Progress

    project = _project(args)
    if isinstance(project, int):
        return project
    config, root, seeds = project
    final = Path(config.site_dir)
    # The pages are generated once, here; the MkDocs plugin is told so and does not generate again.
    result = _generate(config, root, seeds, Progress())
    try:
        mode, reason = engines.update_site(
            args.engine,
            Path(args.config_file),
            config,
            final,
            root / site.CACHE_DIR / engines.SITE_STATE,
            args.strict,
            generated=True,
        )
    except engines.EngineError as err:
        result.report(_emit)
        print(f"error: {args.engine} build failed, the last site was kept: {err}", file=sys.stderr)
        return 2
    if mode == "skip":
        result.report(_emit)
        print(f"{final} is up to date: no page changed since its last {args.engine} build")
        return 1 if result.failed else 0
    if mode == "dirty":
        print(f"{args.engine}: rebuilt only the pages that changed ({reason})")
    result.report(_emit)
    skipped = len(result.errors)
    print(
        f"built {len(result.briefings)} briefing(s) into {final} with {args.engine}"
        + (f"; {skipped} article(s) skipped" if skipped else "")
        + (f"; {len(result.problems)} line(s) of corrections or stories.yml did not apply" if result.problems else "")
    )
    return 1 if result.failed else 0


def _cmd_serve(args: argparse.Namespace) -> int:
    """Preview with live regeneration: MkDocs calls the plugin on every change of seeds/; for Zensical
    a watcher of our own regenerates the pages, and Zensical's own watcher rebuilds them."""
    from . import engines, site

    project = _project(args)
    if isinstance(project, int):
        return project
    config, root, seeds = project
    addr = ["-a", args.dev_addr] if args.dev_addr else []
    if args.engine == "mkdocs":
        try:
            return subprocess.call([sys.executable, "-m", "mkdocs", "serve", "-f", args.config_file, *addr])
        except KeyboardInterrupt:
            return 0

    def regenerate() -> None:
        try:
            result = _generate(config, root, seeds, lambda *a: None)
        except ArticleError as err:
            _emit("error", str(err))
            return
        result.report(_emit)
        print(f"briefing: regenerated {len(result.briefings)} briefing(s)", file=sys.stderr, flush=True)

    def stop(signum, frame):
        raise KeyboardInterrupt  # a terminated preview stops Zensical and removes its configuration

    signal.signal(signal.SIGTERM, stop)
    regenerate()
    derived = engines.zensical_config_path(root)
    # The preview has its own site folder: it never replaces the last build in site/.
    preview = root / site.CACHE_DIR / "zensical-preview"
    server = None
    try:
        derived.write_text(engines.zensical_config(Path(args.config_file), preview), encoding="utf-8")
        server = subprocess.Popen([sys.executable, "-m", "zensical", "serve", "-f", str(derived), *addr], cwd=root)
        engines.watch(seeds, regenerate, alive=lambda: server.poll() is None)
    except KeyboardInterrupt:
        pass
    finally:
        if server is not None and server.poll() is None:
            server.terminate()
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()
        derived.unlink(missing_ok=True)
    return (server.returncode if server is not None else 0) or 0


EVALUATIONS = {
    "quotes": "quote spans and speakers on the seed gold and PolNeAR: precision, recall, F1",
    "timex": "time expressions on the seed gold and TimeBank+AQUAINT: spans and values",
    "actors": "actors on the seed gold; a speaker-coverage proxy on PolNeAR",
    "events": "timeline events judged readable on the blind development gold",
    "stories": "story clustering on the development stories: pairwise P/R/F1, ARI, cross-validated F1",
    "gold": "actors and speakers on the blind gold (tests/gold/)",
    "audit": "junk audit of person and organisation actors over the development articles",
}
"""`briefing evaluate <what>`: each is a module of generator/evaluate/ (its own options; those that
read the development data take --eval DIR, else $BRIEFING_EVAL, else ../shared/eval)."""


def _cmd_evaluate(args: argparse.Namespace) -> int:
    return args.evaluate(args)


def _add_evaluate(sub) -> None:
    from importlib import import_module

    p = sub.add_parser("evaluate", help="score extraction against gold annotations and print the figures")
    what = p.add_subparsers(dest="what", required=True, metavar="WHAT")
    for name, summary in EVALUATIONS.items():
        module = import_module(f"{__package__}.evaluate.{name}")
        q = what.add_parser(name, help=summary, description=(module.__doc__ or summary).split("\n\n")[0])
        module.add_arguments(q)
        q.set_defaults(func=_cmd_evaluate, evaluate=module.run_command)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="briefing", description="Turn news articles into a static briefing site.")
    parser.add_argument("--version", action="version", version=f"briefing {_version()}")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("build", help="generate the briefing pages from seeds/ and build the site with MkDocs")
    p.add_argument("-f", "--config-file", default="mkdocs.yml", help="the MkDocs configuration (default: mkdocs.yml)")
    p.add_argument(
        "-d", "--site-dir", default=None, help="where to write the site (default: site_dir of the configuration)"
    )
    p.add_argument("--strict", action="store_true", help="fail on any warning of the engine")
    p.add_argument(
        "--engine",
        choices=("mkdocs", "zensical"),
        default="mkdocs",
        help="the static site engine (default: mkdocs; both read mkdocs.yml)",
    )
    p.set_defaults(func=_cmd_build)
    p = sub.add_parser("serve", help="preview the site, regenerating the pages when a seed changes")
    p.add_argument("-f", "--config-file", default="mkdocs.yml", help="the MkDocs configuration (default: mkdocs.yml)")
    p.add_argument("-a", "--dev-addr", default=None, help="IP address and port (default: the engine's, localhost:8000)")
    p.add_argument("--engine", choices=("mkdocs", "zensical"), default="mkdocs", help="the engine (default: mkdocs)")
    p.set_defaults(func=_cmd_serve, site_dir=None)
    p = sub.add_parser("extract", help="print one article's briefing")
    p.add_argument("path", help="an article file (.txt with optional .yml sidecar, or .md with front matter)")
    p.add_argument("--json", action="store_true", help="print the briefing as JSON (see docs/schema.md)")
    p.add_argument("-f", "--config-file", default="mkdocs.yml", help="where the limits are set (default: mkdocs.yml)")
    p.set_defaults(func=_cmd_extract)
    p = sub.add_parser("check", help="validate the articles of the seeds folder, or one article file")
    p.add_argument(
        "seeds", nargs="?", help="the seeds folder or an article file (default: the plugin's seeds option, or seeds)"
    )
    p.add_argument("-f", "--config-file", default="mkdocs.yml", help="where the limits are set (default: mkdocs.yml)")
    p.set_defaults(func=_cmd_check)
    _add_evaluate(sub)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s: %(message)s")
    try:
        return args.func(args)
    except LimitsError as err:
        _emit("error", f"limits: {err}")
        return 2
    except ArticleError as err:
        _emit("error", str(err))
        return 2


if __name__ == "__main__":
    sys.exit(main())
