from django.core.management.base import BaseCommand

from portal.seeding import load_datasets


class Command(BaseCommand):
    help = "Load the shipped seed data into empty tables; never overwrites editors' work."

    def handle(self, *args, **options) -> None:
        load_datasets(report=self.stdout.write)
