# redletter: every target works on a fresh Debian machine with Python 3.11 (as root for apt-get).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: install system-deps demo test lint typecheck eval bench samples clean

install: system-deps $(STAMP)

system-deps:
	@missing=""; \
	command -v tesseract >/dev/null 2>&1 || missing="$$missing tesseract-ocr tesseract-ocr-eng tesseract-ocr-osd"; \
	command -v tesseract >/dev/null 2>&1 && ! tesseract --list-langs 2>/dev/null | grep -qx osd && missing="$$missing tesseract-ocr-osd"; \
	command -v pdftoppm  >/dev/null 2>&1 || missing="$$missing poppler-utils"; \
	[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || missing="$$missing fonts-dejavu-core"; \
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

demo: install
	$(BIN)/redletter extract samples/letters/*.pdf $(wildcard samples/letters/scanned/*.pdf samples/letters/scanned/*.png samples/letters/scanned/*.jpg samples/letters/scanned/*.tif)
	$(BIN)/redletter match samples/letters/04_supplier_multipage_40.pdf --customers samples/customers.csv

test: install
	$(BIN)/python -m pytest -q
	$(BIN)/ruff check src tests scripts benchmarks
	$(BIN)/mypy src

eval: install
	$(BIN)/python -m redletter.evaluation samples/letters samples/letters/scanned tests/fixtures/holdout tests/fixtures/holdout_html tests/fixtures/holdout_scans
	$(BIN)/python -m redletter.match.evaluate samples/customers.csv samples/letters tests/fixtures/matching/company_pairs.csv

bench: install
	$(BIN)/python benchmarks/bench_extract.py
	$(BIN)/python benchmarks/bench_ocr.py
	$(BIN)/python benchmarks/bench_match.py

samples: install
	$(BIN)/python scripts/make_samples.py samples/letters
	$(BIN)/python scripts/make_scans.py samples/letters
	$(BIN)/python scripts/make_customers.py

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info .pytest_cache .mypy_cache .ruff_cache
