"""Config errors name the file, the line, the key path and the problem."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from scanner.config import load_config
from scanner.errors import ConfigError

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def conf(tmp_path):
    shutil.copytree(ROOT / "config", tmp_path / "config")
    return tmp_path / "config"


def test_shipped_config_loads():
    config = load_config(ROOT / "config")
    assert config.detectors.detectors["uk_nhs"].enabled
    assert "Kent" in config.places.places


@pytest.mark.parametrize(
    "file,text,message",
    [
        ("detectors.yaml", "min_score: [\n", "detectors.yaml: line 2: not valid YAML"),
        ("detectors.yaml", "min_score: 0.4\nmin_scor: 0.5\n", "detectors.yaml: line 2: min_scor: Extra inputs are not permitted"),
        ("detectors.yaml", "case_references:\n  - name: x\n    pattern: '(['\n",
         "detectors.yaml: line 3: case_references[0].pattern: Value error, not a valid regular expression"),
        ("shareguard.yaml", "limits:\n  max_file_mb: -1\n", "shareguard.yaml: line 2: limits.max_file_mb: Input should be greater than 0"),
        ("detectors.yaml", "- just\n- a list\n", "detectors.yaml: expected a mapping of settings at the top level"),
        ("recipients.yaml", "types:\n  police: {label: Police}\nrecipients:\n  - {id: kent-police, name: Kent Police, type: polce}\n",
         "recipients.yaml: line 4: recipients: Value error, recipients[0] (kent-police): unknown type 'polce' (known: police)"),
        ("recipients.yaml", "types:\n  police: {label: Police}\nrecipients:\n  - {id: Kent Police, name: K, type: police}\n",
         "recipients.yaml: line 4: recipients[0].id: Value error, an id is lower-case letters, digits and hyphens"),
        ("recipients.yaml", "types:\n  police: {label: Police}\nrecipients:\n  - {id: a, name: A, type: police}\n"
         "  - {id: a, name: B, type: police}\n", "recipients.yaml: line 4: recipients: Value error, recipients[1]: id 'a' is used twice"),
        ("purposes.yaml", "purposes:\n  - {id: early-help, name: EH, safeguarding: maybe}\n",
         "purposes.yaml: line 2: purposes[0].safeguarding: Input should be a valid boolean"),
        ("purposes.yaml", "purposes:\n  - {id: x, name: X}\n  - {id: x, name: Y}\n",
         "purposes.yaml: line 2: purposes: Value error, purpose id 'x' is used twice"),
        ("shareguard.yaml", "nlp:\n  matrix_backend: mkl\n",
         "shareguard.yaml: line 2: nlp.matrix_backend: Input should be 'numpy' or 'blis'"),
        ("linking.yaml", "professional: social worker\n", "linking.yaml: line 1: professional: Input should be a valid tuple"),
    ],
)
def test_errors_name_file_line_and_key(conf, file, text, message):
    (conf / file).write_text(text)
    with pytest.raises(ConfigError) as error:
        load_config(conf)
    assert message in str(error.value)


def test_missing_directory(tmp_path):
    with pytest.raises(ConfigError, match="config directory not found"):
        load_config(tmp_path / "nowhere")


@pytest.mark.model
def test_unknown_detector_is_named(conf, detection):
    from scanner.detect import Detection

    (conf / "detectors.yaml").write_text("detectors:\n  uk_nhs_v2: {enabled: true}\n")
    with pytest.raises(ConfigError, match=r"detectors.uk_nhs_v2: unknown detector \(known: age, "):
        Detection(load_config(conf), detection.nlp)


SAFEGUARDING_ERRORS = [
    ("categories:\n  neglect:\n    label: Neglect\n    severity: hgh\n    terms: [neglect]\n",
     "safeguarding.yaml: line 4: categories.neglect.severity: Input should be 'low', 'medium' or 'high' (got 'hgh')"),
    ("categories:\n  bullying:\n    label: Bullying\n    severity: low\n    terms: [bully]\n",
     "safeguarding.yaml: line 2: categories: Value error, unknown category 'bullying'"),
    ("categories:\n  neglect:\n    label: Neglect\n    severity: low\n    terms: ['no food (.*)']\n",
     "safeguarding.yaml: line 5: categories.neglect.terms: Value error, term 'no food (.*)': only words"),
    ("categories:\n  neglect:\n    label: Neglect\n    severity: low\n    terms: ['... alone']\n",
     "may not start or end with '...'"),
    ("cues:\n  negation: [no]\n", "safeguarding.yaml: line 2: cues.negation[0]: Input should be a valid string (got False)"),
    ("practice:\n  secrecy: [secret]\n  promise_words: [swear]\n",
     "safeguarding.yaml: line 3: practice.promise_words: Extra inputs are not permitted"),
]


@pytest.mark.parametrize("text, message", SAFEGUARDING_ERRORS)
def test_safeguarding_terms_errors_name_file_line_and_key(conf, text, message):
    (conf / "safeguarding.yaml").write_text(text)
    with pytest.raises(ConfigError) as error:
        load_config(conf)
    assert message in str(error.value)


def test_shipped_safeguarding_terms_cover_every_category():
    from scanner.types import SAFEGUARDING_CATEGORIES

    config = load_config(ROOT / "config")
    assert set(config.safeguarding.categories) == set(SAFEGUARDING_CATEGORIES)
    assert config.safeguarding.cues.negation and config.safeguarding.practice.secrecy
