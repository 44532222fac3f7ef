from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def library(request: HttpRequest) -> HttpResponse:
    return render(request, "campaigns/library.html")
