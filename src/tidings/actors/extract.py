"""Actors in one article: gazetteer matches, named entities, surnames, titles and roles.

Rules, in order (each a function below):

1. :func:`_gazetteer_spans`: known names (states, bodies, IGOs, people) by phrase matching;
   acronyms exactly, other names case-insensitively, generic names ("Foreign Ministry")
   only for the country the nearby text is about, capitals only when they act
   ("Pyongyang's worst gamble", "ties between Moscow and Pyongyang"), not as places.
2. :func:`_entity_spans`: spaCy's PERSON and ORG entities the gazetteer does not know, less
   news agencies, events ("… Summit") and fragments of role titles ("Secretary of State").
3. :func:`_link_surnames`: "Cho", "Chief Cho", "Secretary Blinken" → the person of that
   surname named in full in the article (the nearest before, else after); never across two
   people of one surname unless the nearer is certain.  Without a full name, a title that fits
   a dictionary person's role on the article's date ("President Yoon") links to that person.
4. States that the article names only as places ("his tour of Asia, including India") are not actors.
5. :func:`_group_actors`: unnamed groups of a country ("Rwandan rebels", "rebels in the Ivory
   Coast", "Palestinians") become group actors keyed by country and sector (``groups.yaml``,
   ``sectors``); a nationality before a state body or any other noun ("the Azerbaijani
   parliament", "an Australian ultimatum") is a mention of its state.  Like nationalities, these
   are kept as actors only when they take part in an event or speak.  A bare organ or group
   ("Police arrested …", "the government", "Rebels attacked … in Chad", "the Obama
   administration") takes the one state its sentence names where it acts, else the one state of
   the article (:func:`_context_country`), else a leader's (:func:`_leader_country`); never one on
   the other side of its verb, and none when no state is in sight.

Territories with a sovereign (:func:`_territory_mentions`): "Hong Kong authorities", "Macau police"
are an ORG named after the territory with the sovereign's code; "in Hong Kong" is a place of it.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import cache

from tidings.actors.gazetteer import Gazetteer, groups_data
from tidings.actors.names import family_first, person_key, split_name
from tidings.models import SURFACE_KINDS, Actor, ActorType, Mention, Role, Span

__all__ = ["ArticleActor", "extract_actors", "find_actors"]

LOCATIVE_PREPS = {"in", "at", "into", "near", "outside", "around", "across", "throughout", "to", "from",
                  "toward", "towards", "via", "inside", "within", "off", "onto", "through"}  # fmt: skip
AGENCY_WORDS = {"news", "agency", "press", "service", "wire", "newswire", "broadcaster", "television", "radio"}
TRAVEL_WORDS = {"visit", "tour", "trip", "travel", "arrive", "fly", "journey", "head", "return", "land",
                "leave", "reach", "stay", "base", "hold", "host", "locate"}  # fmt: skip
TITLE_WORDS = {"minister", "secretary", "president", "advisor", "adviser", "chief", "director", "leader",
               "chairman", "chairwoman", "chair", "ambassador", "spokesperson", "spokesman", "spokeswoman",
               "envoy", "general", "premier", "governor", "commander", "head", "official", "lawmaker",
               "senator", "representative", "prime", "vice", "deputy", "chancellor", "king", "queen",
               "speaker", "mayor", "administrator", "counselor", "councillor", "diplomat", "officer",
               "president-elect", "chief of staff", "nominee", "candidate", "ruler", "dictator"}  # fmt: skip
EVENT_WORDS = re.compile(
    r"\b(summit|dialogue|forum|conference|games|olympics|expo|war|festival|award|prize|meeting|talks|"
    r"exercise|drills?|treaty|agreement|accord|act|declaration|initiative|strategy|program|programme)\b",
    re.I,
)
TITLE_WORDS |= {"prince", "emir", "sultan", "sheikh", "monarch"}  # "Saudi Crown Prince Mohammed bin Salman"
# ranks printed before a name, often abbreviated ("Rear Adm. Daniel Hagari", "Lt. Gen. Kim"): a title,
# never a person of their own (the tagger makes "Rear Adm." one)
RANK_WORDS = {"adm", "admiral", "gen", "lt", "col", "colonel", "maj", "capt", "captain", "cmdr", "commodore",
              "brig", "sgt", "sergeant", "lieutenant", "marshal", "rear", "vice", "staff", "first", "second",
              "dr", "prof", "gov", "sen", "rep", "amb"}  # fmt: skip
TITLE_WORDS |= RANK_WORDS - {"rear", "vice", "staff", "first", "second", "dr", "prof"}
PERSON_DEPS_TITLE = {"compound", "amod", "nmod", "appos", "npadvmod"}
ACRONYM_MAX = 6  # a lone capitalised token longer than this is a shouted word (a dateline), not an acronym
PLACE_NOUNS = {"basin", "river", "valley", "region", "province", "mountain", "mountains", "sea", "lake", "strait",
               "bay", "island", "islands", "peninsula", "desert", "canal", "dam", "airport", "port", "station",
               "street", "square", "bridge", "district", "county", "city", "village", "border", "reef", "reefs"}  # fmt: skip
GROUP_NOUNS = {"troops", "troop", "forces", "force", "soldiers", "soldier", "military", "army", "navy", "air",
               "police", "officials", "official", "authorities", "government", "diplomats", "warships", "warship",
               "jets", "aircraft", "drones", "missiles", "units", "personnel", "workers", "hackers", "negotiators",
               "delegation", "leaders", "leadership", "regime", "side", "coast", "guard", "militia", "fighters",
               "vessels", "ships", "satellite", "envoy", "embassy", "prosecutors", "court", "lawmakers",
               "helicopters", "helicopter", "planes", "warplanes", "bombers", "tanks", "artillery", "convoy",
               "convoys", "patrol", "patrols", "boats", "gunboats", "submarines", "inspectors", "monitors",
               "observers", "mediators", "investigators", "commandos", "marines", "paratroopers", "sailors",
               "negotiator", "mission", "agents", "policemen", "legislators", "goverment", "govt", "mps",
               "parliamentarians", "deputies", "senators"}  # fmt: skip
# Last words of a body's name: an entity the tagger labels otherwise ("the Kenya Anti-Corruption
# Commission" as LAW) that ends in one of these is an organisation.
INSTITUTION_HEADS = {"commission", "council", "ministry", "committee", "party", "union", "authority", "agency",
                     "court", "army", "front", "movement", "assembly", "parliament", "congress", "senate",
                     "office", "police", "force", "forces", "guard", "organization", "organisation",
                     "association", "federation", "league", "alliance", "coalition", "brigade", "brigades",
                     "corps", "bureau", "department", "tribunal", "board", "directorate", "service",
                     "commision", "comission", "commitee", "committe", "ministery", "parliment"}  # fmt: skip (and as misspelt)
BUSINESS_WORDS = {"bank", "group", "company", "corporation", "corp", "inc", "ltd", "holdings", "airlines",
                  "university", "institute", "foundation", "fund", "news", "times", "post"}  # fmt: skip
# Titles of a head of state or government (or a minister) that, with their state ("the Emir of Qatar",
# "Qatar's emir", "the Qatari emir"), name the holder: the dictionary person on the day, else the state.
STATE_TITLES = {"king", "queen", "emir", "amir", "sultan", "shah", "monarch", "president", "premier",
                "chancellor", "ruler", "leader", "prime minister", "foreign minister", "defence minister",
                "defense minister", "crown prince"}  # fmt: skip
ORGAN_NOUNS = {"parliament", "legislature", "cabinet", "judge", "judges", "officers", "officer", "intelligence",
               "minister", "ministers", "spokesman", "spokeswoman", "spokesperson", "president", "premier",
               "authority", "administration", "security", "commanders", "commander", "generals",
               "ambassador", "diplomat", "senate", "congress", "ministry", "judiciary", "prosecutor",
               "junta"}  # fmt: skip


@dataclass(slots=True)
class ArticleActor:
    """An actor as one article names it."""

    actor: Actor
    mentions: list[Mention] = field(default_factory=list)
    text_roles: list[Role] = field(default_factory=list)
    acts: bool = False  # named at least once as more than a place

    @property
    def surface_forms(self) -> list[str]:
        named = sorted((m for m in self.mentions if m.kind in SURFACE_KINDS), key=lambda m: m.span.start)
        forms = [m.text for m in named]
        return list(dict.fromkeys(forms))

    def role_on(self, day: str | None) -> str | None:
        """The dictionary role held on ``day`` (the one the text's own title names, when several
        are held at once: Wang Yi, foreign minister and party office director), else a stated one."""
        held = [r for r in self.actor.roles if r.held_on(day)] if day else []
        if held:
            stated = {w for r in self.text_roles for w in r.title.casefold().split()}
            return max(held, key=lambda r: len(stated & set(r.title.casefold().split()))).title
        return self.text_roles[0].title if self.text_roles else None

    def igo_on(self, day: str | None, gazetteer: Gazetteer | None = None) -> str | None:
        """The international body (its id, ``igo:un``) this person heads on ``day``: a dictionary
        role of no country whose title names the body ("UN Secretary-General" held that day).  In
        an undated text, such a role is the one the text's own title names ("U.N. Secretary-General
        Kofi Annan"), whenever held.  ``Actor.country`` stays the nationality (Guterres: PRT); the
        events stage may code the person as the body instead."""
        if self.actor.type is not ActorType.PERSON:
            return None
        gaz = gazetteer or Gazetteer.default()
        roles = [r for r in self.actor.roles if r.country is None]
        if day:
            held = [_igo_in_title(gaz, r.title) for r in roles if r.held_on(day)]
        else:
            stated = {_igo_in_title(gaz, r.title) for r in self.text_roles if _is_igo_head_title(r.title)}
            held = [i for r in roles if (i := _igo_in_title(gaz, r.title)) in stated]
        return next((i for i in held if i), None)


IGO_HEAD_TITLE = re.compile(
    r"secretary[- ]general|director[- ]general|high commissioner|high representative|managing director|"
    r"chairperson|president of the",
    re.I,
)


def _is_igo_head_title(title: str) -> bool:
    return bool(IGO_HEAD_TITLE.search(title))


@cache
def _igo_names(gaz_id: int) -> list[tuple[re.Pattern, str]]:
    """(pattern, IGO id) for every IGO name and acronym, longest first."""
    gaz = _GAZ.get(gaz_id)
    out = []
    for aid, e in gaz.entries.items() if gaz is not None else ():
        if e.actor.type is ActorType.IGO:
            for n in {*e.names, *e.acronyms}:
                out.append((len(n), re.compile(r"(?<!\w)" + re.escape(n) + r"(?!\w)"), aid))
    return [(p, a) for _, p, a in sorted(out, key=lambda x: -x[0])]


def _igo_in_title(gaz: Gazetteer, title: str) -> str | None:
    """The IGO a role title names ("NATO Secretary General" → igo:nato), if any."""
    _GAZ.setdefault(id(gaz), gaz)
    return next((aid for p, aid in _igo_names(id(gaz)) if p.search(title)), None)


# ------------------------------------------------------------------------------ matchers


@cache
def _matchers(nlp_id: int, gaz_id: int):
    """Phrase matchers over the gazetteer for one (pipeline, gazetteer) pair."""
    from spacy.matcher import PhraseMatcher

    from tidings.nlp import load_nlp

    nlp = load_nlp()
    gaz = _GAZ[gaz_id]
    lower = PhraseMatcher(nlp.vocab, attr="LOWER")
    exact = PhraseMatcher(nlp.vocab, attr="ORTH")
    table: dict[str, list[tuple[str, str]]] = defaultdict(list)  # label -> [(actor id, kind)]

    def add(matcher, text: str, aid: str, kind: str) -> None:
        label = f"{kind}|{text.casefold() if matcher is lower else text}"
        if (aid, kind) not in table[label]:
            table[label].append((aid, kind))
            matcher.add(label, [nlp.make_doc(text)])

    for aid, e in gaz.entries.items():
        for n in e.names:
            if n.isupper() and len(n) <= 6:
                add(exact, n, aid, "acronym")
            else:
                add(lower, n, aid, "name")
        for n in e.acronyms:
            add(exact, n, aid, "acronym")
        for n in e.misspellings:  # "Isreal", "ISREAL": a name, but only as printed (never "isreal")
            add(exact, n, aid, "name")
            add(exact, n.upper(), aid, "name")
        for n in e.generic:
            add(lower, n, aid, "generic")
        for n in e.metonyms:
            add(exact, n, aid, "metonym")
            add(exact, n.upper(), aid, "metonym")  # datelines: "SEOUL --"
        for n in e.contextual:
            if len(n.split()) >= 2:
                add(exact, n, aid, "contextual")
                add(exact, n[:1].upper() + n[1:], aid, "contextual")  # "The North fired …"
    agencies = PhraseMatcher(nlp.vocab, attr="LOWER")  # never actors: news agencies, territories
    agencies.add("AGENCY", [nlp.make_doc(a) for a in gaz.agencies])
    if gaz.places:
        agencies.add("PLACE", [nlp.make_doc(p) for p in gaz.places])
    return lower, exact, table, agencies


@cache
def _territory_matcher(nlp_id: int, gaz_id: int):
    """Names of territories with an administering state ("Hong Kong", "Macau", "Puerto Rico"), as
    printed (a lower-case "jersey" is a shirt), and in capitals for datelines."""
    from spacy.matcher import PhraseMatcher

    from tidings.nlp import load_nlp

    nlp = load_nlp()
    matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
    for name in _GAZ[gaz_id].territories:
        matcher.add(name, [nlp.make_doc(name), nlp.make_doc(name.upper())])
    return matcher


# nouns a territory's name before them makes its government: "Hong Kong authorities", "Macau police"
TERRITORY_ORGANS = {"authorities", "government", "police", "officials", "official", "legislature", "legislators",
                    "lawmakers", "leader", "leaders", "administration", "court", "courts", "prosecutors",
                    "regulators", "customs", "immigration", "department", "bureau", "council", "governor",
                    "premier", "cabinet", "guard", "force", "forces"}  # fmt: skip


def _territory_mentions(doc, gaz: Gazetteer, taken: list[bool], add, signals: list[tuple[int, str]]) -> None:
    """A territory with an administering state ("Hong Kong", "Macau", "Puerto Rico", "Greenland").
    The conventions give actors the country of a state (ISO 3166-1 alpha-3) and say nothing of
    territories, so a territory that acts ("Hong Kong authorities arrested …", "Macau police", "Hong
    Kong's government", "Greenland said") is an ORG named after the territory with the country of
    its sovereign (Hong Kong → CHN, Puerto Rico → USA); named as a place ("protests in Hong Kong")
    it is a place mention of the sovereign state, as a city is.  Not inside a longer name ("New
    Jersey", "Hong Kong Disneyland", "Bank of Bermuda")."""
    from tidings.nlp import load_nlp

    state_ids = _state_ids(id(gaz))
    spans = sorted(
        ((s, e, doc.vocab.strings[m]) for m, s, e in _territory_matcher(id(load_nlp()), id(gaz))(doc)),
        key=lambda x: (x[0] - x[1], x[0]),
    )
    for s, e, label in spans:
        if any(taken[s:e]):
            continue
        ent = next((x for x in doc.ents if x.start <= s and e <= x.end), None)
        if ent is not None and _strip(ent) != (s, e) and ent.label_ not in ("DATE", "CARDINAL", "NORP"):
            continue  # part of a longer name: "New Jersey", "the Hong Kong Stock Exchange"
        code, name, sovereign = gaz.territories.get(label) or next(
            v for k, v in gaz.territories.items() if k.upper() == label
        )
        root = doc[s:e].root
        organ = root.head if root.dep_ in ("compound", "nmod", "poss", "amod") and root.head.i >= e else None
        if organ is not None and organ.lower_ in TERRITORY_ORGANS and not any(taken[e : organ.i + 1]):
            end = organ.i + 1
        elif (
            root.dep_ == "pobj"
            and root.head.lower_ == "of"
            and (organ := root.head.head).lower_ in TERRITORY_ORGANS
            and organ.i < s
            and not any(taken[organ.i : s])
        ):  # "the government of Hong Kong"
            s0 = organ.i
            while s0 > 0 and doc[s0 - 1].lower_ == "the":
                s0 -= 1
            end = None
            aid = f"org:{code.lower()}"
            actor = Actor(aid, name, ActorType.ORG, country=sovereign)
            add(aid, actor, s, e, "name", True)
            add(aid, actor, s0, e, "description", True)
            signals.append((s, sovereign))
            continue
        elif _acts(root) and root.dep_ not in ("compound", "amod", "nmod") and not (
            root.dep_ == "pobj" and root.head.lower_ == "of"
        ):
            end = None
        else:
            if sovereign in state_ids:
                sid = state_ids[sovereign]
                add(sid, gaz.entries[sid].actor, s, e, "place", False)
            continue
        aid = f"org:{code.lower()}"
        actor = Actor(aid, name, ActorType.ORG, country=sovereign)
        add(aid, actor, s, e, "name", True)
        if end is not None:
            add(aid, actor, s, end, "description", True)
        signals.append((s, sovereign))


_GAZ: dict[int, Gazetteer] = {}


# ------------------------------------------------------------------------------ helpers


def _strip(span) -> tuple[int, int]:
    """Token range of a span without a leading determiner or a trailing possessive."""
    s, e = span.start, span.end
    doc = span.doc
    while s < e and doc[s].lower_ in ("the", "a", "an"):
        s += 1
    while e > s and doc[e - 1].text in ("’s", "'s", "’", "'"):
        e -= 1
    return s, e


def _is_locative(tok) -> bool:
    """Is this token (the head of a name) used as a place: "in Seoul", "visit to South Korea"?"""
    cur, steps = tok, 0
    while (
        steps < 5 and cur.dep_ in ("pobj", "prep", "conj", "appos", "cc", "compound") and cur.head.i != cur.i
    ):
        if cur.dep_ == "compound" and cur.head.ent_type_ not in ("GPE", "LOC", "FAC"):
            return False
        cur = cur.head
        steps += 1
        if cur.dep_ == "prep" or cur.pos_ == "ADP":
            if cur.lower_ in LOCATIVE_PREPS:
                return True
            if cur.lower_ in ("including", "like"):
                continue
        if cur.lemma_.lower() in TRAVEL_WORDS:
            return True
    if tok.dep_ in ("dobj",) and tok.head.lemma_.lower() in TRAVEL_WORDS:
        return True
    # "San Francisco, USA": a place name followed by its country
    prev = tok.doc[tok.i - 1] if tok.i >= 1 else None
    return bool(
        prev is not None and prev.text == "," and tok.i >= 2 and tok.doc[tok.i - 2].ent_type_ == "GPE"
    )


def _acts(tok) -> bool:
    """A capital standing for its government: subject, possessive, object of a verb or of
    'between'/'with'/'against', or in a conjunction with such."""
    if _is_locative(tok):
        return False
    if tok.dep_ in ("nsubj", "nsubjpass", "poss", "dobj", "agent", "conj", "appos"):
        return True
    if tok.dep_ == "pobj" and tok.head.lower_ in ("between", "with", "against", "by", "for", "on", "of"):
        return True
    return tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].text in ("’s", "'s")


def _country_signals(doc, gaz: Gazetteer, states: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """(token index, ISO3) of every country signal: state names, capitals, demonyms."""
    out = list(states)
    for ent in doc.ents:
        if ent.label_ == "NORP":
            c = gaz.demonym_country.get(ent.text.casefold())
            if c:
                out.append((ent.start, c))
    return sorted(out)


def _nearest_country(i: int, sent, signals: list[tuple[int, str]], allowed: set[str], fallback: str | None):
    best = None
    for j, c in signals:
        if c not in allowed:
            continue
        in_sent = sent.start <= j < sent.end
        dist = abs(j - i) + (0 if in_sent else 1000)
        if best is None or dist < best[0]:
            best = (dist, c)
    if best is not None and best[0] < 2000:
        return best[1]
    return fallback if fallback in allowed else None


def _world_or_nation(doc, gaz: Gazetteer, s: int, e: int, signals, by_country: dict, found) -> str | None:
    """The sense of a name that is both an international body's and some states' ("the Security
    Council"): a state's body when the phrase or its sentence names that state ("Russia's Security
    Council", "Moscow convened the Security Council"); the world's body when capitalised with no such
    context (or, lower-case, "the council", when the article names that body in full); otherwise ""
    (unresolved: "the Virginia General Assembly", "Armenia's Security Council")."""
    while s < e and doc[s].lower_ == "the":
        s += 1
    root = doc[s:e].root
    national = {c for c in by_country if c}
    for m in root.children:
        if m.i < s and m.dep_ in ("poss", "compound", "amod", "nmod"):
            c = _demonym_at(doc, m, gaz) or next((c for j, c in signals if j == m.i), None)
            if c:
                return c if c in national else ""
            if m.pos_ == "PROPN":
                return ""  # "the Virginia General Assembly": some other body of that name
    sent = doc[s].sent
    near = sorted((abs(j - s), c) for j, c in signals if sent.start <= j < sent.end and c in national)
    if near:
        return near[0][1]
    world = by_country[None]
    if doc[s].text[:1].isupper() or world in found:
        return None
    return ""


@cache
def _demonym_pattern(gaz_id: int):
    gaz = _GAZ[gaz_id]
    names = sorted(gaz.demonym_country, key=len, reverse=True)
    return re.compile(r"\b(" + "|".join(re.escape(n) for n in names) + r")\b")


def _demonym_in(text: str, gaz: Gazetteer) -> str | None:
    """The country of the longest nationality word in a name ("South Korean", not "Korean")."""
    _GAZ[id(gaz)] = gaz
    m = _demonym_pattern(id(gaz)).search(text.casefold())
    return gaz.demonym_country[m.group(1)] if m else None


def _acronym_owner(doc, s: int, e: int, found: dict) -> str | None:
    """The organisation an acronym in brackets follows ("the Nigerian Union of Teachers (NUT)",
    "Islamic Salvation Front (FIS)", "the Serbian Workers' Union (SSS)", in its own language): the
    bracket right after a body's name gives its acronym."""
    if e - s != 1 or s < 2 or doc[s - 1].text != "(" or e >= len(doc) or doc[e].text != ")":
        return None
    acro = doc[s].text.replace(".", "")
    if not (acro.isupper() and 2 <= len(acro) <= ACRONYM_MAX):
        return None
    end_char = doc[s - 2].idx + len(doc[s - 2].text)
    for aid, rec in found.items():
        if rec.actor.type not in (ActorType.ORG, ActorType.IGO):
            continue
        for m in rec.mentions:
            if m.span.end == end_char and m.kind in ("name", "generic"):
                return aid
    return None


# generic names of a state's own bodies ("Foreign Ministry", "the National Assembly"): of the state
# the article is about even where the gazetteer lists that body for other states only
STATE_BODY = re.compile(
    r"(the )?((foreign|defen[cs]e|interior|finance|trade|commerce|justice) ministry|ministry of (foreign affairs|"
    r"national defen[cs]e|defen[cs]e|the interior|finance|justice)|presidential office|prime minister's office|"
    r"office of the president|national assembly|constitutional court|parliament|senate)"
)


STATE_BODY_NAMES = (  # one canonical name per body, in the gold's style ("Ministry of Foreign Affairs of …")
    ("foreign", "Ministry of Foreign Affairs"), ("defen", "Ministry of Defence"), ("interior", "Ministry of the Interior"),
    ("finance", "Ministry of Finance"), ("justice", "Ministry of Justice"), ("trade", "Ministry of Trade"),
    ("commerce", "Ministry of Trade"), ("president", "Office of the President"),
    ("prime minister", "Office of the Prime Minister"), ("assembly", "National Assembly"),
    ("court", "Constitutional Court"), ("parliament", "Parliament"), ("senate", "Senate"),
)  # fmt: skip


def _state_body_name(label: str) -> str:
    return next(name for key, name in STATE_BODY_NAMES if key in label)


def _territory_in(text: str, gaz: Gazetteer) -> str | None:
    """The sovereign of a territory a name holds ("Hong Kong Stock Exchange" → CHN)."""
    return next((sov for name, (_, _, sov) in gaz.territories.items() if re.search(rf"\b{re.escape(name)}\b", text)), None)


def _co_arguments(a, b) -> bool:
    """Are two tokens arguments of one verb (subject and object, or linked by "with", "against"...),
    so that the one deals with the other rather than belongs to it?"""

    def clause(t):
        path = [t]
        while t.head.i != t.i and t.pos_ not in ("VERB", "AUX"):
            t = t.head
            path.append(t)
        return t, path

    va, pa = clause(a)
    vb, pb = clause(b)
    if va.i != vb.i or va.pos_ not in ("VERB", "AUX"):
        return False
    ca = pa[-2] if len(pa) > 1 else None  # the verb's child on each side
    cb = pb[-2] if len(pb) > 1 else None
    return ca is not None and cb is not None and ca.i != cb.i


def _entity_is(doc, s: int, e: int) -> bool:
    """Is tokens[s:e] (less "the") exactly one named entity?"""
    return any(ent.start <= s and ent.end >= e and _strip(ent) == (s, e) for ent in doc.ents)


def _slug(key: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", key.casefold()).strip("-")


BODY_NOUNS = {"party", "movement", "front", "union", "council", "league", "alliance", "coalition", "congress",
              "committee", "association", "federation", "organization", "organisation"}  # fmt: skip
SPEAKING_VERBS = {"say", "conclude", "urge", "call", "demand", "declare", "warn", "recommend", "adopt", "appeal",
                  "condemn", "criticize", "criticise", "announce", "state", "agree", "resolve", "ask"}  # fmt: skip


def _body_noun_after(doc, s: int, e: int) -> int | None:
    """The index of a lowercase body noun that a capitalised name modifies ("the Umma (Nation)
    party", "the Awami League party"), when it follows the name within three tokens."""
    head = doc[e - 1].head
    if (
        doc[e - 1].dep_ in ("compound", "nmod")
        and head.lower_ in BODY_NOUNS
        and head.text.islower()
        and e <= head.i <= e + 3
        and all(t.pos_ in ("PROPN", "NOUN", "PUNCT") for t in doc[e : head.i])
    ):
        return head.i
    return None


def _speaking_forum(doc, s: int, e: int) -> bool:
    """Is a named forum or conference a body that speaks ("the Third World Water Forum concluded
    that …", "the conference urged"), not an event ("at the Third World Water Forum")?"""
    root = doc[s:e].root
    return (
        root.lower_ in ("forum", "conference")
        and root.dep_ == "nsubj"
        and root.head.lemma_.lower() in SPEAKING_VERBS
    )


def _has_title_word(words: str) -> bool:
    """Does a phrase hold a role title word, a hyphenated one too ("Secretary-General")?"""
    return any(
        w in TITLE_WORDS or any(p in TITLE_WORDS for p in w.split("-")) for w in re.findall(r"[a-z-]+", words.lower())
    )


def _title_before(doc, s: int) -> str | None:
    """A role title printed before a name: "Foreign Minister Cho Tae-yul" → "Foreign Minister"."""
    j = s
    while j > 0:
        t = doc[j - 1]
        if t.is_space or "\n" in t.text or (t.is_punct and t.text != "-"):
            break
        if t.pos_ in ("DET", "VERB", "AUX", "ADP", "PRON", "CCONJ", "SCONJ", "PART") and t.lower_ != "of":
            break
        if t.ent_type_ == "PERSON" and t.i < s - 1 and t.lower_.rstrip(".") not in RANK_WORDS:
            break
        j -= 1
    while (of := next((t.i for t in doc[j:s] if t.lower_ == "of"), None)) is not None and not _has_title_word(
        doc[j:of].text
    ):
        j = of + 1  # "the killing of Hezbollah leader Hassan Nasrallah": the title is after "of"
    words = doc[j:s].text.strip()
    if words and _has_title_word(words):
        if doc[j].lower_ == "then":
            words = "former" + words[4:]  # "then Foreign Minister Park Jin": no longer, at the article's date
        return words
    return None


def _title_after(doc, e: int) -> str | None:
    """An appositive role: "Cho Tae Yong, the Chief of National Security, met …"."""
    if e + 2 >= len(doc) or doc[e].text != ",":
        return None
    j = e + 1
    while j < len(doc) and doc[j].lower_ in ("the", "a", "an"):
        j += 1
    k = j
    while k < len(doc) and doc[k].text not in (",", ".", ";", "(") and k - j < 10 and doc[k].pos_ != "VERB":
        k += 1
    if k < len(doc) and doc[k].text == ",":
        words = doc[j:k].text
        if _has_title_word(words):
            return words
    return None


# ------------------------------------------------------------------------------ main


def _company_block_words() -> set[str]:
    return (
    INSTITUTION_HEADS | TITLE_WORDS | GROUP_NOUNS | ORGAN_NOUNS | BODY_NOUNS | STATE_OFFICE_WORDS | PLACE_NOUNS
    | AGENCY_WORDS | {"government", "embassy", "consulate", "state", "republic", "kingdom", "times", "daily"}
)  # fmt: skip


# a product's model number or code ("Curve 8900", "iPhone 15", "Galaxy S23", "Airbus A380"); not of a body's
# unit ("Unit 8200", "Local 1199", "Task Force 88", "Group of 77", "Charter 08")
MODEL_CODE = re.compile(r"[A-Z]{0,3}\d{1,5}[a-zA-Z]{0,3}")
NUMBERED_BODIES = {"unit", "local", "task", "group", "charter", "squadron", "battalion", "regiment", "division",
                   "fleet", "brigade", "corps", "chapter", "g", "committee", "article", "section", "of"}  # fmt: skip


def _product_name(doc, s: int, e: int) -> bool:
    """Is a name the tagger took for an organisation a product: a brand with model words or a model
    number ("BlackBerry Curve 8900", "the iPhone 15", "Boeing 737"), or a lower-case-i brand ("iPhone",
    "iPad")?  Not a numbered body ("Unit 8200", "Local 1199", "Task Force 88")."""
    toks = [t for t in doc[s:e] if not t.is_punct]
    if not toks:
        return False
    if any(re.fullmatch(r"i[A-Z][a-z]+", t.text) for t in toks):
        return True  # "iPhone", "iPad", "iPod", "iMac"
    if len(toks) < 2 or not MODEL_CODE.fullmatch(toks[-1].text) or not any(ch.isdigit() for ch in toks[-1].text):
        return False
    words = {t.lower_ for t in toks}
    return not (words & (NUMBERED_BODIES | INSTITUTION_HEADS | BUSINESS_WORDS)) and toks[0].text[:1].isupper()


STORM_WORDS = {"typhoon", "hurricane", "cyclone", "superstorm", "storm", "tropical"}


def _headline(sent) -> bool:
    """Is this sentence title-case headline text ("HP To Acquire Autonomy For $10 Billion")?"""
    words = [t for t in sent if t.is_alpha and len(t) > 3]
    return len(words) >= 3 and all(t.text[:1].isupper() for t in words)


def _title_case(sent) -> bool:
    """Is every word of this sentence capitalised ("HP To Acquire Palm")?"""
    words = [t for t in sent if t.is_alpha]
    return len(words) >= 3 and all(t.text[:1].isupper() for t in words)


def _headline_split(doc) -> list:
    """The named entities, with an organisation the tagger ran across a headline's verb split at it:
    "HP To Acquire Palm" is HP and Palm (a title-case headline, "To"/"Will"/a verb inside the name)."""
    from spacy.tokens import Span

    out = []
    for ent in doc.ents:
        breaks = [
            t.i for t in ent[1:]
            if t.text[:1].isupper() and (t.tag_ in ("TO", "MD") or (t.tag_.startswith("VB") and t.pos_ in ("VERB", "AUX")))
        ] if ent.label_ == "ORG" and len(ent) >= 3 and _title_case(ent.sent) else []  # fmt: skip
        if not breaks:
            out.append(ent)
            continue
        start = ent.start
        for b in [*breaks, ent.end]:
            if b > start and all(t.pos_ == "PROPN" for t in doc[start:b]):
                out.append(Span(doc, start, b, label="ORG"))
            start = b + 1
    return out


def _company_name_part(doc, s: int, e: int, ent, gaz: Gazetteer) -> bool:
    """Is the state name at doc[s:e] a word of a longer company-like proper name: "Air Canada",
    "Air India" (an ORG entity of two words), "Korea Zinc", "China Eastern" (a proper-noun compound
    whose head is not a body, title, or place word)?"""

    def plain(t) -> bool:
        return (
            t.is_alpha
            and t.text[:1].isupper()
            and (t.lower_ == "air" or t.lower_ not in _company_block_words())
            and t.lower_ not in _state_names(id(gaz))
            and t.ent_type_ not in ("PERSON", "GPE", "NORP", "LOC", "DATE")
        )

    if ent is not None and ent.label_ == "ORG" and ent.start <= s and e <= ent.end and len(ent) > e - s:
        others = [t for t in ent if not (s <= t.i < e) and t.text not in ("'s", "’s")]
        return bool(others) and all(plain(t) for t in others)
    if e < len(doc) and doc[e - 1].dep_ == "compound" and doc[e - 1].head.i == e and not _headline(doc[s].sent):
        nxt = doc[e]
        return nxt.pos_ == "PROPN" and plain(nxt) and not (e + 1 < len(doc) and doc[e + 1].pos_ == "PROPN")
    return False


@cache
def _state_names(gaz_id: int) -> frozenset[str]:
    gaz = _GAZ[gaz_id]
    words = set()
    for entry in gaz.entries.values():
        if entry.actor.type is ActorType.STATE:
            words.update(entry.actor.name.casefold().split())
    return frozenset(words)


def _context_fits(gaz: Gazetteer, country: str, named: set[str]) -> bool:
    """A contextual alias ("the North") stands for its state only where the article names that
    state or one that shares a word of its name ("South Korea" for "North Korea")."""
    if country in named:
        return True
    words = {w for w in _state_display(id(gaz)).get(country, "").casefold().split() if w not in DIRECTIONS}
    return any(words & set(_state_display(id(gaz)).get(c, "").casefold().split()) for c in named)


DIRECTIONS = {"north", "south", "east", "west", "the", "of", "and", "republic"}


@cache
def _state_display(gaz_id: int) -> dict[str, str]:
    gaz = _GAZ[gaz_id]
    return {e.actor.country: e.actor.name for e in gaz.entries.values() if e.actor.type is ActorType.STATE}


def find_actors(doc, article_id: str, published: str | None, *, gazetteer: Gazetteer | None = None,
                exclude_names: tuple[str, ...] = ()) -> list[ArticleActor]:  # fmt: skip
    """Every actor one parsed article body names, with their mentions (spans into the body);
    ``acts`` is False for those named only as places or by a nationality."""
    gaz = gazetteer or Gazetteer.default()
    _GAZ[id(gaz)] = gaz
    from tidings.nlp import load_nlp

    lower, exact, table, agencies = _matchers(id(load_nlp()), id(gaz))
    found: dict[str, ArticleActor] = {}
    taken = [False] * len(doc)

    def add(aid: str, actor: Actor, s: int, e: int, kind: str, acts: bool) -> None:
        rec = found.get(aid)
        if rec is None:
            rec = found[aid] = ArticleActor(actor=actor)
        for t in range(s, e):
            taken[t] = True
        if e - s > 1 and doc[s].lower_ == "the" and kind != "contextual":  # "the North" keeps its article
            s += 1
        if e - s > 1 and doc[e - 1].text in ("’s", "'s"):
            e -= 1
        span = doc[s:e]
        rec.mentions.append(Mention(Span(article_id, span.start_char, span.end_char), span.text, aid, kind))
        rec.acts = rec.acts or acts

    # Agencies first: their tokens are never actors.
    for _, s, e in agencies(doc):
        if e - s > 1 and any(
            t.is_alpha and t.is_lower and not t.is_stop and t.lower_ not in AGENCY_WORDS for t in doc[s:e]
        ):
            continue  # a name's own words are capitalised: "visited Russia today" names no agency
        for t in range(s, e):
            taken[t] = True
    for name in exclude_names:  # the byline's authors
        for m in re.finditer(re.escape(name), doc.text):
            span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
            if span is not None:
                for t in range(span.start, span.end):
                    taken[t] = True

    state_signals: list[tuple[int, str]] = []
    _territory_mentions(doc, gaz, taken, add, state_signals)

    # 1. gazetteer
    matches = []
    for matcher in (lower, exact):
        for mid, s, e in matcher(doc):
            label = doc.vocab.strings[mid]
            matches.append((e - s, s, e, label))
    matches.sort(key=lambda m: (-m[0], m[1]))
    inside_entity = [False] * len(doc)  # tokens inside a longer ORG/FAC/EVENT/LAW/WORK_OF_ART name
    named_ent = [None] * len(doc)  # the ORG/FAC/... entity each token is in
    for ent in doc.ents:
        if ent.label_ in ("ORG", "FAC", "EVENT", "LAW", "WORK_OF_ART"):
            for t in range(ent.start, ent.end):
                named_ent[t] = ent
    for ent in doc.ents:
        if ent.label_ in ("ORG", "FAC", "EVENT", "LAW", "WORK_OF_ART") and len(ent) >= 3:
            for t in range(ent.start, ent.end):
                inside_entity[t] = True
    in_place = _place_name_tokens(doc)  # "the South China Sea": a state's name inside a place's
    generic_later: list[tuple[int, int, list[tuple[str, str]]]] = []
    contextual_later: list[tuple[int, int, str, str]] = []
    for _, s, e, label in matches:
        if any(taken[s:e]):
            continue
        cands = table[label]
        kind = cands[0][1]
        head = doc[s:e].root
        if kind == "generic":
            # "the Security Council" (listed for the UN's only) is also "Security Council" (Russia's too);
            # a state body's own "the ..." form ("the foreign ministry") stays that body's preference
            bare = label.removeprefix("generic|the ")
            world_only = all(gaz.entries[a].actor.country is None for a, _ in cands)
            more = table.get(f"generic|{bare}", []) if bare != label and world_only else []
            generic_later.append((s, e, list(dict.fromkeys([*cands, *more]))))
            for t in range(s, e):
                taken[t] = True  # reserved: resolved once the country signals are known
            continue
        aid = cands[0][0]
        entry = gaz.entries[aid]
        if kind == "name" and e - s == 1 and not any(ch.isupper() for ch in doc[s].text):
            continue  # "granted an amnesty to rebels": a common noun, not Amnesty International's name
        if (
            entry.actor.type is ActorType.STATE
            and (all(inside_entity[s:e]) or all(in_place[s:e]))
            and not _entity_is(doc, s, e)
        ):
            # "Iraq" in "Islamic State of Iraq and the Levant": part of another name
            if entry.actor.country:
                state_signals.append((s, entry.actor.country))
            continue
        if entry.actor.type is ActorType.STATE and kind == "name" and _company_name_part(doc, s, e, named_ent[s], gaz):
            # "Air Canada", "Korea Zinc", "China Eastern": a company named after the state is not the state
            if entry.actor.country:
                state_signals.append((s, entry.actor.country))
            continue
        if kind == "contextual" and entry.actor.country:
            contextual_later.append((s, e, aid, entry.actor.country))
            for t in range(s, e):
                taken[t] = True  # reserved: "the South" is South Korea only in a Korean-peninsula article
            continue
        if entry.actor.type is ActorType.PERSON and (ent := named_ent[s]) is not None and ent.end > e:
            continue  # "the King Fahd Causeway", "the Hassan II Mosque": a place or body named after the person
        if kind == "contextual" and (head.dep_ in ("compound", "amod") or head.pos_ not in ("PROPN", "NOUN")):
            continue
        if kind == "metonym" and (
            not _acts(head) or (entry.actor.type is ActorType.STATE and not entry.metonym_for_state)
        ):
            if entry.actor.type is ActorType.STATE and entry.actor.country:
                state_signals.append((s, entry.actor.country))
            continue
        if entry.actor.type is ActorType.PERSON and len(cands) > 1:
            continue  # one name, two dictionary people: leave it to the entity rules
        acts = kind != "name" or entry.actor.type is not ActorType.STATE or not _is_locative(head)
        add(aid, entry.actor, s, e, kind, acts)
        if entry.actor.type is ActorType.STATE and entry.actor.country:
            state_signals.append((s, entry.actor.country))

    signals = _country_signals(doc, gaz, state_signals)
    for s, e, aid, country in contextual_later:
        head = doc[s:e].root
        if head.dep_ in ("compound", "amod") or head.pos_ not in ("PROPN", "NOUN"):
            continue
        pair = {c for _, _, _, c in contextual_later if c != country}  # "the North" ... "the South"
        if doc[s:e].text.casefold().split()[-1] in {"north", "south", "east", "west"} and not _context_fits(
            gaz, country, {c for _, c in signals} | pair
        ):
            continue  # "the South" in an article about Sudan
        add(aid, gaz.entries[aid].actor, s, e, "contextual", True)
        signals.append((s, country))
    signals.sort()
    first_country = signals[0][1] if signals else None
    dominant = Counter(c for _, c in signals).most_common(1)[0][0] if signals else None
    unresolved: set[int] = set()  # tokens of generic names that fit no country here
    sense: dict[str, str] = {}  # one sense per article: "Foreign Ministry" means one body throughout
    for s, e, cands in sorted(generic_later):
        by_country = {gaz.entries[a].actor.country: a for a, _ in cands}
        label = doc[s:e].text.casefold().removeprefix("the ")
        if None in by_country:  # also a body of the world: "the Security Council", "the General Assembly"
            c = sense[label] if label in sense else _world_or_nation(doc, gaz, s, e, signals, by_country, found)
            if c is None:
                sense[label] = None
                add(by_country[None], gaz.entries[by_country[None]].actor, s, e, "generic", True)
                continue
        else:
            c = sense.get(label) or _nearest_country(
                s, doc[s].sent, signals, set(by_country), first_country or dominant
            )
        ent = named_ent[s]
        if (
            (c is None or c not in by_country)
            and STATE_BODY.fullmatch(label)
            and not (ent is not None and (ent.start < s or ent.end > e) and _strip(ent) != (s, e))
        ):
            # "the Foreign Ministry said" in an article about Kenya, whose ministries the gazetteer
            # lacks: that state's body, named after it ("Ministry of Foreign Affairs of Kenya"); not
            # inside a longer name ("the Latvian Constitutional Court": the entity rule's)
            root = doc[s:e].root
            own = [m for m in root.children if m.i < s and m.dep_ in ("poss", "amod", "compound", "nmod")]
            sent = doc[s].sent
            here = _nearest_country(s, sent, [x for x in signals if sent.start <= x[0] < sent.end], {x for _, x in signals}, None)  # fmt: skip
            c = None if own or root.dep_ == "compound" else here or sense.get(label) or _nearest_country(
                s, sent, signals, {x for _, x in signals}, first_country or dominant
            )  # (not "the Azerbaijani parliament", "Kenya's parliament": the state itself, rule 5;
            #    not "the parliament building")
            if c in by_country:
                pass
            elif c in (state_ids := _state_ids(id(gaz))):
                sense[label] = c
                body = _state_body_name(label)
                aid = f"org:{c.lower()}-{_slug(body)}"
                actor = found[aid].actor if aid in found else Actor(
                    aid, f"{body} of {gaz.entries[state_ids[c]].actor.name}", ActorType.ORG, c
                )  # fmt: skip
                add(aid, actor, s, e, "generic", True)
                continue
        if c is None or c not in by_country:
            unresolved.update(range(s, e))  # "parliament" of a country the gazetteer lacks
            continue
        sense[label] = c
        aid = by_country[c]
        add(aid, gaz.entries[aid].actor, s, e, "generic", True)

    # 2. named entities the gazetteer does not know
    person_spans: list[tuple[int, int, str]] = []  # (start, end, actor id) of full-name mentions
    for rec in found.values():
        if rec.actor.type is ActorType.PERSON:
            for m in rec.mentions:
                span = doc.char_span(m.span.start, m.span.end, alignment_mode="expand")
                person_spans.append((span.start, span.end, rec.actor.id))
    for ent in _headline_split(doc):
        if ent.label_ not in ("PERSON", "ORG") and not (
            ent.label_ in ("LAW", "FAC", "EVENT", "WORK_OF_ART", "PRODUCT", "GPE", "NORP")
            and len(ent) >= 2
            and ent[-1].lower_ in INSTITUTION_HEADS
            and ent[-1].text[:1].isupper()
        ):
            continue  # (the tagger's "LAW" for "the Kenya Anti-Corruption Commission" is a body: an ORG)
        s, e = _strip(ent)
        if ent.label_ == "PERSON":
            while s < e and doc[s].lower_.rstrip(".") in RANK_WORDS and doc[s].text[:1].isupper():
                s += 1  # "Rear Adm. Daniel Hagari": the rank is a title
        if s >= e or any(taken[s:e]):
            continue
        if doc[s].lower_ in STORM_WORDS and e - s > 1:
            continue  # "Typhoon Haiyan", "Hurricane Sandy": a storm, not a person or a body
        label = ent.label_
        if (body := _body_noun_after(doc, s, e)) is not None and not any(taken[e : body + 1]):
            e, label = body + 1, "ORG"  # "the Umma (Nation) party": a party, whatever the tagger says
        text = doc[s:e].text
        if (
            label == "PERSON"
            and doc[e - 1].dep_ == "compound"
            and doc[e - 1].head.lemma_.lower() in PLACE_NOUNS
        ):
            continue  # "the Syr Darya basin": a place, whatever the tagger says
        if (
            label == "ORG"
            and s > 0
            and doc[s - 1].lower_ in TITLE_WORDS
            and 2 <= e - s <= 4
            and all(t.pos_ == "PROPN" and t.text[:1].isupper() and t.is_alpha for t in doc[s:e])
            and not any(t.lower_ in INSTITUTION_HEADS | BUSINESS_WORDS for t in doc[s:e])
        ):
            label = "PERSON"  # "junior foreign minister Dubem Oniya": a name after a title is a person
        if label == "PERSON" and doc[e - 1].lower_ in FEATURE_WORDS:
            continue  # "Second Thomas Shoal", "Snake Island": a place named after someone
        if label == "PERSON" and text in _place_table(id(gaz)):
            continue  # "Khan Younis", "Deir al-Balah": a place the tagger takes for a name (rule 4b)
        if label == "PERSON":
            toks = split_name(text)
            if len(toks) < 2:
                continue  # a bare surname: rule 3
            aid = gaz.person_by_name(text) or gaz.person_by_misspelt_name(text)
            if aid is not None:
                actor = gaz.entries[aid].actor
            else:
                aid = "person:~" + _slug(person_key(text))
                actor = found[aid].actor if aid in found else Actor(aid, text, ActorType.PERSON)
            add(aid, actor, s, e, "name", True)
            person_spans.append((s, e, aid))
        else:
            if (EVENT_WORDS.search(text) and not _speaking_forum(doc, s, e)) or (
                e - s == 1 and not (doc[s].is_upper and len(doc[s]) <= ACRONYM_MAX)
            ):
                continue  # an event's name, a lone common word, or a dateline ("HELSINKI —")
            if _product_name(doc, s, e):
                continue  # "the BlackBerry Curve 8900", "the iPhone 15", "a Boeing 737": a product, not a body
            if doc[s - 1].lower_ == "of" if s > 0 else False:
                head = doc[s - 1].head
                if head.lower_ in TITLE_WORDS:
                    continue  # "Secretary of State", "Chief of National Security"
            country = _demonym_in(text, gaz)  # "Nigerian Union of Teachers" (a word, not "Omani" in "Romanian")
            sent = doc[s].sent
            near = min(((abs(j - s), j, c) for j, c in signals if sent.start <= j < sent.end), default=None)
            if country is None and near is not None and _co_arguments(doc[near[1]], doc[s:e].root):
                pass  # "Afghanistan shared expertise with the Tamil Tigers": the state it deals with
            elif country is None and near is not None and not _speaking_forum(doc, s, e):  # a forum: of no one state
                # the nearest state its own sentence names; never one from another sentence or the
                # article's main state ("HP" in a story that mentions London elsewhere is not British)
                country = near[2]
            if country is None:
                country = _territory_in(text, gaz)  # "the Hong Kong Stock Exchange"
            aid = "org:~" + _slug(text)
            if (owner := _acronym_owner(doc, s, e, found)) is not None:
                aid = owner  # "the Islamic Salvation Front (FIS)": the acronym is the body's own
                add(aid, found[aid].actor, s, e, "acronym", True)
                continue
            actor = found[aid].actor if aid in found else Actor(aid, text, ActorType.ORG, country=country)
            add(aid, actor, s, e, "name", True)

    # 3. surnames and titles
    _link_surnames(doc, gaz, found, person_spans, taken, published, add)

    # roles printed in the text
    for rec in found.values():
        if rec.actor.type is not ActorType.PERSON:
            continue
        for m in rec.mentions:
            span = doc.char_span(m.span.start, m.span.end, alignment_mode="expand")
            if span is None:
                continue
            title = _title_before(doc, span.start) if m.kind == "name" else None
            title = title or (_title_after(doc, span.end) if m.kind == "name" else None)
            if title:
                rec.text_roles.append(Role(title=title, origin="text", span=m.span))
        if not rec.actor.country:
            for role in rec.text_roles:
                for d, c in gaz.demonym_country.items():
                    if d in role.title.casefold():
                        rec.actor.country = c
                        break
        if not rec.actor.country:
            rec.actor.country = _apposition_country(doc, gaz, rec, found)
        if not rec.actor.country and rec.actor.id.startswith("person:~") and rec.text_roles:
            rec.actor.country = _titled_person_country(doc, rec, signals)

    # titles with their state and no name: "the Emir of Qatar", "Qatar's emir", "the Qatari emir"
    _state_titles(doc, gaz, found, taken, published, add)

    # 4. a nationality before a group noun stands for its state: "North Korean troops", "Burmese police"
    state_ids = _state_ids(id(gaz))
    for ent in doc.ents:
        if ent.label_ != "NORP" or any(taken[ent.start : ent.end]):
            continue
        country = gaz.demonym_country.get(ent.text.casefold())
        head = doc[ent.end - 1]
        while head.dep_ == "conj" and head.head.i < head.i:  # "Hungarian and Romanian officials"
            head = head.head
        head = head.head
        if country in state_ids and head.i >= ent.end and GROUP_NOUNS & {head.lemma_.lower(), head.lower_}:
            aid = state_ids[country]
            add(aid, gaz.entries[aid].actor, ent.start, ent.end, "demonym", False)

    # 4b. places of a state ("in Moscow", "the Gaza city of Khan Younis"): the state, as a place
    _place_mentions(doc, gaz, found, taken, add)

    # 5. unnamed groups of a country: "Rwandan rebels", "rebels in the Ivory Coast", "Palestinians"
    _group_actors(doc, gaz, found, [t and i not in unresolved for i, t in enumerate(taken)], add)

    _org_countries(doc, found)
    _bare_titles(doc, gaz, found, published, add)  # "the president" of the lede's one state
    _link_references(doc, gaz, found, published)
    return list(found.values())


def _state_tokens(doc, found: dict[str, ArticleActor]) -> dict[int, str]:
    """Token index -> country, for every token of a mention of a state the article names."""
    state_at: dict[int, str] = {}
    for rec in found.values():
        if rec.actor.type is ActorType.STATE and rec.actor.country:
            for m in rec.mentions:
                if m.kind == "description" and m.text.casefold().removeprefix("the ") in GENERIC_ORGANS:
                    continue  # "police" of the article's state: no signal of its own
                span = doc.char_span(m.span.start, m.span.end, alignment_mode="expand")
                for t in span if span is not None else ():
                    state_at[t.i] = rec.actor.country
    return state_at


def _person_tokens(doc, found: dict[str, ArticleActor]) -> dict[int, str]:
    """Token index -> country, over the names of dictionary people of a known state."""
    return {
        t.i: rec.actor.country
        for rec in found.values()
        if rec.actor.type is ActorType.PERSON and rec.actor.country and not rec.actor.id.startswith("person:~")
        for m in rec.mentions
        if m.kind in ("name", "surname")
        for t in (doc.char_span(m.span.start, m.span.end, alignment_mode="expand") or ())
    }


def _org_countries(doc, found: dict[str, ArticleActor]) -> None:
    """An organisation the gazetteer does not know and no rule gave a country takes the one state
    its sentence names, nationalities included ("The Homeland Union ... the Lithuanian Parliament");
    none when the sentence names none or several, or when it deals with that state (subject and
    object of one verb: "Afghanistan shared expertise with the Tamil front")."""
    state_at = _state_tokens(doc, found)
    person_at = _person_tokens(doc, found)
    for rec in found.values():
        if not rec.actor.id.startswith("org:~") or rec.actor.country or not rec.mentions:
            continue
        span = doc.char_span(rec.mentions[0].span.start, rec.mentions[0].span.end, alignment_mode="expand")
        if span is None or _speaking_forum(doc, span.start, span.end):
            continue  # a forum of many states is of none of them
        sent = span.sent
        here = {i: c for i, c in state_at.items() if sent.start <= i < sent.end}
        if not here and {w.casefold() for w in rec.actor.name.split()} & (INSTITUTION_HEADS | BODY_NOUNS):
            # a party, front or commission in a sentence that names no state but a leader of one
            # ("President Bouteflika said he would lift the ban on the Islamic Salvation Front")
            here = {i: c for i, c in person_at.items() if sent.start <= i < sent.end}
        if len(set(here.values())) == 1 and not any(_co_arguments(doc[i], span.root) for i in here):
            rec.actor.country = next(iter(here.values()))
FEATURE_WORDS = PLACE_NOUNS | {"gulf", "ocean", "channel", "shoal", "sound", "coast"}


def _place_name_tokens(doc) -> list[bool]:
    """Tokens of a geographic name that holds a state's name ("the South China Sea", "the Gulf
    of Mexico", "the Sea of Japan"): the name ends or begins with a feature word, and the state
    name is not the whole of it ("eastern Ukraine" is Ukraine)."""
    out = [False] * len(doc)
    for ent in doc.ents:
        if ent.label_ not in ("LOC", "GPE", "FAC") or len(ent) < 2:
            continue
        words = [t for t in ent if t.lower_ != "the"]
        if words and (words[-1].lower_ in FEATURE_WORDS or words[0].lower_ in FEATURE_WORDS):
            for t in range(ent.start, ent.end):
                out[t] = True
    return out


CLAUSE_PLACE_PREPS = {"in", "across", "throughout", "outside", "at"}


def _clause_place_country(tok, state_at: dict[int, str]) -> str | None:
    """The country of the place where a group with no nationality acts: "Thousands of protesters
    rallied outside parliament in Tbilisi" → Georgia (the state or place named in the clause whose
    subject the group is)."""
    subj = tok
    if subj.dep_ == "pobj" and subj.head.lower_ == "of" and subj.head.head.dep_ in ("nsubj", "nsubjpass"):
        subj = subj.head.head  # "thousands of protesters"
    if subj.dep_ not in ("nsubj", "nsubjpass") or subj.head.pos_ not in ("VERB", "AUX"):
        return None
    for p in subj.head.children:
        if p.dep_ == "prep" and p.lower_ in CLAUSE_PLACE_PREPS:
            for o in p.subtree:
                if o.i in state_at:
                    return state_at[o.i]
    return None


@cache
def _place_table(gaz_id: int) -> dict[str, str]:
    """Place name → ISO3: the capitals and landmarks that stand for states (gazetteer metonyms) and
    the places inside states (``data/places.yaml``)."""
    from importlib import resources

    import yaml

    gaz = _GAZ[gaz_id]
    table: dict[str, str] = {}
    for e in gaz.entries.values():
        if e.actor.type is ActorType.STATE and e.actor.country:
            for n in e.metonyms:
                table.setdefault(n, e.actor.country)
    data = yaml.safe_load(resources.files("tidings.data").joinpath("places.yaml").read_text(encoding="utf-8"))
    for iso, names in (data.get("places") or {}).items():
        for n in names or []:
            table.setdefault(str(n), str(iso))
    for n in data.get("ambiguous") or []:
        table.pop(str(n), None)
    return table


@cache
def _place_matcher(nlp_id: int, gaz_id: int):
    from spacy.matcher import PhraseMatcher

    from tidings.nlp import load_nlp

    nlp = load_nlp()
    matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
    for name in _place_table(gaz_id):
        matcher.add(name, [nlp.make_doc(name)])
    return matcher


def _place_mentions(doc, gaz: Gazetteer, found: dict[str, ArticleActor], taken: list[bool], add) -> None:
    """A capital or a place inside a state, named as a place ("arrived in Moscow", "strikes on
    Khan Younis", "the Kharkiv region"), is a mention of its state of kind "place": not a surface
    form, and the state is kept as an actor only when an event needs it.  Not inside a person's or
    an organisation's name ("George Washington", "Donetsk People's Republic")."""
    from tidings.nlp import load_nlp

    table = _place_table(id(gaz))
    state_ids = _state_ids(id(gaz))
    named = [False] * len(doc)
    for ent in doc.ents:
        if ent.label_ in ("PERSON", "ORG", "NORP", "WORK_OF_ART", "EVENT", "LAW") and ent.text not in table:
            for t in range(ent.start, ent.end):
                named[t] = True
    spans = sorted(
        ((s, e, doc.vocab.strings[m]) for m, s, e in _place_matcher(id(load_nlp()), id(gaz))(doc)),
        key=lambda x: (x[0] - x[1], x[0]),
    )
    for s, e, name in spans:
        if any(taken[s:e]) or any(named[s:e]):
            continue
        country = table.get(name)
        if country in state_ids:
            sid = state_ids[country]
            add(sid, gaz.entries[sid].actor, s, e, "place", False)


def _office_holder_tagged_org(tok, ids: list[str], gaz: Gazetteer, published: str | None) -> bool:
    """A lone token the tagger calls an ORG that is the distinctive surname of one dictionary person
    in office on the day ("Biden's visit to Hanoi")."""
    return (
        len(ids) == 1
        and tok.ent_type_ == "ORG"
        and tok.ent_iob_ == "B"
        and (tok.i + 1 >= len(tok.doc) or tok.doc[tok.i + 1].ent_iob_ != "I")
        and not family_first(gaz.entries[ids[0]].actor.name)
        and any(r.held_on(published) for r in gaz.entries[ids[0]].actor.roles)
    )


STATE_OFFICE_WORDS = {"president", "premier", "prime", "minister", "chancellor", "king", "queen", "emir", "sultan",
                      "judge", "governor", "general", "vice-president", "ambassador", "senator", "lawmaker"}  # fmt: skip


def _titled_person_country(doc, rec: ArticleActor, signals: list[tuple[int, str]]) -> str | None:
    """An unknown person with a state title ("Prime Minister Mahendra Chaudhry") whose sentence
    names one country only, and not as the other side of their own verb ("President X threatened
    Russia"): that country."""
    m = rec.mentions[0]
    span = doc.char_span(m.span.start, m.span.end, alignment_mode="expand")
    words = {w for r in rec.text_roles for w in re.findall(r"[a-z-]+", r.title.lower())}
    if span is None or not words & STATE_OFFICE_WORDS:
        return None
    sent = span.sent
    here = [(j, c) for j, c in signals if sent.start <= j < sent.end and not span.start <= j < span.end]
    if len({c for _, c in here}) != 1 or any(_co_arguments(doc[j], span.root) for j, _ in here):
        return None
    return here[0][1]


def _apposition_country(doc, gaz: Gazetteer, rec: ArticleActor, found: dict[str, ArticleActor]) -> str | None:
    """The country an apposition gives a person the gazetteer does not know: "Salaheddine
    Sidhoum, Algeria's leading human rights activist", "a member of the Syrian parliament, X"."""
    state_at = _state_tokens(doc, found)
    for m in rec.mentions:
        if m.kind != "name":
            continue
        span = doc.char_span(m.span.start, m.span.end, alignment_mode="expand")
        if span is None:
            continue
        head = span.root
        if span.end < len(doc) and doc[span.end].lower_ == "of":  # "President Dos Santos of Angola"
            j = span.end + 1 + (1 if span.end + 1 < len(doc) and doc[span.end + 1].lower_ == "the" else 0)
            if j in state_at:
                return state_at[j]
        for c in head.children:  # "Venezuela's Nicolas Maduro": the state that owns the name
            if c.dep_ == "poss" and c.i < span.start and c.i in state_at:
                return state_at[c.i]
        phrases = [list(c.subtree) for c in head.children if c.dep_ == "appos"]  # "X, Algeria's …"
        if head.dep_ == "appos":  # "a member of the Syrian parliament, X": the noun it stands beside
            own = {t.i for t in head.subtree}
            phrases.append([t for t in head.head.subtree if t.i not in own])
        for tokens in phrases:
            for t in tokens:
                country = state_at.get(t.i) or gaz.demonym_country.get(t.text.casefold())
                if country:
                    return country
    return None


def _state_titles(doc, gaz: Gazetteer, found: dict[str, ArticleActor], taken: list[bool], published, add) -> None:
    """A head-of-state title with its state and no name ("the Emir of Qatar", "Qatar's emir", "the
    Qatari emir", "Russia's foreign minister") names the holder: the one dictionary person whose role
    of that state and title is held on the article's date; without a date or a known holder, the
    state itself (the title acts for it, as "Burmese troops" do)."""
    state_at = _state_tokens(doc, found)
    state_ids = _state_ids(id(gaz))
    for tok in doc:
        if taken[tok.i] or tok.pos_ not in ("NOUN", "PROPN") or tok.dep_ in ("compound", "amod"):
            continue
        title = tok.lower_
        prev = doc[tok.i - 1] if tok.i else None
        if prev is not None and f"{prev.lower_} {title}" in STATE_TITLES:
            title, first = f"{prev.lower_} {title}", tok.i - 1
        elif title in STATE_TITLES:
            first = tok.i
        else:
            continue
        if any(c.ent_type_ == "PERSON" or (c.dep_ in ("appos", "compound") and c.i > tok.i) for c in tok.children):
            continue  # "President Yoon", "the emir, Sheikh Tamim": the person's own name says who
        country, start, end = None, first, tok.i + 1
        for c in tok.children:
            if c.dep_ == "poss" and c.i in state_at:  # "Qatar's emir"
                country, start = state_at[c.i], min(x.i for x in c.subtree)
            elif c.dep_ in ("amod", "compound", "nmod") and c.i < first:  # "the Qatari emir"
                country = _demonym_at(doc, c, gaz) or state_at.get(c.i)
                start = min(start, c.i)
            elif c.dep_ == "prep" and c.lower_ == "of":  # "the Emir of Qatar"
                objs = [o for o in c.children if o.dep_ == "pobj" and o.i in state_at]
                if objs:
                    country, end = state_at[objs[0].i], objs[0].i + 1
            if country:
                break
        if not country or country not in state_ids or any(taken[t] for t in range(first, tok.i + 1)):
            continue
        words = set(title.split()) | ({"minister"} if title.endswith("minister") else set())
        holders = [
            aid
            for aid in _people_of(id(gaz)).get(country, ())
            if any(
                r.country == country and r.held_on(published) and words <= set(r.title.lower().split())
                for r in gaz.entries[aid].actor.roles
            )
        ] if published else []  # fmt: skip
        while start > 0 and doc[start - 1].lower_ == "the":
            start -= 1
        if len(holders) == 1:
            add(holders[0], gaz.entries[holders[0]].actor, start, end, "description", True)
        else:
            sid = state_ids[country]
            add(sid, gaz.entries[sid].actor, start, end, "description", False)


@cache
def _sectors() -> dict[str, str]:
    """Group nouns → the sector that keys a group actor's id (``groups.yaml``, ``sectors``)."""
    return {str(k).casefold(): str(v) for k, v in (groups_data().get("sectors") or {}).items()}


def _demonym_at(doc, tok, gaz: Gazetteer) -> str | None:
    """The country of a capitalised nationality word ("Rwandan", "North Korean"), if any."""
    if not tok.text[:1].isupper():
        return None
    keys = [tok.text.casefold()]
    if tok.i > 0:
        keys.insert(0, f"{doc[tok.i - 1].text} {tok.text}".casefold())
    return next((gaz.demonym_country[k] for k in keys if k in gaz.demonym_country), None)


def _led_by(doc, tok, gaz: Gazetteer) -> str | None:
    """The country of a "<nationality>-led" modifier ("Vietnamese-led forces", "Saudi-backed troops")."""
    if tok.lower_ not in ("led", "backed", "supported", "dominated", "trained", "armed"):
        return None
    return next(
        (c for c in (_demonym_at(doc, x, gaz) for x in tok.children if x.i < tok.i) if c),
        None,
    )


@cache
def _peoples() -> dict[str, str]:
    """Nationalities of no state of their own that news codes by the state they live in
    ("Chechen fighters" → Russia): ``groups.yaml``, ``peoples``."""
    return {str(k).casefold(): str(v) for k, v in (groups_data().get("peoples") or {}).items()}


@cache
def _faiths() -> dict[str, str]:
    """Religious, sectarian and stateless-people adjectives that key a group of no state
    (``groups.yaml``, ``qualifiers``)."""
    return {str(k).casefold(): str(v) for k, v in (groups_data().get("qualifiers") or {}).items()}


MEMBERSHIP_WORDS = {"loyal", "link", "linked", "ally", "allied", "affiliate", "affiliated", "close", "base", "back",
                    "support", "belong", "associate", "tie", "arm", "fund", "sponsor", "train", "lead"}  # fmt: skip


# Sectors whose bare plural is a party to world affairs on its own ("Gunmen attacked", "Protesters
# marched", "Kurds rallied"); trades ("Farmers welcomed the plan") only in an article that names a
# state or a body.
UNNAMED_ATTACKERS = {"bomber", "bombers"}  # a suicide bomber: no country from the place struck
BARE_SECTORS = {"rebels", "militants", "protesters", "prisoners", "activists", "refugees", "opposition", "people",
                "exiles", "tribesmen", "sikhs", "hindus", "buddhists", "shiites", "sunnis", "alawites", "druze",
                "copts", "yazidis"}  # fmt: skip
# groups that live away from their state: their nationality's, never the place's ("Tibetan exiles in India")
AWAY_SECTORS = {"settlers", "exiles"}


def _names_membership(c) -> bool:
    """Does this dependent of a group noun say whose the group is: "(activists) from the Fatah
    party", "at Cumhuriyet University", "loyal to …", "backed by …", an apposition ("the main rebel group, the
    FDD")? Not a clause about it ("companies accused of supplying missiles to Russia")."""
    return (
        (c.dep_ == "prep" and c.lower_ in ("from", "of", "at", "in", "within"))
        or (c.dep_ in ("amod", "acl") and c.lemma_.lower() in MEMBERSHIP_WORDS)
        or c.dep_ == "appos"
    )


def _bare_group_subject(tok) -> bool:
    """Is a group noun with no nationality the subject (or agent) of its clause: "Gunmen attacked",
    "Thousands of protesters marched", "was attacked by militants"?"""
    t = tok
    if t.dep_ == "pobj" and t.head.lower_ == "of" and t.head.head.dep_ in ("nsubj", "nsubjpass"):
        t = t.head.head  # "thousands of protesters"
    while t.dep_ == "conj":
        t = t.head
    if t.dep_ == "pobj" and t.head.lower_ == "by" and t.head.dep_ == "agent":
        return True
    return t.dep_ in ("nsubj", "nsubjpass") and t.head.pos_ in ("VERB", "AUX")


# State organs that news names without their state ("Police arrested …", "the government said",
# "Troops opened fire"): their state is the one the sentence, else the article, names.
GENERIC_ORGANS = {"police", "policemen", "troops", "soldiers", "forces", "army", "military", "navy", "government",
                  "goverment", "govt",
                  "authorities", "officials", "regime", "junta", "lawmakers", "legislators", "parliament",
                  "cabinet", "administration", "prosecutors", "judiciary", "mps", "parliamentarians"}  # fmt: skip
# unnamed groups whose state is that of the sentence or article as well: "the opposition", "the ruling party"
CONTEXT_SECTORS = {"opposition", "ruling-party"}
# unnamed groups of the people of the state where they act ("rebels", "protesters", "students")
SENTENCE_SECTORS = {"rebels", "militants", "protesters", "activists", "students", "workers", "farmers", "clergy",
                    "politicians", "media", "doctors", "tribesmen"}  # fmt: skip
# modifiers that keep a generic organ the article's state's own ("riot police", "the federal government")
OWN_MODIFIERS = {"security", "armed", "government", "national", "federal", "central", "state", "riot", "military",
                 "local", "regional", "provincial", "interim", "transitional", "new", "ruling", "civilian",
                 "traffic", "border", "secret", "special", "elite", "paramilitary", "top", "senior", "many",
                 "several", "some", "other", "two", "three", "ground", "naval", "police", "army", "public"}  # fmt: skip


# organs that are a leader's: "the government of President Prosper Avril", "the Assad regime"
LEADER_ORGANS = {"government", "regime", "administration", "cabinet", "junta", "forces", "troops", "army", "soldiers",
                 "police", "guards"}  # fmt: skip


def _leader_country(gaz: Gazetteer, tok) -> str | None:
    """The one state of every dictionary person of this surname ("Assad": Hafez and Bashar, SYR)."""
    if tok.pos_ != "PROPN" or not tok.text[:1].isupper():
        return None
    ids = gaz.by_surname.get(tok.text.casefold(), [])
    countries = {r.country for a in ids for r in gaz.entries[a].actor.roles if r.country}
    return countries.pop() if len(countries) == 1 else None


def _generic_organ(tok) -> bool:
    """Is this a state organ named bare ("police", "the government", "security forces", "the ruling
    party"), with no word that makes it some other's ("foreign troops", "UN troops", "his government",
    "opposition lawmakers", "rebel forces")?"""
    low = tok.lower_
    if low == "party":
        if not any(c.lower_ in ("ruling", "governing") for c in tok.children):
            return False
    elif low not in GENERIC_ORGANS and low != "opposition":
        return False
    if tok.dep_ in ("compound", "amod", "nmod", "poss") or tok.ent_type_ in ("ORG", "GPE", "NORP", "PERSON"):
        return False
    for c in tok.children:
        if (
            c.i < tok.i
            and c.dep_ in ("amod", "compound", "nmod", "poss", "nummod")
            and c.lower_ not in OWN_MODIFIERS | {"ruling", "governing"}
            and not c.like_num
        ):
            return False
        if c.i < tok.i and c.dep_ == "det" and c.lower_ not in ("the", "a", "an", "some", "all"):
            return False  # "its army", "their government", "this government"
    return True


def _context_country(doc, tok, gaz: Gazetteer, state_at: dict[int, str], places: set[int]) -> str | None:
    """The one state a generic organ's sentence names, less those on the other side of its verb;
    none when the sentence names several, or names one only as that other side; when the sentence
    names none, the one state the article names (none when it names several, or none)."""

    def countries(tokens) -> dict[int, str]:
        out = {}
        for t in tokens:
            c = state_at.get(t.i) or _demonym_at(doc, t, gaz)
            if c:
                out[t.i] = c
        return out

    def other_side(t) -> bool:  # the other party of the organ's verb, not where it acts ("in Mali")
        if not _co_arguments(t, tok):
            return False
        cur = t
        while cur.head.i != cur.i and cur.pos_ not in ("VERB", "AUX"):
            if cur.dep_ == "pobj" and cur.head.lower_ in CLAUSE_PLACE_PREPS | {"inside", "near", "through", "around"}:
                return False
            cur = cur.head
        return True

    sent = tok.sent
    here = countries(sent)
    everywhere = Counter(countries(doc).values())
    if here:
        mine = {c for i, c in here.items() if not other_side(doc[i])}
        others = {c for i, c in here.items() if other_side(doc[i])}
        if all(i in places for i in here) and len(everywhere) > 1:
            return None  # only a city of the sentence, in an article of several states ("Vienna township")
        return mine.pop() if len(mine) == 1 and not others else None
    # an article about one state: named as a state (not only as a city: "Vienna" in a US story), in
    # its first sentence or more than once (not "a climber from Australia" in a local story)
    if len(everywhere) != 1:
        # "the junta", "the government" in an article of several states whose lede names one: that
        # one's ("Troops seized power in Thailand …; the junta said"), only for a state's ruling organ
        if tok.lower_ in LEDE_ORGANS and any(c.lower_ == "the" and c.dep_ == "det" for c in tok.children):
            return _lede_country(doc, gaz, state_at, places)
        return None
    named = sorted(i for i in countries(doc) if i not in places)
    times = sum(1 for k, i in enumerate(named) if k == 0 or named[k - 1] != i - 1)
    lede = next(iter(doc.sents)).end
    return next(iter(everywhere)) if named and (times >= 2 or named[0] < lede) else None


# ruling organs that, bare ("the junta said"), are those of the one state the article's lede names
LEDE_ORGANS = {"junta", "government", "regime", "cabinet", "administration"}


def _lede_country(doc, gaz: Gazetteer, state_at: dict[int, str], places: set[int]) -> str | None:
    """The one state the article's first sentence names (as a state or by its nationality, not only by a
    city), or None."""
    lede = next(iter(doc.sents))
    named = {state_at.get(t.i) or _demonym_at(doc, t, gaz) for t in lede if t.i not in places}
    named.discard(None)
    return named.pop() if len(named) == 1 else None


BARE_TITLES = {"president": {"president"}, "minister": {"prime", "minister"}}


def _bare_titles(doc, gaz: Gazetteer, found: dict[str, ArticleActor], published: str | None, add) -> None:
    """A bare "the president" or "the prime minister" in a sentence that names no state, in an article
    whose lede names one state and that names no person of that title: the dictionary person who holds
    that office of that state on the article's date, else a description of the state."""
    state_at = _state_tokens(doc, found)
    places = {
        t.i
        for rec in found.values()
        for m in rec.mentions
        if m.kind == "place"
        for t in (doc.char_span(m.span.start, m.span.end, alignment_mode="expand") or ())
    }
    covered = {
        t.i
        for rec in found.values()
        for m in rec.mentions
        for t in (doc.char_span(m.span.start, m.span.end, alignment_mode="expand") or ())
    }
    country = None
    state_ids = _state_ids(id(gaz))
    for tok in doc:
        words = BARE_TITLES.get(tok.lower_)
        if words is None or tok.i in covered or tok.pos_ != "NOUN" or tok.dep_ in ("compound", "amod", "poss"):
            continue
        first = tok.i - 1 if tok.lower_ == "minister" else tok.i
        if tok.lower_ == "minister" and (first < 0 or doc[first].lower_ != "prime"):
            continue
        lefts = [c for c in tok.children if c.i < first]
        if [c.lower_ for c in lefts] != ["the"] or first == 0 or doc[first - 1].lower_ != "the":
            continue  # "the former president", "its president", "a president": not the state's
        if any(c.dep_ in ("prep", "appos") or c.ent_type_ == "PERSON" for c in tok.children if c.i > tok.i):
            continue  # "the president of the company", "the president, Hosni Mubarak"
        if tok.i + 1 < len(doc) and doc[tok.i + 1].pos_ == "PROPN":
            continue  # "the president Hosni Mubarak"
        if any(state_at.get(t.i) or _demonym_at(doc, t, gaz) for t in tok.sent):
            continue  # the sentence names a state: the title may be that one's
        if country is None:
            country = _lede_country(doc, gaz, state_at, places) or ""
            titled = any(
                rec.actor.type is ActorType.PERSON
                and any(
                    words <= set(re.findall(r"[a-z]+", r.title.lower()))
                    for r in [*rec.text_roles, *(x for x in rec.actor.roles if x.held_on(published))]
                )
                for rec in found.values()
            )  # a person of the title is named: the description is theirs (reference rules)
            if titled:
                country = ""
        if country not in state_ids:
            continue
        if not any(
            words <= set(re.findall(r"[a-z]+", r.title.lower()))
            for aid in _people_of(id(gaz)).get(country, ())
            for r in gaz.entries[aid].actor.roles
            if r.country == country
        ):
            continue  # "the president" in a story of a kingdom with no president: someone else's
        holders = [
            aid
            for aid in _people_of(id(gaz)).get(country, ())
            if any(
                r.country == country and r.held_on(published[:10]) and words <= set(re.findall(r"[a-z]+", r.title.lower()))
                for r in gaz.entries[aid].actor.roles
            )
        ] if published else []  # fmt: skip
        if len(holders) == 1:
            add(holders[0], gaz.entries[holders[0]].actor, first - 1, tok.i + 1, "description", True)
        else:
            sid = state_ids[country]
            add(sid, gaz.entries[sid].actor, first - 1, tok.i + 1, "description", False)


def _group_actors(doc, gaz: Gazetteer, found: dict[str, ArticleActor], taken: list[bool], add) -> None:
    """Group actors (type ORG, id ``group:<iso3>-<sector>``) for a sector noun with a nationality
    or a state ("Palestinian militants", "Ivory Coast rebels", "rebels in the Ivory Coast"), and
    for a plural nationality used as a noun ("Palestinians", "Israelis").  Like nationalities,
    they are kept as actors only when they take part in an event or speak."""
    sectors = _sectors()
    state_at = _state_tokens(doc, found)
    place_at = {  # tokens of the places named ("in Vienna"), weaker signs of the state than its name
        t.i
        for rec in found.values()
        for m in rec.mentions
        if m.kind == "place"
        for t in (doc.char_span(m.span.start, m.span.end, alignment_mode="expand") or ())
    }
    person_at = _person_tokens(doc, found)
    org_at = {  # tokens of the names of bodies and groups
        t.i
        for rec in found.values()
        if rec.actor.type in (ActorType.ORG, ActorType.IGO)
        for m in rec.mentions
        if m.kind in ("name", "acronym", "generic")
        for t in (doc.char_span(m.span.start, m.span.end, alignment_mode="expand") or ())
    }
    body_at: dict[int, str] = {}  # tokens of named bodies of no country: "U.N.", "NATO", "Red Cross"
    for rec in found.values():
        if rec.actor.type in (ActorType.IGO, ActorType.ORG) and not rec.actor.country:
            for m in rec.mentions:
                span = doc.char_span(m.span.start, m.span.end, alignment_mode="expand")
                if m.kind in ("name", "acronym") and span is not None:
                    body_at.update(dict.fromkeys(range(span.start, span.end), rec.actor.id))
    actor_at: dict[int, str] = {}  # tokens of any actor of a country: "from the Fatah party"
    for rec in found.values():
        for m in rec.mentions if rec.actor.country else ():
            span = doc.char_span(m.span.start, m.span.end, alignment_mode="expand")
            if span is not None and m.kind != "pronoun":
                actor_at.update(dict.fromkeys(range(span.start, span.end), rec.actor.country))
    # an article about world affairs (one naming a state or a body): there a bare trade ("Students
    # protested", "Workers went on strike") is a party too, not only armed groups and crowds
    world = any(rec.actor.type is not ActorType.PERSON for rec in found.values())
    state_ids = _state_ids(id(gaz))
    used: set[int] = set()  # tokens of the groups and state bodies found here
    for tok in doc:
        if taken[tok.i] or tok.pos_ not in ("NOUN", "PROPN"):
            continue
        sector = sectors.get(tok.lower_)
        if tok.lower_ == "party" and any(c.lower_ in ("ruling", "governing") for c in tok.children):
            sector = "ruling-party"  # "the ruling party": of the state the sentence or article names
        if tok.lower_ in ("bomber", "bombers") and any(c.lower_ == "suicide" for c in tok.children):
            sector = "militants"  # "a suicide bomber" (not "Chinese bombers": aircraft of the state)
        # "Israeli soldiers", "the Azerbaijani parliament", "an Argentine judge": the state acts
        # (not a title before a name: "South Korean President Yoon" is the person)
        organ = (
            sector is None
            and (tok.lower_ in GROUP_NOUNS or tok.lower_ in ORGAN_NOUNS)
            and tok.dep_ != "compound"
        )
        country, start, from_context = None, tok.i, False
        # "ethnic Turks", "ethnic Albanian fighters": a people, not the state of that name
        ethnic = any(c.lower_ == "ethnic" and c.i < tok.i for c in tok.children)
        if sector or organ:
            for c in tok.children if not ethnic else ():
                if c.dep_ in ("amod", "compound", "nmod", "poss") and c.i < tok.i:
                    if any(x.dep_ == "conj" for x in c.children):
                        break  # "French and Egyptian warships": two states, each named by its own word
                    country = _demonym_at(doc, c, gaz) or state_at.get(c.i) or _led_by(doc, c, gaz)
                    if country is None and c.text[:1].isupper() and (country := _peoples().get(c.lower_)):
                        # "Chechen fighters": rebels, not Russia's own; "Tibetan officials": the people's
                        armed = tok.lower_ in ("fighters", "forces", "force", "militia", "troops", "army", "soldiers")
                        organ, sector = False, sector or ("rebels" if armed else "people")
                    if country is None and organ and tok.lower_ in LEADER_ORGANS:
                        # "the Obama administration", "Putin's government", "the Assad regime": the
                        # leader's state (the leader's name stays the leader's)
                        country = person_at.get(c.i) or _leader_country(gaz, c)
                        if country:
                            from_context = True  # a description of the state, not a name of it
                            break
                    if country:
                        start = min(x.i for x in c.subtree if x.dep_ != "det")
                        break
            if country is None and sector == "settlers":  # "Jewish settlers": Israel's, wherever they live
                settlers_of = groups_data().get("settlers_of") or {}
                country = next((str(settlers_of[c.lower_]) for c in tok.children if c.lower_ in settlers_of), None)
            based = [p for a in tok.children if a.dep_ == "acl" and a.lemma_ == "base" for p in a.children]
            for p in [*tok.children, *based] if country is None else ():  # "a group based in Trinidad"
                if p.lower_ == "in" and sector in AWAY_SECTORS:
                    continue  # "settlers in the West Bank", "exiles in India" live there; it is not their state
                if p.dep_ == "prep" and p.lower_ in ("in", "from", "of"):
                    country = next(
                        (state_at[o.i] for o in p.children if o.dep_ == "pobj" and o.i in state_at), None
                    )
                    if country is None and organ and p.lower_ == "of" and tok.lower_ in LEADER_ORGANS:
                        # "the government of President Prosper Avril": the leader's state
                        country = next(
                            (person_at[o.i] for o in p.children if o.dep_ == "pobj" and o.i in person_at), None
                        )
                    if country:
                        break
            if country is None and organ and tok.lower_ in LEADER_ORGANS:  # "forces loyal to Gaddafi"
                for c in tok.children:
                    if c.lemma_.lower() == "loyal":
                        country = next((person_at[o.i] for p in c.children if p.lower_ == "to"
                                        for o in p.children if o.i in person_at), None)  # fmt: skip
                        from_context = country is not None
            if sector == "people" and not ethnic and country is None:  # "Serbs blocked the road"
                country = gaz.demonym_country.get(tok.lower_[:-1]) or _peoples().get(tok.lower_)
            if country is None and sector and tok.lower_ not in UNNAMED_ATTACKERS and sector not in AWAY_SECTORS:
                country = _clause_place_country(tok, state_at)  # (not "a suicide bomber": of no country)
            if (
                country is None
                and sector in SENTENCE_SECTORS
                and not ethnic
                and tok.dep_ not in ("compound", "amod")
                and not any(c.i < tok.i and c.dep_ in ("compound", "nmod", "poss") for c in tok.children)
            ):
                # "Rebels attacked a convoy in Chad", "Students marched in Dhaka": the one state of
                # the sentence (not the other side of their verb: "Rebels attacked Ugandan troops")
                country = _context_country(doc, tok, gaz, state_at, place_at)
                from_context = country is not None
            if country is None and (organ or sector in CONTEXT_SECTORS) and _generic_organ(tok):
                # "Police arrested …", "the government said", "the junta": of the one state the sentence
                # names (not the other side of its verb: "Police arrested two Iranians"), else, when the
                # sentence names none, of the one state the article names
                country = _context_country(doc, tok, gaz, state_at, place_at)
                from_context = country is not None
        elif (
            tok.tag_ in ("NNPS", "NNS")
            and tok.text[:1].isupper()
            and tok.lower_.endswith("s")
            and tok.dep_ not in ("compound", "amod")
        ):
            country, sector = gaz.demonym_country.get(tok.lower_[:-1]), "people"
            if ethnic:
                country = _clause_place_country(tok, state_at)
        elif (
            tok.text[:1].isupper()
            and tok.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos")
            and tok.lower_ in gaz.demonym_country
            and not ethnic
            and not any(c.dep_ in ("compound", "amod", "poss") for c in tok.children)
        ):  # "shot dead a Palestinian", "A Briton was kidnapped": one of the people of that state
            country, sector = gaz.demonym_country[tok.lower_], "people"
        if (
            not country
            and (sector or organ)
            and (body := next((body_at[c.i] for c in tok.children
                               if c.dep_ in ("compound", "nmod") and c.i < tok.i and c.i in body_at), None))
        ):  # "U.N. helicopters evacuated the wounded", "NATO jets struck": the body acts  # fmt: skip
            start = min(i for i, a in body_at.items() if a == body and i < tok.i and i >= tok.left_edge.i)
            if not any(taken[t] and t not in body_at for t in range(start, tok.i)):
                add(body, found[body].actor, start, tok.i + 1, "description", False)
                used.update(range(start, tok.i + 1))
            continue
        if not country and tok.lower_ in sectors and not ethnic and sector not in AWAY_SECTORS:
            # "activists from the Fatah party", "students at Cumhuriyet University", "militants
            # loyal to Iraq's al-Qaeda frontman": the one country of the actors the phrase names
            inner = {actor_at[t.i] for c in tok.children if _names_membership(c) for t in c.subtree if t.i in actor_at}
            country = inner.pop() if len(inner) == 1 else None
            start = min((c.i for c in tok.children if c.dep_ == "amod" and c.i < tok.i), default=tok.i)
        if (
            not country
            and (sectors.get(tok.lower_) in BARE_SECTORS or (tok.lower_ in sectors and world) or (tok.lower_ in UNNAMED_ATTACKERS and sector))
            and _bare_group_subject(tok)
            and not any(taken[c.i] for c in tok.children if c.dep_ in ("compound", "nmod", "poss") and c.i < tok.i)
        ):  # (not "Hamas gunmen": the named group acts)
            # "Gunmen attacked a bus", "Kurds protested": a group of no known country
            start = min((c.i for c in tok.children if c.dep_ == "amod" and c.i < tok.i), default=tok.i)
            if not any(taken[t] for t in range(start, tok.i + 1)):
                aid = f"group:{tok.lower_ if sector == 'people' else sector}"  # Kurds and Turks are two
                faith = next((_faiths()[c.lower_] for c in tok.children
                              if c.dep_ in ("amod", "compound") and c.i < tok.i and c.lower_ in _faiths()), None)  # fmt: skip
                if faith and sector != "people" and faith not in aid:
                    aid = f"group:{faith}-{sector}"  # "Shiite militias" and "Sunni militias" are two
                actor = found[aid].actor if aid in found else Actor(aid, doc[start : tok.i + 1].text, ActorType.ORG)  # fmt: skip
                add(aid, actor, start, tok.i + 1, "description", False)
                used.update(range(start, tok.i + 1))
            continue
        if not country or any(taken[t] and t not in state_at for t in range(start, tok.i)):
            continue
        if any(c.i in org_at and c.i < tok.i for c in tok.children if c.dep_ in ("compound", "nmod", "poss")):
            continue  # "a Hezbollah commander in Beirut": the named body's, not the state of the place
        if organ:
            if country in state_ids:
                sid = state_ids[country]
                # a bare organ ("the government") is a description of the state, not a name of it
                add(sid, gaz.entries[sid].actor, start, tok.i + 1, "description" if from_context else "demonym", False)
                used.update(range(start, tok.i + 1))
            continue
        aid = f"group:{country.lower()}-{sector}"
        actor = (
            found[aid].actor
            if aid in found
            else Actor(aid, doc[start : tok.i + 1].text, ActorType.ORG, country)
        )
        add(aid, actor, start, tok.i + 1, "description", False)
        used.update(range(start, tok.i + 1))
    # any other nationality before a noun ("an Australian ultimatum", "Palestinian detainees"):
    # the state, for an event that needs it as its target
    for tok in doc:
        if (
            not taken[tok.i]
            and tok.i not in used
            and tok.dep_ in ("amod", "compound")
            and tok.head.pos_ == "NOUN"
            and (country := _demonym_at(doc, tok, gaz)) in state_ids
        ):
            sid = state_ids[country]
            add(sid, gaz.entries[sid].actor, tok.i, tok.i + 1, "demonym", False)


def extract_actors(doc, article_id: str, published: str | None, *, gazetteer: Gazetteer | None = None,
                   exclude_names: tuple[str, ...] = ()) -> list[ArticleActor]:  # fmt: skip
    """The actors one parsed article names as actors (not only as places), with their mentions."""
    found = find_actors(doc, article_id, published, gazetteer=gazetteer, exclude_names=exclude_names)
    return [r for r in found if r.acts]


@cache
def _people_of(gaz_id: int) -> dict[str, list[str]]:
    """Country -> the dictionary people holding (or having held) an office of that state."""
    out: dict[str, list[str]] = defaultdict(list)
    for aid, e in _GAZ[gaz_id].entries.items():
        if e.actor.type is ActorType.PERSON:
            for c in dict.fromkeys(r.country for r in e.actor.roles if r.country):
                out[c].append(aid)
    return out


@cache
def _state_ids(gaz_id: int) -> dict[str, str]:
    gaz = _GAZ[gaz_id]
    return {e.actor.country: aid for aid, e in gaz.entries.items() if e.actor.type is ActorType.STATE}


@cache
def _descriptions() -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    from importlib import resources

    import yaml

    text = resources.files("tidings.data").joinpath("descriptions.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    return data["heads"], data["fields"]


PRONOUN_GENDER = {
    "he": "m",
    "him": "m",
    "his": "m",
    "himself": "m",
    "she": "f",
    "her": "f",
    "hers": "f",
    "herself": "f",
}
REFERENCE_WINDOW_SENTS = 3  # a pronoun or description refers back at most this many sentences
CATAPHORA_SENTS = 2  # a description may name a person who is introduced this many sentences later


def _link_references(doc, gaz: Gazetteer, found: dict[str, ArticleActor], published: str | None) -> None:
    """Pronouns ("he said") and descriptions ("the top diplomat") → the person they refer to.

    A pronoun goes to the nearest earlier person of a compatible gender, preferring the
    subject of its own or the previous sentence; a description goes to the nearest earlier
    person whose role fits its head noun (and field word: "security", "foreign").  Nothing is
    linked when no candidate fits.  These mentions are not surface forms.
    """
    people: list[tuple[int, str | None, bool]] = []  # (token index, actor id or None if unnamed, is subject)
    for rec in found.values():
        if rec.actor.type is not ActorType.PERSON:
            continue
        for m in rec.mentions:
            span = doc.char_span(m.span.start, m.span.end, alignment_mode="expand")
            if span is not None:
                people.append((span.start, rec.actor.id, span.root.dep_ in ("nsubj", "nsubjpass")))
    if not people:
        return
    people.sort()
    sents = {t.i: k for k, sent in enumerate(doc.sents) for t in sent}
    heads, fields = _descriptions()

    def roles_of(aid: str) -> str:
        rec = found[aid]
        titles = [r.title for r in rec.actor.roles if r.held_on(published)] if published else []
        titles += [r.title for r in rec.text_roles]
        return " ".join(titles).casefold()

    def gender_of(aid: str) -> str | None:
        entry = gaz.entries.get(aid)
        return entry.gender if entry else None

    def earlier(i: int) -> list[tuple[int, str | None, bool]]:
        k = sents[i]
        return [p for p in people if p[0] < i and k - sents[p[0]] <= REFERENCE_WINDOW_SENTS]

    def chain(aid: str, tok) -> None:
        """A linked reference is itself an antecedent for the next one."""
        people.append((tok.i, aid, tok.dep_ in ("nsubj", "nsubjpass")))
        people.sort(key=lambda p: p[0])

    added: list[tuple[str, int, int, str]] = []
    salience: Counter[str] = Counter()
    cursor = 0
    for tok in doc:
        while cursor < len(people) and people[cursor][0] < tok.i:
            if people[cursor][1]:
                salience[people[cursor][1]] += 1
            cursor += 1
        g = PRONOUN_GENDER.get(tok.lower_) if not (tok.is_upper and len(tok) > 1) else None  # "HE Dr …"
        if g is not None:
            cands = [p for p in earlier(tok.i) if p[1] is None or gender_of(p[1]) in (g, None)]
            if not cands:
                continue
            k = sents[tok.i]
            subjects = [p for p in cands if p[2] and k - sents[p[0]] <= 1]
            aid = (subjects or cands)[-1][1]
            opens_paragraph = doc.text[: tok.idx].rstrip(" \t").endswith("\n") or tok.idx == 0
            if opens_paragraph and aid is not None:
                named = [p[1] for p in cands if p[1]]
                aid = max(named, key=lambda a: (salience[a], named[::-1].index(a) * -1))
            if aid is not None:
                added.append((aid, tok.i, tok.i + 1, "pronoun"))
                chain(aid, tok)
            continue
        head = tok.lemma_.lower() if tok.pos_ == "NOUN" and tok.tag_ != "NNS" else None
        if head not in heads or any(c.pos_ == "PROPN" and c.dep_ != "poss" for c in tok.children):
            continue
        first = min([tok, *tok.lefts], key=lambda t: t.i)
        wanted = heads[head]
        narrow = [w for t in tok.lefts for w in fields.get(t.lower_, [])]
        if (first.lower_ not in ("the",) and first.dep_ != "poss") or ("*" in wanted and not narrow):
            # "a senior official", "the senior official": an unnamed person, who may be "he" next
            people.append((tok.i, None, tok.dep_ in ("nsubj", "nsubjpass")))
            people.sort(key=lambda p: p[0])
            cursor = sum(1 for p in people if p[0] < tok.i + 1)
            continue

        # "the Ukrainian president", "Russia's foreign minister": only a person of that state
        of_state = next(
            (
                c
                for t in tok.lefts
                if (c := gaz.demonym_country.get(t.lower_) or gaz.demonym_country.get(t.text.casefold()))
            ),
            None,
        )

        def fits(aid: str | None, wanted=wanted, narrow=narrow, of_state=of_state) -> bool:
            roles = roles_of(aid) if aid else ""
            return (
                bool(roles)
                and ("*" in wanted or any(w in roles for w in wanted))
                and (not narrow or any(w in roles for w in narrow))
                and (of_state is None or found[aid].actor.country in (of_state, None))
            )

        back = next((p for p in reversed(earlier(tok.i)) if fits(p[1])), None)
        if (
            back is None
        ):  # a lede that names the person only after describing them ("Seoul's top diplomat said …")
            k = sents[tok.i]
            ahead = [p for p in people if p[0] > tok.i and p[1] and sents[p[0]] - k <= CATAPHORA_SENTS]
            back = next((p for p in ahead if fits(p[1])), None)
        if back is not None:
            added.append((back[1], first.i, tok.i + 1, "description"))
            chain(back[1], tok)
    for aid, s, e, kind in added:
        span = doc[s:e]
        if any(m.span.start < span.end_char and span.start_char < m.span.end for m in found[aid].mentions):
            continue  # already a mention of this actor ("Japan's prime minister": a title with its state)
        found[aid].mentions.append(
            Mention(
                Span(found[aid].mentions[0].span.article_id, span.start_char, span.end_char),
                span.text,
                aid,
                kind,
            )
        )


def _in_the_news(actor: Actor, published: str | None) -> bool:
    """Does a bare surname still mean this dictionary person on the article's date: in office then,
    or out of office for less than a year ("Powell said" in 2025 is not Colin Powell; "Johnson" in
    2025 not Boris Johnson)?  Without a date, yes."""
    if not published:
        return True
    import datetime as dt

    try:
        year_before = (dt.date.fromisoformat(published[:10]) - dt.timedelta(days=365)).isoformat()
    except ValueError:
        return True
    return any(
        (r.start is None or r.start <= published[:10]) and (r.end is None or r.end >= year_before)
        for r in actor.roles
    )


HONORIFICS = {"mr": "m", "mr.": "m", "mrs": "f", "mrs.": "f", "ms": "f", "ms.": "f", "miss": "f"}


def _title_words(title: str) -> set[str]:
    return {w for w in re.findall(r"[a-z-]+", title.lower()) if w in TITLE_WORDS}


def _undated_fits(doc, tok, ids: list[str], gaz, title: str) -> list[str]:
    """Dictionary people of this surname that a title ("President Bush": every role title of theirs
    that holds all its title words, at any time) or an honorific ("Mr. Clinton": the gender) fits."""
    words = _title_words(title)
    if words:
        return [
            a for a in ids
            if any(words <= set(re.findall(r"[a-z-]+", r.title.lower())) for r in gaz.entries[a].actor.roles)
        ]  # fmt: skip
    gender = HONORIFICS.get(doc[tok.i - 1].lower_) if tok.i > 0 else None
    return [a for a in ids if gender and gaz.entries[a].gender == gender]


def _title_country(actor: Actor, title: str) -> str | None:
    """The country of the roles a title names ("President" → the states they were president of)."""
    words = _title_words(title)
    countries = {
        r.country for r in actor.roles if words and words <= set(re.findall(r"[a-z-]+", r.title.lower()))
    }
    return countries.pop() if len(countries) == 1 else None


def _link_surnames(doc, gaz, found, person_spans, taken, published, add) -> None:
    by_surname: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for s, e, aid in person_spans:
        entry = gaz.entries.get(aid)
        name = doc[s:e].text
        toks = name.split()
        surnames = (entry.surnames if entry and entry.surnames else None) or [
            toks[0] if family_first(name) else toks[-1]
        ]
        for surname in surnames:
            by_surname[surname.casefold()].append((s, aid))
    for tok in doc:
        if taken[tok.i] or not tok.text[:1].isupper() or tok.pos_ not in ("PROPN", "NOUN", "X"):
            continue
        key = tok.text.casefold()
        cands = by_surname.get(key)
        if cands:
            before = [(s, a) for s, a in cands if s < tok.i]
            ids = {a for _, a in cands}
            if len(ids) == 1:
                aid = cands[0][1]
            elif before:
                aid = max(before)[1]
            else:
                aid = min(cands)[1]
            add(aid, found[aid].actor, tok.i, tok.i + 1, "surname", True)
            continue
        # No full name in the article: a title fitting one dictionary person's role on the day.
        ids = gaz.by_surname.get(key, [])
        if not ids or tok.ent_type_ not in ("PERSON", "ORG", ""):
            continue
        title = _title_before(doc, tok.i) or ""
        fits = [
            a
            for a in ids
            if any(
                r.held_on(published) and title and set(title.lower().split()) & set(r.title.lower().split())
                for r in gaz.entries[a].actor.roles
            )
        ]
        if not fits and not published:  # an undated text: a title or an honorific held at any time
            fits = _undated_fits(doc, tok, ids, gaz, title)
            if len(fits) > 1:  # "President Bush" (two of them): a person of the title's country
                countries = {_title_country(gaz.entries[a].actor, title) for a in fits}
                country = countries.pop() if len(countries) == 1 else None
                if country:
                    aid = "person:~" + _slug(key)
                    actor = found[aid].actor if aid in found else Actor(aid, tok.text, ActorType.PERSON, country)
                    add(aid, actor, tok.i, tok.i + 1, "surname", True)
                continue
        if len(fits) == 1:
            aid = fits[0]
        elif (
            len(ids) == 1
            and not family_first(gaz.entries[ids[0]].actor.name)
            and tok.ent_type_ == "PERSON"
            and _in_the_news(gaz.entries[ids[0]].actor, published)
        ):
            aid = ids[0]  # a distinctive surname (Blinken, Putin) of one dictionary person
        elif _office_holder_tagged_org(tok, ids, gaz, published):
            aid = ids[0]  # "during Biden's visit": the tagger took the surname for an organisation
        elif (
            published
            and len(ids) > 1
            and tok.ent_type_ == "PERSON"
            and len(serving := [a for a in ids if any(r.held_on(published[:10]) for r in gaz.entries[a].actor.roles)]) == 1
            and not family_first(gaz.entries[serving[0]].actor.name)
        ):  # fmt: skip
            aid = serving[0]  # "Castro said" in 1995: Fidel, the one Castro of the dictionary in office then
        else:
            continue
        add(aid, gaz.entries[aid].actor, tok.i, tok.i + 1, "surname", True)
