"""The public changelog as an Atom feed: the same lines as the first page of the changelog."""

from __future__ import annotations

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext

from directory import changelog


class ChangesFeed(Feed):
    feed_type = Atom1Feed
    author_name = "Informatiepunt Mensenhandel (CoMensha)"

    def title(self) -> str:
        return gettext("Changes in the directory") + " – " + gettext("Informatiepunt Mensenhandel")

    def subtitle(self) -> str:
        return gettext("Which organisation or contact route was added, changed, confirmed or removed, and when.")

    def link(self) -> str:
        return reverse("directory-changes")

    def feed_url(self) -> str:
        return reverse("directory-changes-feed")

    def get_object(self, request) -> str:
        """The changelog page's full address: each entry's id is an anchor on it."""
        return request.build_absolute_uri(reverse("directory-changes"))

    def items(self, page_address: str) -> list[changelog.ChangeLine]:
        lines = [changelog.describe(change) for change in changelog.public_lines()[: changelog.PAGE_SIZE]]
        for line in lines:
            line.guid = f"{page_address}#{line.anchor}"
        return lines

    def item_title(self, item: changelog.ChangeLine) -> str:
        return item.title

    def item_description(self, item: changelog.ChangeLine) -> str:
        return item.text

    def item_link(self, item: changelog.ChangeLine) -> str:
        return item.url or f"{reverse('directory-changes')}#{item.anchor}"

    def item_guid(self, item: changelog.ChangeLine) -> str:
        return item.guid

    item_guid_is_permalink = False

    def item_pubdate(self, item: changelog.ChangeLine):
        return item.change.happened_at

    def item_updateddate(self, item: changelog.ChangeLine):
        return item.change.happened_at
