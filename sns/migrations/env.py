"""Alembic environment: migrates the database named in the config (see sns.migrate)."""

from alembic import context

import sns.models  # noqa: F401 - registers every table on Base.metadata
from sns.db import Base, make_engine
from sns.migrations.safety import check_foreign_keys, sqlite_foreign_keys_off

config = context.config
url = config.get_main_option("sqlalchemy.url")

if context.is_offline_mode():
    context.configure(url=url, target_metadata=Base.metadata, render_as_batch=True,
                      literal_binds=True)
    with context.begin_transaction():
        context.run_migrations()
else:
    engine = make_engine(url)
    with engine.connect() as connection:
        context.configure(connection=connection, target_metadata=Base.metadata,
                          render_as_batch=True, compare_type=True)
        with sqlite_foreign_keys_off(connection):
            with context.begin_transaction():
                context.run_migrations()
                check_foreign_keys(connection)
    engine.dispose()
