"""Errors from the open data API, in JSON: a program that reads the API never gets an HTML page."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils import translation
from django.utils.translation import gettext as _

API_PREFIX = "/api/"


def is_api_request(request: HttpRequest | None) -> bool:
    return request is not None and request.path.startswith(API_PREFIX)


# The API's own messages are for the programmers who call it: in the language their request's
# Accept-Language asks for (one of the site's seven), else in English, the language of HSDS and of
# the OpenAPI descriptions; a program that sends no Accept-Language gets no Dutch by surprise.
# The data stays Dutch (docs/arch/024-api-messages-in-english-by-default.md).
API_DEFAULT_LANGUAGE = "en"


def api_language(request: HttpRequest) -> str:
    """The first of the site's languages the request's Accept-Language asks for, else English."""
    from django.utils.translation.trans_real import parse_accept_lang_header

    for code, _quality in parse_accept_lang_header(request.META.get("HTTP_ACCEPT_LANGUAGE", "")[:255]):
        if code == "*":
            break
        try:
            return translation.get_supported_language_variant(code)
        except LookupError:
            continue
    return API_DEFAULT_LANGUAGE


class ApiLanguageMiddleware:
    """Messages of /api/ in the API's language (api_language) instead of the site's default."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not is_api_request(request):
            return self.get_response(request)
        with translation.override(api_language(request)):
            return self.get_response(request)


def json_error(status: int, message: str, **extra) -> JsonResponse:
    response = JsonResponse(
        {"error": message, "status": status, **extra}, status=status, json_dumps_params={"ensure_ascii": False}
    )
    response["Content-Language"] = translation.get_language()  # the message's, not the data's
    response["Access-Control-Allow-Origin"] = "*"
    response["Cache-Control"] = "no-store"
    return response


def not_found() -> JsonResponse:
    return json_error(404, _("There is nothing at this address. See /api/v1/openapi.json for what the API offers."))


def bad_request() -> JsonResponse:
    return json_error(400, _("The request could not be read."))


def server_error() -> JsonResponse:
    return json_error(500, _("Something went wrong on our side. Please try again later."))


def unavailable() -> JsonResponse:
    response = json_error(503, _("The directory is not available for a moment. Please try again in a minute."))
    response["Retry-After"] = "30"
    return response


def json_methods(*methods: str) -> Callable:
    """Like require_http_methods, with a JSON 405 answer that names the allowed methods."""
    allowed = sorted(set(methods))

    def decorator(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @wraps(view)
        def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            if request.method not in allowed:
                response = json_error(
                    405,
                    _("This address only answers %(methods)s requests.") % {"methods": ", ".join(allowed)},
                    allowed=allowed,
                )
                response["Allow"] = ", ".join(allowed)
                return response
            return view(request, *args, **kwargs)

        return wrapped

    return decorator
