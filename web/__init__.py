"""The Flask application: a thin layer that parses requests, checks access and renders.

Infrastructure (a database session per request, access, saving, errors, security, languages,
serving) is in ``web/core/``; every other folder is one domain's blueprint, with its views,
forms and commands, beside the templates of the same name in ``templates/``."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import timedelta
from typing import Any

from flask import Flask

from graph.schema import SECTORS
from sns.residents.life_domains import BIG_5
from sns.settings import PROJECT_ROOT, database_url, instance_path
from web.core.limits import MAX_BODY


def default_config() -> dict[str, Any]:
    """Settings that work on a laptop without any configuration (see README)."""
    return {
        "DATABASE_URL": database_url(),
        "IDLE_TIMEOUT": timedelta(minutes=30),
        "SESSION_COOKIE_SECURE": False,
        "PROXIES": 0,
        "LIFE_DOMAINS": BIG_5,
        "SECTORS": SECTORS,
        # A second factor for every coach, not only teamleider, admin and privacy (README).
        "REQUIRE_2FA": False,
        # The largest request body, also given to the WSGI server (web.core.limits).
        "MAX_CONTENT_LENGTH": MAX_BODY,
        # The outcome report hides figures over fewer residents (never below 5).
        "REPORT_MIN_RESIDENTS": 5,
    }


def create_app(config: Mapping[str, Any] | None = None) -> Flask:
    """Build the app; ``config`` overrides the defaults and the environment (tests)."""
    app = Flask(
        __name__,
        template_folder=str(PROJECT_ROOT / "templates"),
        instance_path=str(instance_path()),
    )
    app.config.from_mapping(default_config())
    app.config.from_prefixed_env("SNS")
    if config:
        app.config.update(config)

    from web import privacy
    from web.account import bp as account_bp
    from web.admin import bp as admin_bp
    from web.auth import bp as auth_bp
    from web.auth import login as auth_login
    from web.beraad import bp as beraad_bp
    from web.calendar import bp as calendar_bp
    from web.caseload import bp as caseload_bp
    from web.core import (
        access,
        database,
        errors,
        faults,
        i18n,
        ids,
        labels,
        saving,
        security,
        submissions,
        text_input,
        vendor,
    )
    from web.core.health import bp as health_bp
    from web.groups import bp as groups_bp
    from web.groups import participant_bp as doemee_bp
    from web.mijn import bp as mijn_bp
    from web.mijn import coach_bp as mijncode_bp
    from web.netfiles import bp as netfiles_bp
    from web.outcomes import bp as outcomes_bp
    from web.plan import bp as plan_bp
    from web.printing import bp as printing_bp
    from web.residents import bp as residents_bp
    from web.scan import bp as scan_bp
    from web.team import bp as team_bp
    from web.verkenning import bp as verkenning_bp
    from web.week import bp as week_bp

    ids.init_app(app)
    text_input.init_app(app)
    security.init_app(app)
    database.init_app(app)
    i18n.init_app(app)
    auth_login.init_app(app)
    submissions.init_app(app)
    errors.init_app(app)
    faults.init_app(app)
    labels.init_app(app)
    privacy.init_app(app)
    saving.init_app(app)
    blueprints = (
        auth_bp,
        caseload_bp,
        residents_bp,
        verkenning_bp,
        scan_bp,
        beraad_bp,
        plan_bp,
        team_bp,
        admin_bp,
        account_bp,
        groups_bp,
        doemee_bp,
        mijn_bp,
        mijncode_bp,
        printing_bp,
        netfiles_bp,
        calendar_bp,
        week_bp,
        outcomes_bp,
        i18n.bp,
        vendor.bp,
        health_bp,
    )
    for blueprint in blueprints:
        app.register_blueprint(blueprint)
    access.init_app(app)  # last: see web.core.access.init_app
    return app
