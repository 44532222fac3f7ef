"""The one client-address rule behind lockouts and rate limits: forged forwarding headers never count."""

from __future__ import annotations

import pytest
from django.test import RequestFactory

from portal.client_address import client_address

NGINX = "127.0.0.1"  # the front proxy on the same host


def address(forwarded: str | None = None, peer: str = NGINX) -> str:
    extra = {"REMOTE_ADDR": peer}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return client_address(RequestFactory().get("/", **extra))


class WithoutProxyTestCase:
    def test_the_peer_is_the_client_and_forwarding_headers_are_ignored(self, settings):
        settings.TRUSTED_PROXY_COUNT = 0
        assert address("198.51.100.1", peer="203.0.113.9") == "203.0.113.9"


class BehindTrustedProxiesTestCase:
    def test_one_proxy_the_address_it_appended_counts(self, settings):
        settings.TRUSTED_PROXY_COUNT = 1
        assert address("198.51.100.1") == "198.51.100.1"

    def test_entries_the_client_wrote_itself_are_ignored(self, settings):
        settings.TRUSTED_PROXY_COUNT = 1
        # The client sent "X-Forwarded-For: 1.2.3.4"; nginx appended the real address.
        assert address("1.2.3.4, 198.51.100.1") == "198.51.100.1"

    def test_two_proxies_the_address_the_outer_one_saw_counts(self, settings):
        settings.TRUSTED_PROXY_COUNT = 2
        # client forged 1.2.3.4; the load balancer appended the client, nginx appended the balancer.
        assert address("1.2.3.4, 198.51.100.1, 10.1.2.3") == "198.51.100.1"

    def test_a_shorter_chain_gives_the_first_address_our_proxies_recorded(self, settings):
        settings.TRUSTED_PROXY_COUNT = 2
        assert address("198.51.100.1") == "198.51.100.1"

    def test_without_the_header_the_peer_counts(self, settings):
        settings.TRUSTED_PROXY_COUNT = 1
        assert address(None) == NGINX

    @pytest.mark.parametrize("junk", ["not-an-address", "198.51.100.1\x00", "", " , ", "999.1.1.1"])
    def test_junk_in_the_header_falls_back_to_the_peer(self, settings, junk):
        settings.TRUSTED_PROXY_COUNT = 1
        assert address(junk) == NGINX

    def test_ipv6_and_mapped_addresses(self, settings):
        settings.TRUSTED_PROXY_COUNT = 1
        assert address("2001:db8::1", peer="::1") == "2001:db8::1"
        assert address("198.51.100.1", peer="::ffff:127.0.0.1") == "198.51.100.1"


class DirectlyReachedTestCase:
    def test_a_client_outside_the_proxy_networks_cannot_choose_its_address(self, settings):
        settings.TRUSTED_PROXY_COUNT = 1
        assert address("198.51.100.1", peer="203.0.113.9") == "203.0.113.9"

    def test_the_proxy_networks_are_configurable(self, settings):
        settings.TRUSTED_PROXY_COUNT = 1
        settings.TRUSTED_PROXY_NETWORKS = ["192.0.2.0/24"]
        assert address("198.51.100.1", peer="192.0.2.10") == "198.51.100.1"
        assert address("198.51.100.1", peer="10.0.0.1") == "10.0.0.1"
