"""Fields printed once per person, told apart by where they are printed, not by the tagger.

A marriage certificate prints 姓名 and 公民身份号码 for each spouse; a power of attorney prints an ID
number for the principal, then the agent. The characters of the two are alike, so a tagger that reads
a photo in an unfamiliar layout may give both names to one spouse, or swap them. The anchors settle it
by reading order (the n-th label of its kind fills the n-th key, :meth:`FieldSpec.key_for`); the
learned decoding does the same with the values:

- the tagger's probabilities for the keys of a group are added up, so a character is first "a spouse's
  name", whichever spouse (:func:`merge_groups`);
- of the spans found for the group, the surest ones, one per key, are named in reading order on the
  levelled page (:func:`name_in_order`). When fewer are found than the group has keys, each keeps the
  key the tagger gave it the most weight.
"""

from __future__ import annotations

import functools
from dataclasses import replace

import numpy as np

from prereview.document import Box, TextLine
from prereview.understanding.labels import LAYOUTS
from prereview.understanding.layout import in_rows
from prereview.understanding.learned.decode import Span, belief
from prereview.understanding.learned.tokens import Token


@functools.cache
def key_groups(material_type: str) -> tuple[tuple[str, ...], ...]:
    """The keys of ``material_type`` filled by one label printed several times, in printing order.

    >>> key_groups("marriage_certificate")[0]
    ('spouse_1_name', 'spouse_2_name')
    >>> key_groups("id_card_front")
    ()
    """
    return tuple(spec.keys for spec in LAYOUTS.get(material_type, ()) if spec.keys)


def merge_groups(probs: np.ndarray, keys: list[str], groups: tuple[tuple[str, ...], ...]) -> np.ndarray:
    """``[O, key…]`` probabilities with each group's sum under its first key and 0 under the others.

    >>> merge_groups(np.array([[0.2, 0.5, 0.3]]), ["a", "b"], (("a", "b"),)).tolist()
    [[0.2, 0.8, 0.0]]
    """
    out = probs.copy()
    for group in groups:
        columns = [1 + keys.index(key) for key in group if key in keys]
        if len(columns) > 1:
            out[:, columns[0]] = probs[:, columns].sum(axis=1)
            out[:, columns[1:]] = 0.0
    return out


def name_in_order(
    spans: list[Span],
    groups: tuple[tuple[str, ...], ...],
    probs: np.ndarray,
    keys: list[str],
    tokens: list[Token],
    levelled: list[list[TextLine]],
) -> list[Span]:
    """``spans`` with each group's spans (found under its first key) named as described above, in
    reading order on the ``levelled`` pages; ``probs`` are the tagger's own, before :func:`merge_groups`."""
    out = list(spans)
    for group in groups:
        found = sorted((s for s in out if s.key == group[0]), key=belief, reverse=True)[: len(group)]
        out = [s for s in out if s.key != group[0]]
        if len(found) == len(group):
            ordered = in_rows(found, lambda s: _box(s, tokens, levelled), lambda s: tokens[s.start].page)
            named = list(zip(ordered, group, strict=True))
        else:
            named = [(span, _likeliest(span, group, probs, keys)) for span in found]
        out.extend(replace(span, key=key) for span, key in named)
    return out


def _likeliest(span: Span, group: tuple[str, ...], probs: np.ndarray, keys: list[str]) -> str:
    weight = [float(probs[span.indices(), 1 + keys.index(key)].sum()) for key in group]
    return group[int(np.argmax(weight))]


def _box(span: Span, tokens: list[Token], levelled: list[list[TextLine]]) -> Box:
    token = tokens[span.start]
    return levelled[token.page][token.line].box
