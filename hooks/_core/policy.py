"""Load and validate the policy file: `.mlsec.yaml` or `[tool.mlsec]` in pyproject.toml."""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from hooks._core.errors import UsageError
from hooks._core.findings import Severity

if TYPE_CHECKING:
    from hooks._core.registry import RuleRegistry

POLICY_FILE_NAMES = (".mlsec.yaml", ".mlsec.yml")
MAX_POLICY_BYTES = 1 << 20
DEFAULT_FAIL_ON = Severity.MEDIUM


# A NamedTuple, not a dataclass, like the other plain records a hook run defines: each dataclass
# costs about 0.3 ms to create at start-up, on every commit (bench artifacts: python -m bench artifacts).
class RuleOverride(NamedTuple):
    severity: Severity | None = None
    enabled: bool = True


@dataclass(frozen=True)
class Policy:
    root: Path
    source: str | None = None
    fail_on: Severity = DEFAULT_FAIL_ON
    profile: str = "default"  # or "strict": hygiene rules at their strict severity
    exclude: tuple[str, ...] = ()
    rules: dict[str, RuleOverride] = field(default_factory=dict)
    sections: dict[str, dict[str, Any]] = field(default_factory=dict)

    def section(self, name: str) -> dict[str, Any]:
        return self.sections.get(name, {})


def policy_schema(registry: RuleRegistry) -> dict[str, Any]:
    """Core's keys plus one section per hook and per extra section (the gate), each fragment
    from its spec."""
    schema_path = Path(__file__).with_name("policy_schema.json")
    schema: dict[str, Any] = json.loads(schema_path.read_text(encoding="utf-8"))
    for spec in registry.specs:
        schema["properties"][spec.policy_section] = spec.schema
    for section in registry.sections:
        schema["properties"][section.name] = section.schema
    return schema


def _read_yaml(path: Path) -> Any:
    import yaml

    try:
        raw = path.read_bytes() if path.stat().st_size <= MAX_POLICY_BYTES else None
        text = raw.decode("utf-8-sig") if raw is not None else None
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"{path}: cannot read the policy file ({type(exc).__name__})") from None
    if text is None:
        raise UsageError(f"{path}: larger than {MAX_POLICY_BYTES >> 10} KiB; a policy file is short")
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        # Anchors and aliases are refused: a policy needs none, and a few hundred bytes of
        # nested aliases (a "billion laughs") would otherwise expand into gigabytes.
        if "*" in text and any(isinstance(event, yaml.AliasEvent) for event in yaml.parse(text, Loader=loader)):
            raise UsageError(f"{path}: YAML aliases (*name) are not allowed in the policy file; write the values out")
        data = yaml.load(text, Loader=loader)  # noqa: S506  # nosec B506 - CSafeLoader or SafeLoader
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or "invalid YAML"
        raise UsageError(f"{path}: {problem}{where}; fix the YAML syntax") from None
    return {} if data is None else data


def _read_pyproject_table(path: Path) -> Any | None:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise UsageError(f"{path}: cannot read ({exc})") from None
    # A [tool.mlsec] table spells "mlsec" (or escapes it in a quoted key): without either, the
    # file holds no policy and is not parsed (importing the TOML parser is 3 ms of every run in
    # a repository with a pyproject.toml; a broken pyproject.toml is not this tool's business).
    if b"mlsec" not in raw and b"\\u" not in raw and b"\\U" not in raw:
        return None
    if sys.version_info >= (3, 11):
        import tomllib
    else:
        import tomli as tomllib

    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise UsageError(f"{path}: invalid TOML ({exc}); fix the TOML syntax") from None
    except UnicodeDecodeError:
        raise UsageError(f"{path}: not UTF-8, so not TOML; save it as UTF-8") from None
    except RecursionError:
        raise UsageError(f"{path}: nested too deeply to read") from None
    tool = data.get("tool", {})
    return tool.get("mlsec") if isinstance(tool, dict) else None


def _locate(root: Path, explicit: str | None) -> tuple[str | None, Any]:
    if explicit is not None:
        path = Path(explicit)
        if not path.is_file():
            raise UsageError(f"--config {explicit}: no such file; pass the path of a .mlsec.yaml")
        if path.suffix == ".toml":
            table = _read_pyproject_table(path)
            if table is None:
                raise UsageError(f"--config {explicit}: has no [tool.mlsec] table; add one or pass a YAML file")
            return f"{explicit} [tool.mlsec]", table
        return explicit, _read_yaml(path)
    yaml_path = next((root / name for name in POLICY_FILE_NAMES if (root / name).is_file()), None)
    pyproject = root / "pyproject.toml"
    table = _read_pyproject_table(pyproject) if pyproject.is_file() else None
    if yaml_path is not None and table is not None:
        raise UsageError(f"both {yaml_path.name} and [tool.mlsec] in pyproject.toml hold a policy; keep only one")
    if yaml_path is not None:
        return yaml_path.name, _read_yaml(yaml_path)
    if table is not None:
        return "pyproject.toml [tool.mlsec]", table
    return None, {}


def _plain(value: Any) -> Any:
    """YAML and TOML turn `2027-01-31` into a date; the schema speaks JSON, so dates become ISO text."""
    if type(value).__module__ == "datetime":  # date, datetime, time: no import needed to tell
        return value.isoformat()
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_plain(item) for item in value]
    return value


def load_policy(root: Path, registry: RuleRegistry, explicit: str | None = None) -> Policy:
    source, data = _locate(root, explicit)
    data = _plain(data)
    # No policy, or an empty one, is the defaults (tests/_core/test_policy.py holds the schema to
    # accepting it): reading the eight schema files would be a millisecond of every hook run.
    if data != {}:
        from hooks._core.schema import iter_errors

        errors = list(iter_errors(data, policy_schema(registry)))
        if errors:
            more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
            raise UsageError(f"{source}: {errors[0]}{more}")
    _check_globs(source, data.get("exclude", ()))
    rules = {
        rule_id.upper(): _override(source, rule_id.upper(), spec, registry)
        for rule_id, spec in data.get("rules", {}).items()
    }
    sections = {}
    if data:  # the names of every hook's section: the whole catalog
        names = [spec.policy_section for spec in registry.specs] + [section.name for section in registry.sections]
        sections = {name: data[name] for name in names if name in data}
    return Policy(
        root=root,
        source=source,
        fail_on=Severity(data.get("fail_on", DEFAULT_FAIL_ON.value)),
        profile=str(data.get("profile", "default")),
        exclude=tuple(data.get("exclude", ())),
        rules=rules,
        sections=sections,
    )


def _check_globs(source: str | None, patterns: list[str]) -> None:
    import re

    from hooks._core.paths import glob_to_regex

    for index, pattern in enumerate(patterns):
        try:
            glob_to_regex(pattern)
        except re.error as exc:
            raise UsageError(f"{source}: exclude[{index}]: not a valid glob ({exc.msg})") from None


def _override(source: str | None, rule_id: str, spec: dict[str, Any], registry: RuleRegistry) -> RuleOverride:
    if rule_id.startswith("MLS") and rule_id not in registry:
        import difflib

        hint = difflib.get_close_matches(rule_id, registry.ids(), n=1)
        suffix = f"; did you mean {hint[0]}?" if hint else "; `mlsec rules` lists the ids"
        raise UsageError(f"{source}: rules.{rule_id}: unknown rule id{suffix}")
    severity = spec.get("severity")
    return RuleOverride(
        severity=Severity(severity) if severity is not None else None,
        enabled=spec.get("enabled", True),
    )
