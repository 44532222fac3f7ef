"""Forms: the public proposal form and the admin's material form (both check uploads)."""

from __future__ import annotations

from django import forms
from django.contrib.admin.widgets import AdminFileWidget
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from campaigns import uploads
from campaigns.models import LINK_MAX_LENGTH, Audience, Campaign, Format, Material
from campaigns.vocabulary import GENERAL
from directory.models import ExploitationForm


def _year_field(label: str) -> forms.IntegerField:
    return forms.IntegerField(
        label=label,
        required=False,
        min_value=1900,
        max_value=2100,
        help_text=_("A year such as 2024. Leave empty if you do not know."),
        error_messages={
            "invalid": _("Enter the year as four digits, such as 2024."),
            "min_value": _("Enter a year from 1900 onwards."),
            "max_value": _("Enter a year before 2100."),
        },
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off", "size": "6"}),
    )


class ProposalForm(forms.Form):
    """A campaign proposed by an organisation; it becomes an unpublished draft for editors."""

    title = forms.CharField(
        label=_("Name of the campaign"),
        max_length=250,
        error_messages={"required": _("Enter the name of the campaign.")},
    )
    senders = forms.CharField(
        label=_("Who runs the campaign?"),
        max_length=500,
        help_text=_("The organisations behind the campaign. Separate several with commas."),
        error_messages={"required": _("Enter who runs the campaign.")},
    )
    goal = forms.CharField(
        label=_("Goal of the campaign"),
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("Enter the goal of the campaign.")},
    )
    audiences = forms.MultipleChoiceField(
        label=_("Audience"), required=False, widget=forms.CheckboxSelectMultiple, help_text=_("Choose all that apply.")
    )
    forms_of_exploitation = forms.MultipleChoiceField(
        label=_("Form of exploitation"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Choose all that apply."),
    )
    formats = forms.MultipleChoiceField(
        label=_("Format"), required=False, widget=forms.CheckboxSelectMultiple, help_text=_("Choose all that apply.")
    )
    scope = forms.ChoiceField(
        label=_("Where does the campaign run?"),
        choices=[
            (Campaign.Scope.NATIONAL, _("In the whole country")),
            (Campaign.Scope.REGIONAL, _("In a region or municipality")),
            (Campaign.Scope.UNKNOWN, _("I do not know")),
        ],
        initial=Campaign.Scope.UNKNOWN,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose where the campaign runs.")},
    )
    region = forms.CharField(
        label=_("Region or municipality"),
        max_length=200,
        required=False,
        help_text=_("Only if the campaign runs in a region, e.g. “Twente” or “Tilburg”."),
    )
    start_year = _year_field(_("Start year"))
    end_year = _year_field(_("End year"))
    status = forms.ChoiceField(
        label=_("Is the campaign still running?"),
        choices=[
            (Campaign.Status.ONGOING, _("Yes, it is still running")),
            (Campaign.Status.ENDED, _("No, it has ended")),
            (Campaign.Status.UNKNOWN, _("I do not know")),
        ],
        initial=Campaign.Status.UNKNOWN,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose whether the campaign is still running.")},
    )
    call_to_action = forms.CharField(
        label=_("What does the campaign ask people to do?"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    campaign_url = forms.URLField(
        label=_("Website of the campaign"),
        required=False,
        max_length=LINK_MAX_LENGTH,  # the column's length: what the form accepts is stored in full
        assume_scheme="https",
        help_text=_("A full address, such as https://www.example.nl/campagne"),
        error_messages={"invalid": _("Enter a web address, such as https://www.example.nl/campagne")},
        widget=forms.URLInput(attrs={"autocomplete": "url"}),
    )
    material = forms.FileField(
        label=_("Material to share (optional)"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": uploads.ACCEPT_ATTRIBUTE}),
    )
    reuse_terms = forms.CharField(
        label=_("May others reuse the material, and on what terms?"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    contact_name = forms.CharField(
        label=_("Your name"),
        max_length=200,
        error_messages={"required": _("Enter your name.")},
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    contact_organisation = forms.CharField(
        label=_("Your organisation"),
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )
    contact_email = forms.EmailField(
        label=_("Your e-mail address"),
        max_length=254,
        help_text=_("Only for questions from our editors about this proposal. It is never published."),
        error_messages={
            "required": _("Enter your e-mail address."),
            "invalid": _("Enter an e-mail address such as name@example.nl."),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    # The honeypot: hidden from people (and screen readers); bots fill it in.
    website = forms.CharField(required=False, label=_("Leave this field empty"))

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["audiences"].choices = [(a.code, a.name) for a in Audience.objects.all()]
        self.fields["forms_of_exploitation"].choices = [(f.code, f.name) for f in ExploitationForm.objects.all()] + [
            (GENERAL, _("Human trafficking in general"))
        ]
        self.fields["formats"].choices = [(f.code, f.name) for f in Format.objects.all()]
        self.fields["material"].help_text = _("One file of at most %(size)d MB: %(types)s.") % {
            "size": uploads.PUBLIC_MAX_UPLOAD_BYTES // uploads.MB,
            "types": uploads.ALLOWED_EXTENSIONS_TEXT,
        }
        self.fields["website"].widget.attrs.update({"tabindex": "-1", "autocomplete": "off"})
        self.checked_upload: tuple[uploads.FileType, str] | None = None

    @property
    def is_spam(self) -> bool:
        return bool(self.data.get("website"))

    def clean_material(self):
        upload = self.cleaned_data.get("material")
        if upload:
            self.checked_upload = uploads.check_upload(upload, uploads.PUBLIC_MAX_UPLOAD_BYTES)
        return upload

    def clean(self):
        data = super().clean()
        start, end = data.get("start_year"), data.get("end_year")
        if start and end and end < start:
            self.add_error("end_year", _("The end year lies before the start year."))
        if data.get("scope") == Campaign.Scope.REGIONAL and not data.get("region"):
            self.add_error("region", _("Enter the region or municipality where the campaign runs."))
        return data

    def add_oversize_error(self) -> None:
        self.add_error("material", uploads.too_big_message(uploads.PUBLIC_MAX_UPLOAD_BYTES))

    def error_links(self) -> list[tuple[str, str]]:
        """(anchor, message) for the error summary; a group's anchor is its first option."""
        links = []
        for name, errors in self.errors.items():
            if name not in self.fields:
                continue
            field = self[name]
            anchor = field.auto_id
            if isinstance(field.field.widget, forms.CheckboxSelectMultiple | forms.RadioSelect):
                anchor = f"{field.auto_id}_0"
            links.extend((anchor, str(message)) for message in errors)
        return links


class _StaffLink(str):
    """The stored file as the admin's file widget shows it: its download name, linked to the
    staff-only download (the media folder itself is not served)."""

    url: str

    def __new__(cls, name: str, url: str) -> _StaffLink:
        link = super().__new__(cls, name)
        link.url = url
        return link


class StaffFileWidget(AdminFileWidget):
    staff_url = ""
    download_name = ""

    def format_value(self, value):
        if value and getattr(value, "name", "") and self.staff_url:
            return _StaffLink(self.download_name or value.name, self.staff_url)
        return super().format_value(value)

    def is_initial(self, value) -> bool:
        return bool(value and getattr(value, "name", "") and self.staff_url) or super().is_initial(value)


class MaterialAdminForm(forms.ModelForm):
    """Checks an editor's upload by content and size, and fills type, size and download name."""

    class Meta:
        model = Material
        fields = ("title", "kind", "file", "url", "language", "reuse_terms", "order")
        widgets = {"file": StaffFileWidget}

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        widget = self.fields["file"].widget
        if self.instance.pk and self.instance.file and isinstance(widget, StaffFileWidget):
            from django.urls import reverse

            widget.staff_url = reverse("admin:campaigns_material_file", args=[self.instance.pk])
            widget.download_name = self.instance.original_name

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload and hasattr(upload, "content_type"):  # a new upload, not the stored file
            file_type, name = uploads.check_upload(upload, uploads.EDITOR_MAX_UPLOAD_BYTES)
            upload.name = name
            self.instance.original_name = name
            self.instance.content_type = file_type.content_type
            self.instance.size_bytes = upload.size
        return upload

    def clean(self):
        data = super().clean()
        if not data.get("file") and not data.get("url") and not self.has_error("file"):
            raise ValidationError(_("Upload a file or enter a link: one of the two."))
        return data
