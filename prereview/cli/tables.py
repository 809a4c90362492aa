"""Readable terminal output (rich tables) for people who run the CLI without ``--json``."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.table import Table

_STATUS_STYLE = {"pass": "green", "fail": "red", "warn": "yellow", "manual": "magenta"}


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
        checks = Table("检查 check", "字段", "结果", "说明", title="校验")
        for c in result["checks"]:
            style = _STATUS_STYLE.get(c["status"], "")
            checks.add_row(c["code"], c["field"], f"[{style}]{c['status']}[/{style}]", c["message"])
        console.print(checks)
    quality = result["quality"]
    if quality["issues"]:
        issues = Table("问题 issue", "页", "说明", "建议", title="图像质量")
        for i in quality["issues"]:
            issues.add_row(i["code"], str(i["page"]), i["message"], i["hint"])
        console.print(issues)
    console.print("图像可用" if quality["usable"] else "[red]图像不可用，请按提示重新上传[/red]")
