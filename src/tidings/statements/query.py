"""Reading statements back from the store: ``tidings quotes`` and ``KnowledgeBase.quotes``."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["QuoteRow", "query_quotes"]


@dataclass(slots=True, frozen=True)
class QuoteRow:
    """One statement with its speaker and the article that reports it."""

    text: str
    direct: bool
    speaker_id: str | None
    speaker_name: str | None
    verb: str | None
    article_id: str
    published: str | None
    title: str | None
    source: str
    start: int
    end: int
    in_title: bool = False  # a headline quotation: start/end are offsets into the title


def query_quotes(
    store,
    *,
    speaker: str | None = None,
    since: str | None = None,
    until: str | None = None,
    contains: str | None = None,
    direct: bool | None = True,
    limit: int | None = None,
) -> list[QuoteRow]:
    """Statements of the latest articles, newest first.

    ``speaker`` is an actor name, alias or id (resolved like ``tidings actor``), or, when no
    actor answers to it, words of an unnamed speaker's description ("senior official").
    """
    where = ["d.superseded_by IS NULL"]
    params: list[object] = []
    if speaker:
        from tidings.store import NotFound

        try:
            actor_id = store.find_actor(speaker)
        except NotFound:  # an unnamed speaker: every word in the description
            words = speaker.split()
            where += ["s.speaker_name LIKE ?"] * len(words)
            params += [f"%{w}%" for w in words]
        else:
            where.append("s.speaker_id = ?")
            params.append(actor_id)
    if since:
        where.append("a.published >= ?")
        params.append(since)
    if until:
        where.append("a.published <= ?")
        params.append(until)
    if contains:
        where.append("s.text LIKE ?")
        params.append(f"%{contains}%")
    if direct is not None:
        where.append("s.direct = ?")
        params.append(int(direct))
    sql = f"""SELECT s.text, s.direct, s.speaker_id, coalesce(ac.name, s.speaker_name), s.verb, a.id, a.published,
                     a.title, a.source, s.start, s."end", s.in_title
              FROM statements s JOIN articles a ON a.id = s.article_id JOIN documents d ON d.id = a.document_id
              LEFT JOIN actors ac ON ac.id = s.speaker_id
              WHERE {" AND ".join(where)}
              ORDER BY a.published DESC NULLS LAST, a.id, s.start"""
    if limit:
        sql += f" LIMIT {int(limit)}"
    return [QuoteRow(r[0], bool(r[1]), *r[2:11], bool(r[11])) for r in store.execute(sql, params)]
