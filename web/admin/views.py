"""Accounts and teams."""

from flask import flash, redirect, render_template, url_for
from flask_babel import gettext as _

from sns.accounts import coaches as accounts
from sns.accounts import two_factor
from web.admin import bp
from web.admin.forms import (
    ROLE_LABELS,
    EditAccountForm,
    EmptyForm,
    NewAccountForm,
    PasswordForm,
    TeamForm,
)
from web.core.access import current_coach, role_required
from web.core.database import get_db
from web.core.saving import attempt, save


@bp.get("/")
@role_required("admin")
def accounts_list():
    db = get_db()
    return render_template(
        "admin/accounts.html",
        accounts=accounts.all_accounts(db),
        role_labels=ROLE_LABELS,
        teams=accounts.all_teams(db),
        team_form=TeamForm(),
    )


@bp.route("/accounts/nieuw", methods=["GET", "POST"])
@role_required("admin")
def new_account():
    db = get_db()
    form = NewAccountForm()
    form.set_teams(accounts.all_teams(db))
    if form.validate_on_submit() and attempt(lambda: accounts.create_coach(
        db,
        form.username.data,
        form.password.data,
        role=form.role.data,
        team=accounts.get_team(db, form.team_id.data),
        display_name=form.display_name.data,
        actor=current_coach(),
    )) is None:
        flash(_("Account %(name)s is aangemaakt.", name=form.username.data))
        return redirect(url_for("admin.accounts_list"))
    return render_template("admin/new_account.html", form=form)


@bp.route("/accounts/<int:coach_id>", methods=["GET", "POST"])
@role_required("admin")
def edit_account(coach_id: int):
    db = get_db()
    account = accounts.get_coach(db, coach_id)
    form = EditAccountForm(obj=account, team_id=account.team_id or 0)
    form.set_teams(accounts.all_teams(db))
    password_form = PasswordForm(prefix="pw")
    if form.validate_on_submit() and attempt(lambda: accounts.update_account(
        db,
        account,
        role=form.role.data,
        team=accounts.get_team(db, form.team_id.data),
        active=form.active.data,
        actor=current_coach(),
    )) is None:
        flash(_("Opgeslagen."))
        return redirect(url_for("admin.accounts_list"))
    return render_template(
        "admin/edit_account.html", account=account, form=form, password_form=password_form,
        reset_form=EmptyForm(prefix="tweestaps"),
    )


@bp.post("/accounts/<int:coach_id>/wachtwoord")
@role_required("admin")
def reset_password(coach_id: int):
    db = get_db()
    account = accounts.get_coach(db, coach_id)
    form = PasswordForm(prefix="pw")
    back = url_for("admin.edit_account", coach_id=coach_id)
    if not form.validate_on_submit():
        return redirect(back)
    return save(lambda: accounts.set_password(db, account, form.password.data,
                                              actor=current_coach()),
                saved=_("Het wachtwoord is gewijzigd; open sessies van dit account zijn "
                        "beëindigd."), back=back)


@bp.post("/accounts/<int:coach_id>/tweestaps")
@role_required("admin")
def reset_two_factor(coach_id: int):
    """A lost phone and no recovery code: end the account's second factor (audited); the
    coach sets it up again at the next login."""
    db = get_db()
    account = accounts.get_coach(db, coach_id)
    if EmptyForm().validate_on_submit():
        two_factor.reset(db, account, actor=current_coach())
        db.commit()
        flash(_("Inloggen in twee stappen is uitgezet voor %(name)s; open sessies van dit "
                "account zijn beëindigd. Bij de volgende keer inloggen stelt %(name)s het "
                "opnieuw in.", name=account.username))
    return redirect(url_for("admin.edit_account", coach_id=coach_id))


@bp.post("/teams")
@role_required("admin")
def new_team():
    form = TeamForm()
    back = url_for("admin.accounts_list")
    if not form.validate_on_submit():
        return redirect(back)
    name = form.name.data.strip()
    # A team of the same name made at the same moment: a message on the accounts page.
    return save(lambda: accounts.get_or_create_team(get_db(), name),
                saved=_("Team %(name)s is er.", name=name), back=back)
