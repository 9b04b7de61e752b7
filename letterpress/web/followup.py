"""placeholder"""
from __future__ import annotations

from flask import Blueprint

bp = Blueprint("followup", __name__)


@bp.get("/followup")
def show() -> str:
    return "todo"
