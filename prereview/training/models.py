"""Small LayoutLM models built from config (no pretrained weights exist here to download).

Characters are the vocabulary; 2D position embeddings take the 0–1000 character boxes.
"""

from __future__ import annotations

import os
from dataclasses import asdict, dataclass

os.environ.setdefault("HF_HUB_OFFLINE", "1")  # never reach for a hub: everything is built from config

import torch
from transformers import (
    LayoutLMConfig,
    LayoutLMForSequenceClassification,
    LayoutLMForTokenClassification,
)


@dataclass(frozen=True)
class Size:
    """Model size; the defaults train on two CPU cores in minutes."""

    hidden: int = 128
    layers: int = 2
    heads: int = 4
    max_len: int = 256

    def to_dict(self) -> dict[str, int]:
        return asdict(self)


def layoutlm_config(vocab_size: int, num_labels: int, size: Size) -> LayoutLMConfig:
    config = LayoutLMConfig(
        vocab_size=vocab_size,
        hidden_size=size.hidden,
        num_hidden_layers=size.layers,
        num_attention_heads=size.heads,
        intermediate_size=size.hidden * 4,
        max_position_embeddings=max(size.max_len, 64),
        max_2d_position_embeddings=1024,
        hidden_dropout_prob=0.1,
        attention_probs_dropout_prob=0.1,
    )
    config.num_labels = num_labels
    return config


def build_model(kind: str, vocab_size: int, num_labels: int, size: Size) -> torch.nn.Module:
    """``kind`` is ``classifier`` (sequence classification) or ``kie`` (token classification)."""
    config = layoutlm_config(vocab_size, num_labels, size)
    if kind == "classifier":
        return LayoutLMForSequenceClassification(config)
    return LayoutLMForTokenClassification(config)


class LogitsOnly(torch.nn.Module):
    """The model as a plain function of (ids, bbox, mask) → logits, for export."""

    def __init__(self, model: torch.nn.Module) -> None:
        super().__init__()
        self.model = model

    def forward(
        self, input_ids: torch.Tensor, bbox: torch.Tensor, attention_mask: torch.Tensor
    ) -> torch.Tensor:
        return self.model(input_ids=input_ids, bbox=bbox, attention_mask=attention_mask).logits
