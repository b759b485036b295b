"""The code's shape: dependencies point one way, and everything registered is documented."""
from __future__ import annotations

import ast
from pathlib import Path

import yaml

from scanner.detectors import load_builtins
from scanner.detectors.registry import detector_names

ROOT = Path(__file__).resolve().parents[2]

# module prefix → prefixes it must never import
FORBIDDEN = {
    "scanner.types": ("scanner.",),
    "scanner.errors": ("scanner.",),
    "scanner.detectors": ("scanner.policy", "scanner.pipeline", "scanner.report", "scanner.extract", "cli"),
    "scanner.policy": ("scanner.detectors", "scanner.detect", "scanner.pipeline", "scanner.extract", "cli"),
    "scanner.extract": ("scanner.detectors", "scanner.detect", "scanner.policy", "scanner.pipeline", "cli"),
    "scanner": ("cli",),
}
ALLOWED_EXCEPTIONS = {("scanner.types", "scanner.types"), ("scanner.errors", "scanner.errors")}


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_dependencies_point_one_way():
    violations = []
    for path in (ROOT / "scanner").rglob("*.py"):
        module = ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
        for imported in _imports(path):
            for prefix, banned in FORBIDDEN.items():
                if module == prefix or module.startswith(prefix + "."):
                    if any(imported == b.rstrip(".") or imported.startswith(b) for b in banned):
                        if (module, imported) not in ALLOWED_EXCEPTIONS:
                            violations.append(f"{module} imports {imported}")
    assert violations == []


def test_every_registered_detector_is_configured_and_documented():
    load_builtins()
    configured = yaml.safe_load((ROOT / "config" / "detectors.yaml").read_text())["detectors"]
    readme = (ROOT / "README.md").read_text()
    names = detector_names()
    assert names, "no detectors registered"
    assert [n for n in names if n not in configured] == []
    assert [n for n in names if f"`{n}`" not in readme] == []


def test_every_error_class_has_its_own_code():
    """An error code names one kind of failure: two classes sharing one would send a user (or a
    log search) to the wrong place."""
    owners: dict[str, list[str]] = {}
    for path in sorted((ROOT / "scanner").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.ClassDef):
                continue
            for stmt in node.body:
                if (isinstance(stmt, ast.Assign) and [getattr(t, "id", None) for t in stmt.targets] == ["code"]
                        and isinstance(stmt.value, ast.Constant)):
                    owners.setdefault(stmt.value.value, []).append(f"{path.relative_to(ROOT)}:{node.name}")
    assert len(owners) >= 10  # the scan itself found the error classes
    assert {code: where for code, where in owners.items() if len(where) > 1} == {}
