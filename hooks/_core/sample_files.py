"""Whether a file is a template or an example by its name: `.env.example`, `config.sample`,
`env-vars.template`, `terraform.tfvars.template`, `settings.example.yaml`.

Such a file is copied and filled in by whoever uses the project: the values in it are defaults
and samples to replace. Only configuration is meant: a `.py` or notebook named `example` is code
that runs as it is, so it is not a template here.
"""

from __future__ import annotations

import re
from pathlib import PurePosixPath

_MARKER = r"(?:example|sample|template|tmpl|tpl|dist)"
# The marker is the last suffix (`x.env.example`, `env-vars.template`, `config.sample`), or the one
# before a configuration format's (`config.example.yaml`, `secrets-sample.json`).
_SAMPLE_NAME = re.compile(
    rf"(?:.*[._-])?{_MARKER}"
    rf"|.*[._-]{_MARKER}\.(?:env|ya?ml|json|toml|ini|cfg|conf|config|properties|tfvars|hcl|xml|txt|rc)"
)


def is_sample_file(path: str) -> bool:
    """A template or example configuration file, by the conventions of its name."""
    return _SAMPLE_NAME.fullmatch(PurePosixPath(path.lower()).name) is not None
