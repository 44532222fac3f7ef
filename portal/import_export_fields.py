"""Shared pieces for CSV/XLSX import and export (django-import-export), built so that an import
cannot lose editors' work:

- every imported change is a django-reversion revision (with the state before the import kept as
  a revision of its own when the object had none), so it can be restored from the history page;
- an empty cell leaves the field as it is; only a column whose header ends in ``[wissen]``
  (for example ``website [wissen]`` or ``municipalities [wissen]``) empties the field;
- the dry run lists, per row, the fields the import would change;
- a failed import is rolled back as a whole and reported as failed (see ``TruthfulImportMixin``).
"""

from __future__ import annotations

import reversion
from django.db import transaction
from django.utils.translation import gettext as _
from import_export import fields, resources, widgets
from reversion.models import Version

CLEAR_MARK = "[wissen]"


def many_by_code(model, column: str, field: str = "code") -> fields.Field:
    """A many-to-many column holding the related objects' codes, separated by `;`."""
    return fields.Field(
        attribute=column, column_name=column, widget=widgets.ManyToManyWidget(model, field=field, separator=";")
    )


def is_empty(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


class _ImportFailed(Exception):
    """Raised inside the revision block so that no revision is kept for a rolled-back import."""

    def __init__(self, result):
        super().__init__("import failed")
        self.result = result


class EditorSafeResource(resources.ModelResource):
    """A ModelResource that keeps what editors did: see the module's docstring."""

    clear_columns: set[str]

    def import_data(self, dataset, dry_run: bool = False, **kwargs):
        if dry_run:
            return super().import_data(dataset, dry_run=True, **kwargs)
        user = kwargs.get("user")
        try:
            with transaction.atomic():
                self._keep_state_before_import(dataset, user)
                with reversion.create_revision():
                    result = super().import_data(dataset, dry_run=False, **kwargs)
                    if result.has_errors() or result.has_validation_errors():
                        raise _ImportFailed(result)
                    if user is not None and user.is_authenticated:
                        reversion.set_user(user)
                    reversion.set_comment(_("Imported from %(file)s") % {"file": kwargs.get("file_name") or "?"})
        except _ImportFailed as failed:
            return failed.result
        return result

    def _keep_state_before_import(self, dataset, user) -> None:
        """Objects the import will change and that have no revision yet get one of their current
        state first, so "restore" can go back to what was there before the import."""
        id_field = self._meta.import_id_fields[0]
        headers = [self._column_name(header) for header in dataset.headers or []]
        if id_field not in headers:
            return
        position = headers.index(id_field)
        keys = {str(row[position]).strip() for row in dataset if not is_empty(row[position])}
        existing = self._meta.model.objects.filter(**{f"{id_field}__in": keys})
        without_history = [obj for obj in existing if not Version.objects.get_for_object(obj).exists()]
        if not without_history:
            return
        with reversion.create_revision():
            for obj in without_history:
                reversion.add_to_revision(obj)
            if user is not None and user.is_authenticated:
                reversion.set_user(user)
            reversion.set_comment(_("State before an import"))

    @staticmethod
    def _column_name(header) -> str:
        name = str(header or "").strip()
        if name.lower().endswith(CLEAR_MARK):
            name = name[: -len(CLEAR_MARK)].strip()
        return name

    def before_import(self, dataset, **kwargs) -> None:
        super().before_import(dataset, **kwargs)
        self.clear_columns = set()
        headers = []
        for header in dataset.headers or []:
            name = self._column_name(header)
            if name != str(header or "").strip():
                self.clear_columns.add(name)
            headers.append(name)
        if dataset.headers:
            dataset.headers = headers

    def import_field(self, field, instance, row, is_m2m=False, **kwargs) -> None:
        """An empty cell changes nothing, unless its column is marked to clear."""
        column = field.column_name
        if column in row and is_empty(row[column]) and column not in getattr(self, "clear_columns", set()):
            return
        super().import_field(field, instance, row, is_m2m, **kwargs)

    def get_diff_headers(self) -> list[str]:
        return [_("Fields this row changes"), *super().get_diff_headers()]

    def import_row(self, row, instance_loader, **kwargs):
        row_result = super().import_row(row, instance_loader, **kwargs)
        if row_result.diff:
            headers = super().get_diff_headers()
            changed = [name for name, cell in zip(headers, row_result.diff, strict=False) if _is_change(cell)]
            row_result.diff = [", ".join(changed) or "–", *row_result.diff]
        return row_result


def _is_change(html_cell: str) -> bool:
    """django-import-export marks a changed value with <ins> and/or <del> in its HTML diff."""
    return "<ins" in html_cell or "<del" in html_cell
