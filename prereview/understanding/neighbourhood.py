"""Where a label's value is: on its own line, beside it on its row (a table's next cell), or below it.

:class:`Neighbourhood` holds a material's runs and the labels found in them, and answers the geometric
questions: the rest of the label's line up to the next label ("姓名张三性别男"); the nearest line to
its right on the same row with no label in between; the line just below it; the lines further along
the row when a value was printed with wide gaps ("2015   年 6  月 9  日" comes back as several boxes);
and the lines below a multi-line value that start in its column. :meth:`Neighbourhood.candidates`
yields these readings in that order; the extractor keeps the first one its parser accepts.
"""

from __future__ import annotations

from collections.abc import Iterator

from prereview.understanding.label_runs import LEADING_MARKS, Hit, find_hits
from prereview.understanding.layout import Run, reading_order, same_row, stacked_below
from prereview.understanding.normalize import is_date_only
from prereview.understanding.parsers import PARSERS
from prereview.understanding.repair import ID_NUMBER_PATTERN
from prereview.understanding.values import Piece, Value
from prereview.understanding.vocabulary import FieldSpec

SAME_LINE, BESIDE, BELOW = 1.0, 0.97, 0.93
_ROW_GAP = 4.0  # line heights between the pieces of one value spread along a row
_LABEL_GAP = 3.0  # line heights at most between a table's label and its value beside it


class Neighbourhood:
    """The runs of a material and the labels found in them, with the neighbourhood queries."""

    def __init__(self, runs: list[Run], specs: tuple[FieldSpec, ...]) -> None:
        self.runs = reading_order(runs)
        self.hits = {id(run): find_hits(run, specs) for run in self.runs}
        self.used: set[int] = set()  # runs taken by a value
        for run in self.runs:
            self._value_not_label(run)

    def _value_not_label(self, run: Run) -> None:
        """Drop the label a line starts with when the line is the value of the label left of it.

        A value may begin with a word that is also a label ("经营场所变更" as a 注销原因). When such a
        line sits right beside a label that has no value on its own line, with no gap wider than a
        table's label-to-value gap, the word runs on into more text (no colon after it), and that
        label's parser accepts the line, the line is that label's value and its first word no label.
        """
        hits = self.hits[id(run)]
        if not hits or run.text[: hits[0].start].strip(LEADING_MARKS):
            return  # the line does not start with the label ("男民族汉": 民族 stays a label)
        rest = run.text[hits[0].end :]
        if not rest or rest[0] in LEADING_MARKS:
            return
        owner = self._bare_label_left_of(run)
        if owner is None:
            return
        key = owner.spec.keys[0] if owner.spec.keys else owner.spec.key
        if PARSERS[owner.spec.parser](key, run.text):
            self.hits[id(run)] = hits[1:]

    def _bare_label_left_of(self, run: Run) -> Hit | None:
        """The label just left of ``run`` on its row, when its line holds no value and nothing lies
        between them."""
        left = [
            r
            for r in self.runs
            if r is not run
            and r.page == run.page
            and same_row(r.bbox, run.bbox)
            and r.bbox[2] <= run.bbox[0] + 0.5 * run.height
        ]
        nearest = max(left, key=lambda r: r.bbox[2], default=None)
        if nearest is None or run.bbox[0] - nearest.bbox[2] >= _LABEL_GAP * nearest.height:
            return None
        hits = self.hits[id(nearest)]
        if not hits or not hits[-1].spec.emits or nearest.text[hits[-1].end :].strip(LEADING_MARKS):
            return None
        return hits[-1]

    def label_first(self, run: Run) -> bool:
        """True when ``run`` starts with a label (after separators or a checkbox at most)."""
        hits = self.hits[id(run)]
        return bool(hits) and not run.text[: hits[0].start].strip(LEADING_MARKS)

    def value_end(self, run: Run, after: int = 0) -> int:
        """Where the text of ``run`` from ``after`` stops: at the next label, or the line's end."""
        return next((h.start for h in self.hits[id(run)] if h.start >= after), len(run.text))

    def free(self, run: Run) -> bool:
        return id(run) not in self.used and not self.label_first(run)

    def _right_of(self, box: tuple[float, float, float, float], anchor: Run) -> list[Run]:
        """Runs on the row of ``box``, starting right of its middle, nearest first."""
        x0, _, x1, _ = box
        row = [
            r
            for r in self.runs
            if r.page == anchor.page
            and r is not anchor
            and same_row(r.bbox, box)
            and r.bbox[0] > (x0 + x1) / 2
            and r.bbox[2] > x1
        ]
        return sorted(row, key=lambda r: r.bbox[0])

    def beside(self, hit: Hit) -> Run | None:
        """The nearest free line to the right of a label on its row, with no label in between.

        Of lines starting at about the same place (a wrapped value's first and second line both
        touch a tall label's row), the top one.
        """
        lx1, h = hit.box[2], hit.run.height
        _, top, _, bottom = hit.box
        middle = (top + bottom) / 2
        # a line that only grazes the row (a tall title above a tilted photo's row) is not beside it; a
        # long line of a tilted photo, whose box is much taller than the label's though its print is no
        # larger, is when its top or its bottom (the end its start is at) is level with the label's
        row = [
            r
            for r in self._right_of(hit.box, hit.run)
            if abs((r.bbox[1] + r.bbox[3]) / 2 - middle) <= 0.75 * h
            or (
                r.char_width <= 1.25 * hit.run.char_width
                and (abs(r.bbox[1] - top) <= 0.5 * h or abs(r.bbox[3] - bottom) <= 0.5 * h)
            )
        ]
        for run in row:
            if run.bbox[0] - lx1 >= 12 * h or self.label_first(run):
                return None
            if id(run) not in self.used:
                peers = [r for r in row if r.bbox[0] < run.bbox[0] + 2 * h and self.free(r)]
                return min(peers, key=lambda r: r.bbox[1])
        return None

    def row_tail(self, last: Run) -> list[Run]:
        """The free lines that continue a value along its row, up to the next label or a wide gap."""
        tail: list[Run] = []
        edge = last.bbox[2]
        for run in self._right_of(last.bbox, last):
            if run.bbox[0] - edge > _ROW_GAP * last.height or not self.free(run):
                break
            tail.append(run)
            edge = run.bbox[2]
        return tail

    def owned_by_left_label(self, run: Run, label: Run | None = None) -> bool:
        """True when a label line (other than ``label``) on the same row lies to the left: the run is
        that label's value. With ``label``, a label wholly left of it is another column's (a
        two-column license: "经营范围" on the left does not own the second line of "住所"'s value)."""
        left_edge = label.bbox[0] - 0.5 * label.height if label is not None else float("-inf")
        return any(
            self.hits[id(r)]
            and r is not run
            and r is not label
            and r.page == run.page
            and same_row(r.bbox, run.bbox)
            and r.bbox[2] <= run.bbox[0] + 0.5 * run.height
            and r.bbox[2] > left_edge
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

    def continuation(
        self, label: Hit, last: Run, column_x: float, height: float, taken: set[int]
    ) -> Run | None:
        """The next line of a multi-line value: the nearest line under ``last`` that starts in the value's
        column, when it is free and holds no other value.

        A line in between that is not the value's (the wrapped tail of the value below, the next label,
        a date, an ID number) ends it: a value never continues past another one's line (a tilted photo
        brings the line after that within reach).
        """
        under = [
            r
            for r in self.runs
            if r.page == last.page
            and id(r) not in taken
            and r is not label.run
            and stacked_below(last.bbox, r.bbox)
            and r.bbox[1] - last.bbox[3] < 0.6 * height
            and label.box[0] - height <= r.bbox[0] <= column_x + 2.5 * height
        ]
        run = min(under, key=lambda r: (r.bbox[1], r.bbox[0]), default=None)
        if run is None or not self._may_join(run, label):
            return None
        # a line clear of the one above (not a tilted photo's overlapping box) may open the next value
        clear = run.bbox[1] >= last.bbox[3] - 0.1 * height
        return None if clear and self._opens_centred_value(run, label) else run

    def _may_join(self, run: Run, label: Hit) -> bool:
        """Whether ``run`` may be a further line of ``label``'s value: free, not another label's, and
        not a value of its own (a date, an ID number)."""
        return (
            self.free(run)
            and not self.owned_by_left_label(run, label.run)
            and not is_date_only(run.text)
            and not ID_NUMBER_PATTERN.search(run.text)
        )

    def _opens_centred_value(self, run: Run, label: Hit) -> bool:
        """Whether ``run`` is the first line of the next label's two-line value, printed with that label
        centred on both lines ("一般项目：…（除" above "依法须经…", 经营范围 between them): a label line
        left of ``run`` and not wholly left of ``label`` (that is another column's), which ``run`` reaches
        well into from above, with a line beside that label under ``run``."""
        left_edge = label.box[0] - 0.5 * label.run.height
        for other in self.runs:
            if other is label.run or other.page != run.page or not self.label_first(other):
                continue
            box = self.hits[id(other)][0].box
            height = box[3] - box[1]
            if not (left_edge < box[2] <= run.bbox[0] + 0.5 * run.height and run.bbox[1] < box[1]):
                continue  # not left of the line (in its column), or not lower than its top
            if run.bbox[3] - box[1] < 0.3 * height:
                continue  # the line ends above the label's row
            if any(
                r is not run
                and r.page == run.page
                and same_row(r.bbox, box)
                and r.bbox[0] > box[2]
                and r.bbox[1] > run.bbox[1]
                for r in self.runs
            ):
                return True
        return False

    def first_line_above(
        self, label: Hit, first: Piece, column_x: float, height: float, taken: set[int]
    ) -> Run | None:
        """The first line of a two-line value printed with its label centred on both lines: the
        line above the one beside the label, in the value's column, reaching well into the label's
        row while the line beside it reaches below the label ("委托事项" between "代为办理…领取营业"
        and "执照")."""
        if first.start != 0:
            return None
        below, label_box = first.run.bbox, label.box
        label_height = label_box[3] - label_box[1]
        if below[3] <= label_box[3]:
            return None
        over = [
            r
            for r in self.runs
            if r.page == first.run.page
            and id(r) not in taken
            and r is not label.run
            and stacked_below(r.bbox, below)
            and below[1] - r.bbox[3] < 0.6 * height
            and abs(r.bbox[0] - column_x) <= 1.5 * height
            and r.bbox[3] - label_box[1] >= 0.3 * label_height
        ]
        run = max(over, key=lambda r: r.bbox[3], default=None)
        return run if run is not None and self._may_join(run, label) else None

    def _piece(self, run: Run) -> Piece:
        return Piece(run, 0, self.value_end(run))

    def _along_row(self, value: Value) -> Value | None:
        """``value`` with the lines further along its row, when there are any."""
        last = value.pieces[-1]
        if last.end < len(last.run.text):  # the line goes on with another label
            return None
        tail = [self._piece(r) for r in self.row_tail(last.run)]
        tail = [p for p in tail if p.end > 0]
        return Value((*value.pieces, *tail), value.placement) if tail else None

    def _wrapped(self, hit: Hit, value: Value) -> Value | None:
        """``value`` with the line under its last piece, when the value wraps there ("…至" / "2049年…")."""
        last = value.pieces[-1].run
        x0 = value.pieces[0].run.box(value.pieces[0].start, value.pieces[0].end)[0]
        h = last.height
        under = [
            r
            for r in self.runs
            if r.page == last.page
            and r.bbox[1] > last.bbox[1] + 0.5 * h
            and r.bbox[1] - last.bbox[3] < 0.6 * h
            and x0 - 1.5 * h <= r.bbox[0] <= x0 + 2.5 * h
            and self.free(r)
            and not self.owned_by_left_label(r, hit.run)
            and id(r) not in {id(p.run) for p in value.pieces}
        ]
        run = min(under, key=lambda r: r.bbox[1], default=None)
        return Value((*value.pieces, self._piece(run)), value.placement) if run is not None else None

    def candidates(self, hit: Hit) -> Iterator[Value]:
        """The readings of a label's value, most likely first (see the module docstring)."""
        start = hit.end
        while start < len(hit.run.text) and hit.run.text[start] in LEADING_MARKS:
            start += 1
        end = self.value_end(hit.run, start)
        if start >= end and end < len(hit.run.text):  # the next label follows at once: no value here
            return
        places: list[Value] = []
        if start < end:
            places.append(Value((Piece(hit.run, start, end),), SAME_LINE))
        beside = self.beside(hit) if end == len(hit.run.text) else None
        if beside is not None and self.value_end(beside) > 0:
            places.append(Value((self._piece(beside),), BESIDE))
        for value in places:
            yield value
            for wider in (self._along_row(value), self._wrapped(hit, value)):
                if wider is not None:
                    yield wider
        below = self.below(hit)
        if below is not None and self.value_end(below) > 0:
            yield Value((self._piece(below),), BELOW)

    def extend(self, hit: Hit, value: Value) -> Value:
        """Add the following lines of a multi-line value (nothing is marked used until it is kept)."""
        pieces = list(value.pieces)
        column_x = pieces[0].run.box(pieces[0].start, pieces[0].end)[0]
        height = pieces[0].run.height
        taken = {id(p.run) for p in pieces}
        above = self.first_line_above(hit, pieces[0], column_x, height, taken)
        if above is not None:
            taken.add(id(above))
            pieces.insert(0, self._piece(above))
        while True:
            run = self.continuation(hit, pieces[-1].run, column_x, height, taken)
            if run is None:
                break
            taken.add(id(run))
            pieces.append(self._piece(run))
        return Value(tuple(pieces), value.placement)

    def take(self, value: Value) -> None:
        """Mark the lines of a kept value as used (a line whose start a label took stays free)."""
        self.used.update(id(p.run) for p in value.pieces if p.start == 0)
