"""Business names, entity types and business scopes (经营范围) in the wording registrars use."""

from __future__ import annotations

import random

from prereview.synth.content.regions import Region

_TRADE_NAMES = (
    "鑫源",
    "恒达",
    "宏发",
    "永盛",
    "金鼎",
    "华联",
    "佳禾",
    "润丰",
    "盛世",
    "顺意",
    "福满",
    "和美",
    "聚贤",
    "新锐",
    "博远",
    "万家",
    "兴旺",
    "同心",
    "安康",
    "益民",
    "创想",
    "云帆",
    "德润",
    "嘉和",
    "乐享",
)
# (shop kind for 个体工商户, company industry, scope items)
TRADES = (
    ("餐馆", "餐饮管理", ("餐饮服务", "食品销售（仅销售预包装食品）", "外卖递送服务")),
    ("便利店", "商贸", ("食品销售", "日用百货销售", "烟草制品零售", "文具用品零售")),
    ("小吃店", "餐饮服务", ("小餐饮", "餐饮服务", "食品小作坊经营")),
    ("理发店", "美容美发", ("理发服务", "美容服务", "化妆品零售")),
    ("服装店", "服饰", ("服装服饰零售", "鞋帽零售", "针纺织品销售")),
    ("五金店", "五金机电", ("五金产品零售", "建筑材料销售", "电线、电缆经营")),
    ("烘焙坊", "食品", ("食品生产", "食品销售", "餐饮服务")),
    ("水果店", "农产品", ("新鲜水果零售", "食用农产品零售", "食品销售（仅销售预包装食品）")),
    ("宾馆", "酒店管理", ("住宿服务", "餐饮服务", "洗染服务", "停车场服务")),
    ("茶饮店", "餐饮管理", ("餐饮服务", "食品销售", "茶具销售")),
)
COMPANY_FORMS = ("有限责任公司（自然人独资）", "有限责任公司（自然人投资或控股）", "其他有限责任公司")
INDIVIDUAL_FORM = "个体工商户"


def trade_name(rng: random.Random) -> str:
    """A two-character trade name (字号)."""
    return rng.choice(_TRADE_NAMES)


def individual_business_name(
    rng: random.Random, region: Region, trade: tuple[str, str, tuple[str, ...]]
) -> str:
    """A 个体工商户 name like "南山区鑫源便利店".

    >>> from prereview.synth.content.regions import Region
    >>> nanshan = Region("440305", "广东省", "深圳市", "南山区")
    >>> individual_business_name(random.Random(1), nanshan, TRADES[1])[-3:]
    '便利店'
    """
    place = region.county if rng.random() < 0.6 else region.city
    return f"{place}{trade_name(rng)}{trade[0]}"


def company_name(rng: random.Random, region: Region, trade: tuple[str, str, tuple[str, ...]]) -> str:
    """A limited company name like "深圳市恒达商贸有限公司"."""
    return f"{region.city}{trade_name(rng)}{trade[1]}有限公司"


def business_scope(rng: random.Random, trade: tuple[str, str, tuple[str, ...]]) -> str:
    """The 经营范围 sentence, with the usual licensing clause.

    >>> business_scope(random.Random(0), TRADES[0]).endswith("）")
    True
    """
    items = list(trade[2])
    rng.shuffle(items)
    general = "一般项目：" + "；".join(items[: rng.randint(2, len(items))]) + "。"
    clause = "（除依法须经批准的项目外，凭营业执照依法自主开展经营活动）"
    return general + clause
