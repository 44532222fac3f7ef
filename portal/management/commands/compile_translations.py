"""Compile locale/*.po into .mo files, with or without GNU gettext installed."""

from __future__ import annotations

import shutil
from pathlib import Path

import polib
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Compile the interface translations (uses msgfmt when present, else polib)."

    def handle(self, *args, **options) -> None:
        if shutil.which("msgfmt"):
            call_command("compilemessages", locale=[], verbosity=0, ignore_patterns=[".venv/*"])
            self.stdout.write("Translations compiled with msgfmt.")
            return
        compiled = 0
        for locale_path in settings.LOCALE_PATHS:
            for po_path in Path(locale_path).glob("*/LC_MESSAGES/*.po"):
                polib.pofile(str(po_path)).save_as_mofile(str(po_path.with_suffix(".mo")))
                compiled += 1
        self.stdout.write(f"Translations compiled with polib ({compiled} files).")
