"""Presidio's generic recognizers that apply in the UK, used as shipped."""
from __future__ import annotations

import re

from presidio_analyzer.predefined_recognizers import (
    CreditCardRecognizer,
    DateRecognizer,
    EmailRecognizer,
    IbanRecognizer,
    IpRecognizer,
    UrlRecognizer,
)

from scanner.detectors.registry import register_recognizer
from scanner.detectors.windowed import WindowedMixin


class _Email(WindowedMixin, EmailRecognizer):
    TRIGGER = re.compile("@")
    MARGIN = 100


class _Url(WindowedMixin, UrlRecognizer):
    # A scheme, "www." or a common top-level domain ("leeds.gov.uk"): the least a URL can have.
    TRIGGER = re.compile(r"(?i)://|www\.|[a-z0-9-]\.(?:com|org|net|uk|gov|edu|io|info|biz|eu|me|ly|app|de|fr|ie)\b")
    MARGIN = 150


class _Ip(WindowedMixin, IpRecognizer):
    TRIGGER = re.compile(r"\d\.\d|[0-9A-Fa-f]:[0-9A-Fa-f:]|::")
    MARGIN = 45


@register_recognizer("email")
def make_email() -> list:
    return [_Email()]


@register_recognizer("credit_card")
def make_credit_card() -> list:
    return [CreditCardRecognizer()]


@register_recognizer("iban")
def make_iban() -> list:
    return [IbanRecognizer()]


@register_recognizer("ip_address")
def make_ip() -> list:
    return [_Ip()]


@register_recognizer("url")
def make_url() -> list:
    return [_Url()]


@register_recognizer("date_time")
def make_date_time() -> list:
    # DATE_TIME alone identifies no one (a quasi-identifier); reported so that redaction
    # and the reviewer can see event dates next to a name.
    return [DateRecognizer()]
