# ---
# jupyter:
#   jupytext:
#     formats: py:percent
# ---

# %% [markdown]
# # Train and evaluate
# Train both learned models on a dataset, then measure them beside the anchors on a test dataset.
# `PREREVIEW_NB_DATA` / `PREREVIEW_NB_TEST` name recipes or folders; `PREREVIEW_NB_OUT` is where the
# models go; `PREREVIEW_NB_SMALL=1` trains a toy-sized model for one epoch (the test suite does that).

# %%
import os
import tempfile
from pathlib import Path

from prereview.settings import Settings
from prereview.training.components import anchor_components, learned_components
from prereview.training.data import dataset_folder, load_documents
from prereview.training.fit import Schedule
from prereview.training.metrics import measure
from prereview.training.models import Size
from prereview.training.run import train_classifier, train_kie

DATA = Path(os.environ.get("PREREVIEW_NB_DATA", "datasets/recipes/tiny.yaml"))
TEST = Path(os.environ.get("PREREVIEW_NB_TEST", str(DATA)))
OUT = Path(os.environ.get("PREREVIEW_NB_OUT", tempfile.mkdtemp(prefix="models-")))
SMALL = os.environ.get("PREREVIEW_NB_SMALL") == "1"
size = Size(hidden=32, layers=1, heads=2, max_len=64) if SMALL else Size()
schedule = Schedule(epochs=1 if SMALL else 12)

# %%
train_docs = load_documents(dataset_folder(DATA))
active = Settings().models  # train into the versions the service (and the error analysis) reads
kie = train_kie(train_docs, OUT / "kie" / active.kie_version, size=size, schedule=schedule, quiet=SMALL)
classifier = train_classifier(
    train_docs, OUT / "classifier" / active.classifier_version, size=size, schedule=schedule, quiet=SMALL
)
print("kie alignment:", kie["alignment"], "best epoch", kie["history"]["best_epoch"])
print("classifier temperature:", classifier["config"]["temperature"])

# %%
test_docs = load_documents(dataset_folder(TEST))
learned = measure(test_docs, *learned_components(OUT)).to_dict()
anchors = measure(test_docs, *anchor_components()).to_dict()
for name, result in (("learned", learned), ("anchors", anchors)):
    print(name, "type accuracy", result["type_accuracy"]["overall"], "fields", result["fields_overall"])
