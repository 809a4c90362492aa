"""Field extraction by label anchors for the fixed national layouts (ID card, business license).

For each label printed on the page (:mod:`labels`), the value is the rest of the label's own line up
to the next label ("姓名张三性别男"); failing that, the nearest line to its right on the same row, then
the line just below it. Addresses and the business scope continue over the lines below that start in
the value's column. What no label anchors (an ID number whose label OCR missed, the issue date at the
bottom of a license) is found by pattern in :mod:`fallbacks`.
"""

from __future__ import annotations

from dataclasses import dataclass

from prereview.document import Field, TextLine
from prereview.understanding.fallbacks import FALLBACKS
from prereview.understanding.labels import LAYOUTS, FieldSpec
from prereview.understanding.layout import Run, reading_order, same_row
from prereview.understanding.normalize import is_date_only
from prereview.understanding.repair import ID_NUMBER_PATTERN
from prereview.understanding.values import PARSERS, Piece, Value

SAME_LINE, BESIDE, BELOW = 1.0, 0.97, 0.93
_LEADING_MARKS = ":：;·•■□|【】"
REPAIRED_PENALTY = 0.9


@dataclass(frozen=True)
class Hit:
    """A label found at characters ``start:end`` of a run."""

    spec: FieldSpec
    run: Run
    start: int
    end: int

    @property
    def box(self) -> tuple[float, float, float, float]:
        return self.run.box(self.start, self.end)


def find_hits(run: Run, specs: tuple[FieldSpec, ...]) -> list[Hit]:
    """Labels in one run, left to right, without overlaps (the longest word wins)."""
    candidates: list[Hit] = []
    for spec in specs:
        for word in spec.words:
            at = run.text.find(word)
            while at >= 0:
                leading = run.text[:at].strip(_LEADING_MARKS) == ""
                if leading or spec.inline:
                    candidates.append(Hit(spec, run, at, at + len(word)))
                at = run.text.find(word, at + 1)
    candidates.sort(key=lambda h: (h.start, h.start - h.end))
    hits: list[Hit] = []
    for hit in candidates:
        if not hits or hit.start >= hits[-1].end:
            hits.append(hit)
    return hits


class _Page:
    """The runs of a material and the labels found in them, with the neighbourhood queries."""

    def __init__(self, runs: list[Run], specs: tuple[FieldSpec, ...]) -> None:
        self.runs = reading_order(runs)
        self.hits = {id(run): find_hits(run, specs) for run in self.runs}
        self.used: set[int] = set()  # runs whose text before their first label is taken

    def label_first(self, run: Run) -> bool:
        hits = self.hits[id(run)]
        return bool(hits) and hits[0].start <= 1

    def value_end(self, run: Run, after: int = 0) -> int:
        """Where the text of ``run`` from ``after`` stops: at the next label, or the line's end."""
        return next((h.start for h in self.hits[id(run)] if h.start >= after), len(run.text))

    def free(self, run: Run) -> bool:
        return id(run) not in self.used and not self.label_first(run)

    def beside(self, hit: Hit) -> Run | None:
        """The nearest free line to the right of a label on its row, with no label in between."""
        lx0, _, lx1, _ = hit.box
        h = hit.run.height
        row = [  # OCR boxes of touching lines overlap: the value need only start past the label's middle
            r
            for r in self.runs
            if r.page == hit.run.page
            and r is not hit.run
            and same_row(r.bbox, hit.box)
            and r.bbox[0] > (lx0 + lx1) / 2
            and r.bbox[2] > lx1
            and r.bbox[0] - lx1 < 12 * h
        ]
        row.sort(key=lambda r: r.bbox[0])
        for run in row:
            if self.label_first(run):
                return None
            if id(run) not in self.used:
                return run
        return None

    def owned_by_left_label(self, run: Run) -> bool:
        """True when a label line on the same row lies to the left (the run is that label's value)."""
        return any(
            self.hits[id(r)]
            and r is not run
            and r.page == run.page
            and same_row(r.bbox, run.bbox)
            and r.bbox[2] <= run.bbox[0] + 0.5 * run.height
            for r in self.runs
        )

    def below(self, hit: Hit) -> Run | None:
        """The first free line just under a label, starting near its column."""
        lx0, ly0, lx1, ly1 = hit.box
        h = hit.run.height
        cands = [
            r
            for r in self.runs
            if r.page == hit.run.page
            and r.bbox[1] > ly0 + 0.5 * h
            and r.bbox[1] - ly1 < 1.6 * h
            and lx0 - 1.5 * h <= r.bbox[0] <= lx1 + 8 * h
            and self.free(r)
            and not self.owned_by_left_label(r)
        ]
        return min(cands, key=lambda r: (r.bbox[1], r.bbox[0]), default=None)

    def continuation(self, label: Hit, last: Run, column_x: float, height: float) -> Run | None:
        """The next line of a multi-line value: just below ``last``, starting in the value's column."""
        cands = [
            r
            for r in self.runs
            if r.page == last.page
            and r.bbox[1] > last.bbox[1] + 0.5 * last.height
            and r.bbox[1] - last.bbox[3] < 0.9 * height
            and label.box[0] - height <= r.bbox[0] <= column_x + 2.5 * height
            and self.free(r)
            and not self.owned_by_left_label(r)
            and not is_date_only(r.text)
            and not ID_NUMBER_PATTERN.search(r.text)
        ]
        return min(cands, key=lambda r: (r.bbox[1], r.bbox[0]), default=None)

    def read(self, hit: Hit) -> Value | None:
        """The value a label announces (see the module docstring for the order of places tried)."""
        start = hit.end
        while start < len(hit.run.text) and hit.run.text[start] in _LEADING_MARKS:
            start += 1
        end = self.value_end(hit.run, start)
        if start < end:
            return Value((Piece(hit.run, start, end),), SAME_LINE)
        if end < len(hit.run.text):  # the next label follows at once: this one has no value here
            return None
        for place, placement in ((self.beside, BESIDE), (self.below, BELOW)):
            run = place(hit)
            if run is not None and self.value_end(run) > 0:
                return Value((Piece(run, 0, self.value_end(run)),), placement)
        return None

    def extend(self, hit: Hit, value: Value) -> Value:
        """Add the following lines of a multi-line value."""
        pieces = list(value.pieces)
        column_x = pieces[0].run.box(pieces[0].start, pieces[0].end)[0]
        height = pieces[0].run.height
        while True:
            run = self.continuation(hit, pieces[-1].run, column_x, height)
            if run is None:
                break
            self.used.add(id(run))
            pieces.append(Piece(run, 0, self.value_end(run)))
        return Value(tuple(pieces), value.placement)


def _field(value: Value, parsed_start: int, parsed_end: int, parsed_value: str, repaired: bool) -> Field:
    confidence = value.confidence * (REPAIRED_PENALTY if repaired else 1.0)
    return Field(
        value=parsed_value,
        confidence=confidence,
        page=value.page,
        box=value.box(parsed_start, parsed_end),
        repaired=repaired,
        raw=value.text[parsed_start:parsed_end],
    )


def read_fields(page: _Page, specs: tuple[FieldSpec, ...]) -> dict[str, Field]:
    """Every labelled field found, the first label of each kind in reading order."""
    fields: dict[str, Field] = {}
    first_hits: dict[str, Hit] = {}
    for run in page.runs:
        for found in page.hits[id(run)]:
            first_hits.setdefault(found.spec.key, found)
    for spec in specs:
        hit = first_hits.get(spec.key)
        value = page.read(hit) if hit is not None else None
        if hit is None or value is None:
            continue
        if spec.multiline:
            value = page.extend(hit, value)
        parsed = PARSERS[spec.parser](spec.key, value.text)
        if not parsed:
            continue
        page.used.update(id(p.run) for p in value.pieces if p.start == 0)
        for key, reading in parsed.items():
            fields[key] = _field(value, reading.start, reading.end, reading.value, reading.repaired)
    return fields


class AnchorExtractor:
    """The deterministic extractor for fixed layouts (registered as ``anchors``)."""

    name = "anchors"

    def extract(self, material_type: str, pages: list[list[TextLine]]) -> dict[str, Field]:
        specs = LAYOUTS.get(material_type)
        if specs is None:
            return {}
        runs = [
            Run.from_line(line, index) for index, lines in enumerate(pages) for line in lines if line.text
        ]
        page = _Page([r for r in runs if r.text], specs)
        fields = read_fields(page, specs)
        fallback = FALLBACKS.get(material_type)
        if fallback is not None:
            for key, field in fallback(page.runs, page.used).items():
                fields.setdefault(key, field)
        return fields
