"""Label–value rows, the arrangement most certificates use: "名　　称  XX便利店"."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from prereview.synth.render.canvas import BLACK, Ink, Sheet, wrap


@dataclass
class Row:
    """One printed line (or block): ``label``, then ``printed`` as field ``key`` (None: not labelled)."""

    label: str
    key: str | None
    value: Any
    printed: str
    max_lines: int = 1


def justify(label: str, width: int) -> str:
    """Pad a label with spaces to ``width`` characters, the way certificates space short labels.

    >>> justify("名称", 4), justify("经营者", 4), justify("法定代表人", 4)
    ('名\u3000\u3000称', '经 营 者', '法定代表人')
    """
    pad = width - len(label)
    if pad <= 0 or len(label) < 2:
        return label
    if len(label) == 2:
        return label[0] + "\u3000" * pad + label[1]
    gaps = len(label) - 1
    spaces = " " * max(1, (2 * pad) // gaps)
    return spaces.join(label)


def draw_rows(
    sheet: Sheet,
    rows: list[Row],
    *,
    x_label: float,
    x_value: float,
    y: float,
    size: int,
    label_font: str,
    value_font: str,
    width: float,
    step: float,
    label_ink: Ink = BLACK,
    label_width: int = 4,
    line_gap: float = 1.4,
) -> float:
    """Draw ``rows`` downwards from ``y``; values wrap to ``width`` pixels. Returns the next free y.

    A labelled value takes more lines than its row's ``max_lines`` rather than run past ``width``
    into the next column, where it would be covered and its label would claim text nobody can read.
    """
    for row in rows:
        sheet.text((x_label, y), justify(row.label, label_width), label_font, size, label_ink)
        if row.key is None:
            box, _ = sheet.wrapped(
                (x_value, y), row.printed, value_font, size, width, max_lines=row.max_lines, line_gap=line_gap
            )
        else:
            needed = len(wrap(row.printed, lambda s: sheet.width_of(s, value_font, size), width))
            box = sheet.wrapped_field(
                row.key,
                row.value,
                (x_value, y),
                row.printed,
                value_font,
                size,
                width,
                max_lines=max(row.max_lines, needed),
                line_gap=line_gap,
            )
        y = max(y + step, box[3] + step - size)
    return y
