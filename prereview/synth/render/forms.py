"""What each service item's application form asks, filled from the facts.

Every form carries ``applicant_name``, ``applicant_id_number`` (or ``credit_code``), ``phone``; the form
renderer adds ``signed`` and ``sign_date``. Item ids are those of CONTRACT.md.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from prereview.synth.content.dates import age_on
from prereview.synth.content.facts import Person
from prereview.synth.render.context import RenderContext, cn_date, iso


@dataclass
class Entry:
    """One form line: the printed label, the field key (None: not labelled), value and printed text."""

    label: str
    key: str | None
    value: Any
    printed: str
    wide: bool = False


TITLES = {
    "individual_business_registration": "个体工商户登记（备案）申请书",
    "food_license_cancellation": "食品经营许可证注销申请书",
    "unemployment_registration": "就业失业登记表",
    "resident_pension_enrollment": "城乡居民基本养老保险参保登记表",
    "elderly_allowance": "高龄津贴申请表",
    "public_place_hygiene_license": "公共场所卫生许可证申请表",
    "birth_registration": "生育登记表",
}


def _person(ctx: RenderContext, person: Person, *, with_birth: bool = True) -> list[Entry]:
    number = ctx.id_number(person.id_number)
    entries = [
        Entry("姓名", "applicant_name", person.name, person.name),
        Entry("性别", "sex", person.sex, person.sex),
        Entry("民族", "ethnicity", person.ethnicity + "族", person.ethnicity + "族"),
    ]
    if with_birth:
        entries.append(Entry("出生日期", "birth_date", iso(person.birth_date), cn_date(person.birth_date)))
    entries.append(Entry("公民身份号码", "applicant_id_number", number, number, wide=True))
    return entries


def _phone(person: Person) -> Entry:
    return Entry("联系电话", "phone", person.phone, person.phone)


def _business_registration(ctx: RenderContext, f: dict[str, Any]) -> list[Entry]:
    person, company = f["person"], f["company"]
    staff = str(ctx.rng.randint(1, 8))
    capital = f"{ctx.rng.choice((2, 3, 5, 10, 20))}万元"
    return [
        Entry("经营者姓名", "applicant_name", person.name, person.name),
        Entry("身份证号码", "applicant_id_number", ctx.id_number(person.id_number), ""),
        _phone(person),
        Entry("从业人数", "employees", staff, staff),
        Entry("个体工商户名称", "business_name", company.name, company.name, wide=True),
        Entry("经营场所", "premises", company.address, company.address, wide=True),
        Entry("经营范围", "business_scope", company.business_scope, company.business_scope, wide=True),
        Entry("资金数额", "capital", capital, capital),
        Entry("组成形式", "organization_form", "个人经营", "个人经营"),
    ]


def _food_cancellation(ctx: RenderContext, f: dict[str, Any]) -> list[Entry]:
    person, lic = f["person"], f["food_license"]
    code = ctx.credit_code(lic.company.credit_code)
    reason = ctx.rng.choice(("停止经营", "经营场所变更", "主体资格依法终止"))
    return [
        Entry("经营者名称", "operator_name", lic.company.name, lic.company.name, wide=True),
        Entry("统一社会信用代码", "credit_code", code, code, wide=True),
        Entry("许可证编号", "license_number", lic.license_number, lic.license_number, wide=True),
        Entry("法定代表人（负责人）", "applicant_name", person.name, person.name),
        _phone(person),
        Entry("身份证号码", "applicant_id_number", person.id_number, person.id_number, wide=True),
        Entry("注销原因", "reason", reason, reason, wide=True),
    ]


def _unemployment(ctx: RenderContext, f: dict[str, Any]) -> list[Entry]:
    person = f["person"]
    education = ctx.rng.choice(("高中", "大专", "大学本科", "初中", "中专"))
    reason = ctx.rng.choice(("劳动合同期满终止", "单位裁员", "个人原因辞职", "毕业未就业"))
    return [
        *_person(ctx, person),
        _phone(person),
        Entry("文化程度", "education", education, education),
        Entry("户籍地址", "address", person.address, person.address, wide=True),
        Entry("失业原因", "reason", reason, reason, wide=True),
    ]


def _pension(ctx: RenderContext, f: dict[str, Any]) -> list[Entry]:
    person = f["person"]
    level = f"{ctx.rng.choice((200, 300, 500, 1000, 2000))}元"
    return [
        *_person(ctx, person),
        _phone(person),
        Entry("是否在校学生", "student", "否", "否"),
        Entry("户籍所在地", "address", person.address, person.address, wide=True),
        Entry("缴费档次", "contribution_level", level, level, wide=True),
    ]


def _elderly(ctx: RenderContext, f: dict[str, Any]) -> list[Entry]:
    person = f["person"]
    age = str(age_on(person.birth_date, f["as_of"]))
    account = "62" + "".join(ctx.rng.choice("0123456789") for _ in range(17))
    bank = ctx.rng.choice(("中国农业银行", "中国工商银行", "中国建设银行", "中国邮政储蓄银行"))
    return [
        *_person(ctx, person),
        Entry("年龄", "age", age, age),
        _phone(person),
        Entry("户籍地址", "address", person.address, person.address, wide=True),
        Entry("开户银行", "bank", bank, bank),
        Entry("银行账号", "bank_account", account, account, wide=True),
    ]


def _hygiene(ctx: RenderContext, f: dict[str, Any]) -> list[Entry]:
    person, company = f["person"], f["company"]
    code = ctx.credit_code(company.credit_code)
    category = ctx.rng.choice(("住宿场所", "美容美发场所", "沐浴场所", "游泳场所"))
    staff = str(ctx.rng.randint(2, 30))
    return [
        Entry("单位名称", "business_name", company.name, company.name, wide=True),
        Entry("统一社会信用代码", "credit_code", code, code, wide=True),
        Entry("法定代表人", "applicant_name", person.name, person.name),
        _phone(person),
        Entry("身份证号码", "applicant_id_number", person.id_number, person.id_number, wide=True),
        Entry("经营地址", "premises", company.address, company.address, wide=True),
        Entry("经营项目", "category", category, category),
        Entry("从业人数", "employees", staff, staff),
    ]


def _birth(ctx: RenderContext, f: dict[str, Any]) -> list[Entry]:
    person, marriage = f["person"], f["marriage"]
    spouse = marriage.spouse_2 if marriage.spouse_1 is person else marriage.spouse_1
    order = ctx.rng.choice(("第一个", "第二个", "第三个"))
    return [
        *_person(ctx, person, with_birth=False),
        _phone(person),
        Entry("配偶姓名", "spouse_name", spouse.name, spouse.name),
        Entry("配偶身份号码", "spouse_id_number", spouse.id_number, spouse.id_number, wide=True),
        Entry(
            "结婚登记日期",
            "marriage_registration_date",
            iso(marriage.registration_date),
            cn_date(marriage.registration_date),
        ),
        Entry("生育孩次", "child_order", order, order),
        Entry("现居住地址", "address", person.address, person.address, wide=True),
    ]


FORMS: dict[str, Callable[[RenderContext, dict[str, Any]], list[Entry]]] = {
    "individual_business_registration": _business_registration,
    "food_license_cancellation": _food_cancellation,
    "unemployment_registration": _unemployment,
    "resident_pension_enrollment": _pension,
    "elderly_allowance": _elderly,
    "public_place_hygiene_license": _hygiene,
    "birth_registration": _birth,
}


def form_entries(ctx: RenderContext) -> list[Entry]:
    """The filled lines of the form for ``facts["item_id"]``."""
    item_id = ctx.facts.get("item_id")
    if item_id not in FORMS:
        raise ValueError(
            f"unknown item {item_id!r} for an application form; known: {', '.join(sorted(FORMS))}"
        )
    entries = FORMS[item_id](ctx, ctx.facts)
    for entry in entries:  # entries whose printed text was left blank reuse the value
        if not entry.printed and entry.value is not None:
            entry.printed = str(entry.value)
    return entries
