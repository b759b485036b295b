"""Dates as written in documents (UK order), shared by subject linking and the bulk index."""
from __future__ import annotations

from datetime import date

import pytest

from scanner.dates import parse_date


@pytest.mark.parametrize("text", [
    "12/03/2015", "12-3-2015", "12.03.15", "12 March 2015", "12th March 2015", "12th of March, 2015",
    "12 Mar. 2015", "March 12, 2015", "Mar 12th 2015", "2015-03-12", "DOB: 12/03/2015 (aged 9)",
])
def test_reads_the_ways_a_date_is_written_day_before_month(text):
    assert parse_date(text) == date(2015, 3, 12)


@pytest.mark.parametrize("text", ["31/02/2015", "12 Smarch 2015", "no date here", "", "13/13/2013"])
def test_impossible_or_missing_dates_are_none(text):
    assert parse_date(text) is None


def test_two_digit_years_after_this_one_are_last_century():
    assert parse_date("01/01/99") == date(1999, 1, 1)
    assert parse_date("01/01/05") == date(2005, 1, 1)
