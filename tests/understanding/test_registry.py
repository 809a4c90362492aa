from __future__ import annotations

import pytest

from prereview.errors import UnknownComponent
from prereview.understanding import (
    CLASSIFIERS,
    EXTRACTORS,
    Classifier,
    Extractor,
    build_classifier,
    build_extractor,
    build_understander,
)


def test_anchor_components_are_registered_and_follow_the_protocols() -> None:
    assert "anchors" in CLASSIFIERS and "anchors" in EXTRACTORS
    assert isinstance(build_classifier("anchors"), Classifier)
    assert isinstance(build_extractor("anchors"), Extractor)
    assert build_understander("anchors").name == "anchors"


@pytest.mark.parametrize("build", [build_classifier, build_extractor])
def test_unknown_names_list_the_known_ones(build) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(UnknownComponent) as error:
        build("ancors")
    assert "ancors" in str(error.value) and "anchors" in str(error.value)


@pytest.mark.parametrize("junk", ["", "😴", " ", "\x00", "1" * 500])
def test_junk_lines_never_crash(junk: str) -> None:
    from prereview.document import TextLine
    from prereview.understanding import understand

    result = understand([[TextLine(junk, (0, 0, 10, 10), 0.5)], []])
    assert result.material_type == "other"
