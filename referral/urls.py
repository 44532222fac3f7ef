from django.urls import path

from referral import views

urlpatterns = [
    path("verwijswijzer/", views.start, name="referral-start"),
]
