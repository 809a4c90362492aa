# ---
# jupyter:
#   jupytext:
#     formats: py:percent
# ---

# %% [markdown]
# # Explore a synthetic dataset
# What the training data holds: material types, captures, characters per file, and how many labelled
# fields align to the OCR characters (the KIE model's targets). Set `PREREVIEW_NB_DATA` to a recipe or a
# dataset folder (default: the tiny recipe, `PREREVIEW_NB_N` files).

# %%
import os
from collections import Counter
from pathlib import Path

from prereview.training.data import AlignReport, dataset_folder, keys_by_type, load_documents, tag_document
from prereview.understanding.learned.decode import bio_labels

DATA = Path(os.environ.get("PREREVIEW_NB_DATA", "datasets/recipes/tiny.yaml"))
N = int(os.environ["PREREVIEW_NB_N"]) if "PREREVIEW_NB_N" in os.environ else None
folder = dataset_folder(DATA, n=N)
documents = load_documents(folder)
print(f"{len(documents)} files in {folder}")

# %%
print(Counter(d.label.material_type for d in documents).most_common())
print(Counter(d.label.capture for d in documents).most_common())

# %%
chars = sorted(sum(len(line.text) for page in d.ocr for line in page) for d in documents)
print("characters per file: min", chars[0], "median", chars[len(chars) // 2], "max", chars[-1])

# %% [markdown]
# ## Alignment of labels to OCR characters

# %%
by_type = keys_by_type(documents)
labels = bio_labels(sorted({k for keys in by_type.values() for k in keys}))
report = AlignReport()
tagged = [tag_document(d, {label: i for i, label in enumerate(labels)}, report) for d in documents]
print("aligned:", report.to_dict())
assert report.kept + sum(report.dropped.values()) == len(documents)
