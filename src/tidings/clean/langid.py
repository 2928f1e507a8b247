"""py3langid's classifier over its own shipped model, vectorised.

py3langid walks the UTF-8 bytes of a text through its tokenizer's state machine
in a Python loop, then multiplies a dense vector of all 7,480 byte n-gram
features (almost all zero for a paragraph) with the 7,480 × 97 model matrix.
Here the same state machine runs as a few array operations (below), and only the
rows of the features that occur are summed.  Same model, same features, same
scores but for the rounding of float sums, so the same language.

The state machine is an Aho-Corasick automaton over n-grams of at most
``DEPTH`` bytes: its state after a byte is the longest suffix of the text read so
far that begins one of the n-grams, so it depends on the last ``DEPTH`` bytes
only.  Running ``DEPTH`` steps from the start state over every window of the
last ``DEPTH`` bytes, all windows at once, gives the state after every byte.
"""

from __future__ import annotations

from functools import cache

import numpy as np

__all__ = ["classify"]


@cache
def _model() -> tuple:
    from py3langid import langid

    if langid.IDENTIFIER is None:
        langid.load_model()
    ident = langid.IDENTIFIER
    nextmove = np.frombuffer(ident.tk_nextmove, dtype=np.dtype(ident.tk_nextmove.typecode))
    n_states = len(nextmove) // 256
    # Features emitted on entering each state, as a CSR array: indices[indptr[s]:indptr[s + 1]].
    sizes = np.zeros(n_states + 1, dtype=np.intp)
    for state, feats in ident.tk_output.items():
        sizes[state + 1] = len(feats)
    indptr = np.cumsum(sizes)
    indices = np.zeros(indptr[-1], dtype=np.intp)
    for state, feats in ident.tk_output.items():
        indices[indptr[state] : indptr[state + 1]] = feats
    depth = _depth(nextmove.reshape(n_states, 256))
    return nextmove, indptr, indices, depth, ident.nb_ptc, ident.nb_pc, ident.nb_classes


def _depth(table: np.ndarray) -> int:
    """The longest path from the start state to any state (breadth first): the n-gram order."""
    seen = np.zeros(len(table), dtype=bool)
    seen[0] = True
    frontier, depth = np.array([0]), 0
    reached = np.zeros(len(table), dtype=bool)
    while True:
        reached[:] = False
        reached[table[frontier].ravel()] = True  # a mask, not np.unique: no sort of the moves
        nxt = np.flatnonzero(reached & ~seen)
        if not len(nxt):
            return depth
        seen[nxt] = True
        frontier, depth = nxt, depth + 1


def classify(text: str) -> str:
    """The most likely language of ``text`` (what ``py3langid.classify(text)[0]`` gives)."""
    nextmove, indptr, indices, depth, ptc, pc, classes = _model()
    data = np.frombuffer(text.encode("utf-8", errors="surrogatepass"), dtype=np.uint8).astype(np.intp)
    n = len(data)
    states = np.zeros(n, dtype=np.intp)
    for back in range(depth - 1, -1, -1):  # feed byte i - back to the window ending at byte i
        if back < n:
            states[back:] = nextmove[(states[back:] << 8) + data[: n - back]]
    starts = indptr[states]
    counts = indptr[states + 1] - starts
    total = int(counts.sum())
    if not total:
        return classes[int(np.argmax(pc))]
    ends = np.cumsum(counts)
    found = indices[np.repeat(starts - (ends - counts), counts) + np.arange(total)]
    tally = np.bincount(found)  # what np.unique(found, return_counts=True) gives, without a sort
    features = np.flatnonzero(tally)
    # einsum's own loop, not BLAS: OpenBLAS runs a product this size on all its threads, which
    # spin and wait for each other when the cores are busy (4x slower on 2 shared cores).
    scores = np.einsum("i,ij->j", tally[features].astype(np.float32), ptc[features]) + pc
    return classes[int(np.argmax(scores))]
