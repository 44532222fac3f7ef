from __future__ import annotations

import datetime as dt

from django import template
from django.utils import dateformat
from django.utils.formats import get_format
from django.utils.translation import gettext as _

from campaigns.models import Campaign

register = template.Library()


def _point(year: int | None, month: int | None) -> str:
    if not year:
        return ""
    if not month:
        return str(year)
    # The language's own month-year format, with the month in its genitive form where the
    # language has one ("E": "grudnia 2026" in Polish; the same as "F" elsewhere), because the
    # period sentences put it after "from"/"until".
    return dateformat.format(dt.date(year, month, 1), get_format("YEAR_MONTH_FORMAT").replace("F", "E"))


@register.filter
def period(campaign: Campaign) -> str:
    """The campaign's period as one translated sentence: 'Since May 2022', '2016 to 2023', …"""
    start = _point(campaign.start_year, campaign.start_month)
    end = _point(campaign.end_year, campaign.end_month)
    if start and end:
        if start == end:
            return start
        return _("%(start)s to %(end)s") % {"start": start, "end": end}
    if start and campaign.status == Campaign.Status.ONGOING:
        return _("Since %(start)s, still running") % {"start": start}
    if start:
        return _("Started %(start)s") % {"start": start}
    if end:
        return _("Until %(end)s") % {"end": end}
    if campaign.status == Campaign.Status.ONGOING:
        return _("Still running; start date not known")
    if campaign.status == Campaign.Status.ENDED:
        return _("Ended; dates not known")
    return _("Not known")
