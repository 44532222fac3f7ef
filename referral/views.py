from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def start(request: HttpRequest) -> HttpResponse:
    return render(request, "referral/start.html")


def meldroute(request: HttpRequest, slug: str) -> HttpResponse:
    return render(request, "referral/start.html")
