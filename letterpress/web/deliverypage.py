"""placeholder"""
from __future__ import annotations

from flask import Blueprint

bp = Blueprint("delivery", __name__)


@bp.get("/deliverypage")
def show() -> str:
    return "todo"
