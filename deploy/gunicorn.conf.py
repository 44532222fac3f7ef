"""gunicorn settings for production (the container and `make stack-test`): always behind nginx
(deploy/nginx/), which buffers slow clients, so plain sync workers are enough."""

import os

bind = f"{os.environ.get('BIND_HOST', '0.0.0.0')}:{os.environ.get('PORT', '8000')}"  # noqa: S104 - inside the container network
workers = int(os.environ.get("WEB_CONCURRENCY", "3"))
timeout = 30
graceful_timeout = 20
max_requests = 2000
max_requests_jitter = 200
# No access log: request lines are not needed and the wizard's privacy promise covers logs too.
accesslog = None
errorlog = "-"
# Only nginx (and the load balancer) reach gunicorn; X-Forwarded-Proto is read by Django itself.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "*")
