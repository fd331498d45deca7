"""Real servers for tests: a private MariaDB (Debian's mariadb-server) and the workbench under gunicorn.

The LMS keeps learner state in MySQL, where races show that SQLite hides; so
concurrency tests run the workbench in several gunicorn worker processes on a
MariaDB started here, in a temporary folder, on a loopback port.
"""

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(check, timeout, what):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.2)
    raise TimeoutError(f"{what} did not start within {timeout} s")


@contextmanager
def mariadb(folder):
    """A throw-away MariaDB server; yields Django's DATABASES for it."""
    server = shutil.which("mariadbd") or "/usr/sbin/mariadbd"
    installer = shutil.which("mariadb-install-db")
    if not (Path(server).exists() and installer):
        raise RuntimeError("Debian's mariadb-server is missing: `make test` installs it")
    data, port = Path(folder) / "data", free_port()
    subprocess.run([installer, "--no-defaults", f"--datadir={data}", "--user=root", "--skip-test-db",
                    "--auth-root-authentication-method=normal"], check=True, capture_output=True)
    process = subprocess.Popen(
        [server, "--no-defaults", f"--datadir={data}", "--user=root", f"--port={port}", "--bind-address=127.0.0.1",
         f"--socket={Path(folder) / 'mysqld.sock'}", "--skip-grant-tables", "--innodb-buffer-pool-size=64M",
         "--max-connections=400", "--skip-log-bin"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        def accepts():
            with socket.socket() as probe:
                return probe.connect_ex(("127.0.0.1", port)) == 0
        wait_for(accepts, 60, "MariaDB")
        import MySQLdb
        connection = MySQLdb.connect(host="127.0.0.1", port=port, user="root")
        connection.cursor().execute("CREATE DATABASE workbench CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci")
        connection.close()
        yield {"default": {"ENGINE": "django.db.backends.mysql", "NAME": "workbench", "USER": "root",
                           "HOST": "127.0.0.1", "PORT": str(port), "OPTIONS": {"charset": "utf8mb4"}}}
    finally:
        process.terminate()
        process.wait(timeout=60)


@contextmanager
def workbench_server(databases, folder, workers=4, extra_env=None):
    """The workbench (our settings, all blocks) migrated and served by gunicorn; yields its base URL."""
    env = {**os.environ, **(extra_env or {}), "WORKBENCH_DATABASES": json.dumps(databases),
           "NOTURIBA_WORKBENCH_QUIET": "1",
           "DJANGO_SETTINGS_MODULE": "workbench_site.settings",
           "PYTHONPATH": os.pathsep.join([str(ROOT / "devstack"), str(ROOT / "tools")])}
    bin_dir = Path(sys.executable).parent
    subprocess.run([str(bin_dir / "django-admin"), "migrate", "--noinput", "-v", "0"], env=env, cwd=folder,
                   check=True, capture_output=True)
    port = free_port()
    process = subprocess.Popen(
        [str(bin_dir / "gunicorn"), "workbench.wsgi:application", "--bind", f"127.0.0.1:{port}",
         "--workers", str(workers), "--timeout", "120", "--log-level", "warning"],
        env=env, cwd=folder, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        def answers():
            try:
                with urllib.request.urlopen(url + "/", timeout=30) as response:
                    return response.status == 200
            except OSError:
                return False
        wait_for(answers, 120, "the workbench under gunicorn")
        yield url
    finally:
        process.terminate()
        process.wait(timeout=60)
