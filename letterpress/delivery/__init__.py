"""Delivery-time estimates from published postal service standards (``letterpress estimate``)."""

from __future__ import annotations

from .estimator import carrier_for_country, estimate_delivery, latest_posting
from .mailing import estimate_from_mailing
from .model import Estimate
from .text import as_json, describe

__all__ = [
    "Estimate",
    "as_json",
    "carrier_for_country",
    "describe",
    "estimate_delivery",
    "estimate_from_mailing",
    "latest_posting",
]
