"""scripts/with-postgres passes the caller's environment on to the command unchanged (it only adds
DATABASE_URL and PORTAL_PG_*, in portal/pgcluster.py)."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
from pathlib import Path

from django.conf import settings

SCRIPT = Path(settings.BASE_DIR) / "scripts" / "with-postgres"


def test_the_callers_environment_variables_reach_the_command_unchanged(tmp_path: Path):
    # A copy of the script in a project whose "python" prints what it was given, so no cluster starts.
    (tmp_path / "scripts").mkdir()
    shutil.copy(SCRIPT, tmp_path / "scripts" / "with-postgres")
    python = tmp_path / ".venv" / "bin" / "python"
    python.parent.mkdir(parents=True)
    python.write_text('#!/bin/sh\necho "ROOT=$ROOT PY=$PY args=$*"\n')
    python.chmod(python.stat().st_mode | stat.S_IXUSR)
    environment = {**os.environ, "ROOT": "/srv/callers-root", "PY": "callers-py"}
    result = subprocess.run(
        ["bash", str(tmp_path / "scripts" / "with-postgres"), "echo", "hi"],
        env=environment, capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert (
        result.stdout.strip() == f"ROOT=/srv/callers-root PY=callers-py args=-P {tmp_path}/portal/pgcluster.py echo hi"
    )
