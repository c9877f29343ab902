"""`mlsec gate`: the model gate for CI. Loads a trained model safely and checks it against the
policy's thresholds: clean accuracy, adversarial accuracy, membership inference, noise and bias.

Only `spec` and `rules` are imported by the catalog (standard library only); every other module
imports numpy and friends, and is imported only by `mlsec gate`.
"""
