"""placeholder"""
from __future__ import annotations

from flask import Blueprint

bp = Blueprint("merge", __name__)


@bp.get("/mergepage")
def show() -> str:
    return "todo"
