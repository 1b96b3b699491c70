# Two commands do everything on a fresh machine with only python3 and pip:
#   make report   build data/processed/, run every notebook headless, export figures and tables
#   make test     run the test suite
# Both create the virtual environment .venv on first use and reuse it afterwards
# (PYTHON=python3.11 when python3 is older). ARGS passes options on, e.g.
#   make report ARGS=--allow-suggested      make bench ARGS="--report --quick"
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: report build validate test lab bench bench-extract calibrate new-plan accept-proposals clean lock

$(STAMP): pyproject.toml requirements.lock
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	@# uv (from PyPI) installs the stack in seconds; plain pip is the fallback. Both install the
	@# exact versions of requirements.lock (same stack, same bytes on every machine).
	@if $(PY) -m pip install -q uv >/dev/null 2>&1 && $(VENV)/bin/uv --version >/dev/null 2>&1; then \
		$(VENV)/bin/uv pip install -q --compile-bytecode --python $(PY) -c requirements.lock -e '.[dev]'; \
	else \
		$(PY) -m pip install -q -c requirements.lock -e '.[dev]'; \
	fi
	@touch $(STAMP)

# Upgrade the stack within pyproject.toml's ranges and record the new exact versions (then run make test).
lock: $(STAMP)
	$(PY) -m pip install -q --upgrade --upgrade-strategy eager -e '.[dev]'
	grep '^#' requirements.lock > requirements.lock.tmp
	$(PY) -m pip freeze --exclude-editable | grep -v -i -E '^(uv|pip|setuptools|wheel)==' >> requirements.lock.tmp
	mv requirements.lock.tmp requirements.lock

build: $(STAMP)
	$(PY) -m comparison build $(ARGS)

validate: $(STAMP)
	$(PY) -m comparison validate

report: $(STAMP)
	$(PY) -m comparison report $(ARGS)

# nbmake's plugin (for `pytest --nbmake notebooks/…` while editing a notebook) imports jsonschema at start-up,
# ~1.6 s in every pytest process; the suite runs no notebook through it, so it is not loaded here.
test: $(STAMP)
	MPLBACKEND=Agg $(PY) -m pytest -q -p no:nbmake -n auto --dist loadfile $(ARGS)

# JupyterLab at the project root, so notebooks/, reports/ and data/ are all in its file browser; as root
# (a container) it needs --allow-root. ARGS passes options on: make lab ARGS="--no-browser --ip=127.0.0.1"
USER_ID ?= $(shell id -u)
lab: $(STAMP)
	$(VENV)/bin/jupyter lab --ServerApp.root_dir=. $(if $(filter 0,$(USER_ID)),--allow-root) $(ARGS)

bench: $(STAMP)
	$(PY) benchmarks/run.py $(ARGS)

# make new-plan TEXT=plan.txt DOC_ID=xinyang_2023 CITY_ID=xinyang CITY_ZH=信阳 CITY_EN=Xinyang \
#               PROVINCE_ZH=河南 PROVINCE_EN=Henan [ISSUED=2023-05-31] [STATUS=final] [PLAN_TYPE=green_economy]
new-plan: $(STAMP)
	$(PY) -m comparison new-plan --text "$(TEXT)" --doc-id "$(DOC_ID)" --city-id "$(CITY_ID)" \
		--city-zh "$(CITY_ZH)" --city-en "$(CITY_EN)" --province-zh "$(PROVINCE_ZH)" --province-en "$(PROVINCE_EN)" \
		--issued "$(ISSUED)" --status "$(or $(STATUS),final)" --plan-type "$(or $(PLAN_TYPE),green_economy)"

# make accept-proposals [CITY=xinyang]: move accepted proposed indicators, units and agencies into the codebook
accept-proposals: $(STAMP)
	$(PY) -m comparison accept-proposals $(if $(CITY),--city "$(CITY)")

bench-extract: $(STAMP)
	$(PY) benchmarks/extraction.py

# Re-measure how often each indicator rule is right (comparison/newplan/indicator_calibration.csv).
calibrate: $(STAMP)
	$(PY) benchmarks/calibrate_indicators.py $(ARGS)

clean:
	rm -rf $(VENV) data/processed/*.csv reports/figures reports/tables reports/selections reports/notebooks reports/report*.html
