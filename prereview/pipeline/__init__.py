"""The extraction pipeline for one material."""

from prereview.pipeline.core import Pipeline, build_pipeline
from prereview.pipeline.result import Extraction

__all__ = ["Extraction", "Pipeline", "build_pipeline"]
