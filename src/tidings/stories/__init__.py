"""Stories: every report of one happening in one story, each real event counted once.

``update_stories(store)`` clusters the latest articles not yet in a story (incremental,
idempotent: safe after every ingest), links near-duplicates (syndicated copies) to their
original, and gives the events of each story canonical ids shared by all their reports.
"""

from __future__ import annotations

from tidings.stories.cluster import MemoryIndex, Params, cluster_batch
from tidings.stories.features import Doc, doc_features
from tidings.stories.update import StoryReport, update_stories

__all__ = ["Doc", "MemoryIndex", "Params", "StoryReport", "cluster_batch", "doc_features", "update_stories"]
