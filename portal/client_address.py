"""The one rule for "who is this client": used for admin lockouts (django-axes) and for the rate
limit on campaign proposals. Nothing else in the code reads `X-Forwarded-For`.

Behind N trusted proxies, each proxy appends the address it received the request from to
`X-Forwarded-For`, so the client's address is the N-th entry from the right (the address the
outermost trusted proxy saw); entries further left are whatever the client chose to send and are
never believed. The forwarded header counts only when the request really comes from a proxy: when
the immediate peer (`REMOTE_ADDR`) is outside the trusted proxy networks, someone reached the app
directly and their own address is the answer, whatever headers they sent.

Settings: TRUSTED_PROXY_COUNT (0 = no proxy: always REMOTE_ADDR) and TRUSTED_PROXY_NETWORKS.
"""

from __future__ import annotations

import ipaddress
from functools import lru_cache

from django.conf import settings
from django.http import HttpRequest

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


def _parse_address(value: str) -> IPAddress | None:
    try:
        address = ipaddress.ip_address(value.strip())
    except ValueError:
        return None
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        return address.ipv4_mapped
    return address


@lru_cache(maxsize=8)
def _networks(specs: tuple[str, ...]) -> tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...]:
    return tuple(ipaddress.ip_network(spec, strict=False) for spec in specs)


def is_trusted_proxy(address: str) -> bool:
    parsed = _parse_address(address)
    if parsed is None:
        return False
    return any(parsed in network for network in _networks(tuple(settings.TRUSTED_PROXY_NETWORKS)))


def client_address(request: HttpRequest) -> str:
    """The client's IP address as a string, never a value the client could choose."""
    peer = request.META.get("REMOTE_ADDR", "") or ""
    hops = settings.TRUSTED_PROXY_COUNT
    if hops <= 0 or not is_trusted_proxy(peer):
        return peer
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
    if not forwarded:
        return peer
    # With fewer entries than trusted proxies the request skipped an outer proxy; the leftmost entry
    # is then the one written by the first of ours it reached.
    candidate = forwarded[-hops] if len(forwarded) >= hops else forwarded[0]
    parsed = _parse_address(candidate)
    return str(parsed) if parsed is not None else peer
