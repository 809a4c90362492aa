"""Layout randomisation in token space: synthetic OCR lines of every material type, laid out at random,
with exact BIO tags, made in milliseconds without rendering or OCR.

The synthetic renderer draws one or two layouts per material type, so a tagger trained on its pages alone
learns where a value sits, not which label it follows. :func:`random_tagged` lays the printed labels of a
type's vocabulary (:mod:`prereview.understanding.vocabulary`) out anew for every document, filled with
values seen in the training labels (:func:`value_pool`): label and value merged in one OCR line, side by
side or the value below; one or two columns read row by row; long values wrapped; a title, stop labels
and anchor words as distractors; now and then a label character misread. Tags are made character by
character alongside the text, skipping blanks as :func:`~prereview.understanding.learned.tokens.tokenize`
does, so they match its tokens exactly.

Material types are drawn uniformly, not in proportion to the real documents: a rare type needs new
layouts as much as a common one. A key of the pool that no label of the vocabulary prints (a business
license's ``issue_date``) is never printed, so no value the real data tags is ever shown tagged ``O``.
"""

from __future__ import annotations

import random
from bisect import bisect_right
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

from prereview.document import TextLine
from prereview.training.align import printed_forms
from prereview.training.data import Document, TaggedDocument
from prereview.understanding.learned.decode import OUTSIDE
from prereview.understanding.learned.tokens import tokenize
from prereview.understanding.learned.vocab import common_cjk
from prereview.understanding.vocabulary import VOCABULARIES, FieldSpec, Vocabulary

Char = tuple[str, str]  # a printed character and its tag: "O", "B-key" or "I-key"
Placed = tuple[int, float, list[Char]]  # a line of an item: its level (line below the row's top), x, text
Pool = dict[str, dict[str, list[str]]]

ARRANGEMENTS = ("merged", "right", "below")
MERGED_SEPARATORS = ("", "", "：", ":", " ")
DATE_SHIFT_SHARE = 0.5  # of the values of a field: dates moved by up to decades (:func:`_shifted`)
RANGE_SEPARATORS = ("-", "-", "—", "至")
WRAPPING_PARSERS = ("authority",)


def value_pool(documents: list[Document]) -> Pool:
    """Per material type and key, the distinct visible string values of the documents' labels, sorted."""
    seen: dict[str, dict[str, set[str]]] = {}
    for document in documents:
        by_key = seen.setdefault(document.label.material_type, {})
        for key, item in document.label.fields.items():
            if item.visible and isinstance(item.value, str) and item.value.strip():
                by_key.setdefault(key, set()).add(item.value)
    return {t: {k: sorted(v) for k, v in sorted(keys.items())} for t, keys in sorted(seen.items())}


@dataclass(frozen=True)
class Layout:
    """One generated page: its lines in reading order, one tag per non-blank character, its size."""

    material_type: str
    lines: list[TextLine]
    tags: list[str]
    size: tuple[float, float]


@dataclass(frozen=True)
class Item:
    """One slot of the layout: a label (empty for a plain text line), a separator and a value."""

    label: list[Char]
    sep: list[Char]
    value: list[Char]
    wraps: bool = False  # a long value that may be wrapped onto 2–3 lines although it fits


@dataclass(frozen=True)
class Style:
    """One document's geometry, in pixels: page width, margin, character size, spacing, columns."""

    width: float
    margin: float
    size: float
    pitch: float  # line pitch, in character sizes
    gap: float  # extra space between rows, in character sizes
    columns: int
    arrangement: str  # the arrangement most of the document's fields take
    value_offset: float | None  # values start this far right of their cell (one aligned value column)


def random_tagged(pool: Pool, label_ids: dict[str, int], n: int, seed: int) -> list[TaggedDocument]:
    """``n`` token-space documents of the pool's material types (drawn uniformly), tagged with ``label_ids``.

    Only keys with a ``B-`` label in ``label_ids`` are printed; a type with none is left out.
    """
    known = {label[2:] for label in label_ids if label.startswith("B-")}
    types = [t for t in sorted(pool) if t in VOCABULARIES and _printable(VOCABULARIES[t], pool[t], known)]
    rng = random.Random(seed)
    documents = []
    for _ in range(n if types else 0):
        material_type = rng.choice(types)
        layout = random_layout(rng, material_type, pool[material_type], known)
        tokens = tokenize([layout.lines])
        assert len(tokens) == len(layout.tags), "tags must follow tokenize character by character"
        documents.append(TaggedDocument(tokens, [label_ids[tag] for tag in layout.tags], material_type))
    return documents


def random_layout(
    rng: random.Random, material_type: str, values: dict[str, list[str]], known: set[str]
) -> Layout:
    """One page of ``material_type`` at random, printing the keys of ``known`` that have ``values``."""
    vocabulary = VOCABULARIES[material_type]
    items = _field_items(rng, vocabulary, values, known)
    for item in _distractors(rng, vocabulary):
        items.insert(rng.randint(0, len(items)), item)
    style = _style(rng, items)
    lines: list[_Line] = []
    y = style.margin
    title = _title(rng, vocabulary)
    if title:
        y = _title_line(rng, title, style, lines)
    for row in _rows(rng, items, style.columns):
        y = _row_lines(rng, row, y, style, lines)
    height = max(style.width * rng.uniform(0.6, 1.5), y + style.margin)
    tags = [tag for line in lines for char, tag in line.chars if not char.isspace()]
    return Layout(material_type, [_plain(line) for line in lines], tags, (style.width, height))


# --- what is printed -------------------------------------------------------------------------------


def _tagged(text: str, key: str | None) -> list[Char]:
    """``text`` with ``B-key`` on its first character and ``I-key`` on the rest (``O`` without a key).

    >>> _tagged("张三", "name"), _tagged("：", None)
    ([('张', 'B-name'), ('三', 'I-name')], [('：', 'O')])
    """
    if key is None:
        return [(char, OUTSIDE) for char in text]
    return [(char, f"{'B' if i == 0 else 'I'}-{key}") for i, char in enumerate(text)]


def _form(value: str, index: int) -> str:
    """The ``index``-th printed form of a date (a value that is no date as itself).

    >>> _form("2024-05-01", 3), _form("长期", 3)
    ('2024.05.01', '长期')
    """
    forms = printed_forms(value)
    return forms[index] if index < len(forms) else forms[0]


def _printable(vocabulary: Vocabulary, values: dict[str, list[str]], known: set[str]) -> bool:
    return any(_occurrences(spec, values, known) for spec in vocabulary.fields)


def _occurrences(spec: FieldSpec, values: dict[str, list[str]], known: set[str]) -> int:
    """How many times the spec's label is printed: once per leading key with a value (0 for a stop)."""
    count = 0
    for key in spec.keys or (spec.key,):
        if not key or key not in known or not values.get(key):
            break
        count += 1
    return count


def _field_items(
    rng: random.Random, vocabulary: Vocabulary, values: dict[str, list[str]], known: set[str]
) -> list[Item]:
    """The fields in mostly canonical order (a few swaps, spouses grouped by label or by person), the
    ``n``-th label of a spec filling its ``n``-th key."""
    printable = [spec for spec in vocabulary.fields if _occurrences(spec, values, known)]
    keep = rng.uniform(0.7, 1.0)
    specs = [spec for spec in printable if rng.random() < keep] or printable[:1]
    most = rng.randint(6, 14)  # a form shows a part of the shared application-form vocabulary
    if len(specs) > most:
        specs = [specs[i] for i in sorted(rng.sample(range(len(specs)), most))]
    entries = [(spec, n) for spec in specs for n in range(_occurrences(spec, values, known))]
    if rng.random() < 0.5:  # by person: every spec's first occurrence, then every second one
        where = [i for i, (spec, _) in enumerate(entries) if spec.keys]
        for i, entry in zip(where, sorted((entries[i] for i in where), key=lambda e: e[1]), strict=True):
            entries[i] = entry
    for _ in range(rng.choice((0, 0, 1, 2, 3))):
        i = rng.randrange(len(entries))
        j = min(len(entries) - 1, i + 1) if rng.random() < 0.7 else rng.randrange(len(entries))
        entries[i], entries[j] = entries[j], entries[i]
    seen: dict[str, int] = {}
    items = []
    for spec, _ in entries:
        occurrence = seen[spec.key] = seen.get(spec.key, -1) + 1
        key = spec.key_for(occurrence)
        assert key is not None
        value = _value(rng, spec, key, values, known)
        wraps = spec.multiline or spec.parser in WRAPPING_PARSERS
        items.append(Item(_label(rng, rng.choice(spec.words)), _separator(rng), value, wraps))
    return items


def _value(
    rng: random.Random, spec: FieldSpec, key: str, values: dict[str, list[str]], known: set[str]
) -> list[Char]:
    """A value's characters (a date in a random printed form). A validity or a lease term prints both
    ends, each tagged; an end date now and then follows an untagged start ("2005年12月27日至…")."""
    years = rng.randint(-45, 25) if rng.random() < DATE_SHIFT_SHARE else 0
    value = _shifted(rng.choice(values[key]), years)
    pair = {"validity": "valid_from", "lease_term": "lease_end"}.get(spec.parser)
    if pair and pair in known and values.get(pair):
        if spec.parser == "validity":
            start = _shifted(_start(rng, values[pair], _shifted(value, -years)), years)
            return _range(rng, pair, start, key, value, spec.parser)
        end = rng.choice(values[pair])
        start = _shifted(_start(rng, values[key], end), years)
        return _range(rng, key, start, pair, _shifted(end, years), spec.parser)
    if spec.parser in ("period_end", "end_date") and rng.random() < 0.3:
        return _range(rng, None, _earlier(rng, value), key, value, spec.parser)
    return _tagged(_form(value, rng.randrange(7)), key)


def _shifted(value: str, years: int) -> str:
    """An ISO date moved by whole ``years`` (29 February becomes the 28th); any other value as it is.

    Training values cover the few years a generator's recipe spans; real cards were issued and expired
    over decades, so dates are moved across them.

    >>> _shifted("2016-02-29", -20), _shifted("长期", 5), _shifted("2020-05-01", 0)
    ('1996-02-29', '长期', '2020-05-01')
    >>> _shifted("2016-02-29", 1)
    '2017-02-28'
    """
    if not years:
        return value
    try:
        day = date.fromisoformat(value)
    except ValueError:
        return value
    try:
        return day.replace(year=day.year + years).isoformat()
    except ValueError:
        return day.replace(year=day.year + years, day=28).isoformat()


def _start(rng: random.Random, starts: list[str], end: str) -> str:
    """A start value of the sorted ``starts`` no later than ``end`` (any, when none is)."""
    before = bisect_right(starts, end)
    return rng.choice(starts[:before] or starts)


def _earlier(rng: random.Random, end: str) -> str:
    """An ISO date 1–30 years before ``end`` (before 2050 when ``end`` is no date, e.g. 长期)."""
    try:
        last = date.fromisoformat(end)
    except ValueError:
        last = date(2050, 1, 1)
    return (last - timedelta(days=rng.randint(365, 30 * 365))).isoformat()


def _range(
    rng: random.Random, start_key: str | None, start: str, end_key: str, end: str, parser: str
) -> list[Char]:
    """Two ends in one printed form: "2005.04.01-2025.04.01", "自2025年3月12日起至2026年3月11日止"."""
    form = rng.randrange(1, 7)
    if parser == "validity":
        frame = ("", rng.choice(RANGE_SEPARATORS), "")
    else:
        frame = rng.choice((("自", "起至", "止"), ("自", "至", "止"), ("", "至", ""), ("", " 至 ", "")))
    return [
        *_tagged(frame[0], None),
        *_tagged(_form(start, form), start_key),
        *_tagged(frame[1], None),
        *_tagged(_form(end, form), end_key),
        *_tagged(frame[2], None),
    ]


def _label(rng: random.Random, word: str) -> list[Char]:
    """A printed label: sometimes letter-spaced ("姓　名"), rarely with one character misread."""
    chars = list(word)
    if rng.random() < 0.04:
        chars[rng.randrange(len(chars))] = rng.choice(_hanzi())
    if len(chars) <= 3 and rng.random() < 0.2:
        blank = rng.choice((" ", "\u3000", "\u3000\u3000"))
        chars = list(blank.join(chars))
    return _tagged("".join(chars), None)


def _separator(rng: random.Random) -> list[Char]:
    return _tagged(rng.choice(MERGED_SEPARATORS), None)


def _filler(rng: random.Random) -> str:
    """A short random value of a stop label or a distractor: digits or common hanzi."""
    if rng.random() < 0.3:
        return "".join(rng.choice("0123456789") for _ in range(rng.randint(2, 8)))
    return "".join(rng.choice(_hanzi()) for _ in range(rng.randint(2, 6)))


@cache
def _hanzi() -> tuple[str, ...]:
    return tuple(common_cjk())


def _label_words(vocabulary: Vocabulary) -> set[str]:
    return {word for spec in vocabulary.fields if spec.emits for word in spec.words}


def _distractors(rng: random.Random, vocabulary: Vocabulary) -> list[Item]:
    """A few stop labels with random values and anchor words (never a field's label) as plain lines."""
    stops = sorted({w for spec in vocabulary.fields if not spec.emits for w in spec.words})
    labels = _label_words(vocabulary)
    anchors = sorted({w for words, _ in vocabulary.anchors for w in words} - labels)
    items = []
    for _ in range(rng.randint(0, 3) if stops else 0):
        items.append(Item(_label(rng, rng.choice(stops)), _separator(rng), _tagged(_filler(rng), None)))
    for _ in range(rng.randint(0, 2) if anchors else 0):
        text = rng.choice(anchors) + (_filler(rng) if rng.random() < 0.3 else "")
        items.append(Item([], [], _tagged(text, None)))
    return items


def _title(rng: random.Random, vocabulary: Vocabulary) -> str:
    """One word of the heaviest anchor that is no field's label ("" when every anchor is a label)."""
    labels = _label_words(vocabulary)
    groups = [(weight, [w for w in words if w not in labels]) for words, weight in vocabulary.anchors]
    groups = [(weight, words) for weight, words in groups if words]
    if not groups or rng.random() < 0.15:
        return ""
    return rng.choice(max(groups, key=lambda g: g[0])[1])


# --- where it is printed -------------------------------------------------------------------------


def _advance(char: str) -> float:
    """A character's width in character sizes: half for ASCII, whole for hanzi and full-width marks.

    >>> _advance("7"), _advance("张"), _advance("：")
    (0.55, 1.0, 1.0)
    """
    return 0.55 if char.isascii() else 1.0


def _width(chars: list[Char], size: float) -> float:
    return sum(_advance(char) for char, _ in chars) * size


def _style(rng: random.Random, items: list[Item]) -> Style:
    """Page width, character size and spacing; the character size leaves room for the longest label and
    a few value characters in a cell."""
    width = rng.uniform(600, 2400)
    margin = width * rng.uniform(0.03, 0.12)
    content = width - 2 * margin
    longest = max(len(item.label) + len(item.sep) for item in items)
    columns = 2 if rng.random() < 0.3 else 1
    cell_chars = longest + 9
    per_line = rng.uniform(max(18, cell_chars * columns + 2), max(46, cell_chars * columns + 12))
    size = content / per_line
    arrangement = rng.choice(ARRANGEMENTS)
    value_offset = None
    if arrangement == "right" and rng.random() < 0.6:
        value_offset = max(_width(item.label + item.sep, size) for item in items) + rng.uniform(0.5, 2) * size
    return Style(
        width, margin, size, rng.uniform(1.25, 1.8), rng.uniform(0.2, 1.2), columns, arrangement, value_offset
    )


def _rows(rng: random.Random, items: list[Item], columns: int) -> list[list[Item]]:
    """Items grouped in order into rows of one or two cells: two columns pair every two items (a long
    value sometimes takes a row alone); one column now and then pairs two short items."""
    rows: list[list[Item]] = []
    room = False  # the last row takes one more item
    for item in items:
        if columns == 2:
            alone = len(item.value) >= 20 and rng.random() < 0.5
        else:
            alone = not (len(item.value) <= 6 and len(item.label) <= 4 and rng.random() < 0.5)
        if room and not alone:
            rows[-1].append(item)
            room = False
        else:
            rows.append([item])
            room = not alone
    return rows


def _wrap(rng: random.Random, item: Item, first: float, rest: float, size: float) -> list[list[Char]]:
    """The value cut into lines of at most ``first`` then ``rest`` pixels; a wrapping value is sometimes
    cut into 2–3 lines although it fits."""
    natural = _width(item.value, size)
    if item.wraps and len(item.value) >= 8 and rng.random() < 0.35:
        share = natural / rng.choice((2, 3)) + size
        first, rest = min(first, share), min(rest, share)
    lines: list[list[Char]] = [[]]
    room = first
    for char in item.value:
        step = _advance(char[0]) * size
        if lines[-1] and step > room:
            lines.append([])
            room = rest
        lines[-1].append(char)
        room -= step
    return lines


def _arrangement(rng: random.Random, item: Item, room: float, style: Style) -> str:
    """The item's arrangement: mostly the document's; a value that must not wrap goes where it fits."""
    if not item.label:
        return "merged"
    chosen = style.arrangement if rng.random() < 0.7 else rng.choice(ARRANGEMENTS)
    head = _width(item.label + item.sep, style.size)
    offset = style.value_offset or head + style.size
    value = _width(item.value, style.size)
    if chosen == "right" and (room - offset < 6 * style.size or (not item.wraps and value > room - offset)):
        return "below"
    if chosen == "merged" and not item.wraps and value > room - head:
        return "below"
    return chosen


def _place(rng: random.Random, item: Item, x0: float, x1: float, style: Style) -> list[Placed]:
    """The item's lines within the cell ``x0``–``x1``, as ``(level, x, characters)``."""
    size = style.size
    head = item.label + item.sep
    arrangement = _arrangement(rng, item, x1 - x0, style)
    if arrangement == "right":
        x = x0 + (style.value_offset or _width(head, size) + rng.uniform(0.5, 4) * size)
        x = min(x, x1 - max(6 * size, 0.0 if item.wraps else _width(item.value, size)))
        parts = _wrap(rng, item, x1 - x, x1 - x, size)
        return [(0, x0, head), *((level, x, part) for level, part in enumerate(parts))]
    if arrangement == "below":
        indent = rng.choice((0.0, rng.uniform(0.5, 2))) * size
        parts = _wrap(rng, item, x1 - x0 - indent, x1 - x0 - indent, size)
        return [(0, x0, head), *((level + 1, x0 + indent, part) for level, part in enumerate(parts))]
    hang = _width(head, size) if rng.random() < 0.5 else 0.0
    parts = _wrap(rng, item, x1 - x0 - _width(head, size), x1 - x0 - hang, size)
    return [
        (0, x0, head + parts[0]),
        *((level, x0 + hang, part) for level, part in enumerate(parts) if level),
    ]


@dataclass(frozen=True)
class _Line:
    """A line being laid out: its characters with their tags, its box and confidence."""

    chars: list[Char]
    box: tuple[float, float, float, float]
    confidence: float


def _plain(line: _Line) -> TextLine:
    return TextLine("".join(char for char, _ in line.chars), line.box, line.confidence)


def _new_line(rng: random.Random, chars: list[Char], x: float, y: float, size: float, end: float) -> _Line:
    """A line from ``x`` to ``end`` at ``y``, moved by a little jitter."""
    dx, dy = rng.uniform(-0.1, 0.1) * size, rng.uniform(-0.05, 0.05) * size
    return _Line(chars, (x + dx, y + dy, end + dx, y + dy + size), round(rng.uniform(0.9, 1.0), 4))


def _title_line(rng: random.Random, title: str, style: Style, lines: list[_Line]) -> float:
    """The title centred at the top (sometimes letter-spaced); returns where the rows start."""
    if rng.random() < 0.4:
        title = " ".join(title)
    chars = _tagged(title, None)
    size = min(style.size * rng.uniform(1.2, 1.8), (style.width - 2 * style.margin) / _width(chars, 1.0))
    x = (style.width - _width(chars, size)) / 2
    lines.append(_new_line(rng, chars, x, style.margin, size, x + _width(chars, size)))
    return style.margin + size * rng.uniform(1.5, 3.0)


def _row_lines(rng: random.Random, row: list[Item], y: float, style: Style, lines: list[_Line]) -> float:
    """The row's lines appended in reading order (level by level, cell by cell); returns the next row's y.

    OCR sometimes reads a row's two cells as one line: the left cell's last and the right cell's first
    line of the top level are then merged.
    """
    size = style.size
    left, right = style.margin, style.width - style.margin
    cut = (left + right) / 2
    cells = [(left, right)] if len(row) == 1 else [(left, cut - size), (cut + size, right)]
    placed = [_place(rng, item, x0, x1, style) for item, (x0, x1) in zip(row, cells, strict=True)]
    levels = max(level for cell in placed for level, _, _ in cell) + 1
    merge = len(placed) == 2 and rng.random() < 0.25
    for level in range(levels):
        at = [
            [(x, chars, x + _width(chars, size)) for lv, x, chars in cell if lv == level] for cell in placed
        ]
        if merge and level == 0 and at[0] and at[1]:
            (x, chars, _), (_, right_chars, end) = at[0][-1], at[1][0]
            joined = chars + _tagged(rng.choice(("", " ")), None) + right_chars
            at = [[*at[0][:-1], (x, joined, end)], at[1][1:]]
        for cell in at:
            lines.extend(
                _new_line(rng, chars, x, y + level * style.pitch * size, size, end) for x, chars, end in cell
            )
    return y + levels * style.pitch * size + style.gap * size
