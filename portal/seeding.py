"""Loading the shipped seed data (the `fixtures/` folder) into a database, exactly once.

Each app lists its datasets in a `seed.py` module as `DATASETS`. A dataset is loaded only when it
has never been loaded and the tables it fills are empty, so a second `make run` leaves everything
editors changed in the meantime alone.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.db import models, transaction

FIXTURES_DIR = Path(settings.BASE_DIR) / "fixtures"


@dataclass(frozen=True)
class Dataset:
    name: str
    load: Callable[[], int]
    fills: list[type[models.Model]] = field(default_factory=list)
    order: int = 100


def all_datasets() -> list[Dataset]:
    datasets: list[Dataset] = []
    for config in apps.get_app_configs():
        try:
            module = importlib.import_module(f"{config.name}.seed")
        except ModuleNotFoundError as error:
            if error.name != f"{config.name}.seed":
                raise
            continue
        datasets.extend(getattr(module, "DATASETS", []))
    return sorted(datasets, key=lambda dataset: (dataset.order, dataset.name))


def load_datasets(
    report: Callable[[str], None] = print, include: Callable[[Dataset], bool] = lambda dataset: True
) -> list[str]:
    """Load every dataset not loaded before into empty tables; return the names loaded."""
    from portal.models import LoadedDataset

    loaded: list[str] = []
    for dataset in filter(include, all_datasets()):
        if LoadedDataset.objects.filter(name=dataset.name).exists():
            report(f"{dataset.name}: already loaded, kept as it is")
            continue
        if any(model.objects.exists() for model in dataset.fills):
            report(f"{dataset.name}: tables already hold data, not loaded")
            LoadedDataset.objects.create(name=dataset.name, rows=0)
            continue
        with transaction.atomic():
            rows = dataset.load()
            LoadedDataset.objects.create(name=dataset.name, rows=rows)
        report(f"{dataset.name}: loaded {rows} rows")
        loaded.append(dataset.name)
    return loaded
