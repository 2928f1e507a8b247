"""Storage of the knowledge base: one SQLite file with versioned migrations."""

from tidings.store.migrations import MIGRATIONS, applied_migrations, migrate
from tidings.store.store import (
    AmbiguousId,
    BadQuery,
    DocumentRow,
    LineLearner,
    NotFound,
    SearchHit,
    Stats,
    Store,
    StoreError,
)

__all__ = [
    "MIGRATIONS",
    "AmbiguousId",
    "BadQuery",
    "DocumentRow",
    "LineLearner",
    "NotFound",
    "SearchHit",
    "Stats",
    "Store",
    "StoreError",
    "applied_migrations",
    "migrate",
]
