"""The wizard's anonymous counts: right under concurrency, never in the way, not inflatable."""

from __future__ import annotations

import datetime as dt
import logging
import threading

import pytest
from django.db import connection, transaction

from directory.models import ExploitationForm, Organisation, Province
from referral import tally
from referral.models import RecommendationTally
from referral.tally import RepeatFilter

pytestmark = pytest.mark.django_db
URL = "/nl/verwijswijzer/"
RESULT = {"a_danger": "no", "a_who": "self", "a_need": "aangifte", "a_form": "work", "a_minor": "no",
          "a_place": "rotterdam", "action": "result"}  # fmt: skip


def in_threads(count: int, work) -> list:
    """Run `work(index)` in `count` threads at once, each on its own database connection."""
    start = threading.Barrier(count)
    results: list = [None] * count

    def run(index: int) -> None:
        try:
            start.wait(timeout=30)
            results[index] = work(index)
        except Exception as error:  # noqa: BLE001 - reported by the test
            results[index] = error
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(index,)) for index in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return results


def committed(work) -> None:
    """Run `work` on a connection of its own, committed at once (outside the test's transaction)."""
    in_threads(1, lambda _index: work())


def counts_after_simultaneous_results(day: dt.date, key: tuple, times: int) -> list[int]:
    """Count `key` on `day` from `times` threads at once (each on its own committed connection);
    the counts of that day's rows, which are removed again afterwards."""
    try:
        results = in_threads(times, lambda _index: tally.without_waiting(lambda: tally.add(day, [key])))
        assert results == [True] * times
        rows = []
        committed(lambda: rows.extend(RecommendationTally.objects.filter(day=day).values_list("count", flat=True)))
        return rows
    finally:
        committed(lambda: RecommendationTally.objects.filter(day=day).delete())


class ConcurrentFirstResultsTestCase:
    def test_twenty_simultaneous_first_results_of_a_day_make_one_row_of_twenty(self):
        day = dt.date(2001, 1, 1)  # a day no other test counts on
        key = (
            Organisation.objects.order_by("pk").values_list("pk", flat=True).first(),
            ExploitationForm.objects.get(code="labour").pk,
            Province.objects.get(name="Zuid-Holland").pk,
        )
        assert counts_after_simultaneous_results(day, key, 20) == [20]

    def test_a_key_without_form_or_province_is_still_one_row(self):
        day = dt.date(2001, 1, 2)
        key = (Organisation.objects.order_by("pk").values_list("pk", flat=True).first(), None, None)
        assert counts_after_simultaneous_results(day, key, 5) == [5]


class CountingNeverGetsInTheWayTestCase:
    def test_a_locked_tally_table_still_gives_the_result_and_logs_no_answer(self, client, caplog):
        locked, release = threading.Event(), threading.Event()

        def hold_lock(_index):
            with transaction.atomic(), connection.cursor() as cursor:
                cursor.execute("LOCK TABLE referral_recommendationtally IN ACCESS EXCLUSIVE MODE")
                locked.set()
                release.wait(timeout=30)

        holder = threading.Thread(target=in_threads, args=(1, hold_lock))
        holder.start()
        try:
            assert locked.wait(timeout=30)
            with caplog.at_level(logging.WARNING, logger="referral.tally"):
                response = client.post(URL, RESULT)
        finally:
            release.set()
            holder.join(timeout=30)
        # Without the short lock timeout this waited 5 s and became the "database unavailable" page.
        assert response.status_code == 200
        assert "Nationale Politie" in response.content.decode()
        assert [record.getMessage() for record in caplog.records] == [
            "A recommendation was not counted (OperationalError)."
        ]
        assert not RecommendationTally.objects.exists()

    def test_after_a_dropped_count_the_rest_of_the_request_keeps_its_normal_timeout(self):
        assert tally.without_waiting(lambda: None)
        with connection.cursor() as cursor:
            cursor.execute("SHOW statement_timeout")
            assert cursor.fetchone()[0] == "5s"


class InflationTestCase:
    def test_the_same_answers_from_the_same_client_count_once(self, client):
        first = client.post(URL, RESULT)
        second = client.post(URL, RESULT)
        assert first.status_code == second.status_code == 200
        counts = set(RecommendationTally.objects.values_list("count", flat=True))
        assert counts == {1}

    def test_other_answers_or_another_client_count_again(self, client):
        client.post(URL, RESULT)
        client.post(URL, {**RESULT, "a_place": "amsterdam"})
        client.post(URL, RESULT, REMOTE_ADDR="192.0.2.7")
        rotterdam = RecommendationTally.objects.filter(province__name="Zuid-Holland")
        amsterdam = RecommendationTally.objects.filter(province__name="Noord-Holland")
        assert set(rotterdam.values_list("count", flat=True)) == {2}
        assert set(amsterdam.values_list("count", flat=True)) == {1}

    def test_an_hour_later_the_same_answers_count_again(self):
        now = [0.0]
        repeats = RepeatFilter(clock=lambda: now[0], today=lambda: dt.date(2026, 12, 1))
        answers = {"need": "hulp", "place": "rotterdam"}
        assert repeats.first_in_window("198.51.100.1", answers)
        now[0] = 3599
        assert not repeats.first_in_window("198.51.100.1", answers)
        now[0] = 3601
        assert repeats.first_in_window("198.51.100.1", answers)

    def test_what_is_remembered_cannot_be_linked_to_an_address_the_next_day(self):
        day = [dt.date(2026, 12, 1)]
        repeats = RepeatFilter(clock=lambda: 0.0, today=lambda: day[0])
        repeats.first_in_window("198.51.100.1", {"need": "hulp"})
        (remembered,) = repeats._seen
        assert b"198.51.100.1" not in remembered
        day[0] = dt.date(2026, 12, 2)
        assert repeats.first_in_window("198.51.100.1", {"need": "hulp"})
        assert remembered not in repeats._seen  # a new key: yesterday's digest means nothing now

    def test_a_flood_of_new_answer_sets_is_not_counted_beyond_the_memory_limit(self):
        repeats = RepeatFilter(max_entries=3, clock=lambda: 0.0, today=lambda: dt.date(2026, 12, 1))
        counted = [repeats.first_in_window("198.51.100.1", {"place": str(n)}) for n in range(5)]
        assert counted == [True, True, True, False, False]
