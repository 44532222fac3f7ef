"""The public changelog of the directory, derived from the revision history (django-reversion).

Every revision that holds an organisation or a contact channel is compared with the version
before it, and what the public could see changing becomes a `DirectoryChange`: added, changed
(with the public fields that changed, in plain words), confirmed by the editors, or removed.
Only what was public is recorded: nothing about unpublished organisations, channels that are to
be checked, editors' notes, the source excerpts kept for editors or a shelter's walk-in address;
never an editor's name and never a value. Deleting an object leaves no revision, so deletions are
recorded from Django's `post_delete` signal. See docs/arch/020-public-changelog-from-revisions.md.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models.signals import post_delete, post_save, pre_save
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from reversion.models import Revision, Version
from reversion.signals import post_revision_commit

from directory import history
from directory.models import ContactChannel, DirectoryChange, Organisation

Action = DirectoryChange.Action
Subject = DirectoryChange.Subject
Kind = ContactChannel.Kind

# The public fields and their groups are one list, shared with the HSDS metadata:
# history.ORGANISATION_GROUPS and history.CHANNEL_GROUPS.
FIELD_LABELS: dict[str, Promise] = {
    "name": _("name"),
    "other_names": _("other names"),
    "web_address": _("address on this website"),
    "kind": _("kind of organisation"),
    "description": _("description"),
    "what_happens_next": _("what happens after you make contact"),
    "for_whom": _("for whom"),
    "forms": _("forms of exploitation"),
    "shelter": _("shelter"),
    "national_desk": _("national desk"),
    "chain_roles": _("role in the region"),
    "area": _("area served"),
    "website": _("website"),
    "information": _("what happens with your information"),
    "source": _("source"),
    "public_note": _("note"),
    "contact_kind": _("kind of contact route"),
    "label": _("name of the contact route"),
    "opening_hours": _("opening hours"),
    "costs": _("costs"),
    "anonymous": _("anonymous contact"),
    "languages": _("languages"),
}
# What the "value" of a contact channel is called, per kind.
VALUE_LABELS: dict[str, Promise] = {
    Kind.PHONE: _("phone number"),
    Kind.EMAIL: _("e-mail address"),
    Kind.WEB_FORM: _("link to the web form"),
    Kind.CHAT: _("link to the chat"),
    Kind.WEBSITE: _("web address"),
    Kind.WHATSAPP: _("WhatsApp number"),
    Kind.WALK_IN: _("walk-in address"),
}


def field_label(code: str, channel_kind: str = "") -> str:
    """The plain words for a changed field (in the active language)."""
    if code == "value":
        return str(VALUE_LABELS.get(channel_kind, _("number, address or link")))
    return str(FIELD_LABELS.get(code, code))


def _base_name(name: str) -> str:
    """`role_en` is the English text of `role`: a change in any language is a change of the field."""
    base, _sep, _lang = name.rpartition("_")
    return base if base in history.TRANSLATED else name


def changed_fields(old: dict, new: dict, groups: dict[str, tuple[str, ...]]) -> list[str]:
    """The public field groups whose values differ between two versions' data."""
    changed = {
        _base_name(name) for name in set(old) | set(new) if _comparable(old.get(name)) != _comparable(new.get(name))
    }
    return [code for code, names in groups.items() if changed & set(names)]


def _comparable(value):
    """Many-to-many fields are lists of keys whose order means nothing; an empty translation is
    stored as NULL or as "" depending on who saved it last."""
    if isinstance(value, list):
        return sorted(value, key=str)
    return "" if value is None else value


# --- Deciding what was public --------------------------------------------------------------


def organisation_is_public(data: dict | None) -> bool:
    return bool(data) and history.is_public_version("organisation", data)


def channel_is_public(data: dict | None, *, shelter: bool) -> bool:
    """Public by provenance (the HSDS history's rule), and never a shelter's walk-in address."""
    if not data or (data.get("kind") == Kind.WALK_IN and shelter):
        return False
    return history.is_public_version("channel", data)


def _data(version: Version) -> dict:
    if version.format == "json":
        return json.loads(version.serialized_data)[0]["fields"]
    return dict(version.field_dict)


def _previous_versions(revision: Revision, keys: set[tuple[int, str]]) -> dict[tuple[int, str], Version]:
    """For each (content type, object id), its newest version before this revision: one query."""
    if not keys:
        return {}
    versions = (
        Version.objects.filter(
            content_type_id__in={ct for ct, _id in keys},
            object_id__in={object_id for _ct, object_id in keys},
            revision_id__lt=revision.pk,
        )
        .order_by("content_type_id", "object_id", "-revision_id")
        .distinct("content_type_id", "object_id")
    )
    return {(v.content_type_id, v.object_id): v for v in versions if (v.content_type_id, v.object_id) in keys}


def _organisation_states(org_data: dict[int, dict], ids: set[int]) -> dict[int, dict]:
    """Each organisation's data at this revision: from the revision itself, else from the
    database (while the revision is being saved, that is its state)."""
    states = {pk: data for pk, data in org_data.items() if pk in ids}
    missing = ids - set(states)
    for pk, published, is_shelter, name in Organisation.objects.filter(pk__in=missing).values_list(
        "pk", "published", "is_shelter", "name"
    ):
        states[pk] = {"published": published, "is_shelter": is_shelter, "name": name}
    return states


# --- What each object was before this revision ----------------------------------------------
#
# The version before a revision is not always the state before it: objects loaded by the seed or
# a command have no version yet, and the admin adds every contact channel of an organisation to
# the revision, changed or not. So the state just before each save is kept (pre_save, only while
# a revision is being made) under the revision's start time, which reversion gives the revision.

UNKNOWN = object()
_before: dict[object, dict[tuple[str, str], dict | None]] = {}
MAX_OPEN_REVISIONS = 100  # revisions that were rolled back leave their states behind


def _revision_key():
    stack = reversion_stack()
    return stack[0].date_created if stack else None


def reversion_stack() -> list:
    from reversion.revisions import _stack

    return _stack.get()


def _serialised(instance) -> dict:
    from django.core import serializers

    return json.loads(serializers.serialize("json", [instance]))[0]["fields"]


def _keep_state_before(sender, instance, raw=False, **kwargs) -> None:
    key = _revision_key()
    if key is None or raw:
        return
    states = _before.setdefault(key, {})
    if len(_before) > MAX_OPEN_REVISIONS:
        _before.pop(next(iter(_before)))
    object_key = (sender._meta.label_lower, str(instance.pk))
    if instance.pk is None or object_key in states:
        if instance.pk is None:
            instance._changelog_new = True
        return
    old = sender._default_manager.filter(pk=instance.pk).first() if not instance._state.adding else None
    states[object_key] = _serialised(old) if old is not None else None


def _keep_new_object(sender, instance, created=False, raw=False, **kwargs) -> None:
    key = _revision_key()
    if key is not None and not raw and getattr(instance, "_changelog_new", False):
        _before.setdefault(key, {})[(sender._meta.label_lower, str(instance.pk))] = None


# --- Recording -----------------------------------------------------------------------------


def record_revision(revision: Revision, versions: Iterable[Version]) -> list[DirectoryChange]:
    """Write the public changelog lines for one revision (while it is being saved)."""
    from django.contrib.contenttypes.models import ContentType

    organisation_type = ContentType.objects.get_for_model(Organisation)
    channel_type = ContentType.objects.get_for_model(ContactChannel)
    ours = [v for v in versions if v.content_type_id in (organisation_type.pk, channel_type.pk)]
    states_before = _before.pop(revision.date_created, {})
    if not ours:
        return []
    previous = _previous_versions(revision, {(v.content_type_id, v.object_id) for v in ours})

    def before(version: Version, label: str):
        if (label, version.object_id) in states_before:
            return states_before[(label, version.object_id)]  # None: new in this revision
        earlier = previous.get((version.content_type_id, version.object_id))
        return _data(earlier) if earlier else UNKNOWN

    when = revision.date_created or timezone.now()
    changes: list[DirectoryChange] = []
    org_data = {int(v.object_id): _data(v) for v in ours if v.content_type_id == organisation_type.pk}
    added_or_removed: set[int] = set()
    for version in (v for v in ours if v.content_type_id == organisation_type.pk):
        pk, new = int(version.object_id), org_data[int(version.object_id)]
        old = before(version, "directory.organisation")
        if old is UNKNOWN:
            continue
        for action, fields in organisation_changes(old, new):
            if action in (Action.ADDED, Action.REMOVED):
                added_or_removed.add(pk)
            name = (old or new)["name"] if action == Action.REMOVED else new["name"]
            changes.append(_change(when, revision, action, Subject.ORGANISATION, pk, str(pk), name, "", fields))

    channel_versions = [v for v in ours if v.content_type_id == channel_type.pk]
    channel_data = {v.object_id: _data(v) for v in channel_versions}
    owners = {data["organisation"] for data in channel_data.values() if data.get("organisation")}
    states = _organisation_states(org_data, owners)
    for version in channel_versions:
        new = channel_data[version.object_id]
        owner = new.get("organisation")
        state = states.get(owner)
        # Nothing about a channel of an unpublished organisation; when the organisation itself is
        # added or removed in this revision, that one line says it all.
        if not organisation_is_public(state) or owner in added_or_removed:
            continue
        old = before(version, "directory.contactchannel")
        if old is UNKNOWN:
            continue
        for action, fields in channel_changes(old, new, shelter=bool(state.get("is_shelter"))):
            kind = (old if action == Action.REMOVED and old else new).get("kind", "")
            changes.append(_change(when, revision, action, Subject.CHANNEL, owner, version.object_id, state["name"],
                                   kind, fields))  # fmt: skip
    DirectoryChange.objects.bulk_create(changes)
    return changes


def organisation_changes(old: dict | None, new: dict) -> list[tuple[str, list[str]]]:
    was_public, is_public = organisation_is_public(old), organisation_is_public(new)
    if not is_public:
        return [(Action.REMOVED, [])] if was_public else []
    if not was_public:
        return [(Action.ADDED, [])]
    found: list[tuple[str, list[str]]] = []
    if new.get("last_verified") and new.get("last_verified") != old.get("last_verified"):
        found.append((Action.CONFIRMED, []))
    if fields := changed_fields(old, new, history.ORGANISATION_GROUPS):
        found.append((Action.CHANGED, fields))
    return found


def channel_changes(old: dict | None, new: dict, *, shelter: bool) -> list[tuple[str, list[str]]]:
    was_public = channel_is_public(old, shelter=shelter)
    is_public = channel_is_public(new, shelter=shelter)
    if not is_public:
        return [(Action.REMOVED, [])] if was_public else []
    confirmed = new.get("status") == ContactChannel.Status.CONFIRMED and (
        not old or old.get("confirmed_at") != new.get("confirmed_at")
    )
    if not was_public:
        return [(Action.CONFIRMED if confirmed else Action.ADDED, [])]
    found: list[tuple[str, list[str]]] = [(Action.CONFIRMED, [])] if confirmed else []
    if fields := changed_fields(old, new, history.CHANNEL_GROUPS):
        found.append((Action.CHANGED, fields))
    return found


def _change(when, revision, action, subject, organisation_id, object_id, name, kind, fields) -> DirectoryChange:
    return DirectoryChange(
        happened_at=when,
        revision=revision,
        action=action,
        subject=subject,
        organisation_id=organisation_id,
        object_id=object_id,
        organisation_name=name,
        channel_kind=kind,
        fields=fields,
    )


def _revision_saved(sender, revision: Revision, versions, **kwargs) -> None:
    record_revision(revision, versions)


def _organisation_deleted(sender, instance: Organisation, **kwargs) -> None:
    # Its contact routes are deleted first in the same transaction, and their lines still point at
    # it: the deletion nulled only the lines that existed before, so the foreign key would fail at
    # commit (a 500 for the editor). Those lines lose the link, as older ones do.
    DirectoryChange.objects.filter(organisation_id=instance.pk).update(organisation=None)
    if instance.published:
        DirectoryChange.objects.create(
            happened_at=timezone.now(), action=Action.REMOVED, subject=Subject.ORGANISATION,
            object_id=str(instance.pk), organisation_name=instance.name,
        )  # fmt: skip


def _channel_deleted(sender, instance: ContactChannel, **kwargs) -> None:
    organisation = Organisation.objects.filter(pk=instance.organisation_id, published=True).first()
    if organisation is None:
        return  # unpublished, or being deleted itself: its own line says so
    if channel_is_public({"kind": instance.kind, "status": instance.status, "confirmed_at": instance.confirmed_at,
                          "source": instance.source, "taken_over": instance.taken_over},
                         shelter=organisation.is_shelter):  # fmt: skip
        DirectoryChange.objects.create(
            happened_at=timezone.now(), action=Action.REMOVED, subject=Subject.CHANNEL, organisation=organisation,
            object_id=str(instance.pk), organisation_name=organisation.name, channel_kind=instance.kind,
        )  # fmt: skip


def connect() -> None:
    for model in (Organisation, ContactChannel):
        label = model._meta.label_lower
        pre_save.connect(_keep_state_before, sender=model, dispatch_uid=f"directory-changelog-before-{label}")
        post_save.connect(_keep_new_object, sender=model, dispatch_uid=f"directory-changelog-new-{label}")
    post_revision_commit.connect(_revision_saved, dispatch_uid="directory-changelog-revision")
    post_delete.connect(_organisation_deleted, sender=Organisation, dispatch_uid="directory-changelog-organisation")
    post_delete.connect(_channel_deleted, sender=ContactChannel, dispatch_uid="directory-changelog-channel")


# --- Showing -------------------------------------------------------------------------------

PAGE_SIZE = 50

SENTENCES: dict[tuple[str, str], Promise] = {
    (Subject.ORGANISATION, Action.ADDED): _("Added to the directory"),
    (Subject.ORGANISATION, Action.CHANGED): _("Changed: %(fields)s"),
    (Subject.ORGANISATION, Action.CONFIRMED): _("Checked and confirmed by the editors"),
    (Subject.ORGANISATION, Action.REMOVED): _("Removed from the directory"),
    (Subject.CHANNEL, Action.ADDED): _("New contact route: %(kind)s"),
    (Subject.CHANNEL, Action.CHANGED): _("Contact route changed (%(kind)s): %(fields)s"),
    (Subject.CHANNEL, Action.CONFIRMED): _("Contact route checked and confirmed by the editors (%(kind)s)"),
    (Subject.CHANNEL, Action.REMOVED): _("Contact route removed (%(kind)s)"),
}


@dataclass
class ChangeLine:
    """One changelog line as the page and the feed show it (in the active language)."""

    change: DirectoryChange
    name: str
    url: str  # the organisation's page while it is published, else ""
    text: str
    guid: str = ""  # the feed's id for it

    @property
    def when(self):
        return timezone.localtime(self.change.happened_at)

    @property
    def day(self):
        return self.when.date()

    @property
    def anchor(self) -> str:
        return f"wijziging-{self.change.pk}"

    @property
    def title(self) -> str:
        return f"{self.name}: {self.text}"


def describe(change: DirectoryChange) -> ChangeLine:
    """What a line says. A removed organisation keeps only its name as it was last public."""
    from portal.templatetags.portal_tags import _list_separator

    organisation = change.organisation if change.organisation_id else None
    public = organisation is not None and organisation.published
    kind = ContactChannel.Kind(change.channel_kind).label if change.channel_kind in Kind.values else ""
    fields = _list_separator().join(field_label(code, change.channel_kind) for code in change.fields)
    text = str(SENTENCES[(change.subject, change.action)]) % {"fields": fields, "kind": kind}
    return ChangeLine(
        change=change,
        name=organisation.name if public else change.organisation_name,
        url=organisation.get_absolute_url() if public else "",
        text=text,
    )


def public_lines(organisation: Organisation | None = None):
    """The public changelog, newest first (of one organisation, or of the whole directory)."""
    changes = DirectoryChange.objects.public().select_related("organisation")
    if organisation is not None:
        changes = changes.filter(organisation=organisation)
    return changes.only(
        "happened_at", "action", "subject", "organisation_name", "channel_kind", "fields",
        "organisation__name", "organisation__slug", "organisation__published",
    )  # fmt: skip
