"""Opening hours as the public source wrote them ("van 09.00 tot 17.00 uur op maandag t/m vrijdag")
read into the parts of an iCal-style weekly schedule (HSDS `schedule`).

Only what the text says: one day range and one time range, or "24/7". Anything else (several
ranges, holidays, "in crisissituaties ook buiten kantoortijden") is not guessed at: the caller
publishes the text as it is, without times.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

DAYS = {"maandag": "MO", "dinsdag": "TU", "woensdag": "WE", "donderdag": "TH", "vrijdag": "FR", "zaterdag": "SA",
        "zondag": "SU"}  # fmt: skip
WEEK = list(DAYS.values())
_DAY = "|".join(DAYS)
DAY_RANGE = re.compile(rf"\b({_DAY})\s*(?:t/m|tot\s+en\s+met|-|–)\s*({_DAY})\b")
SINGLE_DAY = re.compile(rf"\b({_DAY})\b")
TIME_RANGE = re.compile(r"\b(\d{1,2})(?:[.:](\d{2}))?\s*(?:uur\s*)?(?:tot|-|–)\s*(\d{1,2})(?:[.:](\d{2}))?\s*uur\b")
ALWAYS = re.compile(r"24\s*/\s*7|24 uur per dag,? 7 dagen")


@dataclass(frozen=True)
class WeeklyHours:
    days: list[str]
    opens_at: str
    closes_at: str


def _time(hours: str, minutes: str | None) -> str | None:
    hour, minute = int(hours), int(minutes or 0)
    if hour == 24 and minute == 0:
        return "23:59"  # "tot 24.00 uur": until the end of the day
    if hour > 23 or minute > 59:
        return None
    return f"{hour:02d}:{minute:02d}"


def _days(text: str) -> list[str] | None:
    ranges = DAY_RANGE.findall(text)
    if len(ranges) > 1:
        return None
    if ranges:
        first, last = WEEK.index(DAYS[ranges[0][0]]), WEEK.index(DAYS[ranges[0][1]])
        return WEEK[first : last + 1] if first <= last else None
    if "dagelijks" in text or "elke dag" in text:
        return WEEK
    if "werkdagen" in text:
        return WEEK[:5]
    single = SINGLE_DAY.findall(text)
    return [DAYS[single[0]]] if len(single) == 1 else None


def weekly_hours(text: str, is_24_7: bool = False) -> WeeklyHours | None:
    """The weekly hours the text states, or None when it states none we can read without guessing."""
    lowered = " ".join(text.lower().split())
    if is_24_7 or ALWAYS.search(lowered):
        return WeeklyHours(WEEK, "00:00", "23:59")
    times = TIME_RANGE.findall(lowered)
    if len(times) != 1:
        return None
    opens, closes = _time(times[0][0], times[0][1]), _time(times[0][2], times[0][3])
    days = _days(lowered)
    if not (opens and closes and days) or opens >= closes:
        return None
    return WeeklyHours(days, opens, closes)
