# Production image: gunicorn behind nginx (deploy/nginx/), whitenoise for compressed, hashed static files.
# Not built on the development machines (they run no Docker engine); see README "Deployment".
FROM python:3.11-slim-bookworm AS build
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
RUN apt-get update && apt-get install -y --no-install-recommends gettext && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY requirements.txt .
RUN python -m venv /venv && /venv/bin/pip install -r requirements.txt
COPY . .
# Static files and translations are built into the image; a throwaway key is enough for that,
# and no database is contacted.
RUN DJANGO_ENV=development SECRET_KEY=build-only DATABASE_URL=postgres://build@localhost/unused \
    /venv/bin/python manage.py compile_translations \
 && DJANGO_ENV=development SECRET_KEY=build-only DATABASE_URL=postgres://build@localhost/unused \
    /venv/bin/python manage.py collectstatic --noinput --verbosity 0 \
 && rm -f .secret_key

FROM python:3.11-slim-bookworm
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PATH="/venv/bin:$PATH" \
    DJANGO_ENV=production PORT=8000 WEB_CONCURRENCY=3
RUN useradd --system --uid 10001 --home-dir /app --shell /usr/sbin/nologin portal
COPY --from=build /venv /venv
COPY --from=build --chown=portal:portal /app /app
WORKDIR /app
USER portal
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 CMD ["python", "/app/scripts/healthcheck.py"]
# Settings (workers, timeouts, no access log) live in deploy/gunicorn.conf.py; nginx is always in front.
CMD ["gunicorn", "--config", "deploy/gunicorn.conf.py", "portal.wsgi:application"]
