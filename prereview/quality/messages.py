"""What each quality issue says to the applicant: one message and one fix hint per code."""

from __future__ import annotations

from typing import NamedTuple


class Wording(NamedTuple):
    message: str
    hint: str


WORDING: dict[str, Wording] = {
    "blank_page": Wording(
        "该页未检测到任何内容，可能是空白页或拍摄对象有误", "请确认上传的是材料本身，并拍摄或扫描有文字的一面"
    ),
    "low_resolution": Wording(
        "图片分辨率过低，文字无法看清",
        "请上传原图，或让材料占满画面后重新拍摄（短边不少于 {min_short_side} 像素）",
    ),
    "blurry": Wording("照片模糊，文字看不清", "照片模糊，请在光线充足处对焦后重拍，拍摄时保持手机稳定"),
    "glare": Wording(
        "材料上有反光（局部过亮），部分文字被遮挡", "请避开灯光或阳光直射，调整拍摄角度后重拍，不要使用闪光灯"
    ),
    "cut_off": Wording("材料没有拍全，边缘部分超出了画面", "请将材料完整放入取景框，四边都留出空隙后重拍"),
}


def wording(code: str, **values: object) -> Wording:
    """The message and hint for ``code``, with ``{placeholders}`` filled from ``values``.

    >>> wording("low_resolution", min_short_side=500).hint
    '请上传原图，或让材料占满画面后重新拍摄（短边不少于 500 像素）'
    """
    base = WORDING[code]
    return Wording(base.message.format(**values), base.hint.format(**values))
