"""Draw the README's example of a figure at 40 plans: 02_shared_targets for the synthetic 40-plan corpus of
the layout tests (real province and city names and the codebook's indicators, random values), with two
plans highlighted. Run from the repository root: ``.venv/bin/python docs/example_40_plans.py``."""
import sys
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "figures"))

import synthetic_corpus as sc  # noqa: E402

from comparison.analysis.targets import shared_targets  # noqa: E402
from comparison.figures import plotting  # noqa: E402
from comparison.figures.planstyle import plan_style  # noqa: E402
from comparison.figures.targets import shared_targets_charts  # noqa: E402

plotting.setup()
corpus = sc.corpus(40, "en")
style = plan_style(corpus.plans, "en", ["jingdezhen_2021", "hami_2021"])
first = shared_targets_charts(shared_targets(corpus.quantities), style)[0]
first.fig.savefig(ROOT / "docs" / "example_40_plans_shared_targets.png", dpi=110, metadata={"Software": None})
