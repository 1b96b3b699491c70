"""The two-command setup: environment.yml names the same dependencies as pyproject.toml, CI runs the README's
test command; make lab's command line; notebooks JupyterLab opens unmodified; the publishing files agree."""
import re
import tomllib

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

from comparison.paths import REPO_ROOT


def _names(requirements):
    return {re.split(r"[<>=!~ \[]", r.strip(), maxsplit=1)[0].lower() for r in requirements}


def test_environment_yml_matches_pyproject():
    project = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text())["project"]
    wanted = _names(project["dependencies"] + project["optional-dependencies"]["dev"])
    env = (REPO_ROOT / "environment.yml").read_text()
    listed = set()
    dependencies = env.split("dependencies:", 1)[1]
    for line in dependencies.splitlines():
        m = re.match(r"\s*-\s+([A-Za-z0-9_.\-]+)", line)
        if m and m.group(1) not in ("pip", "python", "-e"):
            listed.add(m.group(1).lower())
    assert listed == wanted


def test_ci_runs_the_readme_test_command():
    readme = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    ci = (REPO_ROOT / ".ci/run").read_text()
    commands = re.findall(r"^(make \w+)$", readme, flags=re.M)
    assert commands[:2] == ["make report", "make test"]
    assert re.search(r"^make test$", ci, flags=re.M)


def test_the_lock_pins_every_dependency_within_pyprojects_range():
    project = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text())["project"]
    lines = (REPO_ROOT / "requirements.lock").read_text().splitlines()
    pins = [line for line in lines if line and not line.startswith("#")]
    assert all(re.fullmatch(r"[A-Za-z0-9_.\-]+==[A-Za-z0-9_.+!\-]+", pin) for pin in pins), pins
    locked = {canonicalize_name(name): Version(version) for name, version in (pin.split("==") for pin in pins)}
    for requirement in map(Requirement, project["dependencies"] + project["optional-dependencies"]["dev"]):
        name = canonicalize_name(requirement.name)
        assert name in locked, f"{name} is not pinned in requirements.lock"
        assert locked[name] in requirement.specifier, (name, locked[name], requirement.specifier)


def test_publishing_files_agree_on_version_and_licences():
    """CITATION.cff (CFF 1.2.0), LICENSE and LICENSE-DATA.md, CHANGELOG.md and the data package say the same
    version and licences as pyproject.toml and the package."""
    import yaml

    from comparison import __version__
    from comparison.tables.datapackage import LICENSE

    project = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text())["project"]
    cff = yaml.safe_load((REPO_ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    assert cff["cff-version"] == "1.2.0"
    assert {"message", "title", "authors", "version"} <= set(cff) and cff["authors"]
    assert cff["version"] == project["version"] == __version__
    assert cff["license"] == project["license"]["text"] == "MIT"
    assert (REPO_ROOT / "LICENSE").read_text().startswith("MIT License\n")
    data_licence = (REPO_ROOT / "LICENSE-DATA.md").read_text(encoding="utf-8")
    assert LICENSE["name"] == "CC-BY-4.0" and LICENSE["path"] in data_licence
    assert "著作权法" in data_licence and "not legal advice" in data_licence
    changelog = (REPO_ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert "## [Unreleased]" in changelog and f"## [{__version__}] - " in changelog


def make_lab(*variables: str) -> str:
    """The command make lab would run (make -n prints it; no server starts)."""
    import os
    import subprocess

    # A make test run with ARGS passes them to this make through the environment; the test sets its own.
    env = {k: v for k, v in os.environ.items() if k not in {"ARGS", "MAKEFLAGS", "MFLAGS", "MAKELEVEL"}}
    out = subprocess.run(["make", "-n", "lab", *variables], cwd=REPO_ROOT, capture_output=True, text=True,
                         timeout=60, check=True, env=env).stdout
    return next(line for line in out.splitlines() if "jupyter lab" in line)


def test_make_lab_opens_at_the_project_root_and_passes_args():
    as_root = make_lab("USER_ID=0", "ARGS=--no-browser --ip=127.0.0.1")
    assert as_root.split() == [".venv/bin/jupyter", "lab", "--ServerApp.root_dir=.", "--allow-root", "--no-browser",
                               "--ip=127.0.0.1"]
    assert make_lab("USER_ID=1000").split() == [".venv/bin/jupyter", "lab", "--ServerApp.root_dir=."]


def test_make_lab_knows_who_runs_it():
    import os

    root = "--allow-root" in make_lab().split()
    assert root == (os.getuid() == 0)


@pytest.mark.parametrize("notebook", sorted((REPO_ROOT / "notebooks").glob("*.ipynb")), ids=lambda p: p.name)
def test_opening_a_notebook_in_jupyterlab_does_not_modify_it(notebook):
    """JupyterLab marks a notebook modified on opening when it adds metadata (language_info, the kernelspec
    of the kernel it starts) or cell ids; the committed notebooks already hold them, in the form it saves."""
    import json
    import sys

    from jupyter_client.kernelspec import KernelSpecManager

    from helpers import KERNELSPEC, jupyterlab_form

    text = notebook.read_text(encoding="utf-8")
    metadata = json.loads(text)["metadata"]
    spec = KernelSpecManager().get_kernel_spec("python3")
    assert KERNELSPEC == {"name": "python3", "display_name": spec.display_name, "language": spec.language}
    version = metadata["language_info"]["version"]
    assert version.split(".")[:2] == [str(sys.version_info[0]), str(sys.version_info[1])]
    assert text == jupyterlab_form(text, version), (
        f"not in JupyterLab's form; run .venv/bin/python tests/helpers.py {notebook.relative_to(REPO_ROOT)}")
