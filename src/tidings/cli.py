"""The ``tidings`` command: a thin layer over :mod:`tidings.api`.

Every subcommand takes ``--db FILE`` (default ``./tidings.db``, or ``$TIDINGS_DB``).
Errors meant for users are one line on stderr, never a traceback.
"""

from __future__ import annotations

import functools
import json
import os
import sqlite3
import sys
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path
from typing import Any

import click

from tidings import __version__
from tidings.api import KnowledgeBase
from tidings.export import FORMATS, ExportError
from tidings.pipeline import IngestReport, Progress
from tidings.read import DEFAULT_MAX_BYTES
from tidings.store import StoreError

__all__ = ["main"]

DEFAULT_DB = "tidings.db"
DB_ENV = "TIDINGS_DB"
EXIT_OK, EXIT_FAILED_INPUTS, EXIT_USAGE = 0, 1, 2
SNIPPET_WIDTH = 200


class UserError(click.ClickException):
    """One clear line on stderr, exit status 2."""

    exit_code = EXIT_USAGE

    def show(self, file: Any = None) -> None:
        click.echo(f"error: {self.format_message()}", err=True)


def _db_option(f: Callable) -> Callable:
    return click.option(
        "--db",
        "db",
        default=DEFAULT_DB,
        envvar=DB_ENV,
        show_default=True,
        type=click.Path(dir_okay=False),
        help=f"The knowledge base file (or ${DB_ENV}).",
    )(f)


def _friendly(f: Callable) -> Callable:
    """Turn expected errors into one line instead of a traceback."""

    @functools.wraps(f)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return f(*args, **kwargs)
        except BrokenPipeError:  # `tidings export | head`: the reader left, stop quietly
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            sys.exit(EXIT_FAILED_INPUTS)
        except (StoreError, ExportError) as e:
            raise UserError(str(e)) from e
        except sqlite3.DatabaseError as e:
            raise UserError(f"database error: {e}") from e
        except OSError as e:
            raise UserError(f"{e.filename or ''}{': ' if e.filename else ''}{e.strerror or e}") from e

    return wrapper


def _open(db: str, *, must_exist: bool) -> KnowledgeBase:
    if must_exist and not Path(db).exists():
        raise UserError(f"no knowledge base at {db} (run `tidings ingest PATH --db {db}` first)")
    return KnowledgeBase(db)


def _print_json(obj: Any) -> None:
    click.echo(json.dumps(obj, ensure_ascii=False, indent=2))


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="tidings")
def main() -> None:
    """Turn scraped news pages into a knowledge base of articles, actors, quotes and events."""


# --------------------------------------------------------------------------- ingest


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=str))
@_db_option
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON on stdout.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
@click.option(
    "--max-bytes",
    default=DEFAULT_MAX_BYTES,
    show_default=True,
    type=click.IntRange(min=1),
    help="Largest page accepted (bytes); larger inputs are reported as E103.",
)
@click.option("--no-nlp", is_flag=True, help="Store clean articles only; skip the NLP stages (actors).")
@click.option(
    "--workers",
    "-w",
    default=1,
    show_default=True,
    type=click.IntRange(min=1),
    help="Processes cleaning and annotating pages (the writer stays one); same result as 1.",
)
@_friendly
def ingest(
    paths: tuple[str, ...], db: str, as_json: bool, quiet: bool, max_bytes: int, no_nlp: bool, workers: int
) -> None:
    """Read pages (.txt, .html, .jsonl, .gz, or folders of them) into the knowledge base.

    Exit status 0 when every input was read, 1 when some failed (each named on stderr).
    """
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, TextColumn, TimeElapsedColumn
    from rich.progress import Progress as Bar

    console = Console(stderr=True, highlight=False)
    show_bar = console.is_terminal and not quiet
    bar = Bar(
        TextColumn("{task.description:<7}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TextColumn("{task.fields[source]}", style="dim"),
        console=console,
        transient=True,
        disable=not show_bar,
    )
    tasks: dict[str, Any] = {}

    shown: set[int] = set()

    def on_progress(p: Progress) -> None:
        if p.error is not None:
            shown.add(id(p.error))
        if not show_bar:
            if p.error is not None:
                click.echo(f"error: {p.error}", err=True)
            return
        if p.error is not None:  # printed above the live bar, never wrapped
            console.print(f"error: {p.error}", markup=False, soft_wrap=True, style="red")
        task = tasks.get(p.phase)
        if task is None:
            for earlier in tasks.values():  # the scan is over: only the ingest bar stays
                bar.update(earlier, visible=False)
            task = tasks[p.phase] = bar.add_task(p.phase, total=p.total, source="")
        bar.update(task, completed=p.done, total=p.total, source=_shorten(p.source, 50))

    with _open(db, must_exist=False) as kb, bar:
        report = kb.ingest(
            list(paths), progress=on_progress, max_bytes=max_bytes, extract=not no_nlp, workers=workers
        )
    for error in report.failed:  # failures found after a page was read (annotation, storage)
        if id(error) not in shown:
            click.echo(f"error: {error}", err=True)
    _summary(report, db, as_json)
    if report.failed:
        sys.exit(EXIT_FAILED_INPUTS)


def _shorten(text: str, width: int) -> str:
    return text if len(text) <= width else "…" + text[-(width - 1) :]


def _summary(report: IngestReport, db: str, as_json: bool) -> None:
    if as_json:
        _print_json({"db": db, **report.to_dict()})
        return
    parts = [
        f"{report.added} new",
        f"{report.new_versions} new versions",
        f"{report.unchanged} unchanged",
        f"{report.articles} articles",
    ]
    if report.empty:
        parts.append(f"{report.empty} pages without article text")
    parts.append(f"{len(report.failed)} failed")
    click.echo(f"ingested into {db}: " + ", ".join(parts))


# --------------------------------------------------------------------------- export


@main.command()
@_db_option
@click.option(
    "--format", "fmt", type=click.Choice(FORMATS), default="jsonl", show_default=True, help="Output format."
)
@click.option("-o", "--output", "out", default="-", help="Output file ('-' = stdout; parquet needs a file).")
@_friendly
def export(db: str, fmt: str, out: str) -> None:
    """Write the latest version of every article, one record per article."""
    with _open(db, must_exist=True) as kb:
        n = kb.export(fmt, out)
    if out != "-":
        click.echo(f"wrote {n} articles to {out}", err=True)


# --------------------------------------------------------------------------- search


@main.command()
@click.argument("query")
@_db_option
@click.option("--limit", "-n", default=20, show_default=True, type=click.IntRange(1, 10_000))
@click.option("--json", "as_json", is_flag=True, help="Print the hits as JSON.")
@_friendly
def search(query: str, db: str, limit: int, as_json: bool) -> None:
    """Full-text search over titles and bodies (FTS5 syntax allowed: "a phrase", OR, NOT, word*)."""
    with _open(db, must_exist=True) as kb:
        hits = kb.search(query, limit)
    if as_json:
        _print_json([asdict(h) for h in hits])
        return
    if not hits:
        click.echo("no matches", err=True)
        return
    for h in hits:
        date = h.published or "----------"
        click.echo(f"{h.article_id}  {date}  {h.title or '(no title)'}")
        click.echo(f"    {_shorten_end(h.snippet.replace(chr(10), ' '), SNIPPET_WIDTH)}")


def _shorten_end(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


# --------------------------------------------------------------------------- show


@main.command()
@click.argument("article_id")
@_db_option
@click.option("--json", "as_json", is_flag=True, help="Print the export record as JSON.")
@click.option("--raw", is_flag=True, help="Print the raw page the article was cleaned from.")
@_friendly
def show(article_id: str, db: str, as_json: bool, raw: bool) -> None:
    """Show one article, by id or a unique prefix of its id."""
    with _open(db, must_exist=True) as kb:
        if raw:
            click.echo(kb.raw(article_id), nl=False)
            return
        rec = kb.show(article_id)
    if as_json:
        _print_json(rec)
        return
    click.echo(rec["title"] or "(no title)")
    meta = [
        ("id", rec["id"]),
        ("source", rec["source"]),
        ("url", rec["url"]),
        ("outlet", rec["outlet"]),
        ("byline", rec["byline"]),
        ("agency", rec["agency"]),
        ("published", rec["published"]),
        ("language", rec["language"]),
        ("story", rec["story"]),
    ]
    for key, value in meta:
        if value is not None:
            click.echo(f"{key + ':':<11}{value}")
    click.echo()
    click.echo(rec["body"])
    for key in ("actors", "quotes", "events"):
        if rec[key]:
            click.echo(f"\n{key}: {len(rec[key])}")


# --------------------------------------------------------------------------- stats


@main.command()
@_db_option
@click.option("--json", "as_json", is_flag=True, help="Print the statistics as JSON.")
@_friendly
def stats(db: str, as_json: bool) -> None:
    """Counts of documents, articles, versions, languages, outlets; date range; size."""
    with _open(db, must_exist=True) as kb:
        s = kb.stats()
    if as_json:
        _print_json(asdict(s))
        return
    superseded = s.documents - s.current_documents
    click.echo(f"database    {s.path} ({s.db_bytes / 1e6:.1f} MB)")
    click.echo(f"documents   {s.current_documents} current, {superseded} older versions")
    older = s.all_articles - s.articles
    click.echo(f"articles    {s.articles}" + (f" (and {older} in older versions)" if older else ""))
    click.echo(f"published   {s.first_published or '?'} … {s.last_published or '?'}")
    click.echo("languages   " + (_top(s.languages) or "-"))
    click.echo("outlets     " + (_top(s.outlets) or "-"))
    click.echo(
        f"facts       {s.actors} actors, {s.statements} statements, {s.events} events, {s.stories} stories"
    )


STATS_TOP = 12  # values listed per line of `tidings stats`; --json gives them all


def _top(counts: dict[str, int]) -> str:
    items = list(counts.items())
    text = ", ".join(f"{k} {v}" for k, v in items[:STATS_TOP])
    return text + (f", … {len(items) - STATS_TOP} more" if len(items) > STATS_TOP else "")


# --------------------------------------------------------------------------- actors

ACTOR_TYPES = ("PERSON", "ORG", "STATE", "IGO")
NAME_WIDTH = 40
SHOWN_ARTICLES = 20


def _check_country(country: str | None) -> str | None:
    if country is None:
        return None
    code = country.strip().upper()
    if len(code) != 3 or not code.isascii() or not code.isalpha():
        raise UserError(f"--country takes an ISO 3166 alpha-3 code such as KOR or USA, not {country!r}")
    return code


@main.command()
@_db_option
@click.option(
    "--type", "type_", type=click.Choice(ACTOR_TYPES, case_sensitive=False), help="Only actors of this type."
)
@click.option("--country", metavar="ISO3", help="Only actors of this country (ISO 3166 alpha-3, e.g. KOR).")
@click.option("--limit", "-n", type=click.IntRange(min=1), default=None, help="At most N actors.")
@click.option("--json", "as_json", is_flag=True, help="Print the actors as JSON.")
@_friendly
def actors(db: str, type_: str | None, country: str | None, limit: int | None, as_json: bool) -> None:
    """List actors, the most often named first: id, name, type, country, articles, mentions."""
    code = _check_country(country)
    with _open(db, must_exist=True) as kb:
        rows = kb.actors(type=type_.upper() if type_ else None, country=code, limit=limit)
    if as_json:
        _print_json([asdict(r) for r in rows])
        return
    if not rows:
        click.echo(
            "no actors" + (" match" if type_ or code else " (ingest without --no-nlp to find them)"), err=True
        )
        return
    table = [("id", "name", "type", "country", "articles", "mentions")]
    table += [
        (
            r.id,
            _shorten_end(r.name, NAME_WIDTH),
            r.type,
            r.country or "-",
            str(r.n_articles),
            str(r.n_mentions),
        )
        for r in rows
    ]
    widths = [max(len(row[i]) for row in table) for i in range(6)]
    for row in table:
        cells = [c.ljust(w) for c, w in zip(row[:4], widths[:4], strict=True)]
        cells += [c.rjust(w) for c, w in zip(row[4:], widths[4:], strict=True)]
        click.echo("  ".join(cells))


@main.command()
@click.argument("name_or_id")
@_db_option
@click.option(
    "--articles",
    "max_articles",
    default=SHOWN_ARTICLES,
    show_default=True,
    type=click.IntRange(min=0),
    help="Show at most N articles and stated roles (0 = all).",
)
@click.option("--json", "as_json", is_flag=True, help="Print the profile as JSON.")
@_friendly
def actor(name_or_id: str, db: str, max_articles: int, as_json: bool) -> None:
    """Show one actor: aliases, roles, articles naming it, actors named alongside it.

    NAME_OR_ID is an id (person:cho-tae-yul), an id without its type (cho-tae-yul), a name or
    alias in any case or romanisation ("Yoon Seok-yeol"), or a unique id prefix.
    """
    with _open(db, must_exist=True) as kb:
        p = kb.actor(name_or_id, max_articles=max_articles or None)
    if as_json:
        _print_json(asdict(p))
        return
    a = p.actor
    click.echo(a.name)
    for key, value in (("type", a.type), ("country", a.country or "-"), ("id", a.id)):
        click.echo(f"{key + ':':<11}{value}")
    click.echo(f"{'named in:':<11}{a.n_articles} articles, {a.n_mentions} mentions")
    aliases = {k: [x for x in v if x != a.name] for k, v in p.aliases.items()}
    aliases = {k: v for k, v in aliases.items() if v}
    if aliases:
        click.echo("\naliases")
        width = max(len(k) for k in aliases)
        for kind, names in aliases.items():
            click.echo(f"  {kind:<{width}}  {', '.join(names)}")
    if p.roles:
        click.echo("\nroles")
        for r in p.roles:
            click.echo(f"  {r.start or '?'} → {r.end or '…'} {r.title}")
    if p.stated_roles:
        click.echo("\nroles stated in articles")
        for s in p.stated_roles:
            click.echo(
                f"  {s.published or '----------'}  {s.article_id}  {s.title}  ({s.article_title or 'no title'})"
            )
        _more(len(p.stated_roles), None, max_articles)
    if p.articles:
        click.echo("\narticles")
        for art in p.articles:
            date = art.published or "----------"
            click.echo(f"  {art.id}  {date}  {_shorten_end(art.title or '(no title)', 80)}  [{art.source}]")
        _more(len(p.articles), a.n_articles, max_articles)
    if p.co_actors:
        click.echo("\nco-occurring actors (shared articles)")
        width = max(len(str(c.shared)) for c in p.co_actors)
        for c in p.co_actors:
            click.echo(
                f"  {c.shared:>{width}}  {c.name} ({c.type}{', ' + c.country if c.country else ''})  {c.id}"
            )


@main.command()
@_db_option
@click.option(
    "--speaker", metavar="NAME", help="An actor's name, alias or id, or words of an unnamed speaker."
)
@click.option("--since", metavar="YYYY-MM-DD", help="Only articles published on or after this day.")
@click.option("--until", metavar="YYYY-MM-DD", help="Only articles published on or before this day.")
@click.option("--contains", metavar="TEXT", help="Only statements containing this text.")
@click.option("--reported", is_flag=True, help="Reported speech (no quotation marks) instead of quotations.")
@click.option("--all", "all_", is_flag=True, help="Quotations and reported speech.")
@click.option("--limit", "-n", type=click.IntRange(min=1), default=None, help="At most N statements.")
@click.option("--json", "as_json", is_flag=True, help="Print the statements as JSON.")
@_friendly
def quotes(
    db: str,
    speaker: str | None,
    since: str | None,
    until: str | None,
    contains: str | None,
    reported: bool,
    all_: bool,
    limit: int | None,
    as_json: bool,
) -> None:
    """Who said what: quotations (and reported speech) with their speakers, newest first."""
    direct = None if all_ else not reported
    with _open(db, must_exist=True) as kb:
        rows = kb.quotes(
            speaker=speaker, since=since, until=until, contains=contains, direct=direct, limit=limit
        )
    if as_json:
        _print_json([asdict(r) for r in rows])
        return
    if not rows:
        click.echo("no statements match", err=True)
        return
    for r in rows:
        mark = "“" if r.direct else ""
        end = "”" if r.direct else ""
        click.echo(
            f"{r.published or '----------'}  {r.speaker_name or '(unknown speaker)'}: {mark}{r.text}{end}"
        )
        click.echo(f"    {r.verb or '-'} · {r.title or '(no title)'} [{r.article_id} {r.start}:{r.end}]")


def _more(shown: int, total: int | None, limit: int) -> None:
    """A line saying that the list was cut at ``--articles``."""
    if limit and shown >= limit and (total is None or total > shown):
        of = f" of {total}" if total is not None else ""
        click.echo(f"  … first {shown}{of} shown (--articles 0 for all)")


# --------------------------------------------------------------------------- stories


@main.command()
@_db_option
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@_friendly
def cluster(db: str, as_json: bool) -> None:
    """Group the articles not yet in a story into stories (reports of one happening)."""
    with _open(db, must_exist=True) as kb:
        rep = kb.cluster()
    if as_json:
        _print_json(asdict(rep))
        return
    click.echo(
        f"clustered {rep.articles} articles: {rep.new_stories} new stories, {rep.joined} joined existing ones,"
        f" {rep.merged_stories} stories merged, {rep.near_duplicates} near-duplicates;"
        f" {rep.stories} stories in all ({rep.seconds:.2f}s)"
    )


@main.command()
@_db_option
@click.option("--since", metavar="YYYY-MM-DD", help="Only stories whose last report is on or after this day.")
@click.option("--actor", metavar="NAME", help="Only stories naming this actor (name, alias or id).")
@click.option("--limit", "-n", type=click.IntRange(min=1), default=None, help="At most N stories.")
@click.option("--json", "as_json", is_flag=True, help="Print the stories as JSON.")
@_friendly
def stories(db: str, since: str | None, actor: str | None, limit: int | None, as_json: bool) -> None:
    """List stories, newest first: id, dates, articles (independent), outlets, headline."""
    if since is not None:
        from datetime import date

        try:
            date.fromisoformat(since)
        except ValueError:
            raise UserError(f"--since takes a day as YYYY-MM-DD, not {since!r}") from None
    with _open(db, must_exist=True) as kb:
        rows = kb.stories(since=since, actor=actor, limit=limit)
    if as_json:
        _print_json([asdict(r) for r in rows])
        return
    if not rows:
        click.echo("no stories" + (" match" if since or actor else " (run `tidings cluster`)"), err=True)
        return
    for r in rows:
        span = r.first_date or "----------"
        span += f"→{r.last_date[5:]}" if r.last_date and r.last_date != r.first_date else "      "
        size = f"{r.n_articles}" + (f"({r.n_sources})" if r.n_sources != r.n_articles else "")
        click.echo(
            f"{r.id}  {span}  {size:>6} art  {len(r.outlets):>3} outlets  {_shorten_end(r.headline, 90)}"
        )


@main.command()
@click.argument("story_id")
@_db_option
@click.option("--json", "as_json", is_flag=True, help="Print the story as JSON.")
@_friendly
def story(story_id: str, db: str, as_json: bool) -> None:
    """Brief one story: what happened (merged events in order), who said what, its articles.

    STORY_ID is a story id, a unique prefix of one, or the id of one of its articles.
    """
    from tidings.stories.records import brief

    with _open(db, must_exist=True) as kb:
        detail = kb.story(story_id)
    if as_json:
        _print_json(asdict(detail))
        return
    click.echo(brief(detail))


def _check_day(opt: str, value: str | None) -> None:
    if value is not None:
        from datetime import date

        try:
            date.fromisoformat(value)
        except ValueError:
            raise UserError(f"{opt} takes a day as YYYY-MM-DD, not {value!r}") from None


@main.command()
@_db_option
@click.option("--actor", metavar="NAME", help="Only events with this actor as source or target.")
@click.option(
    "--type", "etype", metavar="TYPE", help="Only events of this PLOVER type (CONSULT, ACCUSE, ...)."
)
@click.option("--since", metavar="YYYY-MM-DD", help="Only events dated on or after this day.")
@click.option("--until", metavar="YYYY-MM-DD", help="Only events dated on or before this day.")
@click.option("--all", "show_all", is_flag=True, help="Include negated and hypothetical events (flagged).")
@click.option("--limit", "-n", type=click.IntRange(min=1), default=None, help="At most N events.")
@click.option("--json", "as_json", is_flag=True, help="Print the events as JSON.")
@_friendly
def events(
    db: str,
    actor: str | None,
    etype: str | None,
    since: str | None,
    until: str | None,
    show_all: bool,
    limit: int | None,
    as_json: bool,
) -> None:
    """List PLOVER events: date, type, source → target, place, evidence."""
    from tidings.models import PLOVER_TYPES

    _check_day("--since", since)
    _check_day("--until", until)
    if etype and etype.upper() not in PLOVER_TYPES:
        raise UserError(f"--type takes a PLOVER type ({', '.join(PLOVER_TYPES)}), not {etype!r}")
    with _open(db, must_exist=True) as kb:
        rows = kb.events(actor, etype, since, until, factual_only=not show_all, limit=limit)
    if as_json:
        _print_json([asdict(r) for r in rows])
        return
    if not rows:
        click.echo("no events", err=True)
        return
    for r in rows:
        flag = " (negated)" if r.negated else " (hypothetical)" if r.hypothetical else ""
        who = f"{r.source_name or r.source_id} → {r.target_name or r.target_id or '-'}"
        where = f" @ {r.location}" if r.location else ""
        click.echo(
            f"{r.date or '----------'}  {r.type:9} {who}{where}{flag}  | {_shorten_end(r.evidence, 100)}"
        )


@main.command()
@click.argument("actor")
@_db_option
@click.option("--limit", "-n", type=click.IntRange(min=1), default=None, help="At most N entries.")
@click.option("--json", "as_json", is_flag=True, help="Print the timeline as JSON.")
@_friendly
def timeline(actor: str, db: str, limit: int | None, as_json: bool) -> None:
    """An actor's dated events and statements, in date order."""
    with _open(db, must_exist=True) as kb:
        rows = kb.timeline(actor, limit=limit)
    if as_json:
        _print_json([asdict(r) for r in rows])
        return
    if not rows:
        click.echo("no dated events or statements", err=True)
        return
    for r in rows:
        whom = f" → {r.whom}" if r.whom else ""
        click.echo(f"{r.date}  {r.type:9} {r.who}{whom}  | {_shorten_end(r.text, 100)}")


if __name__ == "__main__":
    main()
