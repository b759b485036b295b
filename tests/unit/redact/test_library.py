"""The library call: labels and operators, the original never touched, failure becomes a block."""
from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from scanner.config import load_model
from scanner.config_redaction import RedactionConfig
from scanner.errors import ConfigError
from scanner.policy.sections import cite
from scanner.redact import final_outcome, redact, redact_to
from scanner.redact.operators import reveal
from scanner.redact.targets import build_targets
from scanner.report import exit_code
from scanner.types import Action, Decision
from tests.unit.redact.helpers import NHS, config, outcome_for, sha256

NOTE = "Maisie Clarke (NHS 943 476 5919) lives with Tobias Grant. Rose Smith called. Maisie is well.\n"
VALUES = [("Maisie Clarke", "PERSON", "P-0008"), ("Maisie", "PERSON", "P-0008"), ("Tobias Grant", "PERSON", "P-0007"),
          ("Rose Smith", "PERSON", "U-1"), (NHS, "UK_NHS", None)]
KEY = "0123456789abcdef0123456789abcdef"  # a test key, never a real one


@pytest.fixture
def note(tmp_path) -> Path:
    path = tmp_path / "Maisie Clarke visit.txt"
    path.write_text(NOTE, encoding="utf-8")
    return path


def with_redaction(**changes) -> object:  # noqa: ANN003
    cfg = config()
    return replace(cfg, redaction=RedactionConfig.model_validate({**cfg.redaction.model_dump(), **changes}))


def test_labels_are_consistent_per_person_by_role_and_order(note):
    targets = build_targets(outcome_for(note, VALUES), config().redaction)
    assert {t.value: t.replacement for t in targets} == {
        "Maisie Clarke": "[Child A]", "Maisie": "[Child A]", "Tobias Grant": "[Adult B]", "Rose Smith": "[Person C]",
        NHS: "[NHS number]"}


def test_the_original_is_never_modified_and_the_copy_name_is_redacted(note):
    stat, before = note.stat(), sha256(note)
    result = redact(outcome_for(note, VALUES), note, note.parent, config())  # the copy goes beside it
    assert result.verified
    assert sha256(note) == before and note.stat().st_mtime_ns == stat.st_mtime_ns
    assert Path(result.path).name == "[Child A] visit.txt"
    assert Path(result.path).read_text() == ("[Child A] (NHS [NHS number]) lives with [Adult B]. [Person C] called. "
                                             "[Child A] is well.\n")
    same = note.parent / "plain.txt"
    shutil.copy(note, same)
    again = redact(outcome_for(same, VALUES), same, same.parent, config())
    assert Path(again.path).name == "plain.redacted.txt" and same.read_text() == NOTE


def test_reversible_pseudonyms_with_the_dsl_key(note, monkeypatch, tmp_path):
    monkeypatch.setenv("SHAREGUARD_REDACTION_KEY", KEY)
    cfg = with_redaction(types={"PERSON": {"operator": "encrypt"}, "UK_NHS": {"operator": "encrypt"}})
    result = redact(outcome_for(note, VALUES), note, tmp_path / "out", cfg)
    assert result.verified, result.problems
    tokens = Path(result.path).read_text().replace("(NHS ", "").split()
    first, nhs = tokens[0], tokens[1].rstrip(")")
    assert first.startswith("[enc:") and reveal(first, KEY) == "Maisie Clarke"
    assert reveal(nhs, KEY) == NHS
    assert Path(result.path).read_text().count(first) == 1  # "Maisie" alone is its own value, its own token


def test_the_key_can_come_from_a_file_and_its_absence_blocks(note, monkeypatch, tmp_path):
    monkeypatch.delenv("SHAREGUARD_REDACTION_KEY", raising=False)
    cfg = with_redaction(types={"PERSON": {"operator": "encrypt"}})
    result = redact(outcome_for(note, VALUES), note, tmp_path / "out", cfg)
    assert result.problems == ("the pseudonymisation key is not set ($SHAREGUARD_REDACTION_KEY)",)
    key_file = tmp_path / "dsl.key"
    key_file.write_text(KEY + "\n")
    cfg = with_redaction(types={"PERSON": {"operator": "encrypt"}}, key={"env": None, "file": str(key_file)})
    assert redact(outcome_for(note, VALUES), note, tmp_path / "out", cfg).verified


def test_a_failed_redaction_becomes_a_block_and_nothing_is_written(note, tmp_path):
    outcome = outcome_for(note, VALUES)
    note.write_text(NOTE + "Added after the check.\n")  # the file changed: the findings no longer describe it
    final, result = redact_to(outcome, tmp_path / "out", config())
    assert result.problems == ("the document changed after it was checked; check it again",)
    assert not (tmp_path / "out").exists() or not list((tmp_path / "out").iterdir())
    assert final.decision.action == Action.BLOCK and exit_code(final) == 5
    reason = final.decision.reasons[-1]
    assert (reason.rule, reason.policy) == ("R4", cite("keeping-confidence"))
    assert "could not be made safe to release: the document changed" in reason.text
    assert final.decision.reviewer == "IG lead" and final.decision.review_item
    assert final.record["action"] == "block" and final.record["shared"] is False
    assert final.record["redaction"]["problems"] == list(result.problems)


def test_a_verified_copy_keeps_the_decision_and_is_recorded(note, tmp_path):
    outcome = outcome_for(note, VALUES)
    final, result = redact_to(outcome, tmp_path / "out", config())
    assert final.decision == outcome.decision and exit_code(final) == 3
    assert final.record["redaction"]["path"] == result.path and final.record["redaction"]["verified"]
    assert final_outcome(outcome, result).decision.action == Action.REDACT


def test_only_a_redact_decision_is_redacted(note, tmp_path):
    allowed = replace(outcome_for(note, VALUES), decision=Decision(Action.ALLOW, ()))
    assert redact_to(allowed, tmp_path, config()) == (allowed, None)
    with pytest.raises(ValueError):
        redact(allowed, note, tmp_path, config())


def test_a_label_never_holds_a_removed_value(note, tmp_path):
    # A role word that is itself a removed value gives way to a neutral one...
    cfg = with_redaction(roles={"child": "Maisie"})
    labels = {t.value: t.replacement for t in build_targets(outcome_for(note, VALUES), cfg.redaction)}
    assert labels["Maisie Clarke"] == "[Redacted A]"
    # ...and a replacement chosen in the config that holds one is refused: nothing is written.
    cfg = with_redaction(types={"PERSON": {"operator": "replace", "new_value": "[a friend of Maisie]"}})
    result = redact(outcome_for(note, VALUES), note, tmp_path / "out", cfg)
    assert not result.verified and "would itself contain a removed value" in result.problems[0]
    assert not (tmp_path / "out").exists()


def test_the_config_is_validated_and_errors_name_the_file_and_line(tmp_path):
    (tmp_path / "redaction.yaml").write_text("types:\n  UK_NHS: {operator: shred}\n")
    with pytest.raises(ConfigError) as error:
        load_model(tmp_path / "redaction.yaml", RedactionConfig)
    assert "redaction.yaml: line 2: types.UK_NHS.operator" in str(error.value)
