"""Events: who did what to whom, when and where, coded in PLOVER.

- :func:`extract_events` (``events/extract.py``): clause-level events from the dependency parse,
  with source and target actors, factuality flags, date and place;
- :mod:`tidings.events.timex`: time expressions resolved against the publication date;
- :mod:`tidings.events.lexicon`: the verb/noun lexicon (``tidings/data/plover.yaml``).
"""

from __future__ import annotations

from tidings.events.extract import extract_events
from tidings.events.lexicon import Lexicon, load_lexicon
from tidings.events.timex import Timex, find_timexes

__all__ = ["Lexicon", "Timex", "extract_events", "find_timexes", "load_lexicon"]
