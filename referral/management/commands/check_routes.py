from django.core.management.base import BaseCommand, CommandError

from referral.coverage import check_coverage


class Command(BaseCommand):
    help = "Check that every combination of wizard answers leads to a desk and a national desk; list gaps."

    def handle(self, *args, **options) -> None:
        report = check_coverage()
        self.stdout.write(f"Combinations checked: {report.combinations}")
        for key in report.unpublished_targets:
            self.stdout.write(f"Rule points to an unpublished organisation: {key}")
        for answers in report.without_desk[:50]:
            self.stdout.write(f"No desk for: {answers}")
        for answers in report.without_national[:50]:
            self.stdout.write(f"No national desk for: {answers}")
        self.stdout.write(f"Regional gaps (municipality: role): {len(report.regional_gaps)}")
        for gap in report.regional_gaps:
            self.stdout.write(f"  {gap}")
        if not report.ok:
            raise CommandError("The routes do not cover every combination of answers.")
        self.stdout.write(self.style.SUCCESS("Every combination leads to a desk and a national desk."))
