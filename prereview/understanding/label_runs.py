"""Labels in OCR runs: where each label of a layout is printed, in reading order.

OCR splits a spaced-out label ("姓    名") into one box per character; :func:`join_spaced_labels` puts
such boxes back together when, read left to right on one row, they spell a label. :func:`find_hits`
finds the labels of a run (the longest word wins where two overlap), and :func:`in_reading_order`
orders the occurrences of a repeated label: rows from top to bottom, left to right within a row, so
side-by-side blocks (a marriage certificate's two spouses) and stacked ones come out the same way.
"""

from __future__ import annotations

from dataclasses import dataclass

from prereview.document import TextLine
from prereview.understanding.layout import Run, in_rows, same_row, union
from prereview.understanding.vocabulary import FieldSpec

LEADING_MARKS = ":：;·•■□☐☑√|【】"  # separators, bullets and checkboxes OCR reads around a label
_JOIN_GAP = 3.0  # at most this many line heights between the characters of a spaced label


@dataclass(frozen=True)
class Hit:
    """A label found at characters ``start:end`` of a run."""

    spec: FieldSpec
    run: Run
    start: int
    end: int
    misread: bool = False  # the label is spelt one character off (:func:`misread_label`)

    @property
    def box(self) -> tuple[float, float, float, float]:
        return self.run.box(self.start, self.end)


MIN_FUZZY_LABEL = 4  # a label this long, read alone with one character wrong, is still that label


def misread_label(run: Run, specs: tuple[FieldSpec, ...]) -> Hit | None:
    """The label a run holding nothing else spells but for one character ("户辖地址" for 户籍地址, as
    OCR reads a small photo), when exactly one label word of the layout is that close.

    >>> from prereview.understanding.vocabulary import FieldSpec
    >>> specs = (FieldSpec("address", ("户籍地址",)), FieldSpec("bank_account", ("银行账号",)))
    >>> run = lambda text: Run.from_line(TextLine(text, (0, 0, 80, 20), 0.9))
    >>> misread_label(run("户辖地址"), specs).spec.key, misread_label(run("中国银行"), specs)
    ('address', None)
    """
    text = run.text.strip(LEADING_MARKS + " ")
    if len(text) < MIN_FUZZY_LABEL:
        return None
    close = {
        (spec, word)
        for spec in specs
        for word in spec.words
        if len(word) == len(text) and sum(a != b for a, b in zip(word, text, strict=True)) == 1
    }
    if len(close) != 1:
        return None
    spec, _ = close.pop()
    start = run.text.index(text)
    return Hit(spec, run, start, start + len(text), misread=True)


def find_hits(run: Run, specs: tuple[FieldSpec, ...]) -> list[Hit]:
    """Labels in one run, left to right, without overlaps (the longest word wins); a run that holds
    only a label misread by one character is that label (:func:`misread_label`)."""
    candidates: list[Hit] = []
    for spec in specs:
        for word in spec.words:
            at = run.text.find(word)
            while at >= 0:
                leading = run.text[:at].strip(LEADING_MARKS) == ""
                if leading or spec.inline:
                    candidates.append(Hit(spec, run, at, at + len(word)))
                at = run.text.find(word, at + 1)
    if not candidates:
        misread = misread_label(run, specs)
        return [misread] if misread is not None else []
    candidates.sort(key=lambda h: (h.start, h.start - h.end))
    hits: list[Hit] = []
    for hit in candidates:
        if not hits or hit.start >= hits[-1].end:
            hits.append(hit)
    return hits


def _next_on_row(run: Run, runs: list[Run], taken: set[int]) -> Run | None:
    """The nearest run to the right of ``run`` on its row, close enough to be the same label."""
    right = [
        r
        for r in runs
        if id(r) not in taken
        and r is not run
        and r.page == run.page
        and same_row(r.bbox, run.bbox)
        and r.bbox[0] >= (run.bbox[0] + run.bbox[2]) / 2
        and r.bbox[2] > run.bbox[2]
        and r.bbox[0] - run.bbox[2] < _JOIN_GAP * run.height
    ]
    return min(right, key=lambda r: r.bbox[0], default=None)


def _bare(run: Run) -> Run:
    """The run without the marks OCR read around a piece of a spaced label: the colon after its first
    half ("住：" of a spaced "住  址"), a checkbox's stroke before its second ("☑型" of "类  型")."""
    start = len(run.text) - len(run.text.lstrip(LEADING_MARKS))
    end = len(run.text.rstrip(LEADING_MARKS))
    if start >= end or (start, end) == (0, len(run.text)):
        return run
    return Run(run.text[start:end], run.extents[start:end], run.line, run.page)


def _joined(chain: list[Run]) -> Run:
    text = "".join(r.text for r in chain)
    box = union([r.bbox for r in chain])
    line = TextLine(text, box, min(r.confidence for r in chain))
    extents = tuple(e for r in chain for e in r.extents)
    return Run(text, extents, line, chain[0].page)


def join_spaced_labels(runs: list[Run], words: set[str]) -> list[Run]:
    """Runs with the pieces of spaced-out labels joined ("姓" + "名" → "姓名").

    >>> def run(text, x0, x1): return Run.from_line(TextLine(text, (x0, 0, x1, 30), 0.9))
    >>> [r.text for r in join_spaced_labels([run("姓", 0, 30), run("名", 70, 100), run("张三", 150, 210)],
    ...                                    {"姓名"})]
    ['姓名', '张三']
    >>> [r.text for r in join_spaced_labels([run("住：", 0, 40), run("址北京市", 70, 200)], {"住址"})]
    ['住址北京市']
    >>> [r.text for r in join_spaced_labels([run("类", 0, 30), run("☑型", 32, 80), run("个体", 150, 210)],
    ...                                    {"类型"})]
    ['类型', '个体']
    """
    prefixes = {w[:i] for w in words for i in range(1, len(w))}
    taken: set[int] = set()
    joined: list[Run] = []
    for run in sorted(runs, key=lambda r: (r.page, r.bbox[1], r.bbox[0])):
        if id(run) in taken or _bare(run).text not in prefixes:
            continue
        pieces = [run]  # the runs joined, as OCR read them
        chain = [_bare(run)]  # the same without their marks
        text = chain[0].text
        while text in prefixes:
            nxt = _next_on_row(chain[-1], runs, taken | {id(r) for r in pieces})
            if nxt is None:
                break
            pieces.append(nxt)
            chain.append(_bare(nxt))
            text += chain[-1].text
        # a label complete by itself ("经营场所", also the start of "经营场所地址") is not joined to its value
        if len(chain) > 1 and any(text.startswith(w) and len(w) > len(chain[0].text) for w in words):
            taken.update(id(r) for r in pieces)
            joined.append(_joined(chain))
    kept = [r for r in runs if id(r) not in taken] + joined
    return sorted(kept, key=lambda r: (r.page, r.bbox[1], r.bbox[0]))


def _value_to_the_right(run: Run, runs: list[Run]) -> bool:
    return any(
        r is not run
        and r.page == run.page
        and same_row(r.bbox, run.bbox)
        and r.bbox[0] >= run.bbox[2] - 0.3 * run.height
        and r.bbox[0] - run.bbox[2] < 8 * run.height
        for r in runs
    )


def complete_clipped_labels(runs: list[Run], specs: tuple[FieldSpec, ...]) -> list[Run]:
    """Runs with a two-character label OCR read only half of ("称" of a spaced-out "名    称") completed.

    A lone character is taken for the label when it is the first or last character of two-character
    words of one field only and a value follows it on its row.

    >>> def run(text, x0, x1): return Run.from_line(TextLine(text, (x0, 0, x1, 30), 0.9))
    >>> spec = FieldSpec("name", ("名称",))
    >>> [r.text for r in complete_clipped_labels([run("称", 40, 70), run("某某公司", 120, 300)], (spec,))]
    ['名称', '某某公司']

    A character found only inside longer labels is left alone (it names no field by itself):

    >>> long = FieldSpec("authority", ("登记机关",))
    >>> [r.text for r in complete_clipped_labels([run("记", 40, 70), run("某某局", 120, 300)], (long,))]
    ['记', '某某局']
    """
    owners: dict[str, set[int]] = {}
    words: dict[str, str] = {}
    for spec in specs:
        for word in spec.words:
            for char in {word[0], word[-1]} if len(word) == 2 else set():
                owners.setdefault(char, set()).add(id(spec))
                words.setdefault(char, word)
    for spec in specs:  # a character inside a longer label is ambiguous
        for word in spec.words:
            for char in word[1:-1] if len(word) > 2 else word if len(word) != 2 else "":
                owners.setdefault(char, set()).add(-1)
    out = []
    for run in runs:
        owner = owners.get(run.text, set())
        unique = len(owner) == 1 and -1 not in owner and run.text in words
        if len(run.text) == 1 and unique and _value_to_the_right(run, runs):
            word = words[run.text]
            line = TextLine(word, run.bbox, run.confidence * 0.9)
            out.append(Run(word, (run.extents[0],) * 2, line, run.page))
        else:
            out.append(run)
    return out


def in_reading_order(hits: list[Hit]) -> list[Hit]:
    """Hits by page, rows top to bottom (hits sharing a row stay together), left to right in a row."""
    return in_rows(hits, lambda h: h.box, lambda h: h.run.page)
