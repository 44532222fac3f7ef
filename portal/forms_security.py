"""Cross-site request protection for public forms without any cookie.

Django's CSRF protection needs a cookie (or a session), and public pages promise none. Public forms
(the referral wizard, the campaign proposal form) change nothing an attacker could profit from,
but we still refuse cross-site posts: modern browsers send `Sec-Fetch-Site` (and often `Origin`), and
a post is accepted only when they say it came from this site (or say nothing, as old browsers and
test clients do). The admin keeps Django's normal cookie-based CSRF protection.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from urllib.parse import urlsplit

from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.views.decorators.csrf import csrf_exempt


def is_same_origin(request: HttpRequest) -> bool:
    fetch_site = request.headers.get("Sec-Fetch-Site")
    if fetch_site is not None:
        return fetch_site in {"same-origin", "none"}
    origin = request.headers.get("Origin")
    # With `Referrer-Policy: no-referrer` browsers send `Origin: null` even for our own forms,
    # so "null" tells nothing; a real origin must be ours.
    if origin is not None and origin != "null":
        return urlsplit(origin).netloc == request.get_host()
    return True


def same_origin_post(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Accept POSTs only from this site's own pages; no cookie needed."""

    @csrf_exempt
    @wraps(view)
    def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if request.method == "POST" and not is_same_origin(request):
            html = render_to_string("403_cross_site.html", request=request)
            return HttpResponse(html, status=403)
        return view(request, *args, **kwargs)

    return wrapped
