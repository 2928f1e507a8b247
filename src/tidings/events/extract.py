"""Clause-level PLOVER event extraction from the dependency parse.

For every clause: the trigger (a verb in the lexicon, a light verb with an event noun, or an
event noun on its own), who acts (subject, passive agent, possessor of an event noun, the
first of "between A and B"; inherited through conjunctions, participles, relative clauses and
from the previous sentence; pronouns and descriptions through the actors stage, else through
the recent subjects), who is acted upon (object, then the type's prepositions), and whether
it happened (negation, conditionals, modals, future, complements of "plan to", "urge to",
"possible"…).  Reported speech adds the speaker's own events: "X said Y's launches are
dangerous" → X ACCUSE Y; "X said Y must …" → X REQUEST Y; "X said the alliance with Z will be
strengthened" → X SUPPORT Z.  Dates come from the clause's time expression (resolved against
the publication date), else, for what a speaker said, from the date the speaker spoke.

An event is emitted only with a source actor.  Where the one who acts is no actor ("Gunmen
killed …", "Prisoners rioted …"), nothing is emitted: the export names events by their source
actor and the scorer matches them on it, so an event of unknown source could only be a false
positive; finding such actors is the actors stage's work.

Coding rules beyond the lexicon: a type that takes a partner is still coded without one when a
main narrative verb reports it as done ("the rebels demanded elections"; never a meeting without
its partner); a pledge is coded by the act pledged ("promised to provide aid to X" → AGREE,
"vowed to retaliate" → THREATEN), a plain refusal as REJECT ("will not accept"), an act under
"unless" as THREATEN, a speaker's own future hostile act as THREATEN (someone else's is a
prediction: not a fact); what is denied or only claimed is not a fact.  Unnamed groups
("Rwandan rebels", "Palestinians") and nationalities ("an Australian ultimatum") act through
the actors stage's group and state mentions.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from datetime import date
from functools import cache

from tidings.events.lexicon import Lexicon, load_lexicon
from tidings.events.timex import Timex, find_timexes
from tidings.models import Article, Event, Span, Statement

__all__ = ["extract_events"]

CLAUSE_DEPS = {"relcl", "advcl", "ccomp", "csubj", "parataxis", "acl"}
SUBJ = {"nsubj", "nsubjpass", "csubj"}
GOVT_HEADS = {"government", "administration", "regime", "leadership", "cabinet", "authorities", "side"}
FORCE_HEADS = {"troops", "troop", "soldiers", "forces", "force", "military", "army", "navy", "workers",
               "personnel", "units", "fighters", "militaries", "armies", "warships", "ships", "vessels", "jets",
               "warplanes", "aircraft", "navies", "police", "policemen", "officers", "guards", "commandos"}  # fmt: skip
PAIR_HEADS = {"side": None, "sides": None, "leader": "PERSON", "leaders": "PERSON", "country": "STATE",
              "countries": "STATE", "nation": "STATE", "nations": "STATE", "minister": "PERSON",
              "ministers": "PERSON", "men": "PERSON", "governments": "STATE", "allies": "STATE",
              "parties": None, "presidents": "PERSON", "officials": "PERSON", "diplomats": "PERSON"}  # fmt: skip
OFFICIAL_HEADS = {"minister", "official", "spokesman", "spokesperson", "spokeswoman", "diplomat", "envoy",
                  "parliament", "lawmaker", "negotiator", "delegation", "ambassador", "police", "court",
                  "prosecutor", "legislature", "senate", "congress", "embassy", "president", "premier",
                  "leader", "chief", "head", "emir", "king", "ruler", "commander", "general", "counterpart"}  # fmt: skip
ORG_WORDS = {"ministry", "office", "agency", "department", "council", "committee", "assembly", "parliament",
             "service", "command", "commission", "bureau", "embassy", "government", "secretariat"}  # fmt: skip
MEASURE_HEADS = {"day", "week", "month", "series", "round", "wave", "spate", "string", "number", "couple",
                 "set", "barrage", "salvo", "volley", "hour", "year",
                 # quantities of goods: "700 kg of medicine", "a shipment of arms", "$5 million worth of aid"
                 "ton", "tonne", "kg", "kilogram", "pound", "barrel", "litre", "liter", "gallon", "shipment",
                 "consignment", "batch", "truckload", "load", "cargo", "amount", "quantity", "package",
                 "worth", "million", "billion", "dollar", "lot",
                 # parts of a whole: "captured part of a guerrilla stronghold"
                 "part", "parts", "portion", "portions", "section", "sections", "half", "much", "most", "rest",
                 # bodies of people: "a team of observers", "a contingent of troops"
                 "team", "contingent", "detachment", "unit", "group", "delegation", "mission", "company",
                 "thousands", "hundreds", "dozens", "scores", "tens", "thousand", "hundred", "dozen"}  # fmt: skip
MEASURE_HEADS |= {"score", "battalion"}  # "sent thousands of troops", "a battalion of marines"
EFFORT_HEADS = {"effort", "efforts", "process", "bid", "initiative", "mission", "campaign", "programme",
                "program", "drive"}  # fmt: skip
GROUP_HEADS = {"network", "group", "movement", "party", "organization", "organisation", "faction", "coalition",
               "alliance", "front", "wing", "cell", "cells", "factions", "outfit", "militia"}  # fmt: skip
GROUP_PREFIX = "group:"  # ids of unnamed groups ("Rwandan rebels"), from the actors stage
PRONOUN_WINDOW = 80  # tokens back to a group that "they" stands for
PARTICIPATION = {"engage", "involve", "implicate"}  # "were engaged in": the subject takes part
PAIR_PLACE_PREPS = {"in", "at", "to", "into", "from", "near", "across", "around", "throughout"}
PLACE_PREPS = {"in", "at"}  # inside an object phrase, a place: not searched for its actor …
SETTING_PREPS = {"in", "during", "at"}  # "discussed X in a phone call": the setting, not the topic
OCCASION_PREPS = {"after", "following"}  # "pledged aid after talks with X": the talks happened
PLACE_TARGETS = {"ASSAULT", "COERCE", "MOBILIZE", "PROTEST"}  # … except where the place is the target
NEAR_PREPS = {"near", "along", "off", "around", "outside"}  # places at any depth, for the other types
SUBJECT_DEPTH = 3  # arcs searched below a subject noun that names no actor itself
MEMBER_HEADS = {"members", "member", "workers", "supporters", "followers", "fighters", "group", "groups",
                "thousands", "hundreds", "dozens", "scores", "delegates", "representatives"}  # fmt: skip
PLACE_NOUNS = {"office", "residence", "palace", "headquarters", "house", "building", "ministry", "hotel",
               "embassy", "border", "city", "capital", "base", "hall", "complex", "summit", "port", "island",
               "region", "province", "airport", "compound", "venue", "village", "town", "district"}  # fmt: skip
# nouns that stand for actors, never a thing an "it" may refer to
AGENT_NOUNS = {"company", "firm", "country", "nation", "state", "bank", "court", "union", "board", "team",
               "club", "university", "school", "newspaper", "network", "group", "body", "bloc",
               "warship", "ship", "vessel", "navy", "operator", "carrier", "airline", "maker", "manufacturer",
               "giant", "startup", "retailer", "insurer", "lender", "broadcaster", "channel", "station"}  # fmt: skip
MODAL_HYP = {"would", "could", "might", "may", "can", "should", "must", "ought"}
FUTURE_AUX = {"will", "shall", "'ll", "wo"}
ASPECTUAL = {"continue", "keep", "begin", "start", "resume", "go", "proceed", "manage", "remain"}
REQUEST_MODALS = {"must", "should", "ought"}
ADJUNCT_PREPS = {"after", "during", "following", "before", "ahead", "at", "on", "upon", "in"}
REQUIRES_TARGET = {"CONSULT", "AGREE", "SUPPORT", "COOPERATE", "AID", "REQUEST", "ACCUSE", "REJECT",
                   "SANCTION", "COERCE", "CONCEDE"}  # fmt: skip
COOPERATIVE = {"COOPERATE", "SUPPORT", "AID"}
RECIPROCAL = {"CONSULT", "COOPERATE"}  # never coded without the partner
CONCILIATORY = {"RETREAT", "CONCEDE"}  # promised or announced as coming: AGREE
THREAT_TYPES = {"ASSAULT", "COERCE", "SANCTION", "MOBILIZE", "RETREAT", "PROTEST", "REJECT"}  # with 'unless'
INTENT_TYPES = {"THREATEN", "REJECT", "AGREE", "CONCEDE"}  # "threatened/refused/agreed to …": its target
HOSTILE = {"ASSAULT", "COERCE", "SANCTION", "MOBILIZE", "THREATEN"}
COMMUNICATIVE = {"SUPPORT", "ACCUSE", "REQUEST", "REJECT", "THREATEN"}
THREAT_OBJECTS = {"response", "retaliation", "consequences", "consequence", "action", "measures",
                  "countermeasures", "strike", "strikes", "attack", "war", "reprisal", "reprisals",
                  "punishment", "price", "force", "sanction", "sanctions", "embargo", "penalties"}  # fmt: skip
STATEMENT_NOUNS = {"statement", "declaration", "communique", "communiqué", "letter", "resolution", "report",
                   "message", "appeal", "note", "decree", "order", "notice", "document", "memo", "bulletin"}  # fmt: skip
# a natural or accidental happening as subject: "an earthquake struck Aceh", "the fire killed three"
HAZARDS = {"earthquake", "quake", "tremor", "aftershock", "storm", "hurricane", "typhoon", "cyclone", "tornado",
           "tsunami", "flood", "floods", "flooding", "fire", "blaze", "wildfire", "landslide", "mudslide",
           "avalanche", "drought", "heatwave", "disease", "virus", "outbreak", "epidemic", "pandemic", "crash",
           "accident", "eruption", "lightning", "wave", "rain", "rains", "snow", "winds", "wind"}  # fmt: skip
CROWDS = {"protesters", "students", "workers", "farmers"}  # unnamed crowds: their violence is a riot
GUILTY = {"guilty", "liable", "responsible", "culpable"}  # "found X guilty of …"
# "declined to comment", "refused to say": no refusal of anyone
NO_COMMENT = {"comment", "say", "elaborate", "specify", "confirm", "disclose", "reveal", "identify", "name",
              "speculate", "point", "detail", "divulge", "predict", "forecast", "estimate", "guess",
              "answer"}  # fmt: skip
# fighting a cause or an ill, not an enemy: "fought to keep the law", "battled cancer"
STRUGGLE_VERBS = {"fight", "battle", "struggle", "combat"}
CONTESTED = {"control", "territory", "city", "town", "village", "airport", "base", "hill", "positions", "area"}
# nouns whose owner is the one it is done to: "his arrest", "Ortiz's killing", "her release"
PATIENT_NOUNS = {"arrest", "detention", "release", "killing", "murder", "assassination", "execution", "kidnapping",
                 "abduction", "deportation", "extradition", "expulsion", "imprisonment", "torture", "capture",
                 "shooting", "beating", "stabbing", "pardon", "repatriation", "conviction", "indictment",
                 "sentencing", "rescue"}  # fmt: skip
QUOTE_PAIRS = [("\u201c", "\u201d"), ('"', '"'), ("\u00ab", "\u00bb")]


@dataclass(slots=True)
class _Cand:
    type: str
    mode: str | None
    source: str
    target: str | None
    trigger: object  # spaCy Token
    sent: object
    negated: bool = False
    hypothetical: bool = False
    communicative: bool = False
    anchors: tuple = ()  # tokens whose time expression dates the event
    location: str | None = None


class _Article:
    """Per-article state: actor index, quotes, speakers, dates said."""

    def __init__(self, doc, article: Article, actors: list, statements: list[Statement], lex: Lexicon):
        from tidings.actors import Gazetteer

        self.doc, self.article, self.lex = doc, article, lex
        self.pub = article.published
        self.tok_actor: dict[int, str] = {}
        self.tok_kind: dict[int, str] = {}
        self.actor = {}
        for aa in actors:
            self.actor[aa.actor.id] = aa.actor
            for m in aa.mentions:
                span = doc.char_span(m.span.start, m.span.end, alignment_mode="expand")
                if span is None:
                    continue
                for t in span:
                    self.tok_actor.setdefault(t.i, aa.actor.id)
                    self.tok_kind.setdefault(t.i, m.kind)
        self.state_of = {a.country: a.id for a in self.actor.values() if _t(a) == "STATE" and a.country}
        gaz = Gazetteer.default()
        self.demonym: dict[int, str] = {}
        for t in doc:
            if not t.text[:1].isupper():
                continue
            for k in (f"{doc[t.i - 1].text} {t.text}".lower() if t.i else None, t.text.lower()):
                c = gaz.demonym_country.get(k) if k else None
                if c and c in self.state_of:
                    self.demonym[t.i] = self.state_of[c]
                    break
        # "A and B" pairs of actors, in text order, for "both sides", "the two leaders", "their"
        self.pairs: list[tuple[int, str, str]] = []
        for t in doc:
            a = self.tok_actor.get(t.i)
            if a is None or (t.dep_ == "pobj" and t.head.lower_ in PAIR_PLACE_PREPS):
                continue  # "harbours in Tonga and Vanuatu": places, not a pair of actors
            for c in t.children:
                if c.dep_ == "conj":
                    b = self.tok_actor.get(c.i)
                    if b and b != a and self._head_of_mention(c):
                        self.pairs.append((t.i, a, b))
        self.quotes = _quote_regions(doc.text)
        self.statements = [s for s in statements if s.speaker_id]
        self.quote_speaker: dict[int, str | None] = {}
        self.speech_date: dict[str, str] = {}
        self.history: list[tuple[int, str]] = []  # (token index, actor id) of clause subjects
        self.consult_pairs: list[tuple[int, str, str]] = []
        self.topics: set[int] = set()  # tokens in what a speaker evaluates (not coded themselves)
        self.deferred: set[int] = set()  # pledge triggers that yield to the act they pledge
        self.domestic: set[tuple[int, str]] = set()  # (trigger, own state) a leader or body acts on
        self.para: list[int] | None = None  # paragraph number of each token
        self.speakers: dict[int, str | None] = {}  # speaker_at, per token

    # ------------------------------------------------------------------ actors

    def _head_of_mention(self, t) -> bool:
        return self.tok_actor.get(t.head.i) != self.tok_actor.get(t.i) or t.head.i == t.i

    def kind(self, aid: str) -> str:
        return _t(self.actor[aid]) if aid in self.actor else ""

    def country(self, aid: str | None) -> str | None:
        a = self.actor.get(aid) if aid else None
        return a.country if a is not None else None

    def np_actors(self, tok, speaker: str | None = None) -> list[str]:
        """The actor(s) a noun phrase headed by ``tok`` denotes (conjuncts not included)."""
        aid = self.tok_actor.get(tok.i)
        low = tok.lower_
        if low == "it" and tok.dep_ in SUBJ and self.thing_antecedent(tok):
            return []  # "A quake struck Aceh. It destroyed houses": the quake, no state
        if aid is not None:
            if self.tok_kind.get(tok.i) == "pronoun" and low in ("we", "our", "us") and speaker:
                return [speaker]
            return [aid]
        for c in tok.children:  # "Iran's religious leader, Ayatollah Khomeini," → the person named
            if c.dep_ == "appos" and self.tok_actor.get(c.i) and low not in self.lex.nouns:
                return [self.tok_actor[c.i]]  # (not "the deal …, Abenov and Karimov": a misparse)
        # "Hezbollah guerrillas", "the Islamic Jihad movement", "al-Qaeda's terror network": the group named
        group = low in _sectors() or low in GROUP_HEADS
        if (
            group
            or low in GOVT_HEADS
            or low in FORCE_HEADS
            or tok.lemma_.lower() in GOVT_HEADS | OFFICIAL_HEADS
        ):
            mods = [c for c in tok.children if c.dep_ in ("compound", "amod", "nmod") and c.i < tok.i]
            both = [self.tok_actor.get(x.i) or self.demonym.get(x.i) for m in mods for x in (m, *m.conjuncts)]
            if (
                len(set(filter(None, both))) >= 2
            ):  # "the Turkish and Greek sides", "French and Egyptian warships"
                return list(dict.fromkeys(filter(None, both)))
            for c in tok.children:
                if c.dep_ == "poss" and tok.lemma_.lower() == "counterpart":
                    continue  # "his Ugandan counterpart": the other side, not his
                if c.dep_ in ("compound", "amod", "poss", "nmod"):
                    a = self.tok_actor.get(c.i) or self.demonym.get(c.i)
                    if a is None and c.dep_ == "poss" and c.pos_ == "PRON":  # "their forces"
                        a = next(iter(self.pronoun(c, speaker)), None)
                    if a:
                        if self.kind(a) == "PERSON" and self.country(a) in self.state_of:
                            return [self.state_of[self.country(a)]]
                        return [a]
            if low in GOVT_HEADS and speaker:
                return [speaker]
        if (
            low in ("country", "nation")
            and speaker
            and any(c.lower_ in ("the", "this", "our") for c in tok.children)
        ):
            return [speaker]
        if tok.pos_ == "PRON" or low in ("they", "their", "them", "it", "its", "we", "our", "us"):
            return self.pronoun(tok, speaker)
        if tok.pos_ in ("NOUN", "NUM") and low not in PLACE_NOUNS:
            # "members of the Association", "thousands of Nigerians", "activists from Fatah",
            # "workers affiliated with the union", "militants loyal to X"
            preps = [p for p in tok.children if p.dep_ == "prep" and p.lower_ in ("of", "from")]
            if group or low in MEMBER_HEADS:
                preps += [
                    p
                    for a in tok.children
                    if a.dep_ in ("acl", "amod") and a.i > tok.i
                    for p in a.children
                    if p.dep_ == "prep" and p.lower_ in ("with", "to", "in")
                ]
            if preps and _noun_code(tok, self.lex) is None:  # "the launch of X" is an event, no group
                for p in preps:
                    for o in p.children:
                        if o.dep_ == "pobj" and (found := self.with_conj(o, speaker)):
                            return found
        if low in PAIR_HEADS and any(c.lower_ in ("both", "two") for c in tok.children):
            pair = self.pair_before(tok.i, PAIR_HEADS[low], met=True)
            return list(pair or _last_two(self, tok, PAIR_HEADS[low]))
        if low == "both" and tok.dep_ in SUBJ:
            return list(self.pair_before(tok.i, None, met=True) or [])
        if tok.lemma_.lower() in ORG_WORDS and any(c.lower_ == "the" for c in tok.children):
            word = tok.lemma_.lower()
            if speaker and word in self.actor.get(speaker, _Nil).name.lower():
                return [speaker]
            for _, a in reversed(self.history):
                if word in self.actor[a].name.lower():
                    return [a]
        return []

    def thing_antecedent(self, tok) -> bool:
        """Does a subject "it" stand for a thing (a quake, a phone, a ship) rather than an actor?
        Its antecedent is taken to be the singular subject of the latest clause before it that is
        no reporting verb ("The quake struck inland, the USGS said. It destroyed …": the quake);
        an "it" there sends the search one sentence further back."""
        doc = tok.doc
        sent = tok.sent
        stop = tok.i
        for _ in range(3):
            subjects = [
                t
                for t in doc_range(doc, sent.start, stop)
                if (t.dep_ in ("nsubj", "nsubjpass") or (t.dep_ == "pobj" and t.head.dep_ == "agent"))
                and (t.head.dep_ == "agent" or t.head.lemma_.lower() not in self.lex.speech_verbs)
            ]
            subjects = [t for t in subjects if t.tag_ in ("NN", "NNP", "PRP") and t.lower_ not in ("i", "he", "she")]
            if subjects:
                # the subject of the main clause is preferred to one inside a relative clause
                top = [s for s in subjects if s.head.dep_ in ("ROOT", "ccomp", "conj", "agent")]
                t = (top or subjects)[-1]
                if t.lower_ == "it":
                    if t.i in self.tok_actor:
                        return False
                else:
                    if t.i in self.tok_actor or self.demonym.get(t.i) or t.pos_ not in ("NOUN", "PROPN"):
                        return False
                    low = t.lemma_.lower()
                    agentive = (
                        GOVT_HEADS | FORCE_HEADS | ORG_WORDS | GROUP_HEADS | OFFICIAL_HEADS | MEMBER_HEADS
                        | set(PAIR_HEADS) | AGENT_NOUNS | _sectors()
                    )  # fmt: skip
                    if low in agentive or t.lower_ in agentive or t.ent_type_ in ("ORG", "GPE", "NORP", "PERSON"):
                        return False
                    # not "Japan's coast guard", "Chinese warplanes": an actor's organ
                    return not any(
                        c.dep_ in ("poss", "compound", "amod", "nmod")
                        and (c.i in self.tok_actor or c.i in self.demonym)
                        for c in t.children
                    )
            if sent.start == 0:
                return False
            sent = doc[sent.start - 1].sent
            stop = sent.end
        return False

    def state_in(self, verb, speaker: str | None) -> list[str]:
        """The one state named in the clause's "in" phrase ("in Kenya", "in the Kenyan capital")."""
        found = []
        heads = [verb, *(c for c in verb.children if c.dep_ in ("dobj", "nsubj"))]
        for p in (c for h in heads for c in h.children):
            if p.dep_ == "prep" and p.lower_ in ("in", "inside", "across", "throughout"):
                for o in p.children:
                    if o.dep_ == "pobj":
                        for t in o.subtree:
                            a = self.tok_actor.get(t.i) or self.demonym.get(t.i)
                            if a and self.kind(a) == "STATE" and a not in found:
                                found.append(a)
        return found if len(found) == 1 else []
    def state_from(self, verb, speaker: str | None) -> list[str]:
        """The one state named in the clause's "from" phrase ("expelled from Zimbabwe")."""
        found = []
        for p in verb.children:
            if p.dep_ == "prep" and p.lower_ == "from":
                for o in p.children:
                    for t in o.subtree if o.dep_ == "pobj" else ():
                        a = self.tok_actor.get(t.i) or self.demonym.get(t.i)
                        if a and self.kind(a) == "STATE" and a not in found:
                            found.append(a)
        return found if len(found) == 1 else []

    def attacker(self, tok) -> list[str]:
        """Whose attack a subject names: "Israeli air strikes killed …", "Russia's shelling hit …"."""
        code = _noun_code(tok, self.lex) if tok.pos_ == "NOUN" else None
        if code is None or code[0] != "ASSAULT":
            return []
        for c in tok.children:
            if c.dep_ in ("amod", "compound", "poss", "nmod") and c.i < tok.i:
                a = self.tok_actor.get(c.i) or self.demonym.get(c.i)
                if a:
                    return [a]
        return []

    def pronoun(self, tok, speaker: str | None) -> list[str]:
        low = tok.lower_
        if low in ("we", "our", "us"):
            return [speaker] if speaker else []
        if low == "them" and (named := self.plural_before(tok, speaker)):
            return named  # "expelled two British diplomats, accusing them of spying"
        if low in ("they", "their", "them"):
            for t in reversed(list(doc_range(tok.doc, tok.sent.start, tok.i))):
                a = self.tok_actor.get(t.i)
                if a and a.startswith(GROUP_PREFIX) and t.dep_ in ("nsubj", "nsubjpass"):
                    # "As the protesters tried to break through, they hurled stones": the group
                    # that is the subject earlier in the same sentence
                    return [a]
            pair = self.pair_before(tok.i, None, met=tok.dep_ == "nsubj")
            if pair:
                return list(pair)
            if speaker and (self.kind(speaker) != "PERSON" or self._plural_speaker(tok)):
                return [speaker]  # "the rebels said they would …"
            for i, a in reversed(self.history):  # "The rebels attacked X. They also …"
                if a.startswith(GROUP_PREFIX) and tok.i - i < PRONOUN_WINDOW:
                    return [a]
            return []
        if low in ("it", "its"):
            sent = tok.sent
            for t in reversed(list(doc_range(tok.doc, sent.start, tok.i))):
                a = self.tok_actor.get(t.i)
                if a and self.kind(a) in ("STATE", "ORG", "IGO") and t.dep_ in ("nsubj", "poss", "nsubjpass"):
                    return [a]
            if speaker and self.kind(speaker) in ("ORG", "STATE", "IGO"):
                return [speaker]
            for i, a in reversed(self.history):
                if self.kind(a) in ("ORG", "STATE", "IGO") and tok.i - i < 120:
                    return [a]
        if low in ("he", "she", "his", "her", "him"):
            for i, a in reversed(self.history):
                if self.kind(a) == "PERSON" and tok.i - i < 120:
                    return [a]
        return []

    def _plural_speaker(self, tok) -> bool:
        """Is the subject of the reporting verb above ``tok`` a plural noun ("Militants loyal to X
        said they …")?  Then "they" is the speaker, whoever the actors stage found inside it."""
        t = tok
        while t.head.i != t.i:
            if t.dep_ == "ccomp" and t.head.lemma_.lower() in self.lex.speech_verbs:
                return any(c.dep_ == "nsubj" and c.tag_ in ("NNS", "NNPS") for c in t.head.children)
            t = t.head
        return False
    def plural_before(self, tok, speaker: str | None) -> list[str]:
        """The actor of the nearest plural object before ``tok`` in its sentence ("two British
        diplomats", "Chinese firms"), for an object pronoun "them"."""
        for i in range(tok.i - 1, tok.sent.start - 1, -1):
            x = self.doc[i]
            if x.tag_ in ("NNS", "NNPS") and x.dep_ in ("dobj", "pobj", "nsubjpass"):
                found = self.np_actors(x, speaker)
                if found:
                    return found
        return []

    def pair_before(self, i: int, kind: str | None, met: bool = False) -> tuple[str, str] | None:
        """The last two actors named together ("A and B"), or who last met when ``met``."""
        best = None
        if met:
            for pos, a, b in self.consult_pairs:
                if (
                    pos < i
                    and i - pos < 300
                    and (kind is None or (self.kind(a) == kind and self.kind(b) == kind))
                ):
                    best = (pos, a, b)
            if best:
                return (best[1], best[2])
        for pos, a, b in self.pairs:
            if (
                pos < i
                and i - pos < 250
                and (kind is None or (self.kind(a) == kind and self.kind(b) == kind))
            ) and (best is None or pos > best[0]):
                best = (pos, a, b)
        return (best[1], best[2]) if best else None

    def with_conj(self, tok, speaker: str | None) -> list[str]:
        out = list(self.np_actors(tok, speaker))
        for c in tok.children:
            if c.dep_ == "conj":
                out += self.with_conj(c, speaker)
            elif (
                c.dep_ == "appos"
                and out
                and any(x.dep_ == "conj" for x in c.children)
                and c.i in self.tok_actor
                and self._head_of_mention(c)
            ):
                # "SEOUL — South Korea and the Philippines agreed": the dateline's apposition
                # carries the conjunct; not a title ("Kim Jong Un, general secretary of the
                # Workers' Party and president of the State Affairs"): his own posts, no partners
                out += self.with_conj(c, speaker)
        return list(dict.fromkeys(out))

    def phrase_actors(
        self, tok, speaker: str | None, max_depth: int = 6, exclude=(), places: bool = True
    ) -> list[str]:
        """Actors in a phrase: those nearest its head (fewest arcs), with their conjuncts; without
        ``places``, not those inside an "in"/"at" phrase ("a round of talks in Japan")."""
        frontier, depth = [tok], 0
        seen = set()
        located: set[int] = set()  # under an "in"/"at" phrase below the head: "the tribunal in The Hague"
        while frontier and depth <= max_depth:
            found = []
            for t in frontier:
                if t.i in located and self.tok_kind.get(t.i) == "place":
                    continue  # a place where the one acted on is, not the one acted on
                for a in self.with_conj(t, speaker):
                    if a not in found and a not in exclude and self.country(a) not in exclude:
                        found.append(a)
            if found:
                return found
            nxt = []
            for t in frontier:
                for c in t.children:
                    if c.i in seen or c.dep_ in ("relcl", "advcl", "ccomp", "punct", "cc", "det", "appos"):
                        continue
                    if not places and c.dep_ == "prep" and c.lower_ in PLACE_PREPS and t.i != tok.i:
                        continue
                    if not places and c.dep_ == "prep" and c.lower_ in NEAR_PREPS:
                        continue  # "joint exercises near the Polish border": where, never whom
                    seen.add(c.i)
                    if t.i in located or (c.dep_ == "prep" and c.lower_ in PLACE_PREPS):
                        located.add(c.i)
                    nxt.append(c)
            frontier, depth = nxt, depth + 1
        return []

    # ------------------------------------------------------------------ speakers

    def speaker_at(self, tok) -> str | None:
        """Who says the words at ``tok``: a quote's speaker, or the subject of the reporting verb."""
        if tok.i not in self.speakers:
            self.speakers[tok.i] = self._speaker_at(tok)
        return self.speakers[tok.i]

    def _speaker_at(self, tok) -> str | None:
        off = tok.idx
        for s in self.statements:
            if s.span.start <= off < s.span.end:
                return s.speaker_id
        for k, (qs, qe) in enumerate(self.quotes):
            if qs <= off < qe:
                if k not in self.quote_speaker:
                    self.quote_speaker[k] = self._attribute(qs, qe)
                return self.quote_speaker[k]
        t = tok
        while t.head.i != t.i and not self.across_paragraphs(t, t.head):
            if t.dep_ == "ccomp" or (
                t.dep_ in ("advcl", "parataxis") and t.head.lemma_ in self.lex.speech_verbs
            ):
                h = t.head
                if h.lemma_.lower() in self.lex.speech_verbs:
                    subj = self.subject(h, None)
                    if subj:
                        return subj[0]
            t = t.head
        return None

    def across_paragraphs(self, a, b) -> bool:
        """Are two tokens in different paragraphs?  The parser sometimes joins the last sentence
        of a paragraph and the first of the next; an arc between them is no grammar."""
        if self.para is None:
            breaks = [m.start() for m in re.finditer(r"\n\s*\n", self.doc.text)]
            self.para = [bisect.bisect(breaks, t.idx) for t in self.doc] if breaks else []
        return bool(self.para) and self.para[a.i] != self.para[b.i]

    def _attribute(self, qs: int, qe: int) -> str | None:
        doc = self.doc
        cands = []
        first = doc.char_span(qs, min(qe, len(doc.text)), alignment_mode="expand")
        if first is None:
            return None
        sents = [first[0].sent, first[-1].sent]
        nxt = first[-1].sent.end
        if nxt < len(doc):
            sents.append(doc[nxt].sent)
        prev = first[0].sent.start - 1
        if prev >= 0:
            sents.append(doc[prev].sent)
        for s in sents:
            for t in s:
                if (
                    t.lemma_.lower() in self.lex.speech_verbs
                    and t.pos_ in ("VERB", "AUX")
                    and not self._in_quote(t.idx)
                ):
                    subj = self.subject(t, None)
                    if subj:
                        cands.append((abs(t.idx - (qs if t.idx < qs else qe)), subj[0]))
            if cands:
                break
        return min(cands)[1] if cands else None

    def _in_quote(self, off: int) -> bool:
        return any(s <= off < e for s, e in self.quotes)

    # ------------------------------------------------------------------ clauses

    def subject(self, verb, speaker: str | None, depth: int = 0) -> list[str]:
        """The acting actor(s) of a verb: subject, passive agent, or inherited."""
        if depth > 6:
            return []
        for c in verb.children:
            if c.dep_ == "agent" and not _phrasal_by(verb, self.lex):
                for p in c.children:
                    if p.dep_ == "pobj":
                        return self.with_conj(p, speaker)
        # the subject nearest the verb ("SEOUL — … Shin said": the dateline is no subject)
        for c in sorted(verb.children, key=lambda c: abs(c.i - verb.i)):
            if c.dep_ == "poss" and verb.tag_ == "VBG":  # "North Korea's receiving …"
                return self.with_conj(c, speaker)
            if c.dep_ == "nsubj":
                if c.lower_ in ("who", "which", "that") and verb.dep_ == "relcl":
                    return self.with_conj(verb.head, speaker)
                found = self.with_conj(c, speaker)
                if not found:
                    found = self.attacker(c)
                if (
                    not found
                    and c.pos_ in ("NOUN", "PROPN")
                    and _noun_code(c, self.lex) is None
                    and c.lemma_.lower() not in ASSOCIATE_HEADS
                ):
                    # "the leader of the opposition party", "a group based in X": the one actor inside
                    inside = self.phrase_actors(c, speaker, max_depth=SUBJECT_DEPTH)
                    found = inside
                if (
                    not found
                    and verb.dep_ == "advcl"
                    and c.pos_ == "NOUN"
                    and _noun_code(c, self.lex) is not None
                    and verb.head.pos_ in ("VERB", "AUX")
                ):
                    # "were converging for a rally to protest …": the rally's protesters are the
                    # ones who gather for it
                    found = self.subject(verb.head, speaker, depth + 1)
                if not found and (c.lower_ in FORCE_HEADS or c.lemma_.lower() in GOVT_HEADS):
                    # "Police arrested 30 people in Kenya", "Troops opened fire in the Nigerian city
                    # of Jos": the state the organ acts in
                    found = self.state_in(verb, speaker)
                return found
        if any(c.dep_ == "nsubjpass" for c in verb.children):
            return []
        dep = verb.dep_
        if dep == "conj" and any(c.dep_ == "auxpass" for c in verb.children):
            return []  # "went back to prison and was released": the shared subject is the one released
        if dep == "xcomp" and verb.head.dep_ == "acomp" and verb.head.head.pos_ in ("VERB", "AUX"):
            return self.subject(verb.head.head, speaker, depth + 1)  # "X is ready to …": X
        if _alleged(verb, self.lex):
            g = verb.head.head
            if g.pos_ == "ADJ":
                return self.subject(g.head, speaker, depth + 1)  # "X is guilty of …": X
            if g.pos_ == "VERB":
                # "accused China of firing water cannon", "companies accused of supplying missiles",
                # "Y was blamed for the bombing": the accused did it
                for c in g.children:
                    if c.dep_ in ("dobj", "nsubjpass"):
                        return self.with_conj(c, speaker)
                if g.dep_ == "acl" and g.tag_ == "VBN":
                    h = g.head
                    while h.dep_ == "conj" and h.head.i != h.i:
                        h = h.head  # "individuals and companies accused of …": the whole pair
                    return self.phrase_actors(h, speaker, max_depth=1)
                return []
        if dep == "pcomp" and verb.head.dep_ == "prep":
            g = verb.head.head  # "X is committed to opening …", "X is determined on …": X
            if g.dep_ == "acomp" and g.head.pos_ in ("VERB", "AUX"):
                return self.subject(g.head, speaker, depth + 1)
            if g.lower_ == "committed" and g.pos_ == "VERB":
                # the parser hangs "it" on the auxiliary of "it is committed" at times
                for c in [
                    *g.children,
                    *(x for a in g.children if a.dep_ in ("aux", "auxpass") for x in a.children),
                ]:
                    if c.dep_ in ("nsubj", "nsubjpass"):
                        return self.with_conj(c, speaker)
        if dep in ("conj", "xcomp", "advcl") and verb.head.i != verb.i:
            h = verb.head
            if dep == "xcomp":
                for c in h.children:  # "urged X to …", "called on X to …": X acts
                    if c.dep_ == "dobj" and h.lemma_.lower() not in ("promise", "vow", "pledge", "summon"):
                        return self.with_conj(c, speaker)
                    if c.dep_ == "prep" and c.lower_ in ("on", "upon") and c.head.i < c.i < verb.i:
                        for o in c.children:
                            if o.dep_ == "pobj" and self.with_conj(o, speaker):
                                return self.with_conj(o, speaker)
            if dep == "advcl" and verb.tag_ == "VBG" and h.dep_ == "relcl":
                # "… ties that undermine X while continuing to urge Y": a participle hung on a
                # relative clause by the parser belongs to the clause that governs it
                g = h.head
                while g.head.i != g.i and g.pos_ not in ("VERB", "AUX"):
                    g = g.head
                if g.pos_ in ("VERB", "AUX") and g.i != h.i:
                    h = g
            if h.pos_ in ("VERB", "AUX", "ADJ"):
                return self.subject(h, speaker, depth + 1)
        if dep == "acl" and verb.head.lemma_.lower() in self.lex.documents:
            return self.author(verb.head, speaker, depth)  # "adopted a resolution demanding …"
        if (
            dep in ("relcl", "acl")
            and verb.tag_ in ("VBG", "VBZ", "VBD", "VBP")
            and verb.head.pos_ in ("PROPN", "NOUN", "PRON")
        ):
            found = self.with_conj(verb.head, speaker)
            h = verb.head
            if (
                not found
                and dep == "acl"
                and verb.tag_ == "VBG"
                and h.dep_ in ("dobj", "obj")
                and h.head.pos_ in ("VERB", "AUX")
                and h.lemma_.lower() in STATEMENT_NOUNS
            ):
                # "issued a statement condemning X", "released a declaration demanding …": the issuer
                return self.subject(h.head, speaker, depth + 1)
            return found
        if dep == "acl" and verb.tag_ == "VB" and verb.head.pos_ == "NOUN":
            # "their stance to continue to cooperate": the noun's owner, else the clause's subject
            for c in verb.head.children:
                if c.dep_ == "poss":
                    return self.with_conj(c, speaker)
            if owner := self.owner(verb.head):
                return owner  # "the U.S. decision to sell jets to Taiwan": the United States
            g = verb.head.head
            while g.dep_ in ("pobj", "prep") and g.head.i != g.i:
                g = g.head
            if g.pos_ in ("VERB", "AUX"):
                return self.subject(g, speaker, depth + 1)
        if (
            dep == "ROOT"
            and not any(c.dep_ in SUBJ | {"expl"} for c in verb.children)
            and verb.tag_ in ("VBD", "VBZ", "VBP")
        ):
            inv = _invited(verb)
            if inv is not None and inv[1] is not None:  # "Invited by X, Y had lunch": Y made a conjunct of X
                return self.with_conj(inv[1], speaker)
            # a subjectless sentence: the subject carries over from the previous sentence
            for i, a in reversed(self.history):
                if verb.i - i < 80:
                    return [a]
        return []

    def owner(self, noun) -> list[str]:
        """The actor named before a noun as its owner: "the U.S. decision", "a Russian plan"."""
        for c in noun.children:
            if c.dep_ in ("compound", "amod", "nmod") and c.i < noun.i:
                a = self.tok_actor.get(c.i) or self.demonym.get(c.i)
                if a:
                    return [a]
        return []

    def author(self, doc_noun, speaker: str | None, depth: int = 0) -> list[str]:
        """Who issues a document: its owner ("the EU's statement", "a U.S. resolution"), else the
        subject of the verb it is the object of ("The Security Council adopted a resolution")."""
        for c in doc_noun.children:
            if c.dep_ not in ("poss", "compound", "amod", "nmod") or c.i > doc_noun.i:
                continue
            if found := self.with_conj(c, speaker) or ([self.demonym[c.i]] if c.i in self.demonym else []):
                return found
        h = doc_noun.head
        if doc_noun.dep_ in ("dobj", "nsubjpass") and h.pos_ in ("VERB", "AUX"):
            return self.subject(h, speaker, depth + 1)
        return []

    def factuality(self, tok) -> tuple[bool, bool, str | None]:
        """(negated, hypothetical, head lemma that made it hypothetical) for a trigger."""
        neg = hyp = False
        why = None
        t = tok
        first = True
        while True:
            for c in t.children:
                not_only = c.i + 1 < len(c.doc) and c.doc[c.i + 1].lower_ == "only"  # "not only … but"
                if c.dep_ == "neg" and not not_only and (first or t.pos_ in ("VERB", "AUX")):
                    neg = True
                if c.dep_ == "det" and c.lower_ in ("no",) and first:
                    neg = True
                if (
                    first
                    and c.dep_ in ("nsubj", "nsubjpass")
                    and any(d.dep_ == "det" and d.lower_ == "no" for d in c.children)
                ):
                    neg = True  # "no Indonesian officers will be sent": none sent
                if c.dep_ == "advmod" and c.lower_ == "longer" and any(x.lower_ == "no" for x in c.children):
                    neg = True  # "its creditors were no longer providing funds"
                if c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether", "lest"):
                    hyp, why = True, why or "if"
                if c.dep_ == "aux" and c.lower_ in MODAL_HYP:
                    hyp, why = True, why or c.lower_
                if (
                    c.dep_ == "aux"
                    and c.lower_ in FUTURE_AUX
                    and (
                        not any(x.lemma_ in ASPECTUAL for x in t.children if x.dep_ == "xcomp")
                        and t.lemma_ not in ASPECTUAL
                    )
                ):
                    hyp, why = True, why or "will"
                if c.dep_ == "amod" and c.lower_ in self.lex.hypothetical_modifiers and first:
                    hyp, why = True, why or c.lower_
            if (
                t.dep_ == "advcl"
                and t.tag_ in ("VB", "VBP")
                and any(
                    c.dep_ == "aux" and c.lower_ in ("should", "were", "had") and c.i < t.i
                    for c in t.children
                )
            ):
                hyp, why = True, why or "if"
            if t.head.i == t.i:
                break
            if _past_occasion(t):
                break  # "agreed to pause the tariffs after the two leaders spoke": the call took place
            h = t.head
            hl = h.lemma_.lower()
            if t.dep_ in ("ccomp",) and hl in self.lex.speech_verbs:
                break  # reported speech: the content keeps its own factuality
            if t.dep_ == "prep" and t.lower_ in SETTING_PREPS and hl in self.lex.topic_object_verbs:
                pass  # "discussed Ukraine in a phone call": the call is where it was discussed
            elif t.dep_ == "prep" and t.lower_ in OCCASION_PREPS and h.pos_ in ("VERB", "AUX"):
                pass  # "agreed to a pause after a call with X": the call came first, whatever was agreed
            elif (t.dep_ not in ("nsubj", "conj", "cc", "punct") and hl in self.lex.hypothetical_heads) or (
                hl == "be" and t.dep_ == "ccomp"
            ):
                if hl in ("refuse", "fail", "decline", "deny", "prevent", "stop", "halt", "avoid", "deter", "unable"):
                    neg = True
                hyp, why = True, why or hl
            if t.dep_ in ("relcl", "conj", "appos") and not first:
                break
            if _free_adjunct(t):
                break  # "…would not accept the flights, rejecting the plan": asserted on its own
            if t.dep_ == "relcl":
                break
            first = False
            t = h
        return neg, hyp, why


def _alleged(verb, lex: Lexicon) -> bool:
    """Is the verb the deed of which someone is accused ("accused China of firing water cannon",
    "blamed Ukraine for attacking …", "companies accused of supplying missiles")?"""
    if verb.dep_ not in ("pcomp", "pobj") or verb.tag_ != "VBG" or verb.head.dep_ != "prep":
        return False
    if verb.head.lower_ not in ("of", "for", "over", "with"):
        return False
    g = verb.head.head
    if g.pos_ == "ADJ" and g.lower_ in GUILTY and g.dep_ == "acomp":
        return True  # "both sides are guilty of violating the ceasefire"
    return g.pos_ == "VERB" and lex.verbs.get(g.lemma_.lower(), ("",))[0] == "ACCUSE"


def _phrasal_by(verb, lex: Lexicon) -> bool:
    """Is the "by" after an active verb part of a phrasal verb ("stood by Ukraine"), not an agent?"""
    return verb.tag_ != "VBN" and f"{verb.lemma_.lower()} by" in lex.verbs


def _free_adjunct(t) -> bool:
    """A participle clause set off by a comma, with no conjunction ("…, rejecting the U.S. plan"):
    it states its own fact, whatever the negation or modal of the clause it hangs on."""
    return (
        t.dep_ == "advcl"
        and t.tag_ == "VBG"
        and t.i > t.head.i
        and t.i > 0
        and t.doc[t.i - 1].text == ","
        and not any(c.dep_ == "mark" for c in t.children)
    )


@cache
def _sectors() -> frozenset[str]:
    """Nouns for unnamed groups ("rebels", "militants"), from the actors' gazetteer."""
    from tidings.actors.extract import _sectors as sectors

    return frozenset(sectors())


class _Nil:
    name = ""


def _t(actor) -> str:
    return getattr(actor.type, "value", str(actor.type))


def doc_range(doc, start: int, end: int):
    return (doc[i] for i in range(start, end))


def _quote_regions(text: str) -> list[tuple[int, int]]:
    out = []
    for op, cl in QUOTE_PAIRS:
        i = 0
        while True:
            s = text.find(op, i)
            if s < 0:
                break
            e = text.find(cl, s + 1)
            if e < 0:
                break
            # a straight-quote region never spans a paragraph break unless it is a curly quote
            if op == '"' and "\n\n" in text[s:e]:
                i = s + 1
                continue
            out.append((s + 1, e))
            i = e + 1
    return sorted(out)


# ====================================================================== extraction


def extract_events(
    doc, article: Article, actors: list, statements: list[Statement], *, lexicon: Lexicon | None = None
) -> list[Event]:
    """PLOVER events in one parsed article (factual ones and flagged non-factual ones)."""
    lex = lexicon or load_lexicon()
    st = _Article(doc, article, actors, statements, lex)
    cands: list[_Cand] = []
    st.cands = cands  # the events found so far, for "condemned the launch"
    anchors_all: dict[int, Timex] = {}
    for sent in doc.sents:
        anchors = _anchor_timexes(sent, st, lex)
        anchors_all.update(anchors)
        before = len(cands)
        consumed: set[int] = set()
        for tok in sent:
            if tok.pos_ in ("VERB", "AUX") or (
                tok.pos_ == "NOUN" and tok.dep_ == "ROOT" and tok.tag_.startswith("VB")
            ):
                _verbal(tok, st, lex, cands, consumed)
        if st.deferred:
            # a pledge whose pledged act was coded gives way to it
            done = {c.trigger.head.i for c in cands[before:] if c.trigger.dep_ == "xcomp"}
            cands[before:] = [
                c for c in cands[before:] if not (c.trigger.i in st.deferred and c.trigger.i in done)
            ]
        _reported(sent, st, lex, cands)
        for tok in sent:
            if tok.pos_ in ("NOUN", "PROPN") and tok.i not in consumed and tok.i not in st.topics:
                _nominal(tok, st, lex, cands)
        for c in cands[before:]:
            if c.type == "CONSULT" and c.target and not c.negated and not c.hypothetical:
                st.consult_pairs.append((c.trigger.i, c.source, c.target))
        _remember(sent, st, lex, anchors)
    events = []
    for c in cands:
        date, gran = _date_of(c, st, anchors_all)
        events.append(
            Event(
                span=Span(article.id, c.sent.start_char, c.sent.start_char + len(c.sent.text.rstrip())),
                type=c.type,
                source_id=c.source,
                target_id=c.target,
                mode=c.mode,
                date=date,
                date_granularity=gran,
                location=c.location,
                evidence=c.sent.text.strip(),
                negated=c.negated,
                hypothetical=c.hypothetical,
            )
        )
    return _prefer_meetings(_dedupe(events), st)


def _prefer_meetings(events: list[Event], st: _Article) -> list[Event]:
    """A visit to a country whose people the visitor's side is reported meeting is those meetings:
    "Blinken's visit to South Korea … met Yoon … met Park" gives the two meetings, not a third
    event with the state."""

    def country(aid):
        return st.country(aid) if aid else None

    met = {
        (country(a), country(b))
        for e in events
        if e.type == "CONSULT" and not (e.negated or e.hypothetical)
        for a, b in ((e.source_id, e.target_id), (e.target_id, e.source_id))
        if b and st.kind(b) != "STATE"
    }
    return [
        e
        for e in events
        if not (
            e.type == "CONSULT"
            and e.target_id
            and st.kind(e.target_id) == "STATE"
            and country(e.source_id) is not None
            and (country(e.source_id), country(e.target_id)) in met
        )
    ]


def _dedupe(events: list[Event]) -> list[Event]:
    out: dict[tuple, Event] = {}
    for e in events:
        key = (e.type, e.source_id, e.target_id, e.negated, e.hypothetical)
        if e.type == "CONSULT":
            key = (e.type, *sorted([e.source_id or "", e.target_id or ""]), e.negated, e.hypothetical)
        if key not in out:
            out[key] = e
        else:
            k = out[key]
            if k.date is None and e.date is not None:
                k.date, k.date_granularity = e.date, e.date_granularity
            if k.location is None and e.location:
                k.location = e.location
    factual = {(e.type, e.source_id, e.target_id) for e in out.values() if not (e.negated or e.hypothetical)}
    # "pledged aid to X": the act with its target makes the same act without one redundant
    targeted = {
        (e.type, e.source_id, e.span.start, e.negated, e.hypothetical) for e in out.values() if e.target_id
    }
    return [
        e
        for e in out.values()
        if (not (e.negated or e.hypothetical) or (e.type, e.source_id, e.target_id) not in factual)
        and (e.target_id or (e.type, e.source_id, e.span.start, e.negated, e.hypothetical) not in targeted)
    ]


# ---------------------------------------------------------------------- time


def _anchor_timexes(sent, st: _Article, lex: Lexicon) -> dict[int, Timex]:
    out: dict[int, Timex] = {}
    for tx in find_timexes(sent.text, st.pub):
        if tx.type not in ("DATE", "TIME") or tx.granularity in ("ref", "set", "duration"):
            continue
        span = st.doc.char_span(sent.start_char + tx.start, sent.start_char + tx.end, alignment_mode="expand")
        if span is None:
            continue
        t = span.root
        while (
            t.head.i != t.i
            and t.pos_ not in ("VERB", "AUX")
            and not (t.pos_ == "NOUN" and t.lemma_.lower() in lex.nouns and t not in span)
        ):
            t = t.head
        out.setdefault(t.i, tx)
    return out


def _remember(sent, st: _Article, lex: Lexicon, anchors: dict[int, Timex]) -> None:
    for tok in sent:
        if tok.pos_ not in ("VERB", "AUX"):
            continue
        speaker = st.speaker_at(tok)
        subj = (
            st.subject(tok, speaker)
            if tok.dep_ in ("ROOT", "conj", "ccomp") or tok.lemma_.lower() in lex.speech_verbs
            else []
        )
        for a in subj[:1]:
            st.history.append((tok.i, a))
            if tok.lemma_.lower() in lex.speech_verbs and tok.i in anchors and anchors[tok.i].day:
                st.speech_date[a] = anchors[tok.i].day
        if tok.lemma_.lower() in lex.speech_verbs and subj and subj[0] not in st.speech_date:
            # "said on Tuesday" where the date hangs off the clause
            days = [tx for i, tx in anchors.items() if tx.day and st.doc[i].sent == sent]
            if len(days) == 1 and tok.dep_ == "ROOT":
                st.speech_date[subj[0]] = days[0].day


def _is_future(value: str | None, published: str | None) -> bool:
    """A resolved date after the publication date, at its own granularity ("next month")."""
    if not value or not published:
        return False
    w = re.match(r"(\d{4})-W(\d{2})$", value)
    if w:  # a week: future when it starts after the publication day
        try:
            return date.fromisocalendar(int(w[1]), int(w[2]), 1).isoformat() > published[:10]
        except ValueError:
            return False
    m = re.match(r"\d{4}(?:-\d{2}(?:-\d{2})?)?", value)
    return bool(m) and m.group(0) > published[: len(m.group(0))]


def _date_of(c: _Cand, st: _Article, anchors: dict[int, Timex]) -> tuple[str | None, str | None]:
    for a in c.anchors:
        t = a
        while True:
            if t.i in anchors:
                tx = anchors[t.i]
                if _is_future(tx.value, st.article.published):
                    if c.communicative and c.type in INTENT_TYPES | {"SUPPORT"}:
                        break  # "will visit Russia in June", announced: the intent is stated now
                    c.hypothetical = True  # "when they meet in Luxembourg next month": not yet
                return tx.day, tx.granularity
            if t.head.i == t.i or t.dep_ == "relcl":
                break
            if t.dep_ == "ccomp" and not c.communicative:
                break
            t = t.head
    if c.communicative:
        for who in (c.source, st.speaker_at(c.trigger)):
            if who and who in st.speech_date:
                return st.speech_date[who], "day"
    return None, None


# ---------------------------------------------------------------------- triggers


def _noun_code(tok, lex: Lexicon):
    """PLOVER code of an event noun: "troop deployment", "action against", "meeting"."""
    low = tok.lemma_.lower()
    keys = []
    for c in tok.children:
        if c.dep_ == "prep":
            keys += [f"{low} {c.lower_}", f"{tok.lower_} {c.lower_}"]
    for c in tok.children:
        if c.dep_ in ("compound", "amod", "nmod"):
            keys += [f"{c.lower_} {tok.lower_}", f"{c.lemma_.lower()} {low}"]
        elif c.dep_ == "prep" and c.lower_ == "of":  # "a state of emergency"
            keys += [f"{low} of {o.lower_}" for o in c.children if o.dep_ == "pobj"]
    for k in keys:
        if k in lex.nouns:
            return lex.nouns[k]
    table = lex.object_verbs.get(low)
    if table:  # "the launch of a missile"
        for p in tok.children:
            if p.dep_ == "prep" and p.lower_ == "of":
                for o in p.children:
                    # "the release of Apple's software suite": the compound's class as well
                    words = [o.lemma_.lower(), o.lower_] + [c.lower_ for c in o.children if c.dep_ == "compound"]
                    for cls in [cl for w in words for cl in lex.classes(w)]:
                        if cls in table:
                            return table[cls]
    return lex.nouns.get(tok.lower_) or lex.nouns.get(low)


def _obj(tok):
    for c in tok.children:
        if c.dep_ in ("dobj", "obj"):
            return c
    for c in tok.children:
        if c.dep_ == "nsubjpass":
            return c
    return None


def _verb_code(tok, lex: Lexicon):
    """(code, event noun) for a verb, or (None, None)."""
    lemma = tok.lemma_.lower()
    if lemma in COLLISION_VERBS and _collision(tok):
        return None, None  # "the car struck two vehicles", "a truck hit a bus": a crash, no attack
    parts = [c.lower_ for c in tok.children if c.dep_ == "prt"]
    # "pulled its troops back from", parsed as an adverb: a particle all the same
    # (of forces only: "made an offer but pulled it back" takes nothing back from anyone)
    if all("troops" in lex.classes(c.lower_) for c in tok.children if c.dep_ == "dobj"):
        parts += [c.lower_ for c in tok.children if c.dep_ == "advmod" and c.lower_ in ("back", "out") and c.i > tok.i]
    parts += [
        c.lower_
        for c in tok.children
        if c.dep_ == "advmod"
        and c.i == tok.i + 1
        and c.lower_ not in parts
        and (f"{lemma} {c.lower_}" in lex.verbs or f"{lemma} {c.lower_}" in lex.object_verbs)
    ]  # "shot down 20 drones" with "down" parsed as an adverb: the phrasal verb all the same
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    if not parts and nxt is not None and nxt.tag_ == "RP" and nxt.head.i != tok.i and nxt.head.i > tok.i:
        parts = [nxt.lower_]  # "handed over 700 kg of …": the parser hung the particle on the number
    # "called on Friday" is no "call on": a time phrase is no part of the verb
    preps = [
        c
        for c in tok.children
        if (c.dep_ in ("prep", "dative") or (c.dep_ == "agent" and tok.tag_ != "VBN"))
        and not any(x.ent_type_ in ("DATE", "TIME") for x in c.subtree)
    ]
    obj = _obj(tok)
    if any(
        c.dep_ in ("nsubj", "nsubjpass")
        and any(x.lemma_.lower() in HAZARDS for x in (c, *(x for x in c.children if x.dep_ == "compound")))
        for c in tok.children
    ):
        return None, None  # "an earthquake struck Aceh", "the blaze destroyed homes"
    xcomps = [c for c in tok.children if c.dep_ == "xcomp"]
    if lemma in ("decline", "refuse") and any(x.lemma_.lower() in NO_COMMENT for x in xcomps):
        return None, None  # "declined to comment": no refusal of anyone
    if lemma in STRUGGLE_VERBS and (
        xcomps or any(c.dep_ == "advcl" and any(a.lower_ == "to" for a in c.children) for c in tok.children)
    ):
        return None, None  # "vowed to fight to keep the protections": a struggle, no attack
    if lemma in STRUGGLE_VERBS and obj is None and any(
        c.dep_ == "prep"
        and c.lower_ == "for"
        and any(o.dep_ == "pobj" and not _personal(o) and o.lemma_.lower() not in CONTESTED for o in c.children)
        for c in tok.children
    ):
        return None, None  # "has long fought for the well-being of others": a cause, no enemy
    if lemma == "decline" and obj is None and not xcomps:
        return None, None  # "the housing market has been declining": a fall, no refusal
    if lemma == "ask" and any(x.lemma_.lower() in NO_COMMENT for x in xcomps):
        return None, None  # "asked not to be identified"
    if lemma == "pull" and obj is not None and set(parts) & {"out", "back"} and not (
        {"troops", "envoy"} & set(lex.classes(obj.lower_) + lex.classes(obj.lemma_.lower()))
    ):
        return None, None  # "pulled out a revolver": nothing withdrawn from anyone
    if lemma == "ask" and (
        not any(c.dep_ in ("dobj", "dative", "xcomp", "ccomp", "prep", "nsubjpass") for c in tok.children)
        or any(m.dep_ == "mark" and m.lower_ in ("if", "whether") for c in tok.children for m in c.children)
        or any(  # "asked how she felt", "asked what had happened": a question too
            c.dep_ == "ccomp" and any(m.tag_ in ("WRB", "WP") and m.i < c.i for m in c.children)
            for c in tok.children
        )
    ):
        return None, None  # '"Why not?" he asked', "asked him if he understood": a question
    if any(
        c.dep_ in ("oprd", "ccomp") and c.pos_ == "ADJ" and any(x.lower_ == "it" for x in (obj, *c.children) if x)
        for c in tok.children
    ):
        return None, None  # "struck it rich", "made it big": an idiom, no act on anyone
    if lemma in ("find", "declare", "hold", "rule") and any(
        c.dep_ in ("oprd", "ccomp", "acomp", "xcomp") and c.lower_ in GUILTY for c in tok.children
    ):
        return ("ACCUSE", "disapprove"), None  # "found Microsoft guilty of abusing": a verdict (CAMEO 116)
    if lemma == "call" and obj is not None:
        rel = tok
        while rel.dep_ == "xcomp":
            rel = rel.head
        if any(c.dep_ == "oprd" for c in tok.children) or (
            rel.dep_ == "relcl" and not any(c.tag_ in ("WP", "WDT") and c.dep_ == "dobj" for c in tok.children)
        ):
            return None, None  # "the guy they used to call Deep Throat", "called it a sham": naming
    if lemma == "sell" and obj is not None and not (
        {"weapons", "aid", "troops"} & set(lex.classes(obj.lower_) + lex.classes(obj.lemma_.lower()))
    ):
        return None, None  # "sold 13.7 million Macs": trade, no supply to a side (arms sales still are)
    keys = [f"{lemma} {p}" for p in parts] + [lemma]
    # object-dependent verbs ("launch a missile" vs "launch talks")
    # "sent troops to Sierra Leone as peacekeepers": what they are sent as comes first
    nouns = [
        p2 for p in preps if p.lower_ == "as" for p2 in p.children if p2.dep_ == "pobj"
    ] + ([obj] if obj is not None else [])
    if obj is None:
        # "allowed UN inspectors to return", parsed as a clause: its subject is the verb's object
        nouns += [
            x
            for c in tok.children
            if c.dep_ in ("ccomp", "xcomp") and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
            for x in c.children
            if x.dep_ == "nsubj" and x.pos_ in ("NOUN", "PROPN")
        ]
    if obj is None and tok.dep_ == "acl" and tok.tag_ == "VBN":
        nouns = [tok.head]  # "a statement released through the team": what is released
    if obj is not None and _measured(obj) is not obj:  # "ten days of war games", "a wave of arrests"
        nouns.append(_measured(obj))
    nouns += [
        p2 for p in preps if p.lower_ in ("of", "against", "about") for p2 in p.children if p2.dep_ == "pobj"
    ]
    tables = [(lex.object_verbs.get(k), nouns) for k in keys]
    # "went on strike", "took to the streets", "withdrew from the talks": the noun after the verb's
    # own preposition
    tables += [
        (lex.object_verbs.get(f"{lemma} {pt}{p.lower_}"), [o for o in p.children if o.dep_ == "pobj"])
        for p in preps
        for pt in ["", *(f"{x} " for x in parts)]  # "walked out of the talks"
    ]
    tables += [  # "pulled out of the treaty" with "out" parsed as a preposition holding "of"
        (
            lex.object_verbs.get(f"{lemma} {p.lower_} {p2.lower_}"),
            [o for o in p2.children if o.dep_ == "pobj"],
        )
        for p in preps
        for p2 in p.children
        if p2.dep_ == "prep"
    ]
    for table, cands in tables:
        if not table:
            continue
        for n in cands:
            # the compound first: "a hunger strike" is a protest before "a strike" is an attack
            words = [f"{c.lower_} {n.lower_}" for c in n.children if c.dep_ in ("compound", "amod")]
            words += [  # "the state of emergency"
                f"{n.lower_} of {o.lower_}"
                for p in n.children
                if p.dep_ == "prep" and p.lower_ == "of"
                for o in p.children
                if o.dep_ == "pobj"
            ]
            words += [n.lower_, n.lemma_.lower()]
            # the compound's own noun after the head: "violated the ceasefire agreement"
            words += [c.lower_ for c in n.children if c.dep_ == "compound" and c.pos_ == "NOUN"]
            if n.ent_type_ == "PERSON" or (n.ent_type_ == "NORP" and n.tag_ in ("NNPS", "NNS")):
                words.append("person-entity")  # "handed over Slobodan Milosevic"
            if n.lemma_.lower() in EFFORT_HEADS:  # "mediation efforts", "the peace process": the kind
                words += [c.lower_ for c in n.children if c.dep_ in ("compound", "amod")]
            for w in words:
                for cls in lex.classes(w):
                    if cls in table:
                        return table[cls], None  # None: the verb's other sense ("released a report")
    if lemma in VOWS and any(x.dep_ == "xcomp" and x.lemma_.lower() in RESPONSE_VERBS for x in tok.children):
        return ("THREATEN", None), None  # "vowed to respond", "promised to retaliate"
    if lemma == "warn":
        # "warned Finland of retaliation": the parser hangs the "of" on the one warned
        nouns = nouns + [
            o
            for p in (obj.children if obj is not None else ())
            if p.dep_ == "prep" and p.lower_ in ("of", "about", "with")
            for o in p.children
            if o.dep_ == "pobj"
        ]
        if any(n.lemma_.lower() in THREAT_OBJECTS for n in nouns) or _warned_consequence(tok) is not None:
            return ("THREATEN", None), None
        for c in tok.children:
            # "warned X that it would take military action / retaliate": the warner's own future
            # hostile act (not "warned that Russia would attack": a prediction)
            if (
                c.dep_ == "ccomp"
                and any(a.dep_ == "aux" and a.lower_ in ("will", "would", "'ll", "shall") for a in c.children)
                and any(x.dep_ in ("nsubj",) and x.pos_ == "PRON" and x.lower_ != "you" for x in c.children)
            ):
                o = _obj(c)
                xcode = _verb_code(c, lex)[0]
                if (o is not None and o.lemma_.lower() in THREAT_OBJECTS) or (xcode and xcode[0] in HOSTILE):
                    return ("THREATEN", None), None
        return None, None
    for k in [f"{lemma} {p}" for p in parts] + [f"{lemma} {p.lower_}" for p in preps]:
        if k in lex.null_verbs:
            return None, None  # "shelled out $334 million", "seized upon a story": an idiom
        if k in lex.verbs:
            return lex.verbs[k], None
    if obj is not None and (lemma in lex.light_verbs or lemma not in lex.verbs):
        code = _noun_code(obj, lex)
        if code and code[0] == "SUPPORT" and lemma in RECEIVING_VERBS:
            return None, None  # "X has/won the support of Y": Y's support, left to the noun
        if code and (lemma in lex.light_verbs):
            return code, obj
    if lemma in lex.orders.get("heads", ()) and (ordered := _ordered(tok, lex)) is not None:
        return ordered, None
    if lemma in lex.force_reviews and obj is not None and _armed(obj, lex):
        return None, None  # "inspected an artillery unit": a review of one's forces, no investigation
    if lemma in lex.military_verbs and obj is not None and not _armed(obj, lex):
        return None, None  # "mobilized supporters", "deployed resources": no military act
    if lemma in lex.transitive_only and obj is None:
        return None, None  # "returned to Geneva for talks": a trip, not a return of anything
    if lemma in lex.verbs:
        code = lex.verbs[lemma]
        dobj = next((c for c in tok.children if c.dep_ == "dobj"), None)
        comps = [c for c in tok.children if c.dep_ in ("xcomp", "ccomp")]
        if lemma == "insist" and comps and not any(
            c.tag_ == "VB"
            or any(a.lower_ in REQUEST_MODALS or (a.dep_ == "auxpass" and a.tag_ == "VB") for a in c.children)
            for c in comps
        ):
            return None, None  # "insisted that their ship had acted lawfully": a claim, no demand
        if lemma in ("push", "press") and dobj is not None and not comps and not any(
            c.dep_ == "prep" and c.lower_ in ("for", "on") for c in tok.children
        ):
            return None, None  # "pushed a child out of the way": no pressure on anyone
        if lemma in ("order", "offer") and dobj is not None and not comps and not _personal(dobj):
            return None, None  # "ordered new airliners", "offers a range of tones": a purchase, a sale
        if lemma in ("demonstrate", "rally", "march") and dobj is not None:
            return None, None  # "demonstrated the new software", "helped rally the team": no protest
        if (
            lemma in ("help", "assist")
            and dobj is None
            and not any(c.dep_ == "dative" for c in tok.children)
            # "help Pakistan rebuild its economy": the helped is the subject of the complement
            and not any(x.dep_ == "nsubj" for c in tok.children if c.dep_ in ("ccomp", "xcomp") for x in c.children)
        ):
            return None, None  # "helped celebrate the anniversary", "is assisting in the inquiry"
        return code, None
    return None, None


def _personal(tok) -> bool:
    """Does a noun name whom an act is aimed at (a person, a body, a country, a pronoun)?"""
    return tok.pos_ in ("PRON", "PROPN") or tok.ent_type_ in ("PERSON", "ORG", "GPE", "NORP")


def _ordered(tok, lex: Lexicon):
    """The code of an order by what it orders: "ordered the troops to leave the country" →
    COERCE/expel; "ordered it to be ready for combat", "put troops on alert" → MOBILIZE/alert."""
    alert = lex.orders.get("alert", set())
    for c in tok.children:
        if c.dep_ == "xcomp" and c.lemma_.lower() in lex.orders.get("expel", ()):
            return ("COERCE", "expel")
        if c.dep_ == "xcomp" and c.lemma_.lower() == "be":
            for a in c.children:
                if a.dep_ == "acomp" and a.lower_ in ("ready", "prepared"):
                    for p in a.children:
                        if p.dep_ == "prep" and any(o.lemma_.lower() in alert for o in p.children):
                            return ("MOBILIZE", "alert")
    return None


RESPONSE_VERBS = {"retaliate", "respond"}  # "warned that it would respond": a consequence announced
VOWS = {"vow", "swear"}  # not "promised to respond to the demands"


def _warned_consequence(tok):
    """The clause of a warning that announces what the warner's side will do ("warned Beijing that
    Washington would take action", "warned that it will respond with force"), else None.  What
    another actor will do is a prediction ("warned that Russia would attack"): checked by the
    caller, which knows the actors."""
    for c in tok.children:
        if c.dep_ != "ccomp" or c.pos_ not in ("VERB", "AUX"):
            continue
        if not any(a.dep_ == "aux" and a.lower_ in FUTURE_AUX | {"would"} for a in c.children):
            continue
        objs = [x for x in c.children if x.dep_ == "dobj"]
        objs += [o for p in c.children if p.dep_ == "prep" for o in p.children if o.dep_ == "pobj"]
        if any(o.lemma_.lower() in THREAT_OBJECTS or o.lower_ in THREAT_OBJECTS for o in objs) or (
            c.lemma_.lower() in RESPONSE_VERBS
        ):
            return c
    return None


def _measured(obj):
    """The noun a measure phrase is about: "ten days of war games" → games; else the noun itself."""
    if obj is not None and obj.lemma_.lower() in MEASURE_HEADS:
        for p in obj.children:
            if p.lower_ == "of":
                for o in p.children:
                    if o.dep_ == "pobj":
                        return o
    return obj


def _armed(obj, lex: Lexicon) -> bool:
    """Is an object (or a conjunct of it) a force or a weapon ("troops", "missiles", "Patriot systems")?"""
    return any(
        cls in ("troops", "weapons", "missile")
        for n in [obj, _measured(obj), *(c for c in obj.children if c.dep_ == "conj")]
        for cls in lex.classes(n.lower_) + lex.classes(n.lemma_.lower())
    )


def _targets(
    tok, etype: str, st: _Article, speaker, lex: Lexicon, skip_obj: bool = False, exclude=()
) -> list[str]:
    out: list[str] = []
    if not skip_obj:
        for c in tok.children:
            if c.dep_ in ("dobj", "dative", "iobj", "obj") or (
                c.dep_ == "nsubjpass" and any(x.dep_ == "agent" for x in tok.children)
            ):
                topical = tok.lemma_.lower() in st.lex.topic_object_verbs
                if etype == "CONSULT" and topical and c.dep_ == "dobj":
                    continue  # "Putin and Trump discussed Ukraine": what was discussed, not with whom
                if etype == "CONSULT":  # "discussed North Korea's provocations": a topic, not a partner
                    out += st.with_conj(c, speaker)
                elif etype in EVALUATIVE and _hostile_deed(c, lex):
                    out += _doers(c, st, speaker, exclude)  # "condemned the attack on Israel": not Israel
                else:  # "agreed to hold a round of talks in Japan": Japan is where, not whom
                    out += st.phrase_actors(c, speaker, exclude=exclude, places=etype in PLACE_TARGETS)
        if not out and etype in ("ACCUSE", "REJECT", "SUPPORT", "REQUEST", "THREATEN", "AID"):
            # "criticised North Korea's strengthening …", "condemned Russia for …"
            for c in tok.children:
                if c.dep_ in ("ccomp", "xcomp"):
                    for x in c.children:
                        if x.dep_ in ("nsubj", "poss", "nsubjpass"):
                            out += st.phrase_actors(x, speaker, exclude=exclude)
    if not out and not skip_obj and etype in RESPONSE_TYPES:
        out = _target_of_event_noun(tok, st, lex, exclude)
    if out:
        return out
    order = lex.target_preps(etype)
    preps = sorted(
        (c for c in tok.children if c.dep_ in ("prep", "dative") and c.lower_ in order),
        key=lambda c: order.index(c.lower_),
    )
    for p in preps:
        for o in p.children:
            if o.dep_ == "pobj":
                if p.lower_ == "between":
                    out += st.with_conj(o, speaker)
                else:
                    out += st.phrase_actors(o, speaker, exclude=exclude)
        if out:
            return out
    if not skip_obj and etype == "REQUEST":
        # "called for talks with X", "pressed for a ceasefire with X": whom the thing asked for concerns
        for p in tok.children:
            if p.dep_ == "prep" and p.lower_ == "for":
                for o in p.children:
                    if o.dep_ == "pobj":
                        out += _partners_in(o, ("with", "between", "from", "against"), st, speaker, exclude)
        if out:
            return out
    if not skip_obj:
        # the partner named inside the object phrase: "launched a mediation effort between A and B",
        # "demanded a truce with X", "demanding autonomy from X"
        obj = _obj(tok)
        if obj is not None and obj.dep_ in ("dobj", "obj") and obj.i not in st.tok_actor:
            for p in sorted(
                (c for c in obj.children if c.dep_ == "prep" and c.lower_ in order and c.lower_ != "of"),
                key=lambda c: order.index(c.lower_),
            ):
                for o in p.children:
                    if o.dep_ == "pobj":
                        out += [
                            a
                            for a in (st.with_conj(o, speaker) if p.lower_ == "between" else
                                      st.phrase_actors(o, speaker, max_depth=2, exclude=exclude))
                            if a not in exclude and st.country(a) not in exclude
                        ]  # fmt: skip
                if out:
                    return out
    return out


DOMESTIC_TYPES = {"COERCE", "ASSAULT"}  # done to one's own people too (arrests, crackdowns, fighting rebels)
EVALUATIVE = {"ACCUSE", "SUPPORT", "REJECT"}  # judged by what the object did, not by whom it hit


def _hostile_deed(noun, lex: Lexicon) -> bool:
    code = _noun_code(noun, lex) if noun.pos_ == "NOUN" else None
    return bool(code) and code[0] in HOSTILE


def _doers(noun, st: _Article, speaker, exclude=()) -> list[str]:
    """Who did what a hostile event noun names: its owner ("Iran's attack", "the Israeli strike") or
    its "by" agent; not the actor it was done to ("the attack on Israel")."""
    out = []
    for c in noun.children:
        if c.dep_ in ("poss", "compound", "amod", "nmod") and c.i < noun.i:
            a = st.tok_actor.get(c.i) or st.demonym.get(c.i)
            if a is None and c.dep_ == "poss":
                a = next(iter(st.np_actors(c, speaker)), None)
            if a:
                out.append(a)
        if c.dep_ == "prep" and c.lower_ == "by":
            out += [a for o in c.children for a in st.with_conj(o, speaker)]
        if c.dep_ == "prep" and c.lower_ == "of" and not out:
            # "the deployment of Russian troops", "the transfer of Iranian drones": whose forces
            for o in c.children:
                if o.dep_ == "pobj" and {"troops", "weapons", "missile"} & set(
                    st.lex.classes(o.lower_) + st.lex.classes(o.lemma_.lower())
                ):
                    out += st.phrase_actors(o, speaker, max_depth=1)
    return [a for a in dict.fromkeys(out) if a not in exclude and st.country(a) not in exclude]


MATERIAL_TYPES = {"MOBILIZE", "ASSAULT", "COERCE", "SANCTION", "AID", "THREATEN"}
RESPONSE_TYPES = {"ACCUSE", "REJECT", "PROTEST", "THREATEN", "SANCTION", "COERCE"}
RESPONSE_LOOKBACK_SENTS = 3  # "condemned the launch": the launch reported at most this many sentences before


def _target_of_event_noun(tok, st: _Article, lex: Lexicon, exclude=()) -> list[str]:
    """ "condemned the launch", "rejected the criticism": the one who did what the object names,
    from the events found just before (of the noun's type when the lexicon knows it)."""
    obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
    if obj is None or not any(
        d.lower_ in ("the", "this", "that", "these", "those", "such") for d in obj.children
    ):
        return []
    code = lex.nouns.get(obj.lemma_.lower())
    wanted = {code[0]} if code else MATERIAL_TYPES  # "the test": a deed, not words
    own = {a for a in exclude if a}
    if getattr(st, "sent_index", None) is None:
        st.sent_index = {sent.start: k for k, sent in enumerate(st.doc.sents)}
    here = st.sent_index[tok.sent.start]
    for c in reversed(getattr(st, "cands", [])):
        k = st.sent_index[c.sent.start]
        if k >= here or here - k > RESPONSE_LOOKBACK_SENTS:
            continue
        if c.type in wanted and c.source and c.source not in own and not c.negated:
            return [c.source]
    return []


def _location(toks, st: _Article) -> str | None:
    for tok in toks:
        if tok is None:
            continue
        kids = list(tok.children)
        for c in tok.children:
            if c.dep_ == "acl":  # "the meeting held at …"
                kids += list(c.children)
        for p in kids:
            if p.dep_ != "prep" or p.lower_ not in ("in", "at"):
                continue
            for o in p.children:
                if o.dep_ != "pobj":
                    continue
                sub = list(o.subtree)
                if any(t.ent_type_ in ("DATE", "TIME") for t in sub) or o.lemma_.lower() in (
                    "time",
                    "moment",
                    "meeting",
                    "press",
                    "conference",
                ):
                    continue
                ents = {t.ent_type_ for t in sub}
                if ents & {"GPE", "LOC", "FAC"} or o.lemma_.lower() in PLACE_NOUNS:
                    words = [t for t in sub if not (t.i == sub[0].i and t.dep_ == "det")]
                    text = st.doc[words[0].i : words[-1].i + 1].text if words else o.text
                    return text.strip(" ,")
    return None


def _emit(
    cands,
    st: _Article,
    code,
    sources,
    targets,
    trigger,
    *,
    anchors=(),
    communicative=None,
    negated=False,
    hypothetical=False,
    location=None,
    pair_ok=True,
    targetless=False,
) -> None:
    etype, mode = code
    comm = etype in COMMUNICATIVE if communicative is None else communicative
    sources = [s for s in sources if s]
    if not sources:
        return
    if etype == "PROTEST" and _official_protest(trigger, sources, st):
        etype, mode, comm = "ACCUSE", "disapprove", True
    if etype in ("ASSAULT", "COERCE") and all(
        s.startswith(GROUP_PREFIX) and s.rsplit("-", 1)[-1].rsplit(":", 1)[-1] in CROWDS for s in sources
    ):
        # "demonstrators stormed the embassy", "protesters torched police cars": a violent protest,
        # a riot (CAMEO 145), not an armed attack
        etype, mode = "PROTEST", "riot"
    if (
        len(set(sources)) >= 2
        and not targets
        and trigger.lemma_.lower() in st.lex.mutual_verbs
        and etype not in ("CONSULT", "AGREE", "COOPERATE")  # those pair up below ("exchanged views")
    ):
        # "Indian and Chinese troops clashed": each side attacks the other
        a, b = list(dict.fromkeys(sources))[:2]
        for s, t in ((a, b), (b, a)):
            c = _Cand(etype, mode, s, t, trigger, trigger.sent, negated, hypothetical, comm, tuple(anchors))
            c.location = location
            cands.append(c)
        return
    joint = etype in ("CONSULT", "AGREE", "COOPERATE") or (
        etype == "SUPPORT" and trigger.lemma_.lower() in st.lex.cooperative_verbs
    )  # "A and B strengthened their alliance": each the other's partner
    if pair_ok and len(sources) >= 2 and not targets and joint:
        sources, targets = sources[:1], sources[1:2]
    for s in sources:
        tl = [
            t
            for t in targets
            if t
            and t != s
            and not (
                st.kind(t) == "STATE"
                and st.country(s) == st.country(t)
                and st.kind(s) != "STATE"
                and not _non_state(s)  # rebels, parties, protesters act against their own state
                and (trigger.i, t) not in st.domestic  # a leader or body acting on its own country
            )
        ]
        if not tl:
            if etype in REQUIRES_TARGET and not (targetless and _targetless_ok(etype, trigger, st)):
                continue
            tl = [None]
        for t in tl:
            cands.append(
                _Cand(
                    etype,
                    mode,
                    s,
                    t,
                    trigger,
                    trigger.sent,
                    negated,
                    hypothetical,
                    comm,
                    tuple(anchors),
                    location,
                )
            )


def _owned_deed(noun, st: _Article) -> bool:
    """Does an event noun name its doer ("the deployment of North Korean troops", "Russia's
    invasion")? Protested or condemned, it is a deed of its own as well."""
    if noun.lemma_.lower() in PATIENT_NOUNS:
        return False  # "Ortiz's killing", "the killing of Ortiz": the victim, not the doer
    forces = {"troops", "weapons", "missile"}

    def named(t) -> bool:
        return t.i in st.tok_actor or t.i in st.demonym

    return any(
        (c.dep_ in ("poss", "amod", "compound") and c.i < noun.i and named(c))
        or (
            c.dep_ == "prep"
            and c.lower_ in ("of", "by")
            and any(
                o.dep_ == "pobj"
                and (named(o) if c.lower_ == "by" else bool(forces & set(st.lex.classes(o.lower_))))
                and (c.lower_ == "by" or any(named(x) for x in o.children))
                for o in c.children
            )
        )
        for c in noun.children
    )


def _official_protest(trigger, sources, st: _Article) -> bool:
    """A government, body or official that "protests" complains (ACCUSE); PLOVER's PROTEST is
    crowds in the street ("protesters", "students", unnamed groups)."""
    if trigger.pos_ != "VERB" or trigger.lemma_.lower() not in st.lex.official_protests:
        return False  # "in protest against": the name of the act it explains
    h = trigger.head
    if trigger.dep_ in ("advcl", "xcomp", "conj") and h.pos_ in ("VERB", "AUX"):
        # "began a hunger strike to protest …", "shunned work to protest …": the protest act itself
        code, _noun = _verb_code(h, st.lex)
        obj = _obj(h)
        ocode = _noun_code(obj, st.lex) if obj is not None else None
        if (code and code[0] == "PROTEST") or (ocode and ocode[0] == "PROTEST"):
            return False
        if obj is not None and obj.lemma_.lower() in ("work", "strike", "food", "meal", "class", "classes"):
            return False
    return not any(s.startswith(GROUP_PREFIX) for s in sources)


def _targetless_ok(etype: str, trigger, st: _Article) -> bool:
    """A type that takes a partner, with no target named, is still coded when a main verb of
    narration reports it as done ("the rebels demanded elections"); not a meeting or joint action
    without a partner, nor in quotes or subordinate clauses."""
    return (
        etype not in RECIPROCAL
        and trigger.pos_ == "VERB"
        and (trigger.dep_ in ("ROOT", "conj", "xcomp", "ccomp") or _alleged(trigger, st.lex))
        and not st._in_quote(trigger.idx)
    )


def _domestic_side(sources, etype: str, st: _Article) -> bool:
    """May the sources' own state be the other side?  Where they are people or bodies of it (not the
    state itself, nor a non-state group, which may take it as a target anyway), and the act is
    done to someone: no meeting or agreement with oneself (a leader
    "signed" or "agreed" with his own state as the other party is his state's act), no deployment
    at home."""
    return (
        bool(sources)
        and etype not in RECIPROCAL | {"MOBILIZE", "AGREE"}
        and all(st.kind(s) in ("PERSON", "ORG") and st.country(s) and not _non_state(s) for s in sources)
    )


def _own_state_side(t: str, tok, st: _Article) -> bool:
    """Is ``t`` (found once the sources' own country is allowed) their state named as the one acted
    on, not as the owner of an act ("the South Korean government's commitment", "the U.S.'s
    pledge": the source's own side)?"""
    if st.kind(t) != "STATE":
        return True
    named = [x for x in tok.sent if st.tok_actor.get(x.i) == t or st.demonym.get(x.i) == t]
    for x in named:
        h = x
        while h.dep_ in ("compound", "amod", "nmod", "poss", "case") and h.head.i != h.i and h.i < h.head.i:
            g = h.head
            if g.pos_ == "NOUN" and (
                _noun_code(g, st.lex) is not None
                or g.lemma_.lower() in st.lex.intent_heads | st.lex.hypothetical_heads
            ):
                break  # the owner of an act, pledge or intent (its doer), not of "Algeria's elections"
            h = g
        else:
            return True
    return False


def _verbal(tok, st: _Article, lex: Lexicon, cands: list, consumed: set) -> None:
    code, noun = _verb_code(tok, lex)
    lemma = tok.lemma_.lower()
    speaker = st.speaker_at(tok)
    if speaker is None and _alleged(tok, lex) and tok.head.head.pos_ == "VERB":
        # the accuser tells the deed: "accused China of firing at a government vessel" (its own)
        speaker = next(iter(st.subject(tok.head.head, None)), None)
    if lemma in lex.cooperative_verbs:
        obj = _obj(tok)
        if obj is not None and obj.lemma_.lower() in lex.cooperative_objects:
            _cooperative(tok, obj, st, lex, cands, speaker)
            consumed.add(obj.i)
            return
    if lemma in lex.aimed_launches.get("verbs", ()) and _aimed_launch(tok, code, st, lex, cands, speaker):
        return
    if lemma in lex.sightings and _sighting(tok, st, lex, cands, speaker):
        return
    if lemma in lex.gratitude_verbs:
        _thanked_for_aid(tok, st, lex, cands, speaker)
    if code is None:
        return
    if code[0] == "MOBILIZE" and _fired_at(tok, st, lex):
        code = ("ASSAULT", "heavy-weapons")  # "fired missiles at a police station": an attack
    etype = code[0]
    if (any(c.dep_ in ("oprd",) for c in tok.children) and code != ("ACCUSE", "disapprove")) or (
        etype in ("AGREE", "CONSULT")
        and any(c.dep_ == "ccomp" for c in tok.children)
        and lemma in lex.speech_verbs
        and not (etype == "AGREE" and _agreed_course(tok, lex))
    ):
        return  # "called it a gamble", "agreed that …": a description or an opinion, not the act
    if etype == "REQUEST" and tok.tag_ == "VBN" and tok.dep_ == "advcl" and tok.i < tok.head.i:
        return  # "Invited by X, Y visited …": the invitation is background to the visit
    if (
        etype == "AGREE"
        and noun is None
        and lemma in lex.commissive
        and any(x.dep_ == "xcomp" and _verb_code(x, lex)[0] for x in tok.children)
    ):
        # "vowed to retaliate", "offered to hand over X": the act pledged is the event (this one
        # stands only if that act gives none)
        st.deferred.add(tok.i)
    if noun is not None and _passive_pair(tok, noun):
        return  # "talks between A and B were held": the noun names who met; coded as a noun
    if noun is not None:
        consumed.add(noun.i)
    else:
        o = _obj(tok)
        if o is not None and _noun_code(o, lex) and not (etype in EVALUATIVE | {"PROTEST"} and _owned_deed(o, st)):
            consumed.add(o.i)
    sources = st.subject(tok, speaker) or _first_to(tok, st, speaker)
    if lemma in lex.reverse_verbs:
        # "received aid from X", also where the parser hangs the "from" on the object ("received
        # support from the United States")
        holders = [tok] + ([o] if (o := _obj(tok)) is not None else [])
        frm = [
            o
            for h in holders
            for p in h.children
            if p.dep_ == "prep" and p.lower_ == "from"
            for o in p.children
            if o.dep_ == "pobj"
        ]
        if frm and etype == "AID":
            tgt = sources
            sources = st.phrase_actors(frm[0], speaker)
            _finish(cands, st, lex, code, sources, tgt, tok, noun, speaker)
            return
        if etype == "CONSULT" and not any(st.np_actors(o, speaker) for o in tok.children if o.dep_ == "dobj"):
            return
    passive_in = []
    if (
        not sources
        and etype == "COERCE"
        and not any(c.dep_ == "agent" for c in tok.children)
        and (subj := next((c for c in tok.children if c.dep_ == "nsubjpass"), None)) is not None
    ):
        # "A Canadian missionary was arrested in Lebanon": the state where it was done did it;
        # "a British journalist was expelled from Zimbabwe": the state one is sent out of
        sources = st.state_in(tok, speaker) or (
            st.state_from(tok, speaker) if code[1] == "deport" else []
        )
        passive_in = [a for a in st.phrase_actors(subj, speaker, max_depth=2) if a not in sources]
    if (
        not sources
        and etype == "MOBILIZE"
        and not any(c.dep_ == "agent" for c in tok.children)
        and (subj := next((c for c in tok.children if c.dep_ == "nsubjpass"), None)) is not None
        and _armed(subj, lex)
    ):
        # "Thousands of Indian troops were deployed along the border": whose troops they are
        sources = st.phrase_actors(subj, speaker, max_depth=2)
    # no country excludes nothing; a non-state group may act against its own state.  A person or
    # body of the source's own country may be the other side ("a judge ordered the former
    # president to appear", "authorities pressured the bus workers"), the state itself not; nor
    # is a state's own national, handed over or released, the side it concedes to
    own = (set(sources) | {st.state_of.get(st.country(x)) for x in sources if not _non_state(x)}) - {None}
    if etype in CONCILIATORY and any(st.kind(x) == "STATE" for x in sources):
        own |= {st.country(x) for x in sources if st.kind(x) == "STATE"} - {None}
    if etype in DOMESTIC_TYPES and sources and not all(_non_state(x) for x in sources):
        # "Serbian police arrested protesters in Belgrade": its own people are the target, not itself
        own = (set(sources) | {st.state_of.get(st.country(x)) for x in sources}) - {None}
    if code == ("COERCE", "expel") and (o := _obj(tok)) is not None:
        ordered = st.phrase_actors(o, speaker)
        if ordered and all(a in own or st.country(a) in own for a in ordered):
            return  # "ordered its troops to leave": a withdrawal of one's own, no expulsion
    said = _warned_consequence(tok) if lemma == "warn" and etype == "THREATEN" else None
    if said is not None:
        # the consequence announced must be the warner's side's own act, not a prediction
        doers = st.subject(said, speaker)
        mine = {st.country(x) for x in sources} | set(sources)
        if doers and not any(d in mine or st.country(d) in mine for d in doers):
            return

    def search(own) -> list[str]:
        targets = passive_in or _targets(tok, etype, st, speaker, lex, exclude=own)
        if not targets:
            targets = _phrasal_targets(tok, etype, st, speaker, lex, exclude=own)
        if not targets and noun is not None:
            targets = _targets(noun, etype, st, speaker, lex, exclude=own)
        if not targets and etype == "AGREE" and noun is None:
            # "agreed to US mediation", "accepted to Iran's proposal": the one whose offer is taken up
            for p in tok.children:
                if p.dep_ == "prep" and p.lower_ == "to":
                    for o in p.children:
                        if o.dep_ == "pobj" and _noun_code(o, lex) is not None:
                            targets = st.phrase_actors(o, speaker, max_depth=2, exclude=own)
        if not targets and etype in INTENT_TYPES:
            # "threatened to break relations with Russia", "refused to deploy troops in Iraq": the
            # target of the act threatened, refused or agreed to
            for x in tok.children:
                if x.dep_ == "xcomp" and x.pos_ in ("VERB", "AUX"):
                    xcode, xnoun = _verb_code(x, lex)
                    xtype = xcode[0] if xcode else etype
                    targets = _targets(x, xtype, st, speaker, lex, exclude=own) or (
                        _targets(xnoun, xtype, st, speaker, lex, exclude=own) if xnoun is not None else []
                    )
                    if targets:
                        break
        if not targets and said is not None:
            targets = _targets(said, "THREATEN", st, speaker, lex, exclude=own)
        if not targets and etype == "THREATEN":
            targets = _condition_subjects(tok, st, speaker, own)  # "warned of consequences if Manila …"
        if not targets and etype in REQUIRES_TARGET | CONCILIATORY and etype not in RECIPROCAL | {"AGREE"}:
            targets = _occasion_partners(tok, st, lex, speaker, own)
        if not targets and etype in ("PROTEST", "RETREAT", "CONCEDE"):
            targets = _protest_aim(tok, st, speaker, own)
        if not targets and etype in ("AGREE", "CONCEDE", "RETREAT", "REJECT"):
            targets = _dispute_partners(tok, st, speaker, own)
        if not targets and etype == "REJECT":
            targets = _defied(tok, st, speaker, own)
        return targets

    targets = search(own)
    if not targets and _domestic_side(sources, etype, st):
        # "reneged on his commitment to the Zambian people", "declared a state of siege in Haiti":
        # a leader, party or body acting on its own country (its people, government, capital) —
        # not the state named as the owner of the act ("reaffirmed the South Korean
        # government's commitment": his own side's)
        targets = [t for t in search(set(sources)) if _own_state_side(t, tok, st)]
        st.domestic.update((tok.i, t) for t in targets)
    if not targets and tok.dep_ == "conj":
        # "met with X and agreed to …": the partner carries over
        h = tok.head
        hc, hn = _verb_code(h, lex)
        if hc and hc[0] in ("CONSULT", "AGREE", "COOPERATE"):
            targets = _targets(h, hc[0], st, speaker, lex) or (
                _targets(hn, hc[0], st, speaker, lex) if hn is not None else []
            )
    if (
        not targets
        and tok.tag_ == "VBN"
        and tok.dep_ in ("advcl", "acl")
        and any(c.dep_ == "agent" for c in tok.children)
    ):
        # "Invited by X, Y had lunch …": Y is the target
        h = tok.head
        targets = st.subject(h, speaker) if h.pos_ in ("VERB", "AUX") else st.with_conj(h, speaker)
    if not targets and etype == "CONSULT" and (inv := _invited(tok)) is not None:
        targets = st.np_actors(inv[0], speaker)  # "Invited by X, Y had lunch": with the host
    if not targets and etype == "REQUEST" and noun is None:
        # "demanding an immediate ceasefire in Sudan": the place of what is asked for, when no
        # addressee is named
        asked = [o for o in [_obj(tok)] if o is not None]
        asked += [o for p in tok.children if p.dep_ == "prep" and p.lower_ == "for" for o in p.children]
        wheres = [
            w for o in asked for p in o.children if p.dep_ == "prep" and p.lower_ == "in" for w in p.children
        ]
        targets = [a for w in wheres for a in st.with_conj(w, speaker) if a not in own][:2]
    if not targets and etype in ("AGREE",) and (noun is not None or _obj(tok) is not None):
        targets = _antecedent_targets(noun if noun is not None else _obj(tok), st, speaker, sources)
    if code == ("AID", "military") and lemma == "train" and not targets:
        code = ("MOBILIZE", "troops")  # "North Korea has trained 500 hackers": its own forces, no one aided
    if not targets and lemma in lex.recipient_verbs and noun is None and _thing_object(tok, st, lex, speaker):
        return  # "the phone supports microSD cards", "helped the name stick": no one helped or backed
    _finish(cands, st, lex, code, sources, targets, tok, noun, speaker)


HUMAN_CLASSES = {"human", "people", "persons", "helpers", "troops", "policy", "proposal", "agreement"}
AGENT_SUFFIXES = ("ers", "ors", "ists", "ians", "ants", "ents", "er", "or", "ist", "ian")


def _thing_object(tok, st: _Article, lex: Lexicon, speaker) -> bool:
    """Is the direct object of a helping or backing verb a thing: no actor, no person or group,
    no policy, no event ("supports microSD cards", "praised the antenna design")?"""
    obj = next((c for c in tok.children if c.dep_ in ("dobj", "obj")), None)
    if obj is None or obj.pos_ not in ("NOUN", "PROPN"):
        return False
    if _personal(obj) or obj.i in st.tok_actor or st.phrase_actors(obj, speaker, max_depth=3):
        return False
    words = {obj.lower_, obj.lemma_.lower()}
    if any(set(lex.classes(w)) & HUMAN_CLASSES for w in words) or _noun_code(obj, lex) is not None:
        return False
    agentive = (
        GOVT_HEADS | FORCE_HEADS | ORG_WORDS | GROUP_HEADS | OFFICIAL_HEADS | MEMBER_HEADS | set(PAIR_HEADS)
        | AGENT_NOUNS | _sectors()
    )  # fmt: skip
    if words & agentive or obj.lower_.endswith(AGENT_SUFFIXES):
        return False  # "helped the farmers", "backed the rebels", "thanked the organizers"
    return not any(c.dep_ in ("ccomp", "xcomp") for c in tok.children)  # "helped Russia build …"


OPEN_WATER = {"sea", "waters", "water", "ocean", "air", "sky", "space", "orbit", "direction", "area", "zone", "test",
              "range", "site", "target"}  # fmt: skip


def _fired_at(tok, st: _Article, lex: Lexicon) -> bool:
    """Projectiles fired or launched (``aimed_launches`` in the lexicon) at something that is no
    actor ("at a police station", "on Israeli towns", "into Israel") attack it; into the sea, or no
    target named, they are a launch (MOBILIZE).  Aimed at an actor, :func:`_aimed_launch` codes them."""
    if tok.lemma_.lower() not in lex.aimed_launches.get("verbs", ()):
        return False
    preps = lex.aimed_launches.get("preps", ())
    for p in tok.children:
        if p.dep_ != "prep" or p.lower_ not in preps:
            continue
        for o in p.children:
            if o.dep_ != "pobj" or o.lemma_.lower() in OPEN_WATER or o.ent_type_ in ("LOC", "DATE", "TIME"):
                continue
            if p.lower_ == "into" and not st.np_actors(o):
                continue  # "into the East Sea": a launch; "into Israel": an attack
            return True
    return False


def _agreed_course(tok, lex: Lexicon) -> bool:
    """ "agreed that their countries should cooperate / would hold talks / will withdraw": a course
    of joint or conciliatory action agreed on (AGREE), not an opinion shared ("agreed that the
    situation was serious")."""
    for c in tok.children:
        if c.dep_ != "ccomp":
            continue
        if not any(
            a.dep_ == "aux" and a.lower_ in ("should", "would", "will", "must", "shall") for a in c.children
        ):
            continue
        code = _verb_code(c, lex)[0]
        if code and code[0] in COOPERATIVE | CONCILIATORY | {"CONSULT", "AGREE"}:
            return True
    return False
def _aimed_launch(tok, code, st: _Article, lex: Lexicon, cands, speaker) -> bool:
    """Weapons launched at an actor: "Iran launched missiles at Israel", "Russian drones launched
    against the Kyiv region" → ASSAULT by the launcher (the subject, else the weapons' owner) on the
    actor aimed at.  False (nothing coded) when no actor is aimed at: the launch is coded as usual."""
    if code is not None and code[0] != "MOBILIZE":
        return False
    passive = (
        tok.dep_ == "acl" and tok.tag_ in ("VBN", "VBD") and not any(c.dep_ in SUBJ for c in tok.children)
    )
    obj = _obj(tok)
    weapon = _measured(obj) if obj is not None else (tok.head if passive else None)
    if weapon is not None and weapon.tag_ == "NNS" and weapon.lemma_.lower() in ("dozen", "hundred", "score"):
        weapon = next((o for p in weapon.children if p.lower_ == "of" for o in p.children), weapon)
    if weapon is None or not any(
        cls in ("missile", "weapons")
        for cls in lex.classes(weapon.lower_) + lex.classes(weapon.lemma_.lower())
    ):
        return False
    preps = lex.aimed_launches.get("preps", set())
    holders = [tok] + ([obj] if obj is not None else []) + ([weapon] if weapon is not obj else [])
    aims = [o for h in holders for p in h.children if p.dep_ == "prep" and p.lower_ in preps
            for o in p.children if o.dep_ == "pobj"]  # fmt: skip
    sources = st.subject(tok, speaker) if not passive else []
    if not sources:
        for c in weapon.children:
            if c.dep_ in ("amod", "compound", "poss", "nmod") and c.i < weapon.i:
                a = st.tok_actor.get(c.i) or st.demonym.get(c.i)
                if a:
                    sources = [a]
                    break
    own = {st.country(x) for x in sources} | set(sources)
    targets = [a for o in aims for a in st.phrase_actors(o, speaker, exclude=own)]
    if not sources or not targets:
        return False
    _finish(cands, st, lex, ("ASSAULT", None), sources, targets, tok, None, speaker)
    return True


# "called for a truce", "agreed on a deal": what, not whom
TOPIC_PREPS = {"for", "on", "upon", "about", "over"}


def _thanked_for_aid(tok, st: _Article, lex: Lexicon, cands, speaker) -> None:
    """Thanks "for" material help are that help too: "Zelensky thanked Denmark for its decision to
    transfer F-16 jets", "… thanked the United States for the new military aid package" → AID from
    the one thanked to the thanker (its state where the article names it)."""
    obj = _obj(tok)
    if obj is None:
        return
    helped = False
    for p in tok.children:
        if p.dep_ != "prep" or p.lower_ != "for":
            continue
        for x in p.subtree:
            code = _noun_code(x, lex) if x.pos_ == "NOUN" else None
            if x.pos_ == "VERB":
                code = _verb_code(x, lex)[0]
            if code and code[0] == "AID":
                helped = True
    if not helped:
        return
    givers = st.with_conj(obj, speaker)
    takers = [st.state_of.get(st.country(t), t) for t in st.subject(tok, speaker)]
    takers = [t for t in takers if t not in givers]
    if givers and takers:
        _finish(cands, st, lex, ("AID", None), givers, takers[:1], tok, None, speaker)


SIGHTING_PREPS = {"around", "near", "in", "into", "off", "over", "along", "across", "inside"}


def _sighting(tok, st: _Article, lex: Lexicon, cands, speaker) -> bool:
    """Foreign forces reported near the reporter: "Taiwan detected 32 Chinese military aircraft
    around the island" → MOBILIZE by the forces' state towards the place (else the reporter's
    state).  False when the object is no force or names no state of its own."""
    obj = _obj(tok)
    if obj is None or obj.dep_ != "dobj" or not _armed(obj, lex):
        return False
    forces = st.np_actors(obj, speaker) or st.attacker(obj)
    if not forces:
        owners = (st.tok_actor.get(c.i) or st.demonym.get(c.i) for c in obj.children
                  if c.dep_ in ("amod", "compound", "nmod") and c.i < obj.i)  # fmt: skip
        forces = [a for a in owners if a][:1]
    if not forces:
        return False
    own = {st.country(x) for x in forces} | set(forces)
    places = [o for h in (obj, tok) for p in h.children if p.dep_ == "prep" and p.lower_ in SIGHTING_PREPS
              for o in p.children if o.dep_ == "pobj"]  # fmt: skip
    targets = [a for o in places for a in st.phrase_actors(o, speaker, exclude=own)]
    if not targets:
        reporters = st.subject(tok, speaker)
        targets = [
            st.state_of.get(st.country(r), r) for r in reporters if st.country(r) and st.country(r) not in own
        ]
    if not targets:
        return False
    _finish(cands, st, lex, ("MOBILIZE", None), forces[:1], targets[:1], tok, None, speaker)
    return True


def _condition_subjects(tok, st: _Article, speaker, own) -> list[str]:
    """Who a threat is conditional on: the subject of its "if"/"unless" clause ("warned of
    consequences if the Philippines continued its provocations", "threatened to strike … if
    Ukraine used long-range missiles")."""
    heads = [tok] + [c for c in tok.children if c.dep_ in ("xcomp", "ccomp")]
    # the parser may hang the condition on a verb inside the act threatened ("threatened to stop
    # negotiations to reduce … weapons if the United States goes ahead"): its own clause, not a
    # reported one or a conjunct
    heads += [
        d
        for d in tok.subtree
        if d.i != tok.i and d not in heads and _within_clause(d, tok) and d.pos_ in ("VERB", "AUX")
    ]
    for h in heads:
        for c in h.children:
            marks = {m.lower_ for m in c.children if m.dep_ == "mark"}
            if c.dep_ != "advcl" or not marks & {"if", "unless"}:
                continue
            for s in c.children:
                if s.dep_ in ("nsubj", "nsubjpass"):
                    found = [a for a in st.with_conj(s, speaker) if a not in own and st.country(a) not in own]
                    if found:
                        return found
    return []


def _within_clause(d, top, depth: int = 4) -> bool:
    """Is ``d`` at most ``depth`` arcs below ``top`` through infinitives, objects and the clauses
    that modify them (no reported speech, conjunct or subject)?"""
    for _ in range(depth):
        if d.i == top.i:
            return True
        if d.dep_ not in ("xcomp", "dobj", "relcl", "acl", "prep", "pobj", "pcomp", "advcl") or (
            d.dep_ == "advcl" and any(m.dep_ == "mark" for m in d.children)
        ):
            return False
        d = d.head
    return d.i == top.i


def _phrasal_targets(tok, etype: str, st: _Article, speaker, lex: Lexicon, exclude=()) -> list[str]:
    """The object of the preposition a phrasal verb is made with ("stood by Ukraine", "sided with
    X", "arrived in Moscow"): its target, whatever the type's own target prepositions."""
    lemma = tok.lemma_.lower()
    for p in tok.children:
        # ("stood by X": the parser may read the "by" as a passive agent)
        if p.dep_ in ("prep", "agent") and p.lower_ not in TOPIC_PREPS and f"{lemma} {p.lower_}" in lex.verbs:
            for o in p.children:
                if o.dep_ == "pobj" and (found := st.phrase_actors(o, speaker, exclude=exclude)):
                    return found
        elif p.dep_ == "prep" and p.lower_ in TOPIC_PREPS and f"{lemma} {p.lower_}" in lex.verbs:
            # "reneged on his commitment to the Zambian people", "backed down on its demands from
            # X": what it is about is no side; the one it was made to or with is
            for o in p.children:
                for q in o.children if o.dep_ == "pobj" else ():
                    if q.dep_ == "prep" and q.lower_ in OTHER_SIDE_PREPS:
                        found = [
                            a for x in q.children if x.dep_ == "pobj"
                            for a in st.phrase_actors(x, speaker, exclude=exclude)
                        ]  # fmt: skip
                        if found:
                            return found
    return []


OTHER_SIDE_PREPS = {"to", "with", "between", "from", "against", "by"}
DISPUTE_NOUNS = {"dispute", "conflict", "row", "feud", "quarrel", "standoff", "rift", "differences", "war"}
PRESSURE_NOUNS = {"pressure", "demand", "call", "appeal", "plea", "ultimatum", "opposition"}


def _dispute_partners(tok, st: _Article, speaker, exclude=()) -> list[str]:
    """The other side of a dispute the act settles or refuses to settle, named deep in its object
    ("accepted a formula for ending its fisheries dispute with its partners")."""
    for x in tok.subtree:
        if x.i == tok.i or x.lemma_.lower() not in DISPUTE_NOUNS or not _within_clause(x, tok, 6):
            continue
        found = [
            a
            for p in x.children
            if p.dep_ == "prep" and p.lower_ in ("with", "between")
            for o in p.children
            if o.dep_ == "pobj"
            for a in st.phrase_actors(o, speaker, max_depth=2, exclude=exclude)
        ]
        if found:
            return found
    return []


def _defied(tok, st: _Article, speaker, exclude=()) -> list[str]:
    """Whose pressure a refusal defies ("declined to resign despite pressure by the commission",
    "in spite of calls from X")."""
    heads = [tok, *(x for x in tok.children if x.dep_ == "xcomp")]  # "declined to resign despite …"
    for p in (c for h in heads for c in h.children):
        if p.dep_ != "prep" or p.lower_ not in ("despite", "spite"):
            continue
        objs = [o for o in p.subtree if o.dep_ == "pobj" and o.lemma_.lower() in PRESSURE_NOUNS]
        for o in objs:
            found = [
                a
                for c in o.children
                if (c.dep_ == "prep" and c.lower_ in ("by", "from")) or c.dep_ in ("poss", "amod", "compound")
                for a in (
                    st.phrase_actors(c, speaker, max_depth=2, exclude=exclude)
                    if c.dep_ == "prep"
                    else st.with_conj(c, speaker) or ([st.demonym[c.i]] if c.i in st.demonym else [])
                )
                if a not in exclude and st.country(a) not in exclude
            ]
            if found:
                return found
    return []


def _protest_aim(tok, st: _Article, speaker, exclude=()) -> list[str]:
    """Whom a protest is aimed at, or a concession made for, named in the purpose it serves
    ("blocked roads to press their demands on the government", "began collecting signatures to
    convince the Parliament to …", "opened the bridge to allow the delivery of grain to X"): the
    object of the first "to" clause below the act, within its own clause."""
    for x in tok.subtree:
        if (
            x.i == tok.i
            or x.pos_ not in ("VERB", "AUX")
            or x.dep_ not in ("advcl", "xcomp", "acl", "relcl")
            or not any(c.dep_ == "aux" and c.lower_ == "to" for c in x.children)
            or not _within_clause(x, tok)
        ):
            continue
        for c in x.children:
            if c.dep_ in ("dobj", "obj") or (c.dep_ == "prep" and c.lower_ in ("against", "from", "on", "over")):
                objs = [c] if c.dep_ != "prep" else [o for o in c.children if o.dep_ == "pobj"]
                found = [a for o in objs for a in st.phrase_actors(o, speaker, exclude=exclude)]
                if found:
                    return found
    return []


def _partners_in(noun, preps, st: _Article, speaker, exclude=()) -> list[str]:
    """The actors (with their conjuncts) of ``noun``'s prepositions ``preps``, less those in
    ``exclude`` or of an excluded country: "talks with X", "a truce between A and B"."""
    return [
        a
        for q in noun.children
        if q.dep_ == "prep" and q.lower_ in preps
        for x in q.children
        if x.dep_ == "pobj"
        for a in st.with_conj(x, speaker)
        if a not in exclude and st.country(a) not in exclude
    ]


def _occasion_partners(tok, st: _Article, lex: Lexicon, speaker, exclude=()) -> list[str]:
    """The side talked with just before an act that names no one it was done to or for ("called
    off the strike after deliberations with the government", "withdrew following talks with X")."""
    for p in tok.children:
        if p.dep_ != "prep" or p.lower_ not in OCCASION_PREPS:
            continue
        for o in p.children:
            code = _noun_code(o, lex) if o.dep_ == "pobj" and o.pos_ == "NOUN" else None
            if code is None or code[0] != "CONSULT":
                continue
            found = _partners_in(o, ("with", "between"), st, speaker, exclude)
            if found:
                return found
    return []


def _invited(verb):
    """(host, guest) tokens of "Invited by X, Y <verb>"; the guest only where the parser made Y a
    conjunct of X (else None: Y is the verb's own subject)."""
    for c in verb.children:
        if c.dep_ == "advcl" and c.tag_ == "VBN" and c.i < verb.i:
            for a in c.children:
                if a.dep_ == "agent":
                    for host in a.children:
                        if host.dep_ == "pobj":
                            guest = next((x for x in host.children if x.dep_ == "conj"), None)
                            if any(x.dep_ in SUBJ for x in verb.children):
                                guest = None
                            return host, guest
    return None


def _finish(cands, st, lex, code, sources, targets, tok, noun, speaker) -> None:
    negated, hyp, why = st.factuality(tok)
    # the verb's own act, reported as done; a measure imposed ("imposed martial law") needs no one named
    targetless = (noun is None or code[0] == "COERCE") and not hyp
    etype, _mode = code
    comm = None
    pledge = _commissive_head(tok, lex)
    # the speaker announcing its own future act ("X said it will release …") states an intent;
    # saying that someone else will act ("X said Russia would attack") is a prediction
    own = (
        speaker is not None and bool(sources) and all(_as_speaker(s, speaker, st) == speaker for s in sources)
    )
    drill = noun if noun is not None else _measured(_obj(tok))
    if (
        etype == "MOBILIZE"
        and len(set(sources)) >= 2
        and drill is not None
        and "drill" in lex.classes(drill.lemma_.lower()) + lex.classes(drill.lower_)
    ):
        code, etype = (
            ("COOPERATE", "military"),
            "COOPERATE",
        )  # "French and Egyptian warships launched war games"
    if noun is not None and etype in ("AID", "COOPERATE") and tok.lemma_.lower() in ("offer", "propose"):
        # "offered military assistance to Kenya": help offered, not yet given (CAMEO 033)
        code, etype = ("AGREE", None), "AGREE"
    if (
        negated
        and (why in (None, "will") or (why == "would" and own))
        and noun is None
        and tok.lemma_.lower() in lex.refusals
    ):
        # "will not accept refugees", "does not recognize the vote": a refusal, stated as done
        code, negated, hyp, comm, targetless = ("REJECT", None), False, False, True, True
    elif (
        negated
        and why in ("will", "would")
        and own
        and noun is None
        and etype in ("CONSULT", "COOPERATE", "AGREE")
    ):
        # "said it would not negotiate with India", "will not cooperate with the tribunal": the
        # speaker's own refusal, stated as policy
        code, negated, hyp, comm, targetless = ("REJECT", None), False, False, True, True
    elif negated and why == "fail" and etype == "AGREE" and len(set(sources) | set(targets)) >= 2:
        # "A and B failed to reach agreement on …": the talks ended in rejection
        code, negated, hyp, comm = ("REJECT", None), False, False, True
        if not targets:  # each side rejects the other
            sources, targets = sources[:1], sources[1:2]
    elif (
        pledge
        and len(sources) >= 2
        and etype in COOPERATIVE | {"CONSULT", "AGREE"}
        and not negated
        and why != "if"
    ):
        code, hyp, comm = ("AGREE", None), False, True  # "A and B reaffirmed … to cooperate"
        targets = []
    elif hyp and etype in COMMUNICATIVE and why == "will" and speaker:
        hyp = False  # "it will urge Russia …", said the ministry: a stated policy
    elif not negated and etype in THREAT_TYPES and _unless(tok):
        code, hyp, comm = ("THREATEN", None), False, True  # "will withdraw its force unless …"
    elif hyp and not negated and etype in HOSTILE and why in ("attempt", "try"):
        hyp = False  # "tried to assassinate X": an attack, even if it failed
    elif hyp and not negated and etype == "ASSAULT" and _prepared(tok) and _armed_force(sources, tok, st):
        # "the army prepared to resume shelling rebel-held territory": forces readied (MOBILIZE)
        code, hyp = ("MOBILIZE", "troops"), False
    elif hyp and not negated:
        if why == "if" and not own:
            pass  # "… would act if Chinese companies kept supplying Russia": a condition, no pledge
        elif etype in ("COOPERATE", "AGREE") and why in lex.intent_heads:
            # "is willing to cooperate with the IAEA", "agreed to cooperate with Russia", "expressed
            # willingness to settle its dispute": a stated intent to cooperate or settle (AGREE)
            code, hyp, comm = ("AGREE", None), False, True
        elif etype in COOPERATIVE and (
            why in lex.commissive
            or (why in ("will", "if") and speaker is not None)
            or why == "will"
            or (why == "would" and own)
        ):
            # a pledge of support; of material help, an agreement to give it
            code, hyp, comm = (("AGREE", None) if etype == "AID" else ("SUPPORT", None)), False, True
        elif etype in CONCILIATORY and (why in lex.commissive or (why in ("will", "would") and own)):
            # "said they will release X": a promise, made whether or not the one it is for is named
            code, hyp, comm, targetless = ("AGREE", None), False, True, noun is None
        elif etype == "AGREE" and why in ("will", "would") and own and noun is None:
            # "X said it would accept mediation", "would sign the convention": a stated intent is AGREE
            hyp, comm = False, True
        elif (
            etype == "MOBILIZE"
            and why in ("will", "would")
            and _home_deployment(tok, code, sources, targets, st)
        ):
            pass  # "Mexico will deploy 10,000 troops to the border": a deployment to come, no threat
        elif etype in HOSTILE | {"PROTEST"} and (
            why in ("vow", "pledge", "promise", "swear", "threaten", "warn")
            or (why in ("will", "would") and own)
        ):
            code, hyp, comm = ("THREATEN", None), False, True
        elif etype in ("CONSULT", "AGREE", "COOPERATE") and why in ("agree", "decide"):
            code, hyp, comm = ("AGREE", None), False, True
        elif etype in ("CONSULT", "COOPERATE") and why in lex.intent_heads:
            # "is ready to resume talks with X", "expressed readiness to cooperate with Iraq"
            code, hyp, comm = ("AGREE", None), False, True
        elif (
            etype == "CONSULT"
            and why == "will"
            and speaker is not None
            and _party_speaks(speaker, sources, targets, st)
        ):
            # "X will visit Y in June, Y's embassy said": a meeting announced by one of its parties
            # is a stated intent to meet (AGREE); announced by no party it stays a prediction
            code, hyp, comm = ("AGREE", None), False, True
    if (
        code[0] == "PROTEST"
        and noun is None
        and tok.lemma_.lower() == "protest"
        and sources
        and all(st.kind(s) in ("STATE", "IGO") and not s.startswith(GROUP_PREFIX) for s in sources)
        # the state named as the subject itself ("Germany", "the German government"), not found
        # inside it ("employees at French sites")
        and any(set(st.np_actors(c, speaker)) & set(sources) for c in tok.children if c.dep_ == "nsubj")
    ):
        # a state or a body of states protests to someone: a formal complaint
        # (crowds demonstrate; governments lodge protests)
        code, comm = ("ACCUSE", "allege"), True
        if not targets:
            return
    if speaker and sources:
        sources = [_as_speaker(s, speaker, st) for s in sources]
    _emit(
        cands,
        st,
        code,
        sources,
        targets,
        tok,
        anchors=[tok] + ([noun] if noun is not None else []),
        communicative=comm,
        negated=negated,
        hypothetical=hyp,
        location=_location([tok, noun], st),
        targetless=targetless,
    )


def _prepared(tok) -> bool:
    """Is the act what a side prepares or stands poised to do ("prepared to resume shelling")?"""
    t = tok
    for _ in range(3):
        if t.dep_ not in ("xcomp", "ccomp") or t.head.i == t.i:
            return False
        t = t.head
        if t.lemma_.lower() in ("prepare", "poised", "gear", "mass", "muster"):
            return not any(c.dep_ == "aux" and c.lower_ in MODAL_HYP | FUTURE_AUX for c in t.children)
    return False


def _armed_force(sources, tok, st: _Article) -> bool:
    """Is the clause's subject a state or an armed force ("the Macedonian army", "Russia")?"""
    subj = None
    t = tok
    for _ in range(4):
        subj = next((c for c in t.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None or t.head.i == t.i:
            break
        t = t.head
    if subj is not None and (subj.lemma_.lower() in FORCE_HEADS or subj.lower_ in FORCE_HEADS):
        return True
    return any(st.kind(s) == "STATE" for s in sources)


def _party_speaks(speaker: str, sources, targets, st: _Article) -> bool:
    """Is the speaker one of the parties, or of a party's state?"""
    parties = [a for a in [*sources, *targets] if a]
    countries = {st.country(a) for a in parties} - {None}
    return speaker in parties or st.country(speaker) in countries


def _unless(tok) -> bool:
    """Does a clause hang an 'unless' condition on the act ("will withdraw unless …")?"""
    return any(
        c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "unless" for m in c.children)
        for c in tok.children
    )


def _commissive_head(tok, lex: Lexicon) -> str | None:
    """The pledge verb governing a clause ("vowed/reaffirmed/agreed … to cooperate"), if any."""
    t = tok
    for _ in range(5):
        if t.head.i == t.i or t.dep_ in ("ccomp", "relcl", "nsubj", "conj") or _past_occasion(t):
            return None
        t = t.head
        if t.pos_ in ("VERB", "AUX") and t.lemma_.lower() in (
            "vow",
            "pledge",
            "promise",
            "commit",
            "reaffirm",
            "reiterate",
            "renew",
            "agree",
            "decide",
            "resolve",
        ):
            return t.lemma_.lower()
    return None


@cache
def _non_state_ids() -> frozenset[str]:
    """Ids of the named non-state groups (``gazetteer/groups.yaml``: armed and political groups)."""
    from tidings.actors.gazetteer import groups_data

    return frozenset(f"org:{e['id']}" for e in groups_data().get("entries") or [] if isinstance(e, dict))


def _non_state(aid: str) -> bool:
    """Is an actor a non-state group ("Rwandan rebels", the PKK), which may act against its own state?"""
    return aid.startswith(GROUP_PREFIX) or aid in _non_state_ids()


def _state_media() -> set[str]:
    from tidings.actors.gazetteer import Gazetteer

    return Gazetteer.default().state_media


def _as_speaker(source: str, speaker: str, st: _Article) -> str:
    """In what a body or official says, their own state acting stands for them (the gold's rule)."""
    if (
        source != speaker
        and speaker not in _state_media()  # "X did Y, KCNA reported": KCNA reports, X acts
        and st.kind(source) == "STATE"
        and st.kind(speaker) in ("ORG", "PERSON")
        and st.country(speaker) == st.country(source)
    ):
        return speaker
    return source


def _antecedent_targets(obj, st: _Article, speaker, sources) -> list[str]:
    """'signed the treaty' with no partner named: the partner of the treaty mentioned just before."""
    if obj is None or not any(c.lower_ in ("the", "this", "that") for c in obj.children):
        return []
    lemma = obj.lemma_.lower()
    start = max(0, obj.sent.start - 200)
    own = {st.country(s) for s in sources} - {None}
    for i in range(obj.i - 1, start, -1):
        t = st.doc[i]
        if t.lemma_.lower() != lemma or t.sent == obj.sent:
            continue
        anchor = t.head.head if t.head.dep_ == "prep" else t.head
        found = [
            a for a in st.phrase_actors(anchor, speaker) if a not in sources and st.country(a) not in own
        ]
        if not found:
            found = [st.tok_actor[x.i] for x in anchor.subtree if x.i in st.tok_actor]
            found = [a for a in found if a not in sources and st.country(a) not in own]
        return list(dict.fromkeys(found))[:1]
    return []


def _cooperative(tok, obj, st: _Article, lex: Lexicon, cands, speaker) -> None:
    """'strengthen/solidify the alliance with X' → SUPPORT source → X."""
    h = tok
    while h.head.i != h.i:
        h = h.head
        if h.pos_ in ("VERB", "AUX"):
            c2, _ = _verb_code(h, lex)
            if c2 and c2[0] in ("ACCUSE", "REJECT", "THREATEN"):
                return  # the topic of a criticism
            if h.lemma_.lower() in lex.speech_verbs:
                break
    sources = st.subject(tok, speaker)
    if not sources and speaker:
        sources = [speaker]
    if speaker:
        sources = [_as_speaker(s, speaker, st) for s in sources]
    targets = []
    for c in obj.children:
        if c.dep_ == "prep" and c.lower_ in ("with", "between", "among"):
            for o in c.children:
                if o.dep_ == "pobj":
                    targets += st.with_conj(o, speaker)
    if not targets:
        for c in obj.children:
            if c.dep_ in ("compound", "amod", "nmod", "poss"):
                for x in c.subtree:
                    a = st.tok_actor.get(x.i) or st.demonym.get(x.i)
                    if a:
                        targets.append(a)
    if not targets:
        targets = _targets(tok, "SUPPORT", st, speaker, lex, skip_obj=True)
    own = ({st.country(s) for s in sources} | set(sources)) - {None}
    targets = [t for t in dict.fromkeys(targets) if t not in own and st.country(t) not in own]
    negated, _hyp, why = st.factuality(tok)
    if why in ("if",):
        return
    _emit(
        cands,
        st,
        ("SUPPORT", None),
        sources,
        targets,
        tok,
        anchors=[tok],
        communicative=True,
        negated=negated,
        hypothetical=False,
    )


def _nominal(tok, st: _Article, lex: Lexicon, cands) -> None:
    code = _noun_code(tok, lex)
    if code is None or tok.i in st.tok_actor:
        return
    etype = code[0]
    if tok.lemma_.lower() == "release" and not any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children):
        return  # "according to an NYPD release", "after his release": no one named as freeing anyone
    if tok.lower_ in ("call", "calls") and not any(
        c.lower_ in ("phone", "telephone", "video") for c in tok.children
    ):
        return
    if (
        etype in ("ACCUSE", "THREATEN")
        and tok.dep_ in ("attr", "pobj")
        and tok.head.lemma_ in ("be", "of", "matter")
    ):
        return  # "is a threat", "a matter of concern": the predicate of an evaluation
    speaker = st.speaker_at(tok)
    sources: list[str] = []
    targets: list[str] = []
    left = [c for c in tok.children if c.dep_ in ("poss", "compound", "amod", "nmod") and c.i < tok.i]
    for c in left:
        for x in c.subtree:
            a = st.tok_actor.get(x.i) or (
                st.demonym.get(x.i) if c.dep_ != "amod" or etype in ("MOBILIZE", "AID") else None
            )
            if a is None and x.dep_ == "poss" and x.pos_ == "PRON":
                found = st.np_actors(x, speaker)
                a = found[0] if found else None
                if len(found) > 1:
                    sources += found[:-1]
            if a and a not in sources:
                sources.append(a)
    if len(sources) >= 2:
        sources, targets = sources[:1], sources[1:2]
    received = _received(tok) if etype == "SUPPORT" else None
    patient = tok.lemma_.lower() in PATIENT_NOUNS and not any(
        p.dep_ == "prep" and p.lower_ == "of" for p in tok.children
    )
    if patient and any(c.dep_ == "poss" for c in left):
        # "his latest release", "Ortiz's killing": the owner is the one it was done to
        sources, targets = [], sources[:1]
    for p in tok.children:
        if p.dep_ != "prep":
            continue
        objs = [o for o in p.children if o.dep_ == "pobj"]
        if not objs:
            continue
        o = objs[0]
        pl = p.lower_
        if pl == "between":
            both = st.with_conj(o, speaker)
            if len(both) >= 2 and not sources:
                sources, targets = both[:1], both[1:]
        elif pl == "by" and not sources:
            sources = st.with_conj(o, speaker)
        elif pl == "of" and not sources:
            sources = st.phrase_actors(o, speaker, max_depth=2)
            if etype in RECIPROCAL:
                sources = _unplaced(o, sources, st)  # "a meeting of ministers in Tokyo": no party
            if sources and etype in ("CONSULT",) and st.kind(sources[0]) == "STATE" and not targets:
                targets, sources = sources, []  # "a visit of … to X"? keep the state as the place visited
        elif (
            pl == "of"
            and not targets
            and (sources or etype in HOSTILE)
            and etype not in ("CONSULT", "AGREE", "COOPERATE")
        ):
            # "Iraq's invasion of Kuwait", "Russia's annexation of Crimea": the one acted upon
            targets = [a for a in st.phrase_actors(o, speaker, max_depth=2) if a not in sources]
        elif pl in lex.target_preps(etype) and not targets:
            targets = st.phrase_actors(o, speaker)
    if received is not None:
        # "X won the support of Y", "with the backing of Y": Y supports the one who has it
        if not sources:
            sources = [
                a
                for p in tok.children
                if p.dep_ == "prep" and p.lower_ == "from"
                for o in p.children
                if o.dep_ == "pobj"
                for a in st.phrase_actors(o, speaker, max_depth=2)
            ]
        targets = [a for a in st.subject(received, speaker) if a not in sources]
        if not sources or not targets:
            return
    ready = _ready_for(tok, lex) if etype == "CONSULT" else None
    if ready is not None:
        # "Moscow was ready for talks with Kyiv": a stated intent to meet, AGREE (PLOVER)
        who = st.subject(ready.head, speaker) if ready.head.pos_ in ("VERB", "AUX") else []
        if who and targets:
            negated, _hyp, why = st.factuality(ready)
            if speaker:
                who = [_as_speaker(s, speaker, st) for s in who]
            _emit(cands, st, ("AGREE", None), who, targets, tok, anchors=[tok], communicative=True,
                  negated=negated, hypothetical=why == "if")  # fmt: skip
        return
    claimer = _claimed_by(tok)
    if not sources and claimer is not None:
        sources = st.subject(claimer, speaker)  # "claimed responsibility for an attack on X"
    if not sources and not patient:
        # "After a meeting with X, Y held …", "during his visit to X": the clause's subject
        h = tok.head
        if (
            tok.dep_ == "pobj"
            and h.dep_ == "prep"
            and (
                h.lower_ in ADJUNCT_PREPS
                # "gathered for a rally", "went on hunger strike": the protesters' own deed
                or (h.lower_ in ("for", "into") and etype == "PROTEST" and _verb_code(h.head, lex)[0] is None)
            )
            and h.head.pos_ in ("VERB", "AUX")
        ):
            sources = st.subject(h.head, speaker)
            if not sources and h.head.lemma_.lower() in PARTICIPATION:
                # "Serb forces were engaged in ethnic cleansing": who takes part
                sources = [
                    a for c in h.head.children if c.dep_ == "nsubjpass" for a in st.with_conj(c, speaker)
                ]
        elif tok.dep_ in ("dobj",) and tok.head.lemma_.lower() in lex.light_verbs:
            return
    if not sources:
        return
    # the topic of a criticism, request or rejection is not itself coded here
    h = tok
    while h.head.i != h.i and h.dep_ not in ("ROOT",):
        h = h.head
        c2, _ = _verb_code(h, lex) if h.pos_ in ("VERB", "AUX") else (None, None)
        if c2 and c2[0] in ("ACCUSE", "REQUEST", "REJECT"):
            if c2[0] == "ACCUSE" and _owned_deed(tok, st) and etype in MATERIAL_TYPES:
                break  # "condemned the deployment of Russian troops to Belarus": a deed done
            return
        if h.pos_ in ("VERB", "AUX"):
            break
    negated, hyp, why = st.factuality(tok)
    if claimer is not None:
        negated, hyp, why = st.factuality(claimer)  # a claim of one's own deed is an admission
    if tok.dep_ in ("nsubj", "nsubjpass") and not (negated or hyp):
        # "the talks are due to resume", "the summit will be held": what is said of the event
        negated, hyp = _predicated(tok.head, lex)
    if tok.tag_ == "NNS" and etype == "MOBILIZE" and tok.dep_ in ("nsubj",):
        hyp = True  # "its missile launches are …": a habit, not one launch
    if speaker:
        sources = [_as_speaker(s, speaker, st) for s in sources]
    if etype in COOPERATIVE and hyp and why in lex.commissive:
        # a pledge of support; of material help ("pledged aid to X"), an agreement to give it
        code, hyp = (("AGREE", None) if etype == "AID" else ("SUPPORT", None)), False
    if _mutual_truce(tok, code, sources, targets):
        code = ("AGREE", None)  # "a ceasefire between Israel and Hezbollah took effect": agreed by both
    _emit(
        cands,
        st,
        code,
        sources,
        targets,
        tok,
        anchors=[tok],
        negated=negated,
        hypothetical=hyp,
        location=_location([tok], st),
    )


COLLISION_VERBS = {"strike", "hit", "ram", "smash", "crash", "collide", "plow", "plough", "slam"}
VEHICLE_NOUNS = {
    "car", "truck", "lorry", "bus", "minibus", "van", "minivan", "vehicle", "train", "taxi", "cab",
    "motorcycle", "motorbike", "tractor", "trailer", "suv", "jeep", "tram", "coach", "pickup", "sedan",
    "automobile", "ambulance", "ferry", "boat", "bicycle", "scooter", "tanker", "locomotive",
}  # fmt: skip
ATTACK_WORDS = {"attack", "attacker", "attackers", "terror", "terrorist", "terrorism", "deliberately", "assault"}


def _collision(verb) -> bool:
    """Is the clause a vehicle striking something, with no attack named in the sentence?"""
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.lemma_.lower() not in VEHICLE_NOUNS:
        return False
    return not any(t.lemma_.lower() in ATTACK_WORDS for t in verb.sent)


# "Gigante's family said", "Trump's lawyers argued": kin and counsel speak for themselves, not the owner
ASSOCIATE_HEADS = {
    "family", "families", "relative", "relatives", "kin", "lawyer", "lawyers", "attorney", "attorneys",
    "counsel", "friend", "friends", "wife", "husband", "son", "daughter", "brother", "sister", "mother",
    "father", "parent", "parents", "widow", "child", "children", "cousin", "uncle", "aunt", "nephew",
    "niece", "fiancee", "fiance", "girlfriend", "boyfriend", "partner", "associate", "associates",
    "neighbor", "neighbour", "neighbors", "neighbours", "grandson", "granddaughter", "grandmother",
    "grandfather", "stepfather", "stepmother", "sibling", "siblings",
}  # fmt: skip
RECEIVING_VERBS = {"have", "win", "enjoy", "gain", "get", "secure", "earn", "garner", "receive", "obtain"}


def _received(tok):
    """The verb whose subject has the support ``tok`` names: "X won the support of Y" (won),
    "X attacked with the backing of Y" (attacked); None where the noun is no support received."""
    h = tok.head
    if tok.dep_ == "dobj" and h.lemma_.lower() in RECEIVING_VERBS:
        return h
    if tok.dep_ == "pobj" and h.lower_ == "with" and h.dep_ == "prep" and h.head.pos_ in ("VERB", "AUX"):
        return h.head
    return None


READY_WORDS = {"open"}  # with the lexicon's intent_heads: "open to talks with X"


def _ready_for(noun, lex: Lexicon):
    """The adjective of readiness a meeting noun completes ("ready for talks", "open to dialogue"),
    if any."""
    p = noun.head
    if noun.dep_ != "pobj" or p.lower_ not in ("for", "to") or p.head.pos_ != "ADJ":
        return None
    adj = p.head
    return adj if adj.lemma_.lower() in lex.intent_heads | READY_WORDS and adj.dep_ == "acomp" else None


def _claimed_by(noun):
    """The verb of "claimed/took responsibility for <event>", if the noun is that event."""
    p = noun.head
    if noun.dep_ != "pobj" or p.lower_ != "for" or p.head.lemma_.lower() not in ("responsibility", "credit"):
        return None
    v = p.head.head
    return v if p.head.dep_ == "dobj" and v.lemma_.lower() in ("claim", "take", "accept", "assume") else None


def _predicated(verb, lex: Lexicon) -> tuple[bool, bool]:
    """(negated, hypothetical) of what a predicate says of its event-noun subject: "the talks are
    due to resume", "the meeting will take place", "the visit was not …"."""
    if verb.pos_ not in ("VERB", "AUX"):
        return False, False
    neg = any(c.dep_ == "neg" for c in verb.children)
    hyp = verb.lemma_.lower() in lex.hypothetical_heads and verb.tag_ in ("VBN", "VB", "VBZ", "VBP", "JJ")
    for c in verb.children:
        if c.dep_ == "aux" and c.lower_ in MODAL_HYP | FUTURE_AUX:
            hyp = True
        if c.dep_ in ("acomp", "xcomp", "oprd") and c.lemma_.lower() in lex.hypothetical_heads:
            hyp = True  # "are due to", "is expected to", "is likely to", "was set to"
    return neg, hyp


def _reported(sent, st: _Article, lex: Lexicon, cands) -> None:
    """What speakers say about others: accusations by evaluation, requests by 'must/should'."""
    for tok in sent:
        if tok.pos_ not in ("VERB", "AUX", "ADJ", "NOUN"):
            continue
        if tok.dep_ not in ("ccomp", "ROOT", "conj", "parataxis", "advcl"):
            continue
        speaker = st.speaker_at(tok) if tok.dep_ != "ROOT" or st._in_quote(tok.idx) else None
        if tok.dep_ == "ROOT" and not st._in_quote(tok.idx):
            continue
        if not speaker:
            continue
        subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is None:
            continue
        negated, hyp, why = st.factuality(tok)
        # 1. evaluation: "X's launches are dangerous", "the trade is threatening security"
        lemma = tok.lemma_.lower()
        evaluative = lemma in lex.negative_verbs and tok.pos_ in ("VERB",)
        if lemma == "be":
            for c in tok.children:
                if c.dep_ in ("acomp", "attr"):
                    words = [c] + [x for x in c.children if x.dep_ in ("conj", "amod")]
                    words += [
                        o for p in c.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children
                    ]
                    words += [
                        x
                        for w in list(words)
                        if w.dep_ == "conj"
                        for x in w.children
                        if x.dep_ in ("amod", "acomp")
                    ]
                    if any(w.lemma_.lower() in lex.negative_adjectives | lex.negative_nouns for w in words):
                        evaluative = True
        if evaluative and not negated:
            st.topics.update(x.i for x in subj.subtree)
            targets = st.phrase_actors(subj, speaker)
            own = {speaker, st.country(speaker)} - {None}
            targets = [t for t in targets if t not in own and st.country(t) not in own]
            _emit(
                cands,
                st,
                ("ACCUSE", "disapprove"),
                [speaker],
                targets,
                tok,
                anchors=[tok],
                communicative=True,
                hypothetical=hyp and why == "if",
            )
            continue
        # 2. obligation: "China must play a constructive role"
        if (
            any(c.dep_ == "aux" and c.lower_ in REQUEST_MODALS and c.i > subj.i for c in tok.children)
            and tok.dep_ != "advcl"
        ):
            tgt = st.with_conj(subj, speaker)
            tgt = [t for t in tgt if t != speaker and st.country(t) != st.country(speaker)]
            if subj.lower_ not in ("we", "i", "us") and tgt:
                _emit(cands, st, ("REQUEST", None), [speaker], tgt, tok, anchors=[tok], communicative=True)


_WS = re.compile(r"\s+")


PAIR_WINDOW = 80  # tokens back to the two named that "the two leaders" stands for


def _last_two(st: _Article, tok, kind: str | None) -> list[str]:
    """For "the two leaders" as a subject with no pair named together before: the last two
    distinct actors of ``kind`` named before it ("Sheinbaum said Trump had agreed … after the two
    leaders spoke"), else []."""
    if tok.dep_ not in SUBJ or not any(c.lower_ == "two" for c in tok.children):
        return []
    i = tok.i
    found: list[str] = []
    for j in range(i - 1, max(-1, i - PAIR_WINDOW), -1):
        a = st.tok_actor.get(j)
        if a and a not in found and (kind is None or st.kind(a) == kind):
            found.append(a)
            if len(found) == 2:
                return found[::-1]
    return []


OCCASION_MARKS = {"after", "since", "because"}


def _past_occasion(t) -> bool:
    """A clause in the simple past introduced by "after"/"since"/"because" and hanging on no
    modal or future ("agreed to pause … after the two leaders spoke"): what happened before the
    agreement or the pledge, asserted whatever was agreed."""
    if t.dep_ != "advcl" or t.tag_ != "VBD":
        return False
    if not any(c.dep_ == "mark" and c.lower_ in OCCASION_MARKS for c in t.children):
        return False
    h = t.head
    while True:
        if any(c.dep_ == "aux" and (c.lower_ in MODAL_HYP or c.lower_ in FUTURE_AUX) for c in h.children):
            return False
        if h.dep_ != "xcomp" or h.head.i == h.i:
            return True
        h = h.head


def _passive_pair(verb, noun) -> bool:
    """Is the event noun the passive subject of a light verb, with no agent, naming the pair
    itself ("Talks between Kim and Putin were held", "a meeting between A and B was held")?"""
    return (
        noun.dep_ == "nsubjpass"
        and noun.head.i == verb.i
        and not any(c.dep_ == "agent" for c in verb.children)
        and any(p.dep_ == "prep" and p.lower_ == "between" for p in noun.children)
    )


ORDINAL_FIRSTS = {"first", "second", "third", "last", "only", "latest"}


def _first_to(verb, st: _Article, speaker) -> list[str]:
    """"X became the first UK prime minister to meet Xi": the one of whom it is said did it."""
    h = verb.head
    if (
        verb.dep_ not in ("relcl", "acl")
        or not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
        or not any(c.dep_ == "amod" and c.lower_ in ORDINAL_FIRSTS for c in h.children)
        or h.dep_ not in ("attr", "oprd")
        or h.head.lemma_.lower() not in ("be", "become")
    ):
        return []
    return st.subject(h.head, speaker)


def _home_deployment(tok, code, sources, targets, st: _Article) -> bool:
    """A deployment of one's own forces that names no one else ("Mexico will deploy 10,000
    National Guard troops to the northern border"): its forces are no one it threatens."""
    if not (code[1] == "troops" or tok.lemma_.lower() in st.lex.military_verbs):
        return False
    own = (set(sources) | {st.country(s) for s in sources}) - {None}
    obj = _obj(tok)
    forces = {st.tok_actor.get(x.i) for x in obj.subtree} if obj is not None else set()
    # with no one named at all, the old reading stands (a stated deployment, THREATEN to no one)
    return bool(sources) and bool(targets) and all(
        t in own or st.country(t) in own or t in forces for t in targets
    )


def _unplaced(phrase, found: list[str], st: _Article) -> list[str]:
    """The actors found in a phrase less those named only where it took place ("a meeting of
    G7 foreign ministers in Tokyo": Tokyo is no party to the meeting)."""
    placed = {
        st.tok_actor.get(x.i)
        for p in phrase.subtree
        if p.dep_ == "prep" and p.lower_ in PLACE_PREPS
        for x in p.subtree
    }
    return [a for a in found if a not in placed]


def _mutual_truce(tok, code, sources, targets) -> bool:
    """A ceasefire or truce "between A and B": two sides are bound by it, so it was agreed
    (AGREE), not one side's halt (RETREAT, as in "Israel declared a ceasefire")."""
    return (
        tuple(code) == ("RETREAT", "ceasefire")
        and bool(sources)
        and bool(targets)
        and any(p.dep_ == "prep" and p.lower_ == "between" for p in tok.children)
    )
