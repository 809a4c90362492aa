"""prereview — AI-assisted material pre-review (材料智能预审) for government services."""

__version__ = "0.1.0"
