"""A little public history, so the page sweeps (axe, vnu, right-to-left, headers) check changelog
pages with lines on them: an organisation added, a phone number changed, a contact route
confirmed, an organisation unpublished. Made the way imports and scripts make revisions."""

from __future__ import annotations

import reversion
from django.utils import timezone

CHANGED_ORGANISATION = "coordinatiecentrum-tegen-mensenhandel-comensha"
HISTORY_PAGES = ["/{lang}/organisaties/wijzigingen/", f"/{{lang}}/organisaties/{CHANGED_ORGANISATION}/wijzigingen/"]


def make_public_history() -> None:
    from directory.models import ContactChannel, Organisation

    with reversion.create_revision():
        Organisation.objects.create(name="Meldpunt Proefdorp", slug="meldpunt-proefdorp", kind="meldpunt",
                                    scale="local", source="gemeente Proefdorp", published=True)  # fmt: skip
    comensha = Organisation.objects.get(slug=CHANGED_ORGANISATION)
    phone = next(c for c in comensha.published_channels() if c.kind == ContactChannel.Kind.PHONE)
    with reversion.create_revision():
        phone.opening_hours_nl = "van 09.00 tot 17.30 uur op maandag t/m vrijdag"
        phone.save()
    with reversion.create_revision():
        phone.status = ContactChannel.Status.CONFIRMED
        phone.confirmed_at = timezone.now()
        phone.save()
    fairwork = Organisation.objects.get(slug="fairwork")
    with reversion.create_revision():
        fairwork.published = False
        fairwork.save()
    with reversion.create_revision():
        fairwork.published = True
        fairwork.save()
