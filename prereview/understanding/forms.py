"""What an application form says about itself: its title, the service item the title names, and the
keys that item's form definition uses.

``form_title`` is the printed title (the tallest line holding 申请书/申请表/登记表); ``item_hint`` is the
CONTRACT.md item id its words name ("食品经营许可证注销申请书" → ``food_license_cancellation``), with
the title's box — a hint for assigning the file, not a value printed as such. The shared form
vocabulary reads 经营场所 as ``premises``; when the title names an item whose form definition calls it
``business_address`` (:data:`~.vocabulary.papers.FORM_ITEM_KEYS`), the field is reported under both keys.
"""

from __future__ import annotations

from collections.abc import Callable

from prereview.document import Field
from prereview.understanding.layout import Run
from prereview.understanding.normalize import cjk_punctuation, find_date
from prereview.understanding.vocabulary.papers import FORM_ITEM_KEYS, FORM_TITLE_WORDS, FORM_TITLES

Finisher = Callable[[dict[str, Field]], dict[str, Field]]


def item_of_title(title: str) -> str | None:
    """The service item a form title names.

    >>> item_of_title("食品经营许可证注销申请书"), item_of_title("城乡居民基本养老保险参保登记表")
    ('food_license_cancellation', 'resident_pension_enrollment')
    >>> item_of_title("申请表") is None
    True
    """
    return next((item for word, item in FORM_TITLES if word in title), None)


def read_title(runs: list[Run], used: set[int]) -> dict[str, Field]:
    """``form_title`` and ``item_hint`` from the first page's title: a line ending in 申请书/申请表/登记表
    (the tallest such line), not a dated one."""
    first_page = min((r.page for r in runs), default=0)
    titles = [
        r
        for r in runs
        if r.page == first_page
        and id(r) not in used
        and any(w in r.text for w in FORM_TITLE_WORDS)
        and find_date(r.text) is None
    ]
    if not titles:
        return {}
    run = max(titles, key=lambda r: (r.text.rstrip("。.").endswith(FORM_TITLE_WORDS), r.height, -r.bbox[1]))
    title = cjk_punctuation(run.text)
    fields = {"form_title": Field(title, run.confidence, run.page, run.bbox, raw=run.text)}
    item = item_of_title(run.text)
    if item is not None:
        fields["item_hint"] = Field(item, run.confidence * 0.95, run.page, run.bbox, raw=run.text)
    return fields


def with_item_keys(fields: dict[str, Field]) -> dict[str, Field]:
    """``fields`` plus the same values under the keys of the item the title names."""
    hint = fields.get("item_hint")
    renames = FORM_ITEM_KEYS.get(str(hint.value), {}) if hint is not None else {}
    extra = {new: fields[old] for old, new in renames.items() if old in fields and new not in fields}
    return {**fields, **extra}


FINISHERS: dict[str, Finisher] = {"application_form": with_item_keys}
