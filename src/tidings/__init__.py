"""tidings: a sourced record of who did and said what, to whom, and when, from scraped news."""

from tidings.models import Article, InputError, RawDocument

__version__ = "0.1.0"

__all__ = ["Article", "InputError", "RawDocument", "__version__", "open"]


def open(path: str = "tidings.db"):  # the public entry point is tidings.open()
    """Open (or create) a knowledge base stored in one SQLite file."""
    from tidings.api import KnowledgeBase

    return KnowledgeBase(path)
