"""pyproject.toml and the pinned requirements files list the same dependencies."""

from __future__ import annotations

import tomllib
from importlib.metadata import requires
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[2]
FILES = {"prod": ["requirements.txt"], "local": ["requirements-local.txt"], "dev": ["requirements-dev.txt"]}


def pins(name: str) -> set[str]:
    names = set()
    for line in (ROOT / name).read_text().splitlines():
        line = line.split("#")[0].strip()
        if line and not line.startswith("-r"):
            assert "==" in line, f"{name}: {line} is not pinned"
            names.add(canonicalize_name(Requirement(line).name))
    return names


def declared_requirements() -> dict[str, list[Requirement]]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())
    groups = project["dependency-groups"]
    return {
        "prod": [Requirement(item) for item in project["project"]["dependencies"]],
        "local": [Requirement(item) for item in groups["local"]],
        "dev": [Requirement(item) for item in [*groups["tests"], *groups["dev"]]],
    }


def declared() -> dict[str, set[str]]:
    return {kind: {canonicalize_name(r.name) for r in items} for kind, items in declared_requirements().items()}


def needed_by(requirements: list[Requirement]) -> set[str]:
    """Everything the given installed packages require (with their extras), transitively."""
    seen: set[tuple[str, str]] = set()
    todo = [(canonicalize_name(r.name), extra) for r in requirements for extra in ["", *r.extras]]
    while todo:
        package, extra = todo.pop()
        if (package, extra) in seen:
            continue
        seen.add((package, extra))
        for spec in requires(package) or []:
            requirement = Requirement(spec)
            if requirement.marker is None or requirement.marker.evaluate({"extra": extra}):
                todo += [(canonicalize_name(requirement.name), e) for e in ["", *requirement.extras]]
    return {package for package, _extra in seen}


def test_every_declared_dependency_is_pinned_in_its_requirements_file():
    for kind, names in declared().items():
        pinned = set().union(*(pins(name) for name in FILES[kind]))
        assert names <= pinned, (kind, names - pinned)


def test_every_pin_is_declared_or_needed_by_a_declared_package():
    for kind, requirements in declared_requirements().items():
        pinned = set().union(*(pins(name) for name in FILES[kind]))
        needed = needed_by(requirements)
        assert pinned <= needed, (kind, pinned - needed)
