# Noturība: `make run` starts the workbench in Latvian; `make test` runs every test.
# Both install what they need first (Python 3.12 venv, Debian chromium + gettext, axe-core).

SHELL := /bin/bash
PYTHON312 ?= $(shell for p in $(wildcard $(HOME)/.pyenv/versions/3.12*/bin/python3.12) $$(command -v python3.12); do "$$p" -c "import sys; assert sys.version_info[:2] == (3, 12)" 2>/dev/null && echo "$$p" && break; done)
VENV := .venv
PY := $(VENV)/bin/python
export PYTHONPATH := $(CURDIR)/devstack:$(CURDIR)/tools
export DJANGO_SETTINGS_MODULE := workbench_site.settings
PORT ?= 8000

.PHONY: help run test check test-platform lint translations messages install system-deps node-deps courses offline print bench clean

help:
	@echo "make run       install, then start the workbench in Latvian on port $(PORT) (every block and course unit)"
	@echo "make test      install (Debian packages, npm, venv), then every test: workbench, browser, MariaDB, platform"
	@echo "make check     the fast loop: lint, unit, blocks and i18n tests; no apt, browser or database server"
	@echo "make lint      ruff over the code and the tests"
	@echo "make messages  extract msgids and merge them into the lv, ru, uk catalogs"
	@echo "make courses   validate every course in courses/ and build one importable .tar.gz each (dist/courses/)"
	@echo "make offline   the offline pack: a static site per course, Kolibri zips, SCORM 1.2 packages (dist/offline/)"
	@echo "make print     the print pack: A4 PDFs in Latvian (LANGS=lv,ru,uk for more) in dist/print/"
	@echo "make bench     speed and size against xblock-poll and drag-and-drop-v2 (bench/results/)"
	@echo "make clean     remove the venvs, node_modules, var/ and everything built"

$(PY):
	@test -n "$(PYTHON312)" || { echo "Python 3.12 is needed (python3.12 on PATH or under ~/.pyenv/versions)"; exit 1; }
	$(PYTHON312) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade "pip>=24" "setuptools<82" wheel

# The workbench alone (make run), and everything the tests need on top (make test).
$(VENV)/.installed: setup.py pyproject.toml | $(PY)
	$(PY) -m pip install -q -e ".[workbench]"
	touch $@

$(VENV)/.installed-test: setup.py pyproject.toml | $(PY) system-deps
	$(PY) -m pip install -q -e ".[test]"
	touch $@ $(VENV)/.installed

$(VENV)/.installed-check: setup.py pyproject.toml | $(PY)
	$(PY) -m pip install -q -e ".[check]"
	touch $@ $(VENV)/.installed

install: $(VENV)/.installed translations

# Without gettext's msgfmt or node here, their two catalog checks are left to `make test`.
empty :=
space := $(empty) $(empty)
CHECK_SKIP := $(strip $(if $(shell command -v msgfmt),,gnu_msgfmt) $(if $(shell command -v node),,javascript_catalog))
check: $(VENV)/.installed-check translations
	$(VENV)/bin/ruff check xblocks tests tools devstack setup.py
	$(PY) -m pytest -q -m "not browser" tests/unit tests/blocks tests/i18n \
	  $(if $(CHECK_SKIP),-k "not $(subst $(space), and not ,$(CHECK_SKIP))")

# Compiled catalogs and the kit's files in each block's public/ (as the build makes them; not committed).
translations: $(VENV)/.installed
	$(PY) tools/i18n.py compile
	$(PY) tools/kit_files.py

# Re-extract msgids into translations/*.pot and merge them into the lv, ru, uk .po files.
messages: $(VENV)/.installed
	$(PY) tools/i18n.py update
	$(PY) tools/i18n.py stats

run: install
	mkdir -p var
	$(VENV)/bin/django-admin migrate --noinput -v 0
	@echo "Workbench: http://127.0.0.1:$(PORT)/  (Latvian; add ?lang=en, ?lang=ru or ?lang=uk to a page to switch)"
	$(VENV)/bin/django-admin runserver 127.0.0.1:$(PORT)

system-deps:
	@missing=""; command -v chromium >/dev/null || missing="$$missing chromium"; \
	command -v msgfmt >/dev/null || missing="$$missing gettext"; \
	command -v mariadbd >/dev/null || test -x /usr/sbin/mariadbd || missing="$$missing mariadb-server"; \
	test -f /usr/include/mariadb/mysql.h || missing="$$missing libmariadb-dev"; \
	command -v pkg-config >/dev/null || missing="$$missing pkg-config"; \
	command -v pdftotext >/dev/null || missing="$$missing poppler-utils"; \
	test -d /usr/share/fonts/truetype/noto || missing="$$missing fonts-noto-core"; \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages:$$missing"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing >/dev/null; \
	fi

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

node-deps: node_modules/.installed

test: system-deps node-deps $(VENV)/.installed-test translations
	mkdir -p var
	$(PY) -m pytest $(PYTEST_ARGS)
	$(MAKE) --no-print-directory test-platform

# The production-mode layer: the platform's code paths, emulated, on the installed wheel.
test-platform: system-deps node-deps $(VENV)/.installed-test translations
	mkdir -p var
	$(PY) tools/platform_site.py
	NOTURIBA_PLATFORM_SITE=$(CURDIR)/var/platform-site PYTHONPATH=$(CURDIR)/var/platform-site:$(PYTHONPATH) \
	  $(PY) -m pytest tests/platform $(PLATFORM_PYTEST_ARGS)

# One importable .tar.gz per course in dist/courses/ (validated first).
courses: $(VENV)/.installed
	$(PY) -m noturiba.courses validate
	$(PY) -m noturiba.courses build

# The offline pack (static site, Kolibri HTML5 zips, SCORM 1.2 packages) in dist/offline/.
offline: $(VENV)/.installed translations
	$(PY) -m noturiba.offline build

# The print pack: A4 PDFs in Latvian (LANGS=lv,ru,uk for more) in dist/print/<lang>/, printed by Chromium.
LANGS ?= lv
print: system-deps $(VENV)/.installed translations
	$(PY) -m noturiba.offline print --lang $(LANGS)

# Measurements against xblock-poll and xblock-drag-and-drop-v2 (never part of `make test`).
BENCH_VENV := .venv-bench
$(BENCH_VENV)/.installed: setup.py pyproject.toml
	@test -n "$(PYTHON312)" || { echo "Python 3.12 is needed"; exit 1; }
	test -x $(BENCH_VENV)/bin/python || $(PYTHON312) -m venv $(BENCH_VENV)
	$(BENCH_VENV)/bin/python -m pip install -q --upgrade "pip>=24" "setuptools<82" wheel
	$(BENCH_VENV)/bin/python -m pip install -q -e ".[bench]"
	touch $@

bench: system-deps $(BENCH_VENV)/.installed
	$(BENCH_VENV)/bin/python tools/i18n.py compile
	$(BENCH_VENV)/bin/python tools/kit_files.py
	mkdir -p var
	$(BENCH_VENV)/bin/python bench/run.py

lint: $(VENV)/.installed-test
	$(VENV)/bin/ruff check xblocks tests tools devstack setup.py

clean:
	rm -rf $(VENV) $(BENCH_VENV) dist var node_modules build *.egg-info xblocks/*/translations xblocks/*/public/js/translations xblocks/*/public/noturiba
