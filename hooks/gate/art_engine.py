"""`engine: art`: the same checks with the Adversarial Robustness Toolbox's attacks (optional
extra `mlsec-hooks[art]`). ART wraps bare scikit-learn estimators it knows and torch modules; it
refuses pipelines, so those stay with the built-in engine. Immutable and encoder-frozen columns
are passed to ART as its `mask`."""

from __future__ import annotations

from typing import Any

import numpy as np

from hooks._core.errors import UsageError
from hooks.gate.attacks import Space
from hooks.gate.config import AdversarialCheck
from hooks.gate.data import Dataset


def _classifier(context: Any, data: Dataset) -> Any:
    try:
        from art.estimators.classification import PyTorchClassifier, SklearnClassifier
    except ImportError:
        raise UsageError(
            "engine: art needs the Adversarial Robustness Toolbox: pip install 'mlsec-hooks[art]'"
        ) from None
    model = context.engine_model
    clip = context.config.clip
    classes = len(context.adapter.classes)
    if type(model).__module__.startswith("torch") or hasattr(model, "state_dict"):
        import torch

        return PyTorchClassifier(
            model=model,
            loss=torch.nn.CrossEntropyLoss(),
            input_shape=(data.numeric.shape[1],),
            nb_classes=classes,
            clip_values=clip,
            device_type="cpu",
        )
    if type(model).__name__ == "Pipeline" or not isinstance(data.inputs, np.ndarray):
        raise UsageError("engine: art cannot attack scikit-learn pipelines or DataFrame inputs; use engine: builtin")
    try:
        return SklearnClassifier(model=model, clip_values=clip)
    except TypeError as exc:
        raise UsageError(f"engine: art does not support {type(model).__name__} ({exc})") from None


def art_attack(
    context: Any, check: AdversarialCheck, data: Dataset, space: Space, target: np.ndarray, eps: float
) -> np.ndarray:
    from art.attacks.evasion import FastGradientMethod, HopSkipJump, ProjectedGradientDescent

    classifier = _classifier(context, data)
    norm: Any = np.inf if check.norm == "linf" else 2
    x = np.nan_to_num(data.numeric).astype(np.float32 if hasattr(context.engine_model, "state_dict") else np.float64)
    mask = space.mask.astype(x.dtype)
    labels = np.eye(len(context.adapter.classes))[target]
    if not context.adapter.white_box:
        attack: Any = HopSkipJump(
            classifier,
            targeted=check.targeted,
            norm=norm,
            max_iter=5,
            max_eval=max(check.queries // 5, 1),
            init_eval=10,
            verbose=False,
        )
        adversarial = attack.generate(x, y=labels if check.targeted else None)
        return space.project(adversarial.astype(np.float64) - x, eps, check.norm)
    if check.attack == "fgsm":
        attack = FastGradientMethod(classifier, norm=norm, eps=eps, targeted=check.targeted)
    else:
        attack = ProjectedGradientDescent(
            classifier,
            norm=norm,
            eps=eps,
            eps_step=check.pgd_step(eps),
            max_iter=check.steps,
            targeted=check.targeted,
            num_random_init=1 if check.random_start else 0,
            verbose=False,
        )
    adversarial = attack.generate(x, y=labels, mask=mask)
    return space.project(adversarial.astype(np.float64) - x, eps, check.norm)
