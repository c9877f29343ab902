"""MLflow model folders: the `MLmodel` YAML says how `mlflow.pyfunc.load_model` loads the model.

Its `python_function` flavour names a `loader_module` (imported and called on load) and `code`
paths (put on sys.path and imported first). A loader outside `mlflow.*` or shipped code means
loading runs this repository's (or someone's) Python: reported with the names (MLS127). The
pickles it points at (`python_model.pkl`, `model.pkl`, cloudpickle) are files of their own and
analysed as pickles. YAML aliases are refused (no alias bombs); the text is at most 1 MiB.
"""

from __future__ import annotations

from typing import Any

from hooks.artifacts import rules
from hooks.artifacts.errors import AnalysisError
from hooks.artifacts.formats.named import NamedFormat, shown
from hooks.artifacts.source import Source, Walk

_MAX_MLMODEL = 1 << 20


def _load(data: bytes) -> Any:
    import yaml

    if len(data) > _MAX_MLMODEL:
        raise AnalysisError(f"MLmodel file is larger than {_MAX_MLMODEL} bytes")
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        for event in yaml.parse(data, Loader=loader):
            if isinstance(event, yaml.AliasEvent):
                raise AnalysisError("MLmodel file uses YAML aliases, which MLflow never writes")
        return yaml.load(data, Loader=loader)  # noqa: S506 - a safe loader
    except yaml.YAMLError as exc:
        raise AnalysisError(f"MLmodel file is not valid YAML ({type(exc).__name__})") from None


def _read(data: bytes, source: Source, walk: Walk) -> None:
    label = source.label or "file"
    model = _load(data)
    flavors = model.get("flavors") if isinstance(model, dict) else None
    if not isinstance(flavors, dict):
        raise AnalysisError("MLmodel file has no flavors mapping")
    pyfunc = flavors.get("python_function")
    if not isinstance(pyfunc, dict):
        return
    loader = pyfunc.get("loader_module")
    code = pyfunc.get("code")
    reasons = []
    if isinstance(loader, str) and not (loader == "mlflow" or loader.startswith("mlflow.")):
        reasons.append(f"loader_module {shown(loader)} is imported and called")
    if isinstance(code, str) and code:
        reasons.append(f"code path {shown(code)} is put on sys.path and imported")
    if reasons:
        walk.analysis.add(
            rules.MLFLOW_MODEL_RUNS_CODE,
            label,
            "MLflow model runs custom code on load: " + "; ".join(reasons),
            f"{label}|mlflow|{loader}|{code}",
        )


MLMODEL = NamedFormat("mlflow", lambda name: name == "mlmodel", _read)
