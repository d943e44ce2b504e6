"""learning loop: the kind of a query log entry (a search or a re-render)

Revision ID: 0009
Revises: 0006
Create Date: 2026-12-06 10:10:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0009'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('query_logs', schema=None) as batch_op:
        batch_op.add_column(sa.Column('kind', sa.String(length=20), server_default='search', nullable=False))


def downgrade():
    with op.batch_alter_table('query_logs', schema=None) as batch_op:
        batch_op.drop_column('kind')
