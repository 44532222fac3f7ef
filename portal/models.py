from __future__ import annotations

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class Page(models.Model):
    """An information page written by editors in Markdown (what is trafficking, privacy, …)."""

    class Section(models.TextChoices):
        INFORMATION = "information", _("Information")
        ABOUT = "about", _("About this site")

    slug = models.SlugField(_("address"), max_length=80, unique=True)
    title = models.CharField(_("title"), max_length=200)
    summary = models.CharField(_("summary"), max_length=300, blank=True)
    body = models.TextField(_("text (Markdown)"), blank=True)
    section = models.CharField(_("section"), max_length=20, choices=Section.choices, default=Section.INFORMATION)
    order = models.PositiveIntegerField(_("order"), default=100)
    published = models.BooleanField(_("published"), default=False)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    class Meta:
        ordering = ["order", "slug"]
        permissions = [("publish_content", _("Can publish content and manage routes"))]
        verbose_name = _("information page")
        verbose_name_plural = _("information pages")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("portal-page", args=[self.slug])


class LoadedDataset(models.Model):
    """Which shipped seed datasets were loaded, so `make run` never loads one twice."""

    name = models.CharField(max_length=100, unique=True)
    loaded_at = models.DateTimeField(auto_now_add=True)
    rows = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("loaded seed dataset")
        verbose_name_plural = _("loaded seed datasets")

    def __str__(self) -> str:
        return self.name


class MachineTranslation(models.Model):
    """A content translation that was machine-made when it was loaded and still needs a native
    speaker's review. Editors see the list in the admin and mark a text reviewed when a native
    speaker has read (and, where needed, corrected) it."""

    model = models.CharField(_("type"), max_length=100)  # app_label.model_name
    object_id = models.CharField(_("object"), max_length=64)
    object_label = models.CharField(_("object"), max_length=300, blank=True)
    field = models.CharField(_("field"), max_length=60)
    language = models.CharField(_("language"), max_length=8)
    loaded_at = models.DateTimeField(_("loaded on"), auto_now_add=True)
    reviewed = models.BooleanField(_("reviewed by a native speaker"), default=False)
    reviewed_at = models.DateTimeField(_("reviewed on"), null=True, blank=True)
    reviewed_by = models.CharField(_("reviewed by"), max_length=150, blank=True)

    class Meta:
        ordering = ["reviewed", "language", "model", "object_label", "field"]
        unique_together = [("model", "object_id", "field", "language")]
        verbose_name = _("machine-made translation")
        verbose_name_plural = _("machine-made translations (to review)")

    def __str__(self) -> str:
        return f"{self.object_label} · {self.field} · {self.language}"


class ContentGeneration(models.Model):
    """One row whose number changes whenever public content changes (see portal/page_cache.py).

    Written only by a database trigger on every content table, read once per public request: it is
    part of every page-cache key, so no container ever serves a page older than the content.
    """

    number = models.BigIntegerField(default=0)  # not in the admin: nothing for editors to translate

    def __str__(self) -> str:
        return str(self.number)
