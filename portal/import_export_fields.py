"""Shared pieces for CSV/XLSX import and export (django-import-export)."""

from __future__ import annotations

from import_export import fields, widgets


def many_by_code(model, column: str, field: str = "code") -> fields.Field:
    """A many-to-many column holding the related objects' codes, separated by `;`."""
    return fields.Field(
        attribute=column, column_name=column, widget=widgets.ManyToManyWidget(model, field=field, separator=";")
    )
