from django.core.management.base import BaseCommand

from portal.seeding import load_datasets


class Command(BaseCommand):
    help = "Load the shipped seed data into empty tables; never overwrites editors' work."

    def handle(self, *args, **options) -> None:
        load_datasets(report=self.stdout.write)
        # Information pages whose shipped text was rewritten: brought up to date where no editor
        # changed them since they were seeded (portal.seed.refresh_pages).
        from portal.seed import refresh_pages

        refresh_pages(report=self.stdout.write)
        # The contact routes of fixtures/source/contacts.json: brought up to date on every run,
        # never over what editors changed.
        from directory.contacts import import_contacts

        import_contacts(report=self.stdout.write)
        # After an upgrade that added the search columns, fill them once.
        from directory.models import Organisation
        from directory.search import reindex

        if Organisation.objects.filter(search_vector__isnull=True).exists():
            self.stdout.write(f"Search index rebuilt for {reindex()} organisations.")
