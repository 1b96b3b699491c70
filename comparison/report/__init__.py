"""``make report``: run the notebooks (``run``) and write the HTML report as a research document.

- ``run``: build, every notebook headless in zh and en, progress on the console;
- ``page``: the document (``reports/report.html``, ``report_zh.html``) and its single-file variants
  for e-mail (``report_single.html``, ``report_single_zh.html``);
- ``sections``, ``key_tables``, ``appendix``, ``build_info``: what the document says;
- ``markup``, ``words``: HTML and Markdown made safely, the report's own words in both languages;
- ``images``, ``webfont``: figures at their real size and display resolution, the bundled font as a
  subset webfont so Chinese renders on a machine without Chinese fonts.
"""
from comparison.report.run import (LANGS, MAX_JOBS, Progress, jobs, kernels_use, notebooks, run_notebook,
                                   run_notebooks, run_report)

__all__ = ["LANGS", "MAX_JOBS", "Progress", "jobs", "kernels_use", "notebooks", "run_notebook", "run_notebooks",
           "run_report"]
