# StageTok: `make start` serves the dashboards, `make test` runs every test.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PORT ?= 8866
POOL ?= 2
# Participants a room expects: sizes the workshop's warm kernels and the room's capacity (make room PARTICIPANTS=30).
PARTICIPANTS ?= 15

.PHONY: start test check lint lab room bench bench-room bench-hub browser mutation clean

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "StageTok needs Python 3.11 or newer; run: make PYTHON=python3.12 ...")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	@touch $@

$(VENV)/.installed-test: pyproject.toml $(VENV)/.installed
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $@

$(VENV)/.installed-mutation: pyproject.toml $(VENV)/.installed-test
	$(BIN)/python -m pip install --quiet -e '.[test,mutation]'
	@touch $@

## Serve the participant dashboards on http://localhost:$(PORT) (pre-heated kernels); the teams' work is kept in workshop-data/.
start: $(VENV)/.installed
	$(BIN)/python -m toolkit.serve --port $(PORT) --pool-size $(POOL)

## Serve the dashboards to the workshop room's LAN, with a token in the URL, sized for PARTICIPANTS (default 15).
room: $(VENV)/.installed
	$(BIN)/python -m toolkit.serve --room --port $(PORT) --pool-size $(POOL) --participants $(PARTICIPANTS)

## JupyterLab on the workshop notebooks (for the facilitator or self-paced work).
lab: $(VENV)/.installed
	$(BIN)/python -m toolkit.lab workshops

## Make sure a Chromium for the browser tests is on this machine.
browser: $(VENV)/.installed-test
	$(BIN)/python tests/browser/chromium.py --install

## Every test: the linter, then unit, widget, notebook execution and browser tests.
test: lint browser
	$(BIN)/python -m pytest

## The linter and the fast tests (no browser, no notebooks): under a minute, for every change.
check: lint
	$(BIN)/python -m pytest -m "not browser and not notebook"

## Ruff, configured in pyproject.toml (style, import order, numpy docstrings, bug patterns).
lint: $(VENV)/.installed-test
	$(BIN)/ruff check .

## Speed and memory budgets, measured against a minimal page in the same run.
bench: $(VENV)/.installed-test browser
	$(BIN)/python benchmarks/bench_reach.py
	$(BIN)/python benchmarks/bench_dashboard.py
	$(BIN)/python benchmarks/bench_workshop.py
	$(BIN)/python benchmarks/bench_store.py
	$(BIN)/python benchmarks/bench_room_store.py
	$(BIN)/python benchmarks/bench_board.py

## The room test: 10, 20 and 30 participants arriving within 10 s, as make room sizes it (about 8 minutes);
## prints a table and adds it to benchmarks/RESULTS.md.
bench-room: $(VENV)/.installed-test browser
	$(BIN)/python benchmarks/bench_room.py --dashboard workshop --room-sized

## The room test through a local JupyterHub with deploy/jupyterhub's settings: 10 participants, a server each.
bench-hub: $(VENV)/.installed-test browser
	$(BIN)/python benchmarks/bench_room.py --hub --dashboard workshop --participants 10

## Mutation testing of the logic modules against their unit tests (see docs/design.md), then the summary.
## Starts afresh each time (mutmut keeps verdicts between runs and does not see changed tests); one
## worker, so the machine stays usable. Takes about a quarter of an hour on two cores.
mutation: $(VENV)/.installed-mutation
	rm -rf mutants
	$(BIN)/mutmut run --max-children 1
	@$(BIN)/mutmut results
	@$(BIN)/mutmut export-cicd-stats >/dev/null
	@$(BIN)/python -c 'import json; s = json.load(open("mutants/mutmut-cicd-stats.json")); \
	print("%(total)d mutants: %(killed)d killed, %(survived)d survived, %(timeout)d timed out, %(no_tests)d in code no unit test calls" % s); \
	print("score: %.1f %% of the mutants the tests reach (killed / (killed + survived))" % (100 * s["killed"] / (s["killed"] + s["survived"])))'

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis build *.egg-info mutants
