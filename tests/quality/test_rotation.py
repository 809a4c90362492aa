"""Quarter turns and mapping boxes back, checked against cv2.rotate on a marked image."""

from __future__ import annotations

import numpy as np
import pytest

from prereview.document import TextLine
from prereview.quality import rotate_image, turn_lines, unrotate_box, unrotate_lines


def marked(
    width: int = 300, height: int = 200, box: tuple[int, int, int, int] = (40, 30, 120, 60)
) -> np.ndarray:
    image = np.zeros((height, width), np.uint8)
    x0, y0, x1, y1 = box
    image[y0:y1, x0:x1] = 255
    return image


def mark_box(image: np.ndarray) -> tuple[float, float, float, float]:
    ys, xs = np.nonzero(image)
    return (float(xs.min()), float(ys.min()), float(xs.max() + 1), float(ys.max() + 1))


@pytest.mark.parametrize("rotation", [0, 90, 180, 270])
def test_box_found_on_turned_image_maps_back_to_where_it_was_drawn(rotation: int) -> None:
    original = marked()
    turned = rotate_image(original, rotation)
    assert unrotate_box(mark_box(turned), rotation, width=300, height=200) == (40.0, 30.0, 120.0, 60.0)


@pytest.mark.parametrize("rotation", [90, 180, 270])
def test_lines_round_trip(rotation: int) -> None:
    line = TextLine("王小明", (40, 30, 120, 60), 0.9, polygon=((40, 30), (120, 30), (120, 60), (40, 60)))
    upright = turn_lines([line], rotation, 300, 200)
    assert upright[0].box == mark_box(rotate_image(marked(), rotation))
    back = unrotate_lines(upright, rotation, 300, 200)[0]
    assert back.box == line.box and back.text == line.text and back.confidence == line.confidence
    assert back.polygon is not None and set(back.polygon) == set(line.polygon or ())


def test_wrong_rotation_is_refused() -> None:
    with pytest.raises(ValueError, match="rotation must be one of"):
        rotate_image(marked(), 45)
