# ---
# jupyter:
#   jupytext:
#     formats: py:percent
# ---

# %% [markdown]
# # Error analysis
# Which fields the learned extractor gets wrong most often, and what it saw: sample pages with the true
# boxes (green) and the predicted ones (red). `PREREVIEW_NB_MODELS` is a models folder (default
# `models/`), `PREREVIEW_NB_TEST` a recipe or dataset folder, `PREREVIEW_NB_FIGURES` where PNGs go.

# %%
import os
import tempfile
from collections import Counter
from pathlib import Path

import cv2

from prereview.quality import rotate_image
from prereview.synth.loader import load_pages
from prereview.training.components import learned_components
from prereview.training.data import dataset_folder, load_documents
from prereview.training.metrics import measure

MODELS = Path(os.environ.get("PREREVIEW_NB_MODELS", "models"))
TEST = Path(os.environ.get("PREREVIEW_NB_TEST", "datasets/recipes/tiny.yaml"))
FIGURES = Path(os.environ.get("PREREVIEW_NB_FIGURES", tempfile.mkdtemp(prefix="figures-")))
FIGURES.mkdir(parents=True, exist_ok=True)
documents = load_documents(dataset_folder(TEST))
classifier, extractor = learned_components(MODELS)
report = measure(documents, classifier, extractor)

# %% [markdown]
# ## Worst fields

# %%
scores = report.to_dict()["fields"]
worst = sorted(scores.items(), key=lambda item: item[1]["exact_match"])[:10]
for key, score in worst:
    print(f"{key:45} EM {score['exact_match']:.3f}  P {score['precision']:.3f}  R {score['recall']:.3f}  n={score['expected']}")
print(Counter(error["capture"] for error in report.errors).most_common())
for error in report.errors[:15]:
    print(error)

# %% [markdown]
# ## Predicted vs true boxes

# %%
wrong_ids = {error["id"] for error in report.errors}
chosen = [d for d in documents if d.label.id in wrong_ids][:3] or documents[:2]
written = []
for document in chosen:
    # The extractor read the page turned upright (as the service does): draw on that page.
    rotation = document.reading.rotations[0] if document.reading else 0
    page = rotate_image(load_pages(document.path, document.label)[0], rotation).copy()
    for item in document.label.fields.values():
        if item.box and item.page == 0:
            x0, y0, x1, y1 = (int(v) for v in document.upright_box(0, tuple(item.box)))
            cv2.rectangle(page, (x0, y0), (x1, y1), (0, 160, 0), 3)
    for field in extractor.extract(document.label.material_type, document.ocr).values():
        if field.page == 0:
            x0, y0, x1, y1 = (int(v) for v in field.box)
            cv2.rectangle(page, (x0, y0), (x1, y1), (0, 0, 220), 2)
    path = FIGURES / f"{document.label.id}_{document.label.material_type}.png"
    cv2.imwrite(str(path), page)
    written.append(path)
print("figures:", [str(p) for p in written])
assert all(p.stat().st_size > 0 for p in written)
