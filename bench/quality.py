"""Quality stage on a labelled synthetic set: precision/recall per issue code, usable vs flagged per capture.

    .venv/bin/prereview synth --out /tmp/qset --n 400 --seed 11
    .venv/bin/python -m bench.quality /tmp/qset [--errors] [--json OUT]

Every page of every file is decoded as the pipeline does (``load_path``) and judged by ``assess`` with the
default :class:`~prereview.settings.QualitySettings`. A file is *flagged* when any page has a blocking
issue; its predicted codes are the union over its pages. The label says whether the file is usable and
which issue code it must get (``labels.jsonl``, ``datasets/README.md``).

Printed: per code TP/FP/FN with precision and recall; per capture variant the files, how many are
labelled usable, how many were flagged, false alarms (usable but flagged), misses (unusable but not
flagged) and the codes given; per material type the false alarms; the time ``assess`` takes per page.
``--errors`` lists every false alarm and miss with its measures.
"""

from __future__ import annotations

import argparse
import json
import time
from collections import Counter, defaultdict
from dataclasses import asdict, dataclass, field
from pathlib import Path

from prereview.document import QualityIssue
from prereview.ingest import load_path
from prereview.quality import assess, usable
from prereview.settings import IngestSettings, QualitySettings

CODES = ("low_resolution", "blank_page", "blurry", "glare", "cut_off")


@dataclass
class Judged:
    """One file: what its label says and what ``assess`` said."""

    file: str
    material_type: str
    capture: str
    usable: bool
    expected: list[str]
    predicted: list[str]
    flagged: bool
    measures: dict[str, float] = field(default_factory=dict)


def judge_file(dataset: Path, label: dict, settings: QualitySettings, times: list[float]) -> Judged:
    """Run ``assess`` over every page of one labelled file."""
    document = load_path(dataset / label["file"], IngestSettings())
    issues: list[QualityIssue] = []
    for page in document.pages:
        start = time.perf_counter()
        issues.extend(assess(page.image, page.index, settings, dpi=page.dpi))
        times.append(time.perf_counter() - start)
    return Judged(
        file=label["file"],
        material_type=label["material_type"],
        capture=label["capture"],
        usable=bool(label["usable"]),
        expected=list(label.get("quality_issues") or []),
        predicted=sorted({i.code for i in issues}),
        flagged=not usable(issues),
        measures={i.code: float(i.measure or 0.0) for i in issues},
    )


def run(dataset: Path, settings: QualitySettings | None = None) -> tuple[list[Judged], list[float]]:
    """Judge every file of ``dataset``; also return the seconds ``assess`` took per page."""
    settings = settings or QualitySettings()
    times: list[float] = []
    labels = [json.loads(line) for line in (dataset / "labels.jsonl").read_text().splitlines() if line]
    return [judge_file(dataset, label, settings, times) for label in labels], times


def _ratio(num: int, den: int) -> str:
    return f"{num / den:.3f}" if den else "  -  "


def code_table(judged: list[Judged]) -> list[str]:
    """Per issue code: TP, FP, FN, precision, recall (a file counts once per code)."""
    out = [f"{'code':<15}{'TP':>5}{'FP':>5}{'FN':>5}{'prec':>8}{'recall':>8}"]
    for code in CODES:
        tp = sum(code in j.predicted and code in j.expected for j in judged)
        fp = sum(code in j.predicted and code not in j.expected for j in judged)
        fn = sum(code not in j.predicted and code in j.expected for j in judged)
        out.append(f"{code:<15}{tp:>5}{fp:>5}{fn:>5}{_ratio(tp, tp + fp):>8}{_ratio(tp, tp + fn):>8}")
    return out


def capture_table(judged: list[Judged]) -> list[str]:
    """Per capture variant: files, labelled usable, flagged, false alarms, misses, codes given."""
    by_capture: dict[str, list[Judged]] = defaultdict(list)
    for j in judged:
        by_capture[j.capture].append(j)
    out = [f"{'capture':<15}{'files':>6}{'usable':>7}{'flagged':>8}{'FA':>5}{'miss':>5}  codes given"]
    for capture in sorted(by_capture):
        group = by_capture[capture]
        alarms = sum(j.usable and j.flagged for j in group)
        misses = sum(not j.usable and not j.flagged for j in group)
        given = Counter(code for j in group for code in j.predicted)
        codes = ", ".join(f"{c} {n}" for c, n in given.most_common()) or "-"
        out.append(
            f"{capture:<15}{len(group):>6}{sum(j.usable for j in group):>7}"
            f"{sum(j.flagged for j in group):>8}{alarms:>5}{misses:>5}  {codes}"
        )
    alarms = sum(j.usable and j.flagged for j in judged)
    misses = sum(not j.usable and not j.flagged for j in judged)
    out.append(
        f"{'all':<15}{len(judged):>6}{sum(j.usable for j in judged):>7}"
        f"{sum(j.flagged for j in judged):>8}{alarms:>5}{misses:>5}"
    )
    return out


def type_alarms(judged: list[Judged]) -> list[str]:
    """False alarms per material type (usable files that were flagged)."""
    alarms = Counter(j.material_type for j in judged if j.usable and j.flagged)
    usable_files = Counter(j.material_type for j in judged if j.usable)
    return [f"{t:<24}{alarms[t]:>3} / {usable_files[t]}" for t in sorted(usable_files)]


def errors(judged: list[Judged]) -> list[str]:
    """Every false alarm and miss, with the measures of the issues given."""
    out = []
    for j in judged:
        wrong_code = not j.usable and j.flagged and not set(j.expected) & set(j.predicted)
        if (j.usable and j.flagged) or (not j.usable and not j.flagged) or wrong_code:
            kind = "FA  " if j.usable else ("MISS" if not j.flagged else "CODE")
            measures = " ".join(f"{c}={m:g}" for c, m in j.measures.items())
            out.append(f"{kind} {j.file}  expected={j.expected} got={j.predicted} {measures}")
    return out


def report(judged: list[Judged], times: list[float], show_errors: bool = False) -> str:
    """The tables as text."""
    ms = sorted(t * 1000 for t in times)
    p95 = ms[int(0.95 * (len(ms) - 1))] if ms else 0.0
    timing = (
        f"assess: {len(ms)} pages, mean {sum(ms) / len(ms):.1f} ms, p95 {p95:.1f} ms"
        if ms
        else "assess: no pages"
    )
    parts = [*code_table(judged), "", *capture_table(judged), "", "false alarms per material type:"]
    parts += [*type_alarms(judged), "", timing]
    if show_errors:
        parts += ["", *errors(judged)]
    return "\n".join(parts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dataset", type=Path, help="a prereview-synth/1 folder (labels.jsonl, files/)")
    parser.add_argument("--errors", action="store_true", help="list every false alarm and miss")
    parser.add_argument("--json", type=Path, help="also write every judged file as JSON here")
    args = parser.parse_args()
    judged, times = run(args.dataset)
    print(report(judged, times, args.errors))
    if args.json:
        args.json.write_text(json.dumps([asdict(j) for j in judged], ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
