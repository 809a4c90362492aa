"""Where a point of a PDF page lands in the image rendered from it.

PDF user space has its origin at the bottom left and counts in points (1/72 inch); the page shows only its
crop box and may be turned by ``/Rotate``. The rendered image has its origin at the top left and counts in
pixels at the page's dpi. Boxes of the text layer must land exactly where the renderer drew the glyphs.
"""

from __future__ import annotations

from dataclasses import dataclass

from prereview.document import Box


@dataclass(frozen=True)
class PageGeometry:
    """``crop`` is the visible box ``(left, bottom, right, top)`` in PDF user space; ``rotation`` is the
    page's clockwise ``/Rotate`` (0, 90, 180, 270); ``scale`` is pixels per point (dpi / 72)."""

    crop: Box
    rotation: int
    scale: float

    def to_pixels(self, box: Box) -> Box:
        """A ``(left, bottom, right, top)`` box of user space → ``(x0, y0, x1, y1)`` in image pixels.

        >>> a4 = PageGeometry(crop=(0, 0, 595, 842), rotation=0, scale=2.0)
        >>> a4.to_pixels((72, 742, 172, 762))  # 1 inch from the left, 80-100 pt below the top
        (144.0, 160.0, 344.0, 200.0)
        >>> turned = PageGeometry(crop=(0, 0, 595, 842), rotation=90, scale=1.0)
        >>> turned.to_pixels((0, 832, 10, 842))  # the top-left corner goes to the top right
        (832.0, 0.0, 842.0, 10.0)
        >>> PageGeometry(crop=(0, 0, 100, 200), rotation=180, scale=1.0).to_pixels((0, 0, 10, 10))
        (90.0, 0.0, 100.0, 10.0)
        >>> PageGeometry(crop=(0, 0, 100, 200), rotation=270, scale=1.0).to_pixels((0, 190, 10, 200))
        (0.0, 90.0, 10.0, 100.0)
        """
        corners = [self._point(box[0], box[3]), self._point(box[2], box[1])]
        xs = [p[0] for p in corners]
        ys = [p[1] for p in corners]
        return (min(xs), min(ys), max(xs), max(ys))

    def _point(self, x: float, y: float) -> tuple[float, float]:
        left, bottom, right, top = self.crop
        u, v = (x - left) * self.scale, (top - y) * self.scale
        width, height = (right - left) * self.scale, (top - bottom) * self.scale
        if self.rotation == 90:
            return (height - v, u)
        if self.rotation == 180:
            return (width - u, height - v)
        if self.rotation == 270:
            return (v, width - u)
        return (u, v)
