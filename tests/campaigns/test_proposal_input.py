"""Proposals that once ended in a 500 and lost what the proposer typed (issue 13 §5)."""

from __future__ import annotations

import html as html_lib
import threading

import pytest
from django.db import connection, transaction
from django.utils.text import slugify

from campaigns.models import Campaign

from .test_propose import URL, proposal


def long_url(length: int) -> str:
    start = "https://www.example.nl/campagne?ref="
    return start + "x" * (length - len(start))


@pytest.mark.django_db
class CampaignUrlLengthTestCase:
    @pytest.mark.parametrize("length", [201, 350, 500])
    def test_every_address_the_form_accepts_is_stored_in_full(self, client, vocabularies, length):
        address = long_url(length)
        response = client.post(URL, proposal(campaign_url=address))
        assert response.status_code == 303
        assert Campaign.objects.get(title_nl="Kijk verder dan je neus").links.get().url == address

    def test_a_longer_address_is_refused_and_what_was_typed_is_kept(self, client, vocabularies):
        address = long_url(501)
        response = client.post(URL, proposal(campaign_url=address))
        assert response.status_code == 400
        page = html_lib.unescape(response.content.decode())
        assert "at most 500 characters" in page
        assert f'value="{address}"' in page
        assert "Sam de Vries" in page
        assert not Campaign.objects.filter(title_nl="Kijk verder dan je neus").exists()


@pytest.mark.django_db(transaction=True)
class SameTitleAtOnceTestCase:
    def test_two_proposals_with_the_same_title_at_the_same_moment_are_both_kept(self, client, vocabularies):
        title = "Samen tegen uitbuiting"
        slug = slugify(title)
        inserted, release = threading.Event(), threading.Event()

        def the_other_proposal() -> None:
            # Its campaign is written but not yet committed when ours looks for a free address.
            try:
                with transaction.atomic():
                    Campaign.objects.create(title_nl=title, slug=slug, source="het andere voorstel")
                    inserted.set()
                    release.wait(10)
            finally:
                connection.close()

        other = threading.Thread(target=the_other_proposal)
        other.start()
        assert inserted.wait(10)
        threading.Timer(1.0, release.set).start()  # commits while our insert waits on the index
        try:
            response = client.post(URL, proposal(title=title, scope="national", region=""))
        finally:
            release.set()
            other.join(10)
        assert response.status_code == 303
        kept = Campaign.objects.filter(title_nl=title)
        assert sorted(kept.values_list("slug", flat=True)) == [slug, f"{slug}-2"]
        assert kept.get(slug=f"{slug}-2").proposer_email == "sam@example.org"
