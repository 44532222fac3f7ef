from __future__ import annotations

from django.conf import settings
from django.db import DatabaseError, connection
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.template.loader import render_to_string
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from directory.models import ContactChannel
from portal import api_errors
from portal.models import Page
from portal.page_cache import remembered


@require_safe
def root(request: HttpRequest) -> HttpResponse:
    """`/` always opens the Dutch site; every page offers the other languages."""
    return HttpResponseRedirect(f"/{settings.LANGUAGE_CODE}/")


def published_pages() -> list[Page]:
    """Every published information page, in their order; read once per content generation in
    this process (ADR 022), as every page's own query cost more than its template (profile,
    issue 15). The instances hold every language's text: a title is read in the page's language
    when the template shows it."""
    return remembered("portal.published_pages", lambda: list(Page.objects.filter(published=True)))


@require_safe
def page_index(request: HttpRequest) -> HttpResponse:
    pages = published_pages()
    return render(
        request,
        "portal/page_index.html",
        {
            "information": [p for p in pages if p.section == Page.Section.INFORMATION],
            "about": [p for p in pages if p.section == Page.Section.ABOUT],
        },
    )


@require_safe
def home(request: HttpRequest) -> HttpResponse:
    pages = [page for page in published_pages() if page.section == Page.Section.INFORMATION]
    return render(request, "portal/home.html", {"information_pages": pages})


@require_safe
def page_detail(request: HttpRequest, slug: str) -> HttpResponse:
    page = next((page for page in published_pages() if page.slug == slug), None)
    if page is None:
        raise Http404
    numbers = remembered("directory.published_numbers", ContactChannel.objects.published_numbers)
    return render(request, "portal/page_detail.html", {"page": page, "published_numbers": numbers})


@never_cache
@require_safe
def quick_exit(request: HttpRequest) -> HttpResponse:
    """Leave for a neutral site. Served from our own host so pages name no other host."""
    response = HttpResponseRedirect(settings.QUICK_EXIT_URL)
    response["Referrer-Policy"] = "no-referrer"
    return response


@never_cache
def ping(request: HttpRequest) -> HttpResponse:
    """Liveness: the process answers (no database). /healthz is readiness (with database)."""
    return HttpResponse("pong\n", content_type="text/plain")


@never_cache
def healthz(request: HttpRequest) -> HttpResponse:
    """200 when the database answers, 503 when it does not (for the load balancer)."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return HttpResponse("database unavailable\n", status=503, content_type="text/plain")
    return HttpResponse("ok\n", content_type="text/plain")


@never_cache
def too_large(request: HttpRequest) -> HttpResponse:
    """The page nginx shows when a request body is over its limit (deploy/nginx/site.conf)."""
    return HttpResponse(render_to_string("413.html", request=request), status=413)


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    if api_errors.is_api_request(request):
        return api_errors.not_found()
    return HttpResponse(render_to_string("404.html", request=request), status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    if api_errors.is_api_request(request):
        return api_errors.server_error()
    return HttpResponse(render_to_string("500.html", request=request), status=500)


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    if api_errors.is_api_request(request):
        return api_errors.bad_request()
    return HttpResponse(render_to_string("400.html", request=request), status=400)
