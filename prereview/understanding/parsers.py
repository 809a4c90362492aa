"""Every value parser by the name a :class:`~prereview.understanding.vocabulary.FieldSpec` gives."""

from __future__ import annotations

from prereview.understanding import shapes, values
from prereview.understanding.values import Parser

PARSERS: dict[str, Parser] = {**values.PARSERS, **shapes.PARSERS}
