"""Command line: `python -m explainer check|generate|build|serve|new|translations`, as the Makefile calls it."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .problems import REPOSITORY, InputError, display_path
from .registry import CODES, DOCS_OUT, ROOT


def _check(args: argparse.Namespace) -> int:
    from .inputs import load_inputs

    inputs = load_inputs(Path(args.facts))
    counts = {t: len(inputs.factbase.of_type(t)) for t in sorted({e.type for e in inputs.factbase.entities.values()})}
    summary = ", ".join(f"{n} {t}" for t, n in counts.items())
    print(f"{display_path(Path(args.facts))}: ok ({summary}; {len(inputs.article.paragraphs)} article paragraphs)")
    return 0


def _generate(args: argparse.Namespace) -> int:
    from .generate import generate

    generate(Path(args.facts), Path(args.out))
    return 0


def _build(args: argparse.Namespace) -> int:
    from .build import build_site

    build_site(Path(args.facts), Path(args.site), site_url=args.site_url)
    return 0


def _serve(args: argparse.Namespace) -> int:
    from .serve import serve

    return serve(Path(args.facts), args.lang, args.port, Path(args.out))


def _new(args: argparse.Namespace) -> int:
    from .scaffold import ScaffoldError, new_fact_file

    try:
        path = new_fact_file(args.type, args.id, Path(args.facts))
    except ScaffoldError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    print(f"{display_path(path)}: created; fill in its fields, then run `make check`")
    return 0


def _translations(args: argparse.Namespace) -> int:
    from .translations import split_problems

    missing, others = split_problems(Path(args.facts))
    for problem in missing:
        print(problem)
    print(f"{len(missing)} text(s) still to translate")
    if others:
        print(f"(`make check` reports {len(others)} other problem(s))", file=sys.stderr)
    return 1 if missing else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="explainer", description=__doc__)
    parser.add_argument("--annotations", action="store_true", help="also print errors as GitHub annotations")
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check", help="validate the article, its translation and the fact base")
    generate = sub.add_parser("generate", help="write the Markdown of both languages")
    build = sub.add_parser("build", help="generate, then build both languages with MkDocs into one site folder")
    serve = sub.add_parser("serve", help="live preview: regenerate and rebuild when seeds/ or docs/ change")
    new = sub.add_parser("new", help="start a fact file with every required field of its type, empty")
    translations = sub.add_parser("translations", help="list every text still missing in Chinese or English")
    for command in (check, generate, build, serve, new, translations):
        command.add_argument("--facts", default=str(REPOSITORY / "seeds" / "facts"))
    for command in (generate, serve):
        command.add_argument("--out", default=str(DOCS_OUT), help="the folder to write the Markdown into")
    build.add_argument("--site", default="site")
    build.add_argument("--site-url", default=None, help="the address the site is served at (default: mkdocs.yml's)")
    serve.add_argument("--lang", choices=CODES, default=ROOT.code)
    serve.add_argument("--port", type=int, default=8000)
    new.add_argument("type", help="the type folder: companies, models, people, glossary, events, quotes, ...")
    new.add_argument("id", help="the new id, which is also the file name: lower-case, like 'zhipu-ai'")
    args = parser.parse_args(argv)
    handlers = {
        "check": _check,
        "generate": _generate,
        "build": _build,
        "serve": _serve,
        "new": _new,
        "translations": _translations,
    }
    handler = handlers[args.command]
    try:
        return handler(args)
    except InputError as err:
        for problem in err.problems:
            print(problem, file=sys.stderr)
            if args.annotations:
                print(problem.github_annotation())
        print(f"{len(err.problems)} problem(s); nothing was written.", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
