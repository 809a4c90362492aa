"""Street addresses inside a real county: roads, villages, residential compounds, rooms."""

from __future__ import annotations

import random

from prereview.synth.content.regions import Region

_ROAD_STEMS = (
    "人民",
    "解放",
    "中山",
    "建设",
    "和平",
    "新华",
    "胜利",
    "文化",
    "光明",
    "长江",
    "黄河",
    "东风",
    "朝阳",
    "幸福",
    "迎宾",
    "工业",
    "科技",
    "育才",
    "青年",
    "府前",
    "滨江",
    "湖滨",
    "振兴",
    "团结",
    "民主",
    "南京",
)
_ROAD_KINDS = ("路", "街", "大道", "东路", "西路", "南路", "北路", "中路")
_COMPOUNDS = ("花园", "小区", "家园", "苑", "公寓", "新村", "名都", "华府", "雅居", "佳园")
_COMPOUND_STEMS = (
    "阳光",
    "金色",
    "翠湖",
    "锦绣",
    "春风",
    "碧水",
    "御景",
    "丽景",
    "世纪",
    "和谐",
    "紫荆",
    "桂花",
)
_TOWN_SUFFIX = ("镇", "乡", "街道")
_VILLAGE_STEMS = (
    "张家",
    "王庄",
    "李村",
    "大河",
    "石桥",
    "柳树",
    "马营",
    "高庄",
    "东湖",
    "前进",
    "红星",
    "新民",
)


def street_address(rng: random.Random, region: Region, *, with_region: bool = True) -> str:
    """A plausible address in ``region``: an urban flat, or a rural house number.

    >>> from prereview.synth.content.regions import Region
    >>> nanshan = Region("440305", "广东省", "深圳市", "南山区")
    >>> street_address(random.Random(2), nanshan).startswith("广东省深圳市南山区")
    True
    """
    head = region.full_name if with_region else ""
    if region.is_district or rng.random() < 0.6:
        road = rng.choice(_ROAD_STEMS) + rng.choice(_ROAD_KINDS)
        number = rng.randint(1, 999)
        if rng.random() < 0.75:
            compound = rng.choice(_COMPOUND_STEMS) + rng.choice(_COMPOUNDS)
            building, unit = rng.randint(1, 32), rng.randint(1, 6)
            room = rng.randint(1, 33) * 100 + rng.randint(1, 8)
            return f"{head}{road}{number}号{compound}{building}栋{unit}单元{room}室"
        return f"{head}{road}{number}号"
    town = rng.choice(_VILLAGE_STEMS[:6]) + rng.choice(_TOWN_SUFFIX)
    village = rng.choice(_VILLAGE_STEMS) + "村"
    return f"{head}{town}{village}{rng.randint(1, 12)}组{rng.randint(1, 120)}号"


def shop_address(rng: random.Random, region: Region) -> str:
    """A street-front business premises (经营场所) in ``region``."""
    road = rng.choice(_ROAD_STEMS) + rng.choice(_ROAD_KINDS)
    tail = rng.choice(("一楼门面", "商铺", "1层", "底商", "2层201"))
    return f"{region.full_name}{road}{rng.randint(1, 999)}号{tail}"
