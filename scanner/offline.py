"""Keep every dependency offline. Imported first by `scanner/__init__.py`.

tldextract (used by Presidio's e-mail recognizer) downloads the Public Suffix List on first
use unless told not to; spaCy and others are told not to send telemetry.
"""
import os

os.environ["TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS"] = ""
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("ORT_DISABLE_TELEMETRY", "1")


def _pin_tldextract() -> None:
    import tldextract
    import tldextract.tldextract as tx

    tx.TLD_EXTRACTOR = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)


_pin_tldextract()
