# Informatiepunt Mensenhandel – the two commands a newcomer needs are `make run` and `make test`.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
PYTEST_ARGS ?=

.PHONY: run test setup setup-dev lint format messages bench bench-directory migrations-check clean

$(VENV)/.installed-prod: requirements.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements.txt requirements-dev.txt $(VENV)/.installed-prod
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@

setup: $(VENV)/.installed-prod
	$(PY) manage.py migrate --noinput
	$(PY) manage.py compile_translations
	$(PY) manage.py load_initial_data
	$(PY) manage.py collectstatic --noinput --verbosity 0

## make run: install, migrate, load the seed data into an empty database, and serve the site.
run: setup
	@echo "Serving on http://127.0.0.1:$(PORT)/  (Ctrl+C stops)"
	$(PY) manage.py runserver 127.0.0.1:$(PORT)

## make test: the whole suite on a throwaway PostgreSQL cluster (and a real Chromium).
test: $(VENV)/.installed-dev
	$(PY) manage.py compile_translations
	mkdir -p staticfiles
	DJANGO_ENV=test scripts/with-postgres $(VENV)/bin/pytest $(PYTEST_ARGS)

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

clean:
	rm -rf $(VENV) staticfiles db.sqlite3
