"""Who said it: the speaker of each quotation, and reported speech without quotation marks.

For a quotation, the reporting verb is the nearest one outside any quotation in the same
paragraph (``“…,” Cho said``, ``said Cho``, ``Cho told reporters, “…”``, ``according to
X``).  Its subject is the speaker: a named actor (found through the actors stage's mentions,
which already link "he", "Chief Cho" and "the top diplomat"), two actors joined by "and" (a
joint statement), an organisation referred to again ("the ministry said"), or an unnamed
speaker kept as a description ("a senior Foreign Ministry official").  A pronoun the actors
stage could not link, and a paragraph of quotation with no verb, continue the previous speaker.

A short quoted fragment with no verb of its own is a quotation only when a reporting verb
governs it ("calling it Pyongyang's “worst gamble”") or it is evaluative ("a “healthy and
mature” relationship"); a quoted name or label is not ("the “comprehensive strategic
partnership” treaty", "Korea's “value diplomacy”").
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml

from tidings.models import ActorType, Span, Statement
from tidings.statements.quotes import QuoteSpan, find_quote_spans

__all__ = ["attribute"]

FRAGMENT_MAX_WORDS = 4  # a quotation this short with no verb may be a name or a label
ANCESTOR_STEPS = 8  # how far up the parse a governing reporting verb is looked for
REPORTED_VERBS = {"say", "tell", "add", "note", "warn", "stress", "emphasize", "emphasise", "state", "announce",
                  "claim", "insist", "argue", "explain", "vow", "pledge", "promise", "agree", "confirm", "deny",
                  "predict", "report", "reaffirm", "affirm", "underscore", "highlight", "assert", "point",
                  "acknowledge", "caution", "reiterate", "believe", "expect", "hope", "suggest", "indicate"}  # fmt: skip
PRONOUNS = {"he", "she", "it", "they", "we", "i"}
NAME_PATH_DEPS = {"compound", "appos", "flat", "nmod", "amod", "punct", "npadvmod", "nummod", "det"}


@cache
def _lexicon() -> dict:
    return yaml.safe_load(
        resources.files("tidings.data").joinpath("reporting.yaml").read_text(encoding="utf-8")
    )


@dataclass(slots=True)
class Speaker:
    actor_id: str | None
    name: str | None


def _mention_index(actors: list) -> list[tuple[int, int, object]]:
    spans = []
    for rec in actors:
        for m in rec.mentions:
            spans.append((m.span.start, m.span.end, rec))
    spans.sort(key=lambda x: (x[0], -(x[1] - x[0])))
    return spans


def _actor_at(index, start: int, end: int):
    """The actor mentioned in [start, end), preferring a person and the longest mention."""
    best = None
    for s, e, rec in index:
        if s >= end:
            break
        if e > start and s < end:
            score = (rec.actor.type is ActorType.PERSON, e - s)
            if best is None or score > best[0]:
                best = (score, rec)
    return best[1] if best else None


def _inside(i: int, quotes: list[QuoteSpan]) -> bool:
    return any(q.start - 1 <= i < q.end + 1 for q in quotes)


def _subject(verb, reporting: set[str], quotes: list[QuoteSpan]):
    """The subject of a reporting verb, climbing through conjoined and subordinate verbs
    ("calling it …" → "criticised"; "adding that …" → "said"); a subject inside a quotation
    is never the speaker, and a reporting verb's subject beats another verb's."""
    found = None
    cur = verb
    for _ in range(5):
        subj = None
        for child in cur.children:
            if child.dep_ in ("nsubj", "nsubjpass", "csubj") and not _inside(child.idx, quotes):
                subj = child
            elif child.dep_ == "agent" and not _inside(child.idx, quotes):
                subj = next((g for g in child.children if g.dep_ == "pobj"), subj)
        if subj is not None:
            if cur.i == verb.i or cur.lemma_.lower() in reporting:
                return subj
            found = found or subj
        if cur.dep_ in ("conj", "advcl", "xcomp", "ccomp", "relcl", "pcomp") and cur.head.i != cur.i:
            cur = cur.head
        else:
            break
    if found is not None:
        return found
    # "said Cho": an inverted subject parsed as object or attribute
    for child in verb.children:
        if child.dep_ in ("dobj", "attr", "npadvmod") and child.pos_ == "PROPN" and child.i > verb.i:
            return child
    return None


def _path(t, top):
    """Tokens from ``t`` up to (not including) ``top``."""
    out = []
    while t.i != top.i and t.head.i != t.i:
        out.append(t)
        t = t.head
    return out


def _np_text(tok) -> str:
    words = [t for t in tok.subtree if not (t.dep_ in ("det", "predet") or t.is_punct)]
    words = [
        t for t in words if t.dep_ not in ("relcl", "acl", "appos") and t.head.dep_ not in ("relcl", "acl")
    ]
    text = " ".join(t.text for t in words)
    return text.replace(" - ", "-").replace(" ’s", "’s").replace(" 's", "'s").strip()


class _Attributor:
    def __init__(self, doc, article, actors: list) -> None:
        lex = _lexicon()
        self.doc = doc
        self.article = article
        self.verbs = set(lex["verbs"])
        self.fragment_verbs = set(lex["fragment_verbs"])
        self.unnamed = set(lex["unnamed_heads"])
        self.org_heads = set(lex["org_heads"])
        self.index = _mention_index(actors)
        self.actors = actors
        self.previous: Speaker | None = None
        # unnamed speakers as the text introduces them: (offset, head noun, description)
        self.introduced = [
            (t.idx, t.lemma_.lower().rstrip("s"), _np_text(t))
            for t in doc
            if t.pos_ == "NOUN"
            and t.lemma_.lower() in self.unnamed
            and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in t.children)
        ]
        self.quotes: list[QuoteSpan] = []

    # ---------------------------------------------------------------- speakers

    def speaker_of(self, tok, at: int) -> Speaker | None:
        """The speaker a subject token names."""
        conj = [c for c in tok.conjuncts if c.i > tok.i] if tok.pos_ in ("PROPN", "NOUN") else []
        if conj:
            parts = [self._one(t, at) for t in (tok, *conj)]
            names = [p.name for p in parts if p and p.name]
            if len(names) >= 2:
                return Speaker(None, " and ".join(names))
        return self._one(tok, at)

    def _one(self, tok, at: int) -> Speaker | None:
        # the actor mentioned on the head itself, else a person in its phrase ("SEOUL — … Shin Won-sik")
        rec = _actor_at(self.index, tok.idx, tok.idx + len(tok))
        if (rec is None or rec.actor.type is not ActorType.PERSON) and tok.lower_ not in PRONOUNS:
            # a person named in the subject phrase itself ("an EU spokesperson, Lena Vogt,"), not in
            # its prepositional or relative parts ("an aide of Kim", "who met Kim")
            phrase = [t for t in tok.subtree if all(a.dep_ in NAME_PATH_DEPS for a in _path(t, tok))]
            people = [_actor_at(self.index, t.idx, t.idx + len(t)) for t in phrase]
            people = [r for r in people if r is not None and r.actor.type is ActorType.PERSON]
            if people:
                rec = people[0]
        if rec is not None:
            return Speaker(rec.actor.id, rec.actor.name)
        low = tok.lower_
        if low in PRONOUNS:
            return self.previous
        head = tok.lemma_.lower()
        if head in self.org_heads:
            rec = self._recent_org(head, at)
            if rec is not None:
                return Speaker(rec.actor.id, rec.actor.name)
        if head in self.unnamed or tok.pos_ in ("NOUN", "PROPN"):
            desc = _np_text(tok)
            det = next((t.lower_ for t in tok.children if t.dep_ == "det"), "")
            if head in self.unnamed and det in ("the", "this", "that", ""):
                # "the senior official" = the one introduced before ("a senior Foreign Ministry official")
                earlier = [d for i, h, d in self.introduced if i < tok.idx and h == head.rstrip("s")]
                if earlier:
                    desc = earlier[-1]
            return Speaker(None, desc) if desc else None
        return None

    def _recent_org(self, head: str, at: int):
        best = None
        for s, _e, rec in self.index:
            if s >= at:
                break
            if rec.actor.type in (ActorType.ORG, ActorType.IGO) and head in rec.actor.name.casefold():
                best = rec
        return best

    # ---------------------------------------------------------------- verbs

    def reporting_verb(self, q: QuoteSpan, quotes: list[QuoteSpan], para: tuple[int, int]):
        """The reporting verb that introduces the quotation: one whose clause holds it, or one
        right beside it (``“…,” said Cho``, ``Cho said: “…”``); the nearest such, outside quotes."""
        best = None
        for tok in self.doc:
            if tok.idx < para[0]:
                continue
            if tok.idx >= para[1]:
                break
            if _inside(tok.idx, quotes):
                continue
            lemma = tok.lemma_.lower()
            if tok.pos_ == "VERB" and lemma in self.verbs:
                if not (self._governs(tok, q) or self._beside(tok, q)):
                    continue
            elif (
                tok.lower_ == "according" and tok.i + 1 < len(self.doc) and self.doc[tok.i + 1].lower_ == "to"
            ):
                pass
            else:
                continue
            dist = q.start - tok.idx if tok.idx < q.start else tok.idx - q.end
            rank = (tok.lower_ == "according", dist)  # "according to Yonhap" only without a verb of speech
            if best is None or rank < best[0]:
                best = (rank, tok)
        return self._reporter(best[1], quotes) if best else None

    def _reporter(self, verb, quotes: list[QuoteSpan]):
        """The verb whose speaker reports the words: a verb whose subject is a pronoun or no
        named actor, in the clause another reporting verb introduces, gives way to that one
        ("the military said it would respond “overwhelmingly”", "Biden told Xi the two leaders
        had not always agreed, “but …”", "the White House said the two leaders agreed that
        “…”"); a verb with a named subject keeps the quotation ("Peskov said Putin told Trump:
        “…”", "the two sides reaffirmed what Blinken called the “ironclad” alliance")."""
        for _ in range(3):
            subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is None or (
                subj.lower_ not in PRONOUNS and _actor_at(self.index, subj.idx, subj.idx + len(subj)) is not None
            ):
                break
            up = verb.head
            if (
                verb.dep_ not in ("ccomp", "xcomp")
                or up.i == verb.i
                or up.pos_ != "VERB"
                or up.lemma_.lower() not in self.verbs
                or _inside(up.idx, quotes)
            ):
                break
            verb = up
        return verb

    def _governs(self, verb, q: QuoteSpan) -> bool:
        span = self.doc.char_span(q.start, q.end, alignment_mode="expand")
        if span is None:
            return False
        para = _para_of(self.article.body, q.start)
        cur = span.root
        for _ in range(ANCESTOR_STEPS):
            if cur.i == verb.i:
                return True
            if cur.head.i == cur.i or not para[0] <= cur.head.idx < para[1]:
                return False
            cur = cur.head
        return False

    def _beside(self, verb, q: QuoteSpan) -> bool:
        """“…,” X said / said X — or — X said, “…” / X said: “…” (a few words apart at most)."""
        body = self.article.body
        if verb.idx >= q.end:
            between = body[q.end : verb.idx]
            return (
                len(between) <= 60
                and between.lstrip()[:1] in ("”", '"', "’", "'", "»")
                and "\n" not in between
            )
        between = body[verb.idx + len(verb) : q.start]
        return (
            len(between) <= 40
            and between.rstrip().endswith((",", ":", "“", '"', "«"))
            and "\n" not in between
        )

    def speaker_for_verb(self, verb, at: int) -> Speaker | None:
        if verb.lower_ == "according":
            to = self.doc[verb.i + 1]
            obj = next((c for c in to.children if c.dep_ == "pobj"), None)
            return self.speaker_of(obj, at) if obj is not None else None
        subj = _subject(verb, self.verbs, self.quotes)
        return self.speaker_of(subj, at) if subj is not None else None

    # ---------------------------------------------------------------- fragments

    def is_quotation(self, q: QuoteSpan) -> bool:
        """A quotation, rather than a quoted name, slogan or scare term."""
        span = self.doc.char_span(q.start, q.end, alignment_mode="expand")
        if span is None:
            return True
        words = [t for t in span if not t.is_punct]
        if len(words) > FRAGMENT_MAX_WORDS or any(t.pos_ in ("VERB", "AUX") for t in words):
            return True
        nominal = any(t.pos_ in ("NOUN", "PROPN") for t in words)
        root = span.root
        if (
            nominal
            and root.head.i >= span.end
            and root.head.pos_ in ("NOUN", "PROPN")
            and root.dep_
            in (
                "compound",
                "amod",
                "nmod",
            )
        ):
            return False  # a name or label in front of a noun: the “…” treaty, an “America-first” policy
        if not nominal:
            return True  # evaluative words: a “healthy and mature” relationship
        para = _para_of(self.article.body, q.start)
        cur = root
        for _ in range(ANCESTOR_STEPS):
            if cur.head.i == cur.i or not para[0] <= cur.head.idx < para[1]:
                break
            cur = cur.head
            if cur.pos_ == "VERB" and cur.lemma_.lower() in self.fragment_verbs:
                return True
        return False


def _para_of(body: str, at: int) -> tuple[int, int]:
    s = body.rfind("\n\n", 0, at)
    e = body.find("\n\n", at)
    return (0 if s == -1 else s + 2, len(body) if e == -1 else e)


def attribute(doc, article, actors: list) -> list[Statement]:
    """Direct quotations with their speakers, then reported speech (``direct=False``)."""
    body = article.body
    quotes = find_quote_spans(body)
    att = _Attributor(doc, article, actors)
    att.quotes = quotes
    out: list[Statement] = []
    last_para_end = -1
    for q in quotes:
        if not att.is_quotation(q):
            continue
        para = _para_of(body, q.start)
        verb = att.reporting_verb(q, quotes, para)
        speaker = att.speaker_for_verb(verb, q.start) if verb is not None else None
        if speaker is None and (verb is None or last_para_end >= para[0] - 2):
            speaker = att.previous  # a paragraph of quotation continues the last speaker
        if speaker is not None:
            att.previous = speaker
        last_para_end = para[1]
        out.append(
            Statement(
                span=Span(article.id, q.start, q.end),
                text=q.text,
                direct=True,
                speaker_id=speaker.actor_id if speaker else None,
                speaker_name=speaker.name if speaker else None,
                verb=verb.lemma_.lower() if verb is not None and verb.lower_ != "according" else None,
            )
        )
    out.extend(_reported(doc, article, att, quotes))
    return out


def _reported(doc, article, att: _Attributor, quotes: list[QuoteSpan]) -> list[Statement]:
    """``X said (that) …``, ``X vowed to …``, ``according to X, …`` with no quotation marks."""
    from tidings.extract import dateline_end  # (tidings.extract imports this stage)

    filed = dateline_end(article.body)  # "MANILA, Philippines — A ship fired …, the coast guard said"
    out = []
    for tok in doc:
        lemma = tok.lemma_.lower()
        if tok.pos_ != "VERB" or lemma not in REPORTED_VERBS or _inside(tok.idx, quotes):
            continue
        clause = next((c for c in tok.children if c.dep_ in ("ccomp", "xcomp")), None)
        if clause is None:
            continue
        sub = list(clause.subtree)
        start, end = sub[0].idx, sub[-1].idx + len(sub[-1])
        if any(q.start < end and start < q.end for q in quotes) or end - start < 12:
            continue
        while sub and sub[0].lower_ == "that":
            sub = sub[1:]
        if not sub or sub[0].lower_ in ("which", "what", "whom", "whose"):
            continue  # "…, which it claimed was its most powerful weapon": the claim names no content
        start = max(sub[0].idx, filed) if sub[0].idx < filed < end else sub[0].idx
        speaker = att.speaker_for_verb(tok, tok.idx)
        if speaker is None:
            continue
        out.append(
            Statement(
                span=Span(article.id, start, end),
                text=article.body[start:end],
                direct=False,
                speaker_id=speaker.actor_id,
                speaker_name=speaker.name,
                verb=lemma,
            )
        )
    return out
