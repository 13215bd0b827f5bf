# redletter: every target works on a fresh Debian machine with Python 3.11 (as root for apt-get).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: install system-deps unseen-deps demo test lint typecheck eval bench samples unseen clean

# The package's bytecode is written at install time, as pip does for a wheel: this machine sets
# PYTHONDONTWRITEBYTECODE, so an editable install would otherwise compile every module on every
# start (about 60 ms of each command). A stale .pyc is only ever recompiled in memory.
install: system-deps $(STAMP)
	@$(BIN)/python -m compileall -q src

system-deps:
	@missing=""; \
	command -v tesseract >/dev/null 2>&1 || missing="$$missing tesseract-ocr tesseract-ocr-eng tesseract-ocr-osd"; \
	command -v tesseract >/dev/null 2>&1 && ! tesseract --list-langs 2>/dev/null | grep -qx osd && missing="$$missing tesseract-ocr-osd"; \
	command -v pdftoppm  >/dev/null 2>&1 || missing="$$missing poppler-utils"; \
	[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || missing="$$missing fonts-dejavu-core"; \
	command -v chromium  >/dev/null 2>&1 || missing="$$missing chromium"; \
	{ command -v initdb >/dev/null 2>&1 || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; } || missing="$$missing postgresql"; \
	if [ -n "$$missing" ]; then \
		echo "installing system packages:$$missing"; \
		SUDO=""; [ "$$(id -u)" -eq 0 ] || SUDO="sudo"; \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing >/dev/null; \
	fi

$(STAMP): pyproject.toml
	@[ -x $(BIN)/python ] || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev]'
	@touch $(STAMP)

# The main job on the sample letters (born-digital and scanned), copied into a fresh inbox
# under .demo/, against the sample customer master; then the review page (SERVE=no skips it).
DEMO  := .demo
SERVE ?= yes
PORT  ?= 8000

demo: install
	@rm -rf $(DEMO) && mkdir -p $(DEMO)/inbox
	@cp samples/letters/*.pdf samples/letters/scanned/*.pdf samples/letters/scanned/*.png \
		samples/letters/scanned/*.jpg samples/letters/scanned/*.tif $(DEMO)/inbox/ 2>/dev/null || true
	$(BIN)/redletter run --inbox $(DEMO)/inbox --customers samples/customers.csv --db $(DEMO)/redletter.db
	$(BIN)/redletter audit verify --db $(DEMO)/redletter.db
	@if [ "$(SERVE)" = "yes" ]; then \
		echo "starting the review page (Ctrl-C to stop)"; \
		$(BIN)/redletter serve --db $(DEMO)/redletter.db --port $(PORT) --reviewer "$${USER:-analyst}"; \
	fi

test: install
	$(BIN)/python -m pytest -q
	$(BIN)/ruff check src tests scripts benchmarks
	$(BIN)/mypy src

# Extraction: born-digital and scanned letters of every set (samples, hold-outs, the unseen
# families by another hand), the sealed families (added up only: they are not tuned on), and
# the real public tables when their PDFs are beside their truth (see their README).
EVAL := $(BIN)/python -m redletter.evaluation
eval: install
	$(EVAL) --together "born-digital letters" samples/letters tests/fixtures/holdout tests/fixtures/holdout_html tests/fixtures/trial $$(ls -d tests/fixtures/unseen/u0* | grep -v u09)
	$(EVAL) --together "scanned letters" samples/letters/scanned tests/fixtures/holdout_scans tests/fixtures/unseen/u09_scanned
	$(EVAL) --together "other testers' families, dev sets (fixed cause by cause)" tests/fixtures/families/a/dev tests/fixtures/families/b/dev tests/fixtures/families/c tests/fixtures/families/d tests/fixtures/families/e/dev tests/fixtures/families/g/dev tests/fixtures/families/i/dev tests/fixtures/families/k/dev tests/fixtures/families/l/dev
	$(EVAL) --together "other testers' families, held out (never tuned on)" tests/fixtures/families/a/heldout tests/fixtures/families/b/heldout tests/fixtures/families/e/heldout tests/fixtures/families/g/heldout tests/fixtures/families/i/heldout tests/fixtures/families/k/heldout tests/fixtures/families/l/heldout
	$(EVAL) --together "family g, held out alone" tests/fixtures/families/g/heldout
	$(EVAL) --together "family f, written only to be measured (never looked at letter by letter)" tests/fixtures/families/f
	$(EVAL) --together "family h, written only to be measured (never looked at letter by letter)" tests/fixtures/families/h
	$(EVAL) --together "family i, held out alone" tests/fixtures/families/i/heldout
	$(EVAL) --together "family k, held out alone" tests/fixtures/families/k/heldout
	$(EVAL) --together "family l, held out alone" tests/fixtures/families/l/heldout
	$(EVAL) --together "family m, written only to be measured (never looked at letter by letter)" tests/fixtures/families/m/born tests/fixtures/families/m/scans
	$(EVAL) --together "family j, written only to be measured (never looked at letter by letter)" tests/fixtures/families/j
	$(EVAL) --together "sealed families (never tuned on)" tests/fixtures/sealed/s01_customs_buyers tests/fixtures/sealed/s02_label_blocks tests/fixtures/sealed/s03_scanned
	$(EVAL) --together "real public tables of organisations" tests/fixtures/public_tables
	$(BIN)/python -m redletter.match.evaluate samples/customers.csv samples/letters tests/fixtures/matching/company_pairs.csv

bench: install
	$(BIN)/python benchmarks/bench_startup.py
	$(BIN)/python benchmarks/bench_extract.py
	$(BIN)/python benchmarks/bench_ocr.py
	$(BIN)/python benchmarks/bench_match.py

samples: install
	$(BIN)/python scripts/make_samples.py samples/letters
	$(BIN)/python scripts/make_scans.py samples/letters
	$(BIN)/python scripts/make_customers.py

# Letter families made independently of the sample generators (scripts/make_unseen.py):
# tests/fixtures/unseen/ (may be looked at) and tests/fixtures/sealed/ (aggregate scores only).
# Producers: LibreOffice (docx/odt), Chromium, fpdf2, openpyxl, csv, e-mail; scans via pypdfium2.
unseen-deps:
	@missing=""; \
	command -v soffice >/dev/null 2>&1 || missing="$$missing libreoffice-writer-nogui"; \
	[ -f /usr/share/fonts/truetype/liberation/LiberationSansNarrow-Regular.ttf ] || missing="$$missing fonts-liberation"; \
	[ -f /usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf ] || missing="$$missing fonts-liberation2"; \
	[ -f /usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf ] || missing="$$missing fonts-dejavu-core"; \
	if [ -n "$$missing" ]; then \
		echo "installing system packages:$$missing"; \
		SUDO=""; [ "$$(id -u)" -eq 0 ] || SUDO="sudo"; \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing >/dev/null; \
	fi

unseen: install unseen-deps
	$(BIN)/python scripts/make_unseen.py

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info .pytest_cache .mypy_cache .ruff_cache
