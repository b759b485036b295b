"""Labelled synthetic UK texts for measuring safeguarding, practice and special-category detection.

The text machinery (names, dates, typos, exact offsets) is the personal-data corpus's own
`bench/quality/synth`, imported, not copied; this package adds the phrase banks, the
sentence-level gold and the document templates. `generate.py` puts `bench/quality` on the path.
"""
