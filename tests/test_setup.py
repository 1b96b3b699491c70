"""The two-command setup: environment.yml names the same dependencies as pyproject.toml, CI runs the README's test command."""
import re
import tomllib

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
