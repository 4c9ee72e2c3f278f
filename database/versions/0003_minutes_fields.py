"""What the minutes need: the document number and each signer's rank.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("session") as batch_op:
        batch_op.add_column(
            sa.Column("document_number", sa.String(length=100), nullable=False, server_default="")
        )
    with op.batch_alter_table("participant") as batch_op:
        batch_op.add_column(
            sa.Column("rank", sa.String(length=100), nullable=False, server_default="")
        )


def downgrade() -> None:
    with op.batch_alter_table("participant") as batch_op:
        batch_op.drop_column("rank")
    with op.batch_alter_table("session") as batch_op:
        batch_op.drop_column("document_number")
