"""The learned field extractor (registered as ``learned``): BIO tags per character → fields.

Long materials are read in overlapping windows; a character's tag probabilities are the mean over the
windows that hold it. Only the keys of the given material type are decoded (the model knows the keys
of every type; a character is tagged with one of this type's keys or left out).

The tags are then read with the page, which the tagger sees only through positions: printed labels and
seal rings are never values (:mod:`.printed_labels`, :mod:`prereview.understanding.arcs`), fields printed
once per person are named in printing order (:mod:`.key_groups`), spans are cut, joined and chosen by
the lines they lie on (:mod:`.decode`), and a value's tail line the tagger left out is taken back
(:mod:`.lines_below`).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from prereview.document import Field, TextLine
from prereview.settings import ModelSettings
from prereview.understanding.arcs import is_arc
from prereview.understanding.deskew import level_lines, page_skew
from prereview.understanding.learned.artifacts import OnnxModel, model_dir, require, softmax
from prereview.understanding.learned.decode import (
    OUTSIDE,
    best_spans,
    bridge_gaps,
    find_spans,
    join_wrapped,
    split_at_jumps,
    to_fields,
)
from prereview.understanding.learned.key_groups import key_groups, merge_groups, name_in_order
from prereview.understanding.learned.lines_below import take_lines_below
from prereview.understanding.learned.printed_labels import fill_piece, free_text_keys, printed_labels
from prereview.understanding.learned.tokens import Token, tokenize
from prereview.understanding.learned.windows import batch, windows

BATCH = 8


def key_probs(probs: np.ndarray) -> np.ndarray:
    """``[O, key…]`` probabilities from ``[O, B-key, I-key, …]``: a character belongs to a key when its
    B and I together outweigh O, so a value whose first character got a weak ``B`` keeps it.

    >>> key_probs(np.array([[0.4, 0.35, 0.25]])).tolist()
    [[0.4, 0.6]]
    """
    return np.concatenate([probs[:, :1], probs[:, 1::2] + probs[:, 2::2]], axis=1)


class LearnedExtractor:
    name = "learned"

    def __init__(self, settings: ModelSettings | None = None, folder: Path | None = None) -> None:
        """The active version from ``settings``, or the artifact in ``folder``."""
        settings = settings or ModelSettings()
        self.model = OnnxModel.load(
            require(folder, "kie") if folder else model_dir("kie", settings), settings.threads
        )
        self.labels: list[str] = self.model.config["labels"]
        self.keys: dict[str, list[str]] = self.model.config["keys_by_type"]
        self.stride = int(self.model.config.get("stride", self.model.max_len - 2))

    def tag_probs(self, tokens: list[Token]) -> np.ndarray:
        """``[tokens, labels]`` probabilities, averaged where windows overlap."""
        total = np.zeros((len(tokens), len(self.labels)), np.float32)
        count = np.zeros((len(tokens), 1), np.float32)
        parts = windows(tokens, self.model.vocab, self.model.max_len, self.stride)
        for at in range(0, len(parts), BATCH):
            chunk = parts[at : at + BATCH]
            probs = softmax(self.model.logits(*batch(chunk)))
            for row, window in enumerate(chunk):
                end = window.start + window.size
                total[window.start : end] += probs[row, 1 : window.size + 1]
                count[window.start : end] += 1
        return total / np.maximum(count, 1)

    def extract(self, material_type: str, pages: list[list[TextLine]]) -> dict[str, Field]:
        tokens = tokenize(pages)
        if not tokens:
            return {}
        probs = key_probs(self.tag_probs(tokens))
        keys = [label[2:] for label in self.labels[1::2]]
        wanted = self.keys.get(material_type)
        if wanted is not None:  # the type is known: a character is one of its keys or nothing
            probs = probs * np.array([1.0, *(key in wanted for key in keys)], np.float32)
        labels = printed_labels(pages, tokens, material_type)
        probs[labels.label, 1:] = 0.0  # the page's own labels are never part of a value
        arcs = {(p, n) for p, lines in enumerate(pages) for n, line in enumerate(lines) if is_arc(line)}
        probs[[(t.page, t.line) in arcs for t in tokens], 1:] = 0.0  # nor a seal's ring read as a line
        groups = key_groups(material_type)
        merged = merge_groups(probs, keys, groups)
        best = bridge_gaps(merged.argmax(axis=1), tokens)
        names = [OUTSIDE, *(f"I-{key}" for key in keys)]
        tags = [names[i] for i in best]
        chosen = merged[np.arange(len(tokens)), best].tolist()
        found = split_at_jumps(find_spans(tags, chosen), tokens, chosen)
        joined = join_wrapped(found, tokens, labels.piece.tolist())
        levelled = [level_lines(lines, page_skew(lines)) for lines in pages]  # a tilted photo read level
        spans = best_spans(name_in_order(joined, groups, probs, keys, tokens, levelled))
        free = free_text_keys(material_type)
        spans = {key: fill_piece(span, labels.piece) if key in free else span for key, span in spans.items()}
        spans = take_lines_below(spans, free, tags, pages, levelled, tokens, labels)
        return to_fields(spans, tokens, set(wanted) if wanted is not None else None)
