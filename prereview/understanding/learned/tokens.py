"""Characters as tokens: every OCR line split into its characters, each with a proportional sub-box.

OCR merges a label and its value into one line ("姓名张三性别男"), so the learned models read and tag
single characters. A character's box is its share of the line's width (:func:`line_chars`); positions
are then scaled to 0–1000 within the extent of the page's lines (:func:`scale_box`), the LayoutLM
convention, so the same text at another resolution gives the same numbers.
"""

from __future__ import annotations

from dataclasses import dataclass

from prereview.document import Box, TextLine

SCALE = 1000


@dataclass(frozen=True)
class Token:
    """One printed character: where it sits in pixels, its 0–1000 position, and its source line."""

    char: str
    box: Box
    position: tuple[int, int, int, int]
    page: int
    line: int
    confidence: float


def line_chars(line: TextLine) -> list[tuple[str, Box]]:
    """The line's non-blank characters, each with an equal share of the line's width.

    >>> [(c, b[0], b[2]) for c, b in line_chars(TextLine("姓名 张三", (0, 0, 50, 10), 0.9))]
    [('姓', 0.0, 10.0), ('名', 10.0, 20.0), ('张', 30.0, 40.0), ('三', 40.0, 50.0)]
    """
    text = line.text
    if not text:
        return []
    x0, y0, x1, y1 = line.box
    step = (x1 - x0) / len(text)
    return [
        (char, (x0 + i * step, y0, x0 + (i + 1) * step, y1))
        for i, char in enumerate(text)
        if not char.isspace()
    ]


def extent(lines: list[TextLine]) -> Box:
    """The box holding every line (the frame positions are scaled in).

    >>> extent([TextLine("a", (10, 20, 30, 40), 1.0), TextLine("b", (5, 50, 25, 60), 1.0)])
    (5, 20, 30, 60)
    """
    if not lines:
        return (0.0, 0.0, 1.0, 1.0)
    return (
        min(line.box[0] for line in lines),
        min(line.box[1] for line in lines),
        max(line.box[2] for line in lines),
        max(line.box[3] for line in lines),
    )


def scale_box(box: Box, frame: Box) -> tuple[int, int, int, int]:
    """``box`` in 0–1000 units of ``frame``, clipped, with x1 ≥ x0 and y1 ≥ y0.

    >>> scale_box((15, 20, 25, 60), (5, 20, 30, 60))
    (400, 0, 800, 1000)
    """
    width = max(frame[2] - frame[0], 1.0)
    height = max(frame[3] - frame[1], 1.0)

    def clip(value: float) -> int:
        return int(min(max(value, 0.0), SCALE))

    x0 = clip((box[0] - frame[0]) / width * SCALE)
    y0 = clip((box[1] - frame[1]) / height * SCALE)
    return (
        x0,
        y0,
        max(x0, clip((box[2] - frame[0]) / width * SCALE)),
        max(y0, clip((box[3] - frame[1]) / height * SCALE)),
    )


def tokenize(pages: list[list[TextLine]]) -> list[Token]:
    """Every character of every page, page by page and line by line in the order given.

    >>> pages = [[TextLine("姓名张三", (0, 0, 40, 10), 0.9)], [TextLine("男", (0, 0, 10, 10), 0.8)]]
    >>> tokens = tokenize(pages)
    >>> [(t.char, t.page, t.position[0]) for t in tokens]
    [('姓', 0, 0), ('名', 0, 250), ('张', 0, 500), ('三', 0, 750), ('男', 1, 0)]
    """
    tokens: list[Token] = []
    for page, lines in enumerate(pages):
        frame = extent(lines)
        for number, line in enumerate(lines):
            for char, box in line_chars(line):
                tokens.append(Token(char, box, scale_box(box, frame), page, number, line.confidence))
    return tokens
