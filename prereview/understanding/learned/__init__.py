"""Learned understanding: a material classifier and a character-level KIE model served with onnxruntime.

Trained by :mod:`prereview.training` (torch, offline) and exported to ONNX under
``models/<name>/<version>/``; nothing here imports torch. Registered as ``learned`` in
:data:`~prereview.understanding.CLASSIFIERS` / :data:`~prereview.understanding.EXTRACTORS`, and ``auto``
(learned for the types ``ModelSettings.learned_types`` lists, anchors for the rest), and the
``consensus`` classifier (the anchors and the learned model checking each other).
"""

from prereview.understanding.learned.auto import AutoExtractor
from prereview.understanding.learned.classifier import LearnedClassifier
from prereview.understanding.learned.consensus import ConsensusClassifier
from prereview.understanding.learned.extractor import LearnedExtractor

__all__ = ["AutoExtractor", "ConsensusClassifier", "LearnedClassifier", "LearnedExtractor"]
