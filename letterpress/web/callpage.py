"""placeholder"""
from __future__ import annotations

from flask import Blueprint

bp = Blueprint("call", __name__)


@bp.get("/callpage")
def show() -> str:
    return "todo"
