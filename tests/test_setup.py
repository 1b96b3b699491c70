"""The two-command setup: environment.yml names the same dependencies as pyproject.toml, CI runs the README's test command."""
import re
import tomllib

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
