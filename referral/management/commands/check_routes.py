from django.core.management.base import BaseCommand, CommandError

from referral.coverage import check_coverage


class Command(BaseCommand):
    help = (
        "Check that every combination of wizard answers leads, among its first three desks, to one the person "
        "can contact, and to a national desk; list every combination that does not, and the regional gaps."
    )

    def handle(self, *args, **options) -> None:
        report = check_coverage()
        self.stdout.write(f"Combinations checked: {report.combinations}")
        for key in report.unpublished_targets:
            self.stdout.write(f"Rule points to an unpublished organisation: {key}")
        for answers in report.without_desk:
            self.stdout.write(f"No desk for: {answers}")
        for answers in report.without_reachable:
            self.stdout.write(f"No reachable desk among the first three for: {answers}")
        for answers in report.without_national:
            self.stdout.write(f"No national desk for: {answers}")
        self.stdout.write(f"Regional gaps (municipality: role): {len(report.regional_gaps)}")
        for gap in report.regional_gaps:
            self.stdout.write(f"  {gap}")
        if not report.ok:
            dead_ends = len(report.without_desk) + len(report.without_reachable)
            raise CommandError(f"The routes do not lead everyone to a desk they can contact ({dead_ends} dead ends).")
        self.stdout.write(
            self.style.SUCCESS("Every combination leads to a reachable desk among the first three and a national desk.")
        )
