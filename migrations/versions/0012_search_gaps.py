"""search gaps: a normalised query and an attributed theme per search; opens by user and time

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-06 13:10:00

"""
import unicodedata

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None


def _fold(text):
    # The same folding as search_module.analysis.fold (lower case, accents stripped), kept
    # here so the migration does not change when the application code does.
    low = text.lower()
    return ''.join(c for c in unicodedata.normalize('NFKD', low) if not unicodedata.combining(c))


def upgrade():
    with op.batch_alter_table('query_logs', schema=None) as batch_op:
        batch_op.add_column(sa.Column('query_key', sa.String(length=500), server_default='', nullable=False))
        batch_op.add_column(sa.Column('theme_code', sa.String(length=32), nullable=True))

    with op.batch_alter_table('document_opens', schema=None) as batch_op:
        batch_op.create_index('ix_document_opens_user_id_created_at', ['user_id', 'created_at'], unique=False)

    # Existing searches: their key, and their theme when the facet named exactly one.
    logs = sa.table(
        'query_logs',
        sa.column('id', sa.Integer),
        sa.column('query', sa.Text),
        sa.column('filters', sa.JSON),
        sa.column('query_key', sa.String),
        sa.column('theme_code', sa.String),
    )
    bind = op.get_bind()
    update = (
        logs.update()
        .where(logs.c.id == sa.bindparam('row_id'))
        .values(query_key=sa.bindparam('key'), theme_code=sa.bindparam('theme'))
    )
    batch = []
    for row in bind.execute(sa.select(logs.c.id, logs.c.query, logs.c.filters)).all():
        key = ' '.join(_fold(row.query or '').split())[:500]
        themes = row.filters.get('thema') if isinstance(row.filters, dict) else None
        theme = themes[0][:32] if isinstance(themes, list) and len(themes) == 1 else None
        batch.append({'row_id': row.id, 'key': key, 'theme': theme})
        if len(batch) == 5000:
            bind.execute(update, batch)
            batch = []
    if batch:
        bind.execute(update, batch)


def downgrade():
    with op.batch_alter_table('document_opens', schema=None) as batch_op:
        batch_op.drop_index('ix_document_opens_user_id_created_at')

    with op.batch_alter_table('query_logs', schema=None) as batch_op:
        batch_op.drop_column('theme_code')
        batch_op.drop_column('query_key')
