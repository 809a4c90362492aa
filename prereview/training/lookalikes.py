"""Examples of ``other`` that look like the materials: papers people upload by mistake.

Random text teaches the classifier only that noise is ``other``. An applicant's wrong upload is not
noise: a driving licence or a residence permit prints 姓名, 性别, 住址 and an ID number; a labour contract
prints 甲方 and 乙方; a certificate of income has a title, a name and a seal. These pages are made of
the same words — a title from papers the service does not take, then labelled values drawn from the
labels the materials share — as OCR lines, without rendering (the classifier reads lines, not pixels).

A page the anchor classifier would recognise as one of the materials is never kept: what makes a
material is the anchors' own words, so a page only counts as ``other`` when it lacks them.
"""

from __future__ import annotations

import random
from datetime import date

from prereview.document import TextLine
from prereview.synth.content.dates import random_day
from prereview.synth.content.facts import Person, make_person
from prereview.understanding.anchor_classifier import SURE, anchor_scores
from prereview.understanding.normalize import compact

# Papers the service items never ask for, each with the labels it prints (several share the materials').
PAPERS: dict[str, tuple[str, ...]] = {
    "中华人民共和国机动车驾驶证": (
        "证号",
        "姓名",
        "性别",
        "国籍",
        "住址",
        "出生日期",
        "初次领证日期",
        "准驾车型",
        "有效期限",
    ),
    "中华人民共和国机动车行驶证": (
        "号牌号码",
        "车辆类型",
        "所有人",
        "住址",
        "使用性质",
        "品牌型号",
        "注册日期",
        "发证日期",
    ),
    "机动车登记证书": (
        "机动车所有人",
        "身份证明名称",
        "号码",
        "登记机关",
        "登记日期",
        "车辆品牌",
        "车身颜色",
    ),
    "居住证": ("姓名", "性别", "民族", "出生", "住址", "公民身份号码", "签发机关", "有效期限"),
    "社会保障卡": ("姓名", "社会保障号码", "卡号", "发卡日期", "有效期"),
    "中华人民共和国护照": (
        "类型",
        "国家码",
        "护照号",
        "姓名",
        "性别",
        "出生地点",
        "出生日期",
        "签发地点",
        "签发日期",
        "有效期至",
    ),
    "学生证": ("姓名", "性别", "学院", "专业", "学号", "入学日期"),
    "毕业证书": ("学生", "性别", "出生日期", "专业", "学制", "校长", "证书编号"),
    "出生医学证明": ("新生儿姓名", "性别", "出生时间", "出生地点", "母亲姓名", "父亲姓名", "出生证编号"),
    "离婚证": ("持证人", "登记日期", "离婚证字号", "姓名", "性别", "国籍", "出生日期", "身份证件号"),
    "劳动合同书": ("甲方（用人单位）", "乙方（劳动者）", "身份证号码", "合同期限", "工作岗位", "劳动报酬"),
    "收入证明": ("姓名", "身份证号码", "职务", "月收入", "单位名称", "日期"),
    "无犯罪记录证明": ("姓名", "性别", "身份证号码", "出具单位", "日期"),
    "增值税普通发票": ("发票代码", "发票号码", "开票日期", "购买方名称", "纳税人识别号", "金额", "税额"),
    "银行交易明细": ("户名", "账号", "交易日期", "交易金额", "余额", "摘要"),
    "体检报告": ("姓名", "性别", "年龄", "体检日期", "检查项目", "结论"),
}
MAX_TRIES = 20


_FILLER = "一二三四五六七八九十甲乙丙丁东南西北中人民市区县路号楼层"


def _value(label: str, rng: random.Random, person: Person, as_of: date) -> str:
    """A value for ``label``: the person's own where the label asks for it, else a date or filler."""
    values = {
        "姓名": person.name,
        "性别": person.sex,
        "民族": person.ethnicity,
        "住址": person.address,
        "地址": person.address,
        "身份证号码": person.id_number,
        "公民身份号码": person.id_number,
        "身份证件号": person.id_number,
        "证号": person.id_number,
        "社会保障号码": person.id_number,
        "联系电话": person.phone,
        "金额": f"{rng.randint(1, 99999)}.{rng.randint(0, 99):02d}元",
        "国籍": "中国",
    }
    if label in values:
        return values[label]
    day = random_day(rng, date(1990, 1, 1), as_of)
    if any(word in label for word in ("日期", "有效期", "时间", "出生")):
        return f"{day.year}年{day.month:02d}月{day.day:02d}日"
    return "".join(rng.choice(_FILLER) for _ in range(rng.randint(2, 8)))


def _page(rng: random.Random, as_of: date) -> list[TextLine]:
    person = make_person(rng, as_of=as_of)
    x, y, size = rng.uniform(40, 200), rng.uniform(30, 120), rng.uniform(22, 40)
    title = rng.choice(list(PAPERS))
    lines = [TextLine(title, (x, y, x + size * 1.4 * len(title), y + size * 1.4), 0.95)]
    labels = PAPERS[title]
    for label in rng.sample(labels, rng.randint(min(3, len(labels)), len(labels))):
        y += size * rng.uniform(1.6, 2.6)
        text = label + rng.choice(("", "：", " ")) + _value(label, rng, person, as_of)
        width = size * len(text) * rng.uniform(0.8, 1.0)
        lines.append(TextLine(text, (x, y, x + width, y + size), round(rng.uniform(0.8, 1.0), 3)))
    return lines


def lookalike_pages(
    rng: random.Random, count: int, as_of: date = date(2025, 6, 30)
) -> list[list[list[TextLine]]]:
    """``count`` one-page materials of papers the service does not take, none of them recognisable by
    the anchors as a material (each page is drawn again, a bounded number of times, until it is not)."""
    pages: list[list[list[TextLine]]] = []
    while len(pages) < count:
        for _ in range(MAX_TRIES):
            page = _page(rng, as_of)
            scores = anchor_scores("\n".join(compact(line.text) for line in page))
            if max(scores.values()) < SURE:
                pages.append([page])
                break
        else:
            raise RuntimeError(f"no look-alike page the anchors reject in {MAX_TRIES} tries")
    return pages
