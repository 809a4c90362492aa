"""Training, export and evaluation of the learned understanding models (needs the ``train`` extra).

:mod:`data` reads a synthetic dataset with cached OCR and aligns labels to characters, :mod:`models`
builds small LayoutLM models from config (no pretrained weights), :mod:`fit` trains with early stopping,
:mod:`export` writes the ONNX artifacts, :mod:`metrics` measures them.
"""
