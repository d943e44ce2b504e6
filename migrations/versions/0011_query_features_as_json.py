"""query features as a JSON list instead of comma-joined text

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-06 13:20:00

Existing rows are converted ("or,phrase" -> ["or", "phrase"]) before the type changes, so
no search in anyone's trail loses the skills it showed. query_logs has no incoming foreign
keys, so SQLite's table rebuild (batch mode) cannot cascade into other tables.
"""
import json

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None

query_logs = sa.table('query_logs', sa.column('id', sa.Integer), sa.column('features', sa.Text))


def _rewrite(convert) -> None:
    connection = op.get_bind()
    rows = connection.execute(sa.select(query_logs.c.id, query_logs.c.features)).all()
    changed = [
        {'row_id': row_id, 'value': convert(text)}
        for row_id, text in rows
        if convert(text) != text
    ]
    if changed:
        connection.execute(
            query_logs.update()
            .where(query_logs.c.id == sa.bindparam('row_id'))
            .values(features=sa.bindparam('value')),
            changed,
        )


def _to_json(text):
    return json.dumps(sorted({f for f in (text or '').split(',') if f}))


def _to_text(text):
    try:
        features = json.loads(text or '[]')
    except ValueError:
        return text or ''
    return ','.join(sorted(str(f) for f in features)) if isinstance(features, list) else ''


def upgrade():
    _rewrite(_to_json)
    with op.batch_alter_table('query_logs', schema=None) as batch_op:
        batch_op.alter_column(
            'features',
            existing_type=sa.String(length=200),
            type_=sa.JSON(),
            existing_nullable=False,
            postgresql_using='features::json',
        )


def downgrade():
    with op.batch_alter_table('query_logs', schema=None) as batch_op:
        batch_op.alter_column(
            'features',
            existing_type=sa.JSON(),
            type_=sa.String(length=200),
            existing_nullable=False,
            postgresql_using='features::text',
        )
    _rewrite(_to_text)
