"""Give an editor an authenticator-app device for two-factor login to the admin."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django_otp.plugins.otp_totp.models import TOTPDevice


class Command(BaseCommand):
    help = "Create a TOTP device for a user and print the otpauth:// link (and a QR code) to scan."

    def add_arguments(self, parser) -> None:
        parser.add_argument("username")
        parser.add_argument("--name", default="Authenticator app")

    def handle(self, *args, username: str, name: str, **options) -> None:
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"No user called {username!r}.")
        device = TOTPDevice.objects.create(user=user, name=name, confirmed=True)
        self.stdout.write("Scan this with an authenticator app, or type the link into it:")
        self.stdout.write(device.config_url)
        try:
            import qrcode

            code = qrcode.QRCode(border=1)
            code.add_data(device.config_url)
            code.print_ascii(out=self.stdout)
        except ImportError:  # pragma: no cover - qrcode is in requirements.txt
            pass
