"""Presidio's generic recognizers that apply in the UK, used as shipped."""
from __future__ import annotations

from presidio_analyzer.predefined_recognizers import (
    CreditCardRecognizer,
    DateRecognizer,
    EmailRecognizer,
    IbanRecognizer,
    IpRecognizer,
    UrlRecognizer,
)

from scanner.detectors.registry import register_recognizer


@register_recognizer("email")
def make_email() -> list:
    return [EmailRecognizer()]


@register_recognizer("credit_card")
def make_credit_card() -> list:
    return [CreditCardRecognizer()]


@register_recognizer("iban")
def make_iban() -> list:
    return [IbanRecognizer()]


@register_recognizer("ip_address")
def make_ip() -> list:
    return [IpRecognizer()]


@register_recognizer("url")
def make_url() -> list:
    return [UrlRecognizer()]


@register_recognizer("date_time")
def make_date_time() -> list:
    # DATE_TIME alone identifies no one (a quasi-identifier); reported so that redaction
    # and the reviewer can see event dates next to a name.
    return [DateRecognizer()]
