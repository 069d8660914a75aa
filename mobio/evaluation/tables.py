"""Tables of the evaluation domain: the protected sets, their cells and analysts' scopes."""

from __future__ import annotations

from enum import StrEnum

from piccolo.columns import ForeignKey, Integer, Timestamptz, Varchar
from piccolo.columns.base import OnDelete
from piccolo.columns.column_types import UUID
from piccolo.table import Table

from mobio.accounts.tables import Account
from mobio.organisations.tables import Municipality


class SetState(StrEnum):
    COMPUTING = "computing"  # claimed by one process; others wait for it
    READY = "ready"


class Suppression(StrEnum):
    PRIMARY = "primary"  # fewer than k units in the cell
    COMPLEMENTARY = "complementary"  # hidden so that a primary cell cannot be recovered


class EvaluationSet(Table, tablename="evaluation_set"):
    """The protected tables of one closed period (a quarter or a year), computed once."""

    id = UUID(primary_key=True)
    period = Varchar(length=7, unique=True, help_text='"2025-Q4" or "2025".')
    k = Integer(help_text="Cells with fewer units than this were suppressed.")
    state = Varchar(length=10, choices=SetState, default=SetState.COMPUTING)
    started_at = Timestamptz()
    computed_at = Timestamptz(null=True, default=None)


class EvaluationCell(Table, tablename="evaluation_cell"):
    """One cell of one protected table. A suppressed cell keeps no value at all."""

    evaluation_set = ForeignKey(EvaluationSet, on_delete=OnDelete.cascade, null=False)
    measure = Varchar(length=20, help_text="What is counted: persons, goals, releases, ...")
    dimensions = Varchar(length=120, help_text="Dimension codes, comma-separated, sorted.")
    categories = Varchar(length=400, help_text='Category codes in dimension order, "|"-joined.')
    value = Integer(null=True, default=None)
    suppression = Varchar(length=20, choices=Suppression, null=True, default=None)
    # Index (evaluation_set, measure, dimensions): evaluation_cell_table, made in the migration.


class AnalystMunicipality(Table, tablename="analyst_municipality"):
    """An analyst scoped to municipalities; an analyst without rows sees the whole district."""

    account = ForeignKey(Account, on_delete=OnDelete.cascade, null=False, index=True)
    # restrict: deleting a municipality must never widen an analyst to the whole district
    municipality = ForeignKey(Municipality, on_delete=OnDelete.restrict, null=False)
