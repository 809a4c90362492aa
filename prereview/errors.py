"""Every exception prereview raises on purpose.

Bad *material* is a verdict, not an exception: a blurry photo is a point with status ``fail``.
A broken *system* or unreadable *input* is an exception::

    PrereviewError                  base; carries ``reason_zh`` / ``reason_en`` and context
    ├── IngestError                 the file cannot be read as a material (bad bytes, encrypted, too big)
    ├── ConfigurationError          settings are inconsistent or point at missing things
    │   └── ModelUnavailable        a model / engine directory is missing; says which setting to fix
    ├── UnknownComponent            a registry name is wrong; lists the known names
    ├── ReviewPointsError           a review_points/ file does not validate (file, point id, expectation)
    └── InvalidAnswer               a questionnaire answer names no question or no allowed option

``str(error)`` is one line, Chinese first then English, suitable for a user or a CLI's stderr.
"""

from __future__ import annotations

from typing import Any


class PrereviewError(Exception):
    """Base class. ``reason_zh`` is shown to people, ``reason_en`` to integrators and logs."""

    default_zh = "处理失败"
    default_en = "processing failed"

    def __init__(self, reason_zh: str | None = None, reason_en: str | None = None, **context: Any) -> None:
        self.reason_zh = reason_zh or self.default_zh
        self.reason_en = reason_en or self.default_en
        self.context = context
        super().__init__(str(self))

    def __str__(self) -> str:
        return f"{self.reason_zh} ({self.reason_en})"

    @property
    def code(self) -> str:
        return str(self.context.get("code", type(self).__name__))


class IngestError(PrereviewError):
    """The uploaded bytes cannot be turned into pages. ``code`` names the reason (``empty_file``...)."""

    default_zh = "无法读取该文件"
    default_en = "the file cannot be read"


class ConfigurationError(PrereviewError):
    default_zh = "配置有误"
    default_en = "invalid configuration"


class ModelUnavailable(ConfigurationError):
    default_zh = "模型文件不可用"
    default_en = "model files are not available"


class UnknownComponent(ConfigurationError):
    """``unknown OCR engine 'padle'; known: fake, paddle, rapid``."""

    def __init__(self, kind: str, name: str, known: list[str]) -> None:
        known_text = ", ".join(sorted(known))
        super().__init__(
            f"未知的{kind}“{name}”，可用：{known_text}",
            f"unknown {kind} '{name}'; known: {known_text}",
            code="unknown_component",
        )


class ReviewPointsError(PrereviewError):
    default_zh = "审查要点文件有误"
    default_en = "invalid review-points file"


class InvalidAnswer(PrereviewError):
    """``--answer KEY=VALUE`` (or the API's answers) names an unknown question or a value it disallows."""

    default_zh = "办理情形的回答无效"
    default_en = "invalid answer"
