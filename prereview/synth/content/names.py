"""Fictional personal names and ethnicities, drawn with realistic frequencies.

Surnames are the most common ones of the mainland (weights roughly follow the 2020 census ranking);
given names use characters common in names of each sex. Rare characters and "·" transliterated names
appear only when asked for (``exotic=True``), because they are a separate test condition.
"""

from __future__ import annotations

import random

_SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
    "姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
)
_COMPOUND_SURNAMES = ("欧阳", "司马", "上官", "诸葛", "东方", "慕容", "皇甫", "令狐")
_MALE = "伟强磊军勇杰涛斌超明刚平辉鹏华飞鑫波宇浩凯健俊帆帅旭宁龙林欣洋亮成志峰建国文博晨昊轩然睿哲泽瑞航子"
_FEMALE = "芳娜敏静丽艳娟霞秀玲桂英红燕梅琳倩婷雪慧颖晶佳莉萍玉兰凤洁琴云莹雯欣怡涵萱悦诗梦雨彤馨月瑶琪思"
_NEUTRAL = "春海晓一子嘉文安永新金乐宏家立佳天雅小丹俊晓志玉心可"
_RARE = "堃犇淼焱喆珺昇玥赟昱翀婳彧靓"
_TRANSLITERATED = ("阿不都", "买买提", "艾力", "努尔", "古丽", "热合曼", "阿依", "吐尔逊", "帕提", "迪丽")

ETHNICITIES = (
    ("汉", 0.915),
    ("壮", 0.014),
    ("回", 0.0083),
    ("满", 0.0074),
    ("维吾尔", 0.0083),
    ("苗", 0.0078),
    ("彝", 0.0069),
    ("土家", 0.0068),
    ("藏", 0.005),
    ("蒙古", 0.0045),
    ("侗", 0.0025),
    ("布依", 0.0025),
    ("瑶", 0.0023),
    ("白", 0.0015),
    ("朝鲜", 0.0012),
)


def make_name(rng: random.Random, sex: str, *, exotic: bool = False) -> str:
    """A fictional full name for a person of ``sex`` ("男"/"女").

    >>> name = make_name(random.Random(1), "女")
    >>> 2 <= len(name) <= 4
    True
    """
    if exotic and rng.random() < 0.5:
        return rng.choice(_TRANSLITERATED) + "·" + rng.choice(_TRANSLITERATED)
    surname = rng.choice(_COMPOUND_SURNAMES) if rng.random() < 0.02 else _surname(rng)
    pool = (_MALE if sex == "男" else _FEMALE) + _NEUTRAL
    if exotic:
        pool = _RARE
    length = 1 if rng.random() < 0.3 else 2
    return surname + "".join(rng.choice(pool) for _ in range(length))


def _surname(rng: random.Random) -> str:
    # rank-weighted: the first surnames are far more common than the last
    index = int(len(_SURNAMES) * rng.random() ** 2)
    return _SURNAMES[index]


def make_ethnicity(rng: random.Random) -> str:
    """An ethnicity as printed on an ID card (without "族"), e.g. "汉"."""
    names = [name for name, _ in ETHNICITIES]
    weights = [weight for _, weight in ETHNICITIES]
    return rng.choices(names, weights)[0]
