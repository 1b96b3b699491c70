"""A real browser opens the Chinese report and draws it: Debian's chromium, headless, as CI installs it
(.ci/run). Skipped, saying why, only where no Chromium is installed."""
import shutil
import subprocess

import pytest
from PIL import Image, ImageStat

CHROMIUM = next((p for p in (shutil.which("chromium"), shutil.which("chromium-browser")) if p), None)


@pytest.mark.skipif(CHROMIUM is None, reason="no Chromium installed (Debian: apt-get install chromium); "
                                             "the browser check of the HTML report did not run")
def test_chromium_draws_the_chinese_report(real_report, tmp_path):
    root, _ = real_report
    page = root / "reports" / "report_zh.html"
    shot = tmp_path / "report_zh.png"
    done = subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", f"--user-data-dir={tmp_path / 'profile'}",
         "--hide-scrollbars", "--window-size=1000,1400", f"--screenshot={shot}", page.as_uri()],
        capture_output=True, text=True, timeout=120)
    assert done.returncode == 0 and shot.exists(), done.stderr[-2000:]
    with Image.open(shot) as im:
        assert im.size == (1000, 1400)
        grey = im.convert("L")
        assert ImageStat.Stat(grey).stddev[0] > 20  # not a blank page
        dark = sum(grey.point(lambda v: 255 if v < 128 else 0).histogram()[255:])
        assert dark > 0.01 * im.width * im.height  # text and figure lines, not a few stray pixels
