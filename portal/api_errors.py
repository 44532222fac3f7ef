"""Errors from the open data API, in JSON: a program that reads the API never gets an HTML page."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils.translation import gettext as _

API_PREFIX = "/api/"


def is_api_request(request: HttpRequest | None) -> bool:
    return request is not None and request.path.startswith(API_PREFIX)


def json_error(status: int, message: str, **extra) -> JsonResponse:
    response = JsonResponse(
        {"error": message, "status": status, **extra}, status=status, json_dumps_params={"ensure_ascii": False}
    )
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
