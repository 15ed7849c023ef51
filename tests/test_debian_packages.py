"""The README's commands install the Debian packages they need when run as root, and otherwise
name exactly what is missing with the apt-get command to run, and stop.

Each case runs the real `scripts/lib/debian-packages` (and `scripts/setup`) under bash with a PATH
holding only the machine's basic tools and stand-ins for the facts being varied: who we are (`id`),
whether sudo works without a password, what dpkg says is installed, which commands exist. The
stand-in apt-get writes down what it was asked and installs nothing.
"""

import os
import shutil
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
BASH = shutil.which("bash")
# What the scripts themselves use from the machine; everything else on PATH is a stand-in.
BASIC_TOOLS = ["dirname", "cat", "env", "mkdir", "cp", "cmp", "printf"]
SITE_LIBRARIES = ["libpango-1.0-0", "libpangoft2-1.0-0", "fonts-dejavu-core"]

pytestmark = pytest.mark.skipif(BASH is None, reason="no bash")


class Machine:
    """A PATH of stand-ins describing one Debian machine."""

    def __init__(self, folder: Path, *, uid=1000, sudo=False, debian=True, installed=(), commands=(), chromium=False):
        self.bin = folder / "bin"
        self.bin.mkdir()
        self.apt_log = folder / "apt-get.log"
        self.chromium = folder / "chromium"
        if chromium:
            self.chromium.write_text("")
        for tool in BASIC_TOOLS:
            os.symlink(shutil.which(tool), self.bin / tool)
        self.stand_in("id", f'[ "$1" = -u ] && echo {uid}')
        self.stand_in("python3", "exit 0")  # a Python with venv and ensurepip
        if sudo:
            self.stand_in("sudo", '[ "$1" = -n ] && shift; "$@"')
        if debian:
            wanted = " ".join(installed)
            self.stand_in(
                "dpkg-query",
                f'for p in {wanted}; do [ "$p" = "${{@: -1}}" ] && printf installed && exit 0; done; exit 1',
            )
            self.stand_in("apt-get", f'echo "$*" >> {self.apt_log}')
        for command in commands:
            self.stand_in(command, "exit 0")

    def stand_in(self, name, body):
        path = self.bin / name
        path.write_text(f"#!{BASH}\n{body}\n")
        path.chmod(0o755)

    @property
    def env(self):
        return {"PATH": str(self.bin), "PYTHON": "python3", "CHROMIUM_PATH": str(self.chromium), "HOME": str(self.bin.parent)}

    def run(self, *args, cwd=REPO):
        return subprocess.run([BASH, *args], cwd=cwd, env=self.env, capture_output=True, text=True, timeout=30)

    def check(self, *groups):
        return self.run(str(REPO / "scripts/lib/debian-packages"), *groups)

    @property
    def apt_calls(self):
        return self.apt_log.read_text().splitlines() if self.apt_log.exists() else []


def test_without_root_it_names_exactly_what_is_missing_and_the_command_and_installs_nothing(tmp_path):
    machine = Machine(tmp_path, installed=["libpangoft2-1.0-0", "fonts-dejavu-core"])

    result = machine.check("run", "test")

    assert result.returncode == 1
    named = [line.split()[0] for line in result.stderr.splitlines() if line.startswith("  ") and "apt-get" not in line]
    assert named == ["npm", "libpango-1.0-0", "chromium"]
    assert "  sudo apt-get update && sudo apt-get install -y npm libpango-1.0-0 chromium" in result.stderr.splitlines()
    assert machine.apt_calls == []


def test_without_root_and_nothing_missing_it_says_nothing(tmp_path):
    machine = Machine(tmp_path, installed=SITE_LIBRARIES, commands=["npm"], chromium=True)

    result = machine.check("run", "test")

    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")
    assert machine.apt_calls == []


def test_as_root_it_installs_what_is_missing_with_apt_get(tmp_path):
    machine = Machine(tmp_path, uid=0, installed=SITE_LIBRARIES)

    result = machine.check("run", "test")

    assert result.returncode == 0, result.stderr
    assert machine.apt_calls == ["update -qq", "install -y -qq npm chromium"]


def test_with_passwordless_sudo_it_installs_through_sudo(tmp_path):
    machine = Machine(tmp_path, sudo=True, installed=SITE_LIBRARIES, commands=["npm"])

    result = machine.check("run", "test", "ci")

    assert result.returncode == 0, result.stderr
    assert machine.apt_calls == [
        "update -qq",
        "install -y -qq chromium postgresql openjdk-17-jre-headless maven redis-server",
    ]


def test_the_services_ci_needs_count_only_for_ci(tmp_path):
    machine = Machine(tmp_path, installed=SITE_LIBRARIES, commands=["npm", "java"], chromium=True)

    assert machine.check("run", "test").returncode == 0
    result = machine.check("ci")
    assert result.returncode == 1
    assert "sudo apt-get install -y postgresql maven redis-server" in result.stderr


def test_a_missing_venv_module_is_named_when_there_is_no_venv_yet(tmp_path):
    machine = Machine(tmp_path, installed=SITE_LIBRARIES, commands=["npm"])
    machine.stand_in("python3", "exit 1")  # Debian's Python without python3-venv

    result = machine.check("venv", "run")

    assert result.returncode == 1
    assert "sudo apt-get install -y python3-venv" in result.stderr


def test_scripts_setup_stops_before_installing_anything_and_says_why(tmp_path):
    clone = tmp_path / "clone"
    (clone / "scripts/lib").mkdir(parents=True)
    for script in ["scripts/setup", "scripts/lib/debian-packages"]:
        shutil.copy(REPO / script, clone / script)
    (tmp_path / "machine").mkdir()
    machine = Machine(tmp_path / "machine", installed=["fonts-dejavu-core"], commands=["npm"])

    result = machine.run(str(clone / "scripts/setup"), cwd=clone)

    assert result.returncode == 1
    assert "sudo apt-get update && sudo apt-get install -y libpango-1.0-0 libpangoft2-1.0-0" in result.stderr
    assert not (clone / ".venv").exists() and machine.apt_calls == []
