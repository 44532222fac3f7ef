"""Public pages of the campaign library. None of them sets a cookie or needs JavaScript."""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass

from django.core.exceptions import BadRequest
from django.core.paginator import Paginator
from django.db import DatabaseError, IntegrityError, transaction
from django.db.models import Exists, OuterRef, Prefetch, QuerySet
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, HttpResponseRedirect, UnreadablePostError
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.safestring import SafeString
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_safe

from campaigns import coverage as coverage_module
from campaigns import filters as filter_module
from campaigns import uploads
from campaigns.forms import ProposalForm
from campaigns.models import Audience, Campaign, Format, Link, Material, ProposalAttempt, Sender
from campaigns.seed import OrganisationIndex, RegionIndex
from campaigns.vocabulary import GENERAL
from directory.models import ExploitationForm, Province
from portal.client_address import client_address
from portal.facets import plain_rows
from portal.forms_security import same_origin_post
from portal.fragments import rendered
from portal.slugs import unique_slug

logger = logging.getLogger(__name__)

PROPOSALS_PER_HOUR = 5
PROPOSAL_SOURCE = "Voorstel via het formulier op de site"


# What both a result and a campaign's page show: its vocabularies and places.
TERMS_AND_PLACES = ("audiences", "forms", "formats", "provinces", "safety_regions", "municipalities")


def _with_listing_data(queryset: QuerySet) -> QuerySet:
    return queryset.annotate(has_material=Exists(Material.objects.filter(campaign=OuterRef("pk")))).prefetch_related(
        *TERMS_AND_PLACES, Prefetch("senders", queryset=Sender.objects.only("campaign_id", "name", "order"))
    )


@dataclass(frozen=True)
class CampaignCard:
    """A campaign's result card (campaigns/_result.html), built once per content generation,
    language and day (portal/fragments.py, ADR 023), with its id, address and title."""

    pk: int
    slug: str
    title: str
    html: SafeString


def campaign_cards(ids: list[int]) -> list[CampaignCard]:
    return rendered(
        "campaigns/_result.html",
        "campaign",
        lambda: _with_listing_data(Campaign.objects.all()),
        ids,
        lambda campaign, html: CampaignCard(campaign.pk, campaign.slug, campaign.title, html),
    )


def _client_key(request: HttpRequest) -> str:
    """A salted hash of the client's address: enough to count proposals, useless to identify anyone."""
    address = client_address(request)
    return salted_hmac("campaigns.proposal-rate-limit", address, algorithm="sha256").hexdigest()


def _see_other(url: str) -> HttpResponse:
    """POST/redirect/GET: 303 makes every browser follow with a GET."""
    response = HttpResponseRedirect(url)
    response.status_code = 303
    return response


# --- Library --------------------------------------------------------------------------------


@require_safe
def library(request: HttpRequest) -> HttpResponse:
    filters = filter_module.build_filters()
    search = filter_module.read_request(request.GET, filters)
    matched = filter_module.matching(Campaign.objects.published(), search.terms)
    index = filter_module.fact_index("campaigns", filters)
    results = filter_module.narrow([pk for (pk,) in plain_rows(matched, "pk")], search, filters, index)
    # The count that drives the pages is the count the filters show.
    paginator = Paginator(results, filter_module.PAGE_SIZE)
    if search.page > paginator.num_pages:
        search.refuse("pagina", _("That page number does not exist. We show the last page."))
        search.page = paginator.num_pages
    page = paginator.page(search.page)
    page.object_list = campaign_cards(list(page.object_list))
    chosen = [
        (option.label, search.url(**{item.param: [v for v in search.selected[item.param] if v != option.value]}))
        for item in filters
        for option in item.options
        if option.selected
    ]
    context = {
        "search": search,
        "filters": filters,
        "page": page,
        "paginator": paginator,
        "chosen": chosen,
        "previous_url": search.url(page.number - 1) if page.has_previous() else "",
        "next_url": search.url(page.number + 1) if page.has_next() else "",
    }
    return render(request, "campaigns/library.html", context)


@require_safe
def detail(request: HttpRequest, slug: str) -> HttpResponse:
    campaign = get_object_or_404(
        Campaign.objects.published().prefetch_related(
            *TERMS_AND_PLACES,
            "languages",
            Prefetch(
                "senders",
                queryset=Sender.objects.select_related("organisation").only(
                    "campaign_id", "name", "order", "organisation__slug", "organisation__published"
                ),
            ),
            "links",
            "results",
            Prefetch("materials", queryset=Material.objects.select_related("language")),
        ),
        slug=slug,
    )
    places = [*campaign.municipalities.all(), *campaign.safety_regions.all(), *campaign.provinces.all()]
    if ", ".join(place.name for place in places) == campaign.region_text:
        places = []  # the region as written already names them
    return render(request, "campaigns/detail.html", {"campaign": campaign, "places": places})


@require_safe
def material(request: HttpRequest, pk: int) -> HttpResponse:
    """Serve an uploaded file as a download, never as something a browser would run or render."""
    item = get_object_or_404(Material, pk=pk, campaign__published=True)
    return download_response(item, cache_control="public, max-age=3600")


def download_response(item: Material, cache_control: str) -> FileResponse:
    """The material's file as a download (never rendered or run by the browser), or a 404."""
    if not item.file:
        raise Http404
    try:
        handle = item.file.open("rb")
    except (FileNotFoundError, OSError):
        raise Http404 from None
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=item.original_name or f"materiaal-{item.pk}",
        content_type=item.content_type or "application/octet-stream",
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = cache_control
    return response


# --- Coverage -------------------------------------------------------------------------------


@require_safe
def coverage(request: HttpRequest) -> HttpResponse:
    facts = coverage_module.campaign_facts()
    rows = coverage_module.audience_rows()
    columns = coverage_module.form_columns()
    provinces = list(Province.objects.all())
    notices = []
    province = None
    code = request.GET.get("provincie", "").strip()
    if code:
        province = next((item for item in provinces if item.code == code[:10]), None)
        if province is None:
            notices.append(_("We do not know that province. We show the whole country."))
    if province is None:
        selection = list(facts.values())
    else:
        selection = [
            item for item in facts.values() if item.scope == Campaign.Scope.NATIONAL or province.code in item.provinces
        ]
    matrix = coverage_module.build_matrix(selection, rows, columns, province=province.code if province else "")
    regional_unlinked = sum(
        1 for item in facts.values() if item.scope == Campaign.Scope.REGIONAL and not item.provinces
    )
    context = {
        "matrix": matrix,
        "province": province,
        "provinces": provinces,
        "notices": notices,
        "national_count": sum(1 for item in facts.values() if item.scope == Campaign.Scope.NATIONAL),
        "regional_in_province": (
            sum(1 for item in selection if item.scope == Campaign.Scope.REGIONAL) if province else 0
        ),
        "overview": coverage_module.province_overview(list(facts.values()), columns),
        "regional_unlinked": regional_unlinked,
    }
    return render(request, "campaigns/coverage.html", context)


# --- Proposals ------------------------------------------------------------------------------


SLUG_ATTEMPTS = 5


def _free_slug(title: str) -> str:
    return unique_slug(title, lambda slug: Campaign.objects.filter(slug=slug).exists(), "campagne")


def _create_with_free_slug(**fields) -> Campaign:
    """Create a campaign under the first free address. Two proposals with the same title at the
    same moment both see the address as free; the database's unique index lets one win, and the
    other takes the next number instead of failing (the slug is the only unique column)."""
    for _attempt in range(SLUG_ATTEMPTS - 1):
        try:
            with transaction.atomic():
                return Campaign.objects.create(slug=_free_slug(fields["title_nl"]), **fields)
        except IntegrityError:
            continue  # taken a moment ago: look again
    return Campaign.objects.create(slug=_free_slug(fields["title_nl"]), **fields)


def _create_draft(form: ProposalForm, language: str) -> Campaign:
    data = form.cleaned_data
    forms_chosen = data["forms_of_exploitation"]
    # A note for the (Dutch-speaking) editors, stored as data, not an interface string.
    note = [f"Voorgesteld via het formulier op de site (taal van het formulier: {language})."]
    stored_files: list = []
    try:
        return _write_draft(form, data, forms_chosen, note, stored_files)
    except BaseException:
        # Nothing was committed: a file already in the media folder would belong to no one.
        for stored in stored_files:
            if stored.name:
                stored.storage.delete(stored.name)
        raise


def _write_draft(form: ProposalForm, data: dict, forms_chosen: list[str], note: list[str], stored_files: list):
    with transaction.atomic():
        campaign = _create_with_free_slug(
            title_nl=data["title"],
            goal_nl=data["goal"],
            call_to_action_nl=data["call_to_action"],
            reuse_terms_nl=data["reuse_terms"],
            all_forms=GENERAL in forms_chosen,
            scope=data["scope"],
            region_text=data["region"] if data["scope"] == Campaign.Scope.REGIONAL else "",
            start_year=data["start_year"],
            end_year=data["end_year"],
            status=data["status"],
            source=PROPOSAL_SOURCE,
            source_text="\n".join(
                f"{label}: {value}"
                for label, value in [("Afzender(s)", data["senders"]), ("Regio", data["region"])]
                if value
            ),
            needs_review=True,
            review_note="\n".join(note),
            published=False,
            proposed_at=timezone.now(),
            proposer_name=data["contact_name"],
            proposer_email=data["contact_email"],
            proposer_organisation=data["contact_organisation"],
        )
        campaign.audiences.set(Audience.objects.filter(code__in=data["audiences"]))
        campaign.forms.set(ExploitationForm.objects.filter(code__in=forms_chosen))
        campaign.formats.set(Format.objects.filter(code__in=data["formats"]))
        if campaign.region_text:
            region = RegionIndex().resolve(campaign.region_text)
            campaign.provinces.set(region.provinces)
            campaign.safety_regions.set(region.safety_regions)
            campaign.municipalities.set(region.municipalities)
        organisations = OrganisationIndex()
        names = [name.strip() for name in data["senders"].split(",") if name.strip()]
        for order, name in enumerate(names[:30]):
            organisation = organisations.find(name)
            Sender.objects.create(campaign=campaign, name=name[:200], organisation=organisation, order=order)
        if data["campaign_url"]:
            Link.objects.create(campaign=campaign, url=data["campaign_url"])
        upload = data.get("material")
        if upload and form.checked_upload:
            file_type, name = form.checked_upload
            upload.name = name
            material = Material(
                campaign=campaign,
                title_nl=name,
                file=upload,
                original_name=name,
                content_type=file_type.content_type,
                size_bytes=upload.size,
                reuse_terms_nl=data["reuse_terms"],
            )
            stored_files.append(material.file)  # saved to storage just before the row is written
            material.save()
        campaign.reindex()
    return campaign


def _render_form(request: HttpRequest, form: ProposalForm, status: int = 200, notice: str = "") -> HttpResponse:
    return render(
        request,
        "campaigns/propose.html",
        {"form": form, "notice": notice, "error_links": form.error_links() if form.is_bound else []},
        status=status,
    )


@same_origin_post
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def propose(request: HttpRequest) -> HttpResponse:
    if request.method != "POST":
        return _render_form(request, ProposalForm())

    # Before anything reads the body: keep at most the size limit of an upload.
    request.upload_handlers = [uploads.LimitedUploadHandler(request, uploads.PUBLIC_MAX_UPLOAD_BYTES)]
    try:
        form = ProposalForm(request.POST, request.FILES)
    except UnreadablePostError:
        # The connection broke off mid-upload: remove the part already written to a temp file.
        for handler in request.upload_handlers:
            handler.upload_interrupted()
        raise BadRequest("The request body ended early.") from None
    client = _client_key(request)
    now = timezone.now()
    ProposalAttempt.objects.filter(created_at__lt=now - dt.timedelta(days=1)).delete()
    recent = ProposalAttempt.objects.filter(client=client, created_at__gte=now - dt.timedelta(hours=1)).count()
    if recent >= PROPOSALS_PER_HOUR:
        form.is_valid()
        message = _("You have sent several proposals in a short time. Please try again in an hour.")
        response = _render_form(request, form, status=429, notice=message)
        response["Retry-After"] = "3600"
        return response

    if form.is_spam:
        ProposalAttempt.objects.create(client=client)
        return _see_other(reverse("campaigns-proposal-received"))

    oversize = bool(getattr(request, "oversize_uploads", []))
    valid = form.is_valid()
    if oversize:
        form.add_oversize_error()
        return _render_form(request, form, status=413)
    if not valid:
        return _render_form(request, form, status=400)

    try:
        _create_draft(form, get_language() or "nl")
    except DatabaseError:
        logger.exception("A proposal could not be stored")
        message = _(
            "We could not save your proposal just now, and nothing was stored. Everything you typed is kept: "
            "send it again in a few minutes (choose the file again if you added one)."
        )
        return _render_form(request, form, status=503, notice=message)
    ProposalAttempt.objects.create(client=client)
    return _see_other(reverse("campaigns-proposal-received"))


@require_safe
def proposal_received(request: HttpRequest) -> HttpResponse:
    return render(request, "campaigns/proposal_received.html")
