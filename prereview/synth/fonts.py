"""The CJK fonts synthetic materials are drawn with (Debian packages fonts-noto-cjk, fonts-wqy-zenhei,
fonts-arphic-ukai, fonts-arphic-uming), and a cache of loaded PIL fonts.

A font id names a family; ``load_font(font_id, size)`` returns the Simplified-Chinese face of it.
"""

from __future__ import annotations

import functools
from pathlib import Path

from PIL import ImageFont

# font id -> (file, face index of the Simplified Chinese face in the collection)
_FACES: dict[str, tuple[str, int]] = {
    "noto_sans": ("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", 2),
    "noto_sans_bold": ("/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc", 2),
    "noto_serif": ("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc", 2),
    "noto_serif_bold": ("/usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc", 2),
    "wqy_zenhei": ("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", 0),
    "ukai": ("/usr/share/fonts/truetype/arphic/ukai.ttc", 0),
    "uming": ("/usr/share/fonts/truetype/arphic/uming.ttc", 0),
}
FONTS: dict[str, Path] = {font_id: Path(path) for font_id, (path, _) in _FACES.items()}
VALUE_FONTS = ("noto_sans", "noto_serif", "wqy_zenhei", "uming")  # fonts a printed value may use
HANDWRITING_FONT = "ukai"


def available_fonts() -> list[str]:
    """The font ids whose files are installed."""
    return [font_id for font_id, path in FONTS.items() if path.exists()]


@functools.lru_cache(maxsize=256)
def load_font(font_id: str, size: int) -> ImageFont.FreeTypeFont:
    """The PIL font for ``font_id`` at ``size`` pixels; says which ids exist when the id is wrong."""
    if font_id not in _FACES:
        raise KeyError(f"unknown font {font_id!r}; known: {', '.join(sorted(_FACES))}")
    path, index = _FACES[font_id]
    return ImageFont.truetype(path, size, index=index)
