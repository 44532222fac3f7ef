from __future__ import annotations

import pytest
from django.contrib.auth.models import Group, User


def _member(username: str, group: str) -> User:
    user = User.objects.create_user(username=username, password="a-long-editor-passphrase", is_staff=True)
    user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def redacteur(db) -> User:
    return _member("redacteur", "Redacteur")


@pytest.fixture
def hoofdredacteur(db) -> User:
    return _member("hoofdredacteur", "Hoofdredacteur")
