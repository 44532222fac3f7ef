"""The editors' login with a one-time code: username, password and code on one page.

Built on django-otp's OTPAdminAuthenticationForm, with three changes an editor (and an attacker)
would notice:
- the device is chosen for the editor: a code of digits goes to their newest authenticator app,
  anything else to their recovery codes, so the page never needs a second round for a device list;
- every failure, password or code, gets the same message, so the page never tells an attacker
  that the password was right;
- a wrong or missing code counts as a failed login for django-axes, so five wrong codes lock the
  account for that client just like five wrong passwords.
"""

from __future__ import annotations

import re

from django import forms
from django.contrib.auth.signals import user_login_failed
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django_otp.admin import OTPAdminAuthenticationForm
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

_APP_CODE = re.compile(r"[0-9]{6,8}")


class TwoFactorLoginForm(OTPAdminAuthenticationForm):
    error_messages = {
        **OTPAdminAuthenticationForm.error_messages,
        "invalid_login": _(
            "The username, password or code is not right. Check them and try again: the code in your "
            "authenticator app changes every 30 seconds."
        ),
    }

    otp_token = forms.CharField(
        label=_("Code from your authenticator app"),
        help_text=_("The 6 digits your authenticator app shows now, or one of your recovery codes."),
        required=False,
        max_length=32,
        strip=True,
        widget=forms.TextInput(
            attrs={
                "autocomplete": "one-time-code",
                "inputmode": "numeric",
                "autocapitalize": "off",
                "spellcheck": "false",
                "aria-describedby": "id_otp_token_helptext",
            }
        ),
    )

    def clean(self):
        # Password first (axes counts a wrong one through Django's own login-failed signal) ...
        self.cleaned_data = super(OTPAdminAuthenticationForm, self).clean()
        # ... then the code.
        try:
            self.clean_otp(self.get_user())
        except ValidationError:
            user_login_failed.send(
                sender=__name__,
                credentials={"username": self.cleaned_data.get("username")},
                request=self.request,
            )
            raise self.get_invalid_login_error() from None
        return self.cleaned_data

    def _chosen_device(self, user):
        if self.cleaned_data.get("otp_device"):
            return super()._chosen_device(user)
        token = (self.cleaned_data.get("otp_token") or "").replace(" ", "")
        self.cleaned_data["otp_token"] = token
        model = TOTPDevice if _APP_CODE.fullmatch(token) else StaticDevice
        return model.objects.filter(user=user, confirmed=True).order_by("-pk").first()

    def _update_form(self, user):
        # django-otp would now render a device list and the password back into the page; this form
        # needs neither (the device is chosen above), and a password never belongs in HTML.
        return None
