"""Readable terminal output (rich tables) for people who run the CLI without ``--json``."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.table import Column, Table

_STATUS_STYLE = {"pass": "green", "fail": "red", "warn": "yellow", "manual": "magenta"}


def _styled(status: str) -> str:
    """A status word in its colour (plain when it has none).

    >>> _styled("fail"), _styled("not_applicable")
    ('[red]fail[/red]', 'not_applicable')
    """
    style = _STATUS_STYLE.get(status)
    return f"[{style}]{status}[/{style}]" if style else status


def print_extraction(result: dict[str, Any], console: Console | None = None) -> None:
    console = console or Console()
    console.print(
        f"[bold]{result['file']}[/bold]  材料类型 {result['material_type']}"
        f"  (置信度 {result['confidence']:.2f})"
    )
    fields = Table("字段 field", "值 value", "置信度", "页", "位置 box", title="识别字段")
    for key, f in result["fields"].items():
        value = f"{f['value']}" + ("  [yellow](已修正)[/yellow]" if f.get("repaired") else "")
        fields.add_row(key, value, f"{f['confidence']:.2f}", str(f["page"]), str(f["box"]))
    console.print(fields)
    if result["checks"]:
        checks = Table("检查 check", "字段", "结果", Column("说明", overflow="fold"), title="校验")
        for c in result["checks"]:
            checks.add_row(c["code"], c["field"], _styled(c["status"]), c["message"])
        console.print(checks)
    quality = result["quality"]
    if quality["issues"]:
        issues = Table("问题 issue", "页", "说明", "建议", title="图像质量")
        for i in quality["issues"]:
            issues.add_row(i["code"], str(i["page"]), i["message"], i["hint"])
        console.print(issues)
    console.print("图像可用" if quality["usable"] else "[red]图像不可用，请按提示重新上传[/red]")


_VERDICT_TEXT = {
    "pass": "[green]通过 pass[/green]",
    "needs_correction": "[red]需补正 needs_correction[/red]",
    "reject": "[red]不予受理 reject[/red]",
    "manual_review": "[magenta]转人工 manual_review[/magenta]",
}


def print_verdict(result: dict[str, Any], console: Console | None = None) -> None:
    console = console or Console()
    console.print(
        f"事项 [bold]{result['item']}[/bold]  评估日期 {result['as_of']}  情形 {result['situation']['id']}"
    )
    materials = Table("文件", "材料类型", "材料位置 slot", "结果", title="材料")
    for m in result["materials"]:
        materials.add_row(m["file"], m["material_type"], str(m["slot"]), _styled(m["status"]))
    console.print(materials)
    points = Table("要点", "类型", "结果", Column("说明", overflow="fold"), title="审查要点")
    for p in result["points"]:
        points.add_row(p["id"], p["kind"], _styled(p["status"]), p["message"])
    console.print(points)
    if result["missing_materials"]:
        console.print("缺少材料：" + "、".join(result["missing_materials"]))
    for procedure in result["special_procedures"]:
        console.print(f"特别程序：{procedure['name']}")
    console.print(f"结论：{_VERDICT_TEXT.get(result['verdict'], result['verdict'])}")
    eligible = result["instant_approval"]["eligible"]
    console.print(
        "秒批："
        + ("可以" if eligible else "不适用（" + "；".join(result["instant_approval"]["reasons"]) + "）")
    )
