"""Whether a file is an example configuration to copy and fill in, by its name: `.env.example`,
`config.sample`, `settings.example.yaml`, `.env.template`, `terraform.tfvars.template`.

Such a file is read by no tool as it is: whoever uses the project copies it and puts their own
values in, so what it holds are samples and defaults. Only names that say so are meant:
- `example` or `sample` as the last suffix, or the one before a configuration format's;
- `template` as the last suffix of an environment or variables file (`.env.template`,
  `env-vars.template`, `prod.tfvars.template`), which no tool reads under that name.
Other templates are rendered and deployed as they are (a CloudFormation or SAM `*.template.json`,
`sam-template.yaml`, a Terraform `user_data.sh.tpl`, `Dockerfile.template`, Helm's `*.tmpl`), and
`*.dist` files are read by their tools (`phpunit.xml.dist`): none of them is a sample here, and
neither is code (`example.py`) or a folder of examples.
"""

from __future__ import annotations

import re
from pathlib import PurePosixPath

_SAMPLE_NAME = re.compile(
    r"(?:.*[._-])?(?:example|sample)"
    r"|.*[._-](?:example|sample)\.(?:env|ya?ml|json|toml|ini|cfg|conf|config|properties|tfvars|txt|rc)"
    r"|(?:.*[._-])?env(?:[._-][\w-]*)?\.template|.*\.tfvars\.template"
)


def is_sample_file(path: str) -> bool:
    """An example configuration file, by the conventions of its name."""
    return _SAMPLE_NAME.fullmatch(PurePosixPath(path.lower()).name) is not None
