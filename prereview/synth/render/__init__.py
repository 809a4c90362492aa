"""Renderers: one material type's facts → a clean page image with every field's value and pixel box.

    >>> import random
    >>> from datetime import date
    >>> from prereview.synth.content import make_facts
    >>> rng = random.Random(7)
    >>> facts = make_facts("id_card_front", rng, as_of=date(2025, 6, 1))
    >>> material = render_material("id_card_front", facts, rng=rng, layout="id_card_front/v1")
    >>> material.fields["id_number"].value == facts["person"].id_number
    True

``facts`` keys per material type are listed in ``prereview.synth.content.material_facts`` (``make_facts``
builds a coherent dictionary). ``defects`` print a material wrongly on purpose (``DEFECTS`` says which
apply to which type); the labels then hold what is printed, and ``RenderedMaterial.defects`` lists them.
Signature areas (signed or not) are in ``meta["signature_areas"]``; ``signature_boxes`` hold drawn ink.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from typing import Any

from prereview.synth.fonts import VALUE_FONTS, available_fonts
from prereview.synth.render import (
    application_form,
    business_license,
    certificates,
    food_license,
    generic_document,
    household_register,
    id_card,
    lease_contract,
    power_of_attorney,
)
from prereview.synth.render.canvas import Draft
from prereview.synth.render.context import RenderContext
from prereview.synth.types import RenderedMaterial

Renderer = Callable[[RenderContext], Draft]

_RENDERERS: dict[str, tuple[Renderer, Sequence[str]]] = {
    "id_card_front": (id_card.render_front, id_card.VARIANTS),
    "id_card_back": (id_card.render_back, id_card.VARIANTS),
    "business_license": (business_license.render, business_license.VARIANTS),
    "household_register": (household_register.render, household_register.VARIANTS),
    "marriage_certificate": (certificates.render_marriage, certificates.MARRIAGE_VARIANTS),
    "application_form": (application_form.render, application_form.VARIANTS),
    "power_of_attorney": (power_of_attorney.render, power_of_attorney.VARIANTS),
    "lease_contract": (lease_contract.render, lease_contract.VARIANTS),
    "property_certificate": (certificates.render_property, certificates.PROPERTY_VARIANTS),
    "food_business_license": (food_license.render, food_license.VARIANTS),
    "other": (generic_document.render, generic_document.VARIANTS),
}
LAYOUTS: dict[str, list[str]] = {
    material_type: [f"{material_type}/{variant}" for variant in variants]
    for material_type, (_, variants) in _RENDERERS.items()
    if material_type != "other"  # generic documents fill package slots; they are no dataset type
}
DEFECTS: dict[str, tuple[str, ...]] = {
    "id_card_front": ("wrong_check_char", "sex_birth_mismatch"),
    "id_card_back": ("expired",),
    "business_license": ("expired", "wrong_check_char", "missing_seal"),
    "household_register": ("wrong_check_char", "missing_seal"),
    "marriage_certificate": ("wrong_check_char", "missing_seal"),
    "application_form": ("wrong_check_char", "missing_signature"),
    "power_of_attorney": ("expired", "wrong_check_char", "missing_signature"),
    "lease_contract": ("missing_signature",),
    "property_certificate": ("missing_seal",),
    "food_business_license": ("expired", "wrong_check_char", "missing_seal"),
}


def applicable_defects(material_type: str, facts: dict[str, Any]) -> tuple[str, ...]:
    """The defects ``render_material`` can print on this material with these facts.

    An individual business's license prints no 营业期限, so it cannot be ``expired``.
    """
    defects = DEFECTS.get(material_type, ())
    company = facts.get("company")
    if material_type == "business_license" and company is not None and company.valid_to is None:
        defects = tuple(d for d in defects if d != "expired")
    return defects


def render_material(
    material_type: str,
    facts: dict[str, Any],
    *,
    rng: random.Random,
    layout: str | None = None,
    font: str | None = None,
    defects: Sequence[str] = (),
) -> RenderedMaterial:
    """Draw ``material_type`` from ``facts``; ``layout`` is a ``LAYOUTS`` id (or its variant alone, "v1")."""
    if material_type not in _RENDERERS:
        raise ValueError(f"unknown material type {material_type!r}; known: {', '.join(sorted(_RENDERERS))}")
    if "as_of" not in facts:
        raise ValueError("facts need 'as_of', the date validity and age are judged on")
    renderer, variants = _RENDERERS[material_type]
    variant = _variant(material_type, layout, variants, rng)
    font = font or rng.choice(VALUE_FONTS)
    if font not in available_fonts():
        raise ValueError(f"unknown or missing font {font!r}; available: {', '.join(available_fonts())}")
    allowed = applicable_defects(material_type, facts)
    unknown = [d for d in defects if d not in allowed]
    if unknown:
        raise ValueError(
            f"{material_type} cannot show defect(s) {', '.join(unknown)}; it can show: "
            f"{', '.join(allowed) or 'none'}"
        )
    ctx = RenderContext(rng=rng, facts=facts, variant=variant, font=font, defects=frozenset(defects))
    draft = renderer(ctx)
    return draft.finish(f"{material_type}/{variant}", font, sorted(set(defects)), with_text_layer=True)


def _variant(material_type: str, layout: str | None, variants: Sequence[str], rng: random.Random) -> str:
    if layout is None:
        return rng.choice(list(variants))
    variant = layout.split("/", 1)[1] if layout.startswith(material_type + "/") else layout
    if variant not in variants:
        raise ValueError(
            f"unknown layout {layout!r} for {material_type}; known: {', '.join(LAYOUTS[material_type])}"
        )
    return variant


__all__ = ["DEFECTS", "LAYOUTS", "applicable_defects", "render_material"]
