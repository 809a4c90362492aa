"""Field extraction by label anchors for the fixed layouts of every material type (:mod:`vocabulary`).

For each label printed on the page, the value is read where :class:`~.neighbourhood.Neighbourhood`
says (the label's own line, the cell beside it, the rest of its row, the line below) and kept when the
field's parser accepts it (a date for a date, an organisation for an authority, an ID number's shape…).
Addresses and the business scope continue over the lines below that start in the value's column. A
label printed more than once fills one field per occurrence (each spouse's 姓名). What no label anchors
(an ID number whose label OCR missed, a license's issue date by the seal, a certificate number printed
alone) is found by pattern in :mod:`fallbacks`.
"""

from __future__ import annotations

from dataclasses import replace

from prereview.document import Field, TextLine
from prereview.understanding.arcs import straight_lines
from prereview.understanding.deskew import level_lines, page_skew, skew_box
from prereview.understanding.fallbacks import FALLBACKS
from prereview.understanding.forms import FINISHERS
from prereview.understanding.label_runs import (
    Hit,
    complete_clipped_labels,
    find_hits,
    in_reading_order,
    join_spaced_labels,
)
from prereview.understanding.labels import LAYOUTS
from prereview.understanding.layout import Run
from prereview.understanding.neighbourhood import Neighbourhood
from prereview.understanding.parsers import PARSERS
from prereview.understanding.values import REPAIRED_PENALTY, Parsed, Value
from prereview.understanding.vocabulary import FieldSpec

# Kept for callers of the former single-module extractor.
__all__ = ["AnchorExtractor", "Hit", "find_hits", "read_fields"]

MISREAD_LABEL_PENALTY = 0.75  # a value found by a label read one character off goes to a person


def _field(value: Value, parsed: Parsed, hit: Hit) -> Field:
    confidence = value.confidence * (REPAIRED_PENALTY if parsed.repaired else 1.0)
    confidence *= MISREAD_LABEL_PENALTY if hit.misread else 1.0
    return Field(
        value=parsed.value,
        confidence=confidence,
        page=value.page,
        box=value.box(parsed.start, parsed.end),
        repaired=parsed.repaired,
        raw=value.text[parsed.start : parsed.end],
    )


def read_value(page: Neighbourhood, hit: Hit, key: str) -> dict[str, Field]:
    """The fields a label announces: the first reading of its value that the parser accepts."""
    spec = hit.spec
    for value in page.candidates(hit):
        if spec.multiline:
            value = page.extend(hit, value)
        parsed = PARSERS[spec.parser](key, value.text)
        if parsed:
            page.take(value)
            return {k: _field(value, p, hit) for k, p in parsed.items()}
    return {}


def _occurrences(page: Neighbourhood) -> dict[int, list[Hit]]:
    """Every emitting spec's hits (by ``id(spec)``), in reading order."""
    found: dict[int, list[Hit]] = {}
    for run in page.runs:
        for hit in page.hits[id(run)]:
            if hit.spec.emits:
                found.setdefault(id(hit.spec), []).append(hit)
    return {k: in_reading_order(v) for k, v in found.items()}


def read_fields(page: Neighbourhood, specs: tuple[FieldSpec, ...]) -> dict[str, Field]:
    """Every labelled field found: the first label of each kind with a value, or one per occurrence of a
    repeated one.

    A label printed once as a heading and again in the sentence under it (a contract's "租赁期限" over
    "租赁期限自…起至…止") has its value at a later occurrence: the occurrences are tried in reading
    order until one has a value.
    """
    fields: dict[str, Field] = {}
    occurrences = _occurrences(page)
    for spec in specs:
        for n, hit in enumerate(occurrences.get(id(spec), [])):
            key = spec.key_for(n) if spec.keys else spec.key
            if key is None:
                break
            if key not in fields:
                fields.update({k: f for k, f in read_value(page, hit, key).items() if k not in fields})
    return fields


def material_runs(pages: list[list[TextLine]], specs: tuple[FieldSpec, ...]) -> list[Run]:
    """The material's OCR lines as runs, spaced-out labels joined."""
    runs = [Run.from_line(line, index) for index, lines in enumerate(pages) for line in lines if line.text]
    words = {word for spec in specs for word in spec.words}
    return complete_clipped_labels(join_spaced_labels([r for r in runs if r.text], words), specs)


class AnchorExtractor:
    """The deterministic extractor for fixed layouts (registered as ``anchors``)."""

    name = "anchors"

    def extract(self, material_type: str, pages: list[list[TextLine]]) -> dict[str, Field]:
        specs = LAYOUTS.get(material_type)
        if specs is None:
            return {}
        pages = [straight_lines(lines) for lines in pages]  # no seal-ring arcs
        skews = [page_skew(lines) for lines in pages]  # a tilted photo is read level
        levelled = [level_lines(lines, skew) for lines, skew in zip(pages, skews, strict=True)]
        page = Neighbourhood(material_runs(levelled, specs), specs)
        fields = read_fields(page, specs)
        fallback = FALLBACKS.get(material_type)
        if fallback is not None:
            for key, field in fallback(page.runs, page.used).items():
                fields.setdefault(key, field)
        finish = FINISHERS.get(material_type)
        fields = finish(fields) if finish is not None else fields
        return {key: replace(f, box=skew_box(f.box, skews[f.page])) for key, f in fields.items()}
