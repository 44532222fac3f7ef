from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from directory.contacts import CONTACTS_FILE, ContactFileError, import_contacts


class Command(BaseCommand):
    help = (
        "Import the contact routes of fixtures/source/contacts.json: safe to run again, never overwrites what "
        "editors changed; a broken file changes nothing."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--file", type=Path, default=CONTACTS_FILE, help="Another contacts file to import.")

    def handle(self, *args, **options) -> None:
        try:
            import_contacts(options["file"], report=self.stdout.write)
        except ContactFileError as error:
            raise CommandError(str(error)) from error
