"""The de-identification (PHI) label set, BIO-tagged: O first, then B-/I- per entity type."""

from __future__ import annotations

ENTITY_TYPES = ["NAME", "DATE", "ID", "PHONE", "ADDRESS"]
LABELS = ["O"] + [f"{prefix}-{kind}" for kind in ENTITY_TYPES for prefix in ("B", "I")]


def label_id(label: str) -> int:
    return LABELS.index(label)
