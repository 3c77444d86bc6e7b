"""Where the tool keeps its files and which database it talks to, read from the environment."""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def instance_path() -> Path:
    """The folder for this installation's own files (SQLite database, secret key).

    ``SNS_INSTANCE_PATH`` overrides the default ``instance/`` beside the project.
    """
    path = Path(os.environ.get("SNS_INSTANCE_PATH") or PROJECT_ROOT / "instance")
    path.mkdir(parents=True, exist_ok=True)
    return path


def database_url() -> str:
    """``DATABASE_URL`` when set (PostgreSQL for a team server), else SQLite in the instance."""
    url = os.environ.get("DATABASE_URL")
    if url:
        # Hosting platforms hand out postgres:// URLs; SQLAlchemy wants the driver named.
        for prefix in ("postgres://", "postgresql://"):
            if url.startswith(prefix):
                return "postgresql+psycopg://" + url[len(prefix):]
        return url
    return f"sqlite:///{instance_path() / 'sns.sqlite3'}"
