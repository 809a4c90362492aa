"""Situation guidance (情形引导): questions, then the personalised material list."""

from prereview.guide.guide import Guide, GuideMaterial, guide

__all__ = ["Guide", "GuideMaterial", "guide"]
