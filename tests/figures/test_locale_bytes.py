"""Same bytes under any locale: a figure exported under the C locale and under zh_CN.UTF-8 is byte for byte
the same (under LC_ALL=zh_CN.UTF-8, 27 PNG and 27 SVG figures and both HTML reports differed: libraqm took
the text language from the locale, and the digits of "Nanping 2021" got other glyphs).

The Chinese locale is the system's if it has one, else generated with ``localedef`` into a temporary
folder (LOCPATH); the test is skipped, saying why, where neither is possible.
"""
import json
import os
import shutil
import subprocess
import sys

import pytest

EXPORT = r"""
import hashlib, json, locale, sys
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
from comparison.figures.plotting import save_figure, setup
from comparison.paths import project_paths
setup()
if sys.argv[2] == "unpinned":
    matplotlib.rcParams["text.language"] = None
fig, ax = plt.subplots(figsize=(3.5, 2))
ax.bar(["Nanping 2021", "Shangrao 2022", "南平 2022（未审核）"], [13.5, 18.25, -2.5])
ax.set_title("单位地区生产总值能耗下降 13.5%（2025年）")
ax.set_ylabel("% of GDP, 2020 = 100")
written = save_figure(fig, "99", "locale", "en", "Caption 2025: 13.5%", project_paths(sys.argv[1]))
print(json.dumps({"locale": locale.setlocale(locale.LC_CTYPE),
                  **{p.suffix: hashlib.sha256(p.read_bytes()).hexdigest() for p in written}}))
"""


@pytest.fixture(scope="module")
def chinese_locale(tmp_path_factory) -> dict:
    """Environment variables that select zh_CN.UTF-8 (the system's, or one generated for the test)."""
    listed = subprocess.run(["locale", "-a"], capture_output=True, text=True).stdout.split() if shutil.which(
        "locale") else []
    name = next((n for n in listed if n.lower().replace("-", "") in ("zh_cn.utf8",)), None)
    if name:
        return {"LC_ALL": name}
    if not shutil.which("localedef"):
        pytest.skip("no zh_CN locale on this system and no localedef to generate one")
    folder = tmp_path_factory.mktemp("locales")
    made = subprocess.run(["localedef", "-i", "zh_CN", "-f", "UTF-8", str(folder / "zh_CN.UTF-8")],
                          capture_output=True, text=True)
    if not (folder / "zh_CN.UTF-8").exists():
        pytest.skip(f"localedef could not generate zh_CN.UTF-8 (no locale sources?): {made.stderr.strip()}")
    return {"LOCPATH": str(folder), "LC_ALL": "zh_CN.UTF-8"}


def export(tmp_path, env_changes: dict, mode: str = "pinned") -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG", "LOCPATH"))}
    env.update(env_changes)
    root = tmp_path / f"{env_changes.get('LC_ALL', 'C')}-{mode}"
    out = subprocess.run([sys.executable, "-c", EXPORT, str(root), mode], capture_output=True, text=True, env=env,
                         timeout=300)
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout)


def test_a_figure_has_the_same_bytes_under_a_chinese_locale(tmp_path, chinese_locale):
    plain, chinese = export(tmp_path, {"LC_ALL": "C"}), export(tmp_path, chinese_locale)
    assert chinese["locale"].lower().startswith("zh_cn")  # the locale really was in force
    assert {k: plain[k] for k in (".png", ".svg", ".json")} == {k: chinese[k] for k in (".png", ".svg", ".json")}
    # and the check can fail: left to the locale, the same figure comes out with other glyphs
    unpinned = export(tmp_path, chinese_locale, "unpinned")
    assert unpinned[".svg"] != plain[".svg"] and unpinned[".png"] != plain[".png"]
