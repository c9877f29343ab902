"""The rules of the model gate: a failed check is a result on the model file."""

from __future__ import annotations

from hooks._core.rules import RuleBook

BOOK = RuleBook("gate")
_GATE_DOCS = "https://github.com/<you>/mlsec-hooks#model-gate-mlsec-gate"

CLEAN_ACCURACY = BOOK.rule(
    "MLS701",
    "CleanAccuracyBelowFloor",
    "high",
    "Model accuracy on held-out data is below the policy's floor",
    what="The model's accuracy on the held-out data set is below `gate.checks.clean_accuracy.min`.",
    why="A model that underperforms on data it has not seen should not be promoted, whatever else it passes.",
    example="clean_accuracy: {min: 0.95} and the model scores 0.91 on data/holdout.csv",
    fix="Retrain or tune the model; lower the floor only with the owner's agreement, in review.",
    references=(_GATE_DOCS,),
)
CLASS_RECALL = BOOK.rule(
    "MLS702",
    "ClassRecallBelowFloor",
    "high",
    "Recall of a class is below its floor",
    what="The share of a class's held-out rows that the model labels correctly is below its floor "
    "(`clean_accuracy.class_recall` or `min_class_recall`).",
    why="Overall accuracy hides a class the model fails on, often the rare class that matters (fraud, disease).",
    example="class_recall: {'1': 0.8} and only 64% of the positive rows are found",
    fix="Rebalance or reweight the training data for that class, or change the decision threshold.",
    references=(_GATE_DOCS,),
)
ADVERSARIAL_ACCURACY = BOOK.rule(
    "MLS703",
    "AdversarialAccuracyBelowFloor",
    "high",
    "Accuracy under adversarial attack is below the floor",
    cwe=1039,
    what="Accuracy on held-out rows perturbed by the policy's attack (FGSM, PGD or the bounded black-box "
    "search, at the named norm and eps) is below `adversarial.min_accuracy`.",
    why="Small crafted changes to the input flip the model's decisions: an attacker who controls part of "
    "the input (a transaction, an image, a form) gets the label they want.",
    example="adversarial: {attack: fgsm, norm: linf, eps: [0.1], min_accuracy: 0.6} and accuracy falls to 0.08",
    fix="Train with adversarial examples or input constraints, reduce reliance on brittle features, "
    "or restrict what the attacker can change (`immutable` features, clip range) if that reflects reality.",
    references=(_GATE_DOCS, "https://arxiv.org/abs/1412.6572", "https://arxiv.org/abs/1706.06083"),
)
ADVERSARIAL_DROP = BOOK.rule(
    "MLS704",
    "AdversarialAccuracyDropTooLarge",
    "high",
    "Accuracy drops too much under adversarial attack",
    cwe=1039,
    what="Clean accuracy minus adversarial accuracy at some eps is larger than `adversarial.max_drop`.",
    why="The drop measures how much an attacker gains; a model that is accurate but brittle fails it.",
    example="max_drop: 0.2; clean 0.96, adversarial 0.41 at eps 0.1",
    fix="As for MLS703: adversarial training, feature constraints, or a more robust model family.",
    references=(_GATE_DOCS,),
)
MEMBERSHIP_INFERENCE = BOOK.rule(
    "MLS705",
    "MembershipInferenceAdvantage",
    "high",
    "Training records can be told apart from unseen ones",
    cwe=359,
    what="A loss- or confidence-threshold attack separates training rows from held-out rows with an "
    "advantage (true-positive rate minus false-positive rate) above `membership_inference.max_advantage`.",
    why="Whoever can query the model learns whether a person's record was in the training set, "
    "a privacy leak in itself and the first step of attribute inference.",
    example="max_advantage: 0.1 and an overfitted model gives members loss 0.001, non-members 0.4",
    fix="Regularise (weight decay, early stopping, smaller model), train on more data, or use "
    "differentially private training; expose labels rather than scores.",
    references=(_GATE_DOCS, "https://arxiv.org/abs/1610.05820", "https://arxiv.org/abs/1709.01604"),
)
NOISE_ROBUSTNESS = BOOK.rule(
    "MLS706",
    "NoiseRobustnessBelowThreshold",
    "medium",
    "Accuracy under random noise is below the floor or drops too much",
    what="Accuracy on held-out rows with random noise of the same size as the attack's eps is below "
    "`robustness_noise.min_accuracy` or drops by more than `robustness_noise.max_drop`.",
    why="A model that fails on random noise is brittle, not only attackable; one that survives noise but "
    "not the attack is genuinely vulnerable, and one that survives the attack but not noise masks gradients.",
    example="robustness_noise: {eps: [0.1], min_accuracy: 0.9} and noisy accuracy is 0.7",
    fix="Augment the training data with noise, or normalise the inputs the model sees.",
    references=(_GATE_DOCS,),
)
DEMOGRAPHIC_PARITY = BOOK.rule(
    "MLS707",
    "DemographicParityGap",
    "high",
    "Positive rate differs too much between groups",
    what="The largest difference in the rate of positive predictions between the groups of the sensitive "
    "column is above `bias.max_demographic_parity`.",
    why="The model grants (or refuses) the outcome to one group far more often than another.",
    example="bias: {sensitive: sex, positive_label: 1, max_demographic_parity: 0.1}; rates 0.42 vs 0.18",
    fix="Check the training data for the gap's cause; reweight, constrain or post-process the decisions.",
    references=(_GATE_DOCS, "https://fairlearn.org/main/user_guide/assessment/common_fairness_metrics.html"),
)
EQUAL_OPPORTUNITY = BOOK.rule(
    "MLS708",
    "EqualOpportunityGap",
    "high",
    "True-positive rate differs too much between groups",
    what="The largest difference in true-positive rate (recall of the positive label) between the groups of "
    "the sensitive column is above `bias.max_equal_opportunity`.",
    why="Among the people who deserve the positive outcome, one group receives it less often.",
    example="max_equal_opportunity: 0.1; TPR 0.91 in one group, 0.66 in another",
    fix="As for MLS707; per-group thresholds or reweighting usually close this gap.",
    references=(_GATE_DOCS, "https://arxiv.org/abs/1610.02413"),
)
GROUP_ACCURACY = BOOK.rule(
    "MLS709",
    "GroupAccuracyGap",
    "high",
    "Accuracy differs too much between groups",
    what="The largest difference in accuracy between the groups of the sensitive column is above "
    "`bias.max_accuracy_gap`.",
    why="The model is reliable for some people and not for others.",
    example="max_accuracy_gap: 0.05; accuracy 0.95 in one group, 0.81 in another",
    fix="Collect more data for the weaker group or train with group-balanced weights.",
    references=(_GATE_DOCS,),
)
MODEL_NOT_LOADED = BOOK.rule(
    "MLS710",
    "ModelFailedArtifactScan",
    "critical",
    "The model file failed the artifact scan and was not loaded",
    cwe=502,
    what="Before loading, the gate runs `mlsec-artifacts` on the model file; a finding at medium or above "
    "(listed with its own rule id) stops the gate and nothing is loaded.",
    why="Loading a pickle runs whatever it contains: a gate must not become the way a poisoned model runs "
    "code on the CI runner.",
    example="a joblib model that reaches os.system",
    fix="Find where the file came from; rebuild the model from trusted code, or save it as safetensors/ONNX/skops.",
    references=(_GATE_DOCS,),
)
