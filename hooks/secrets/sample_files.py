"""Whether a file is an example configuration to copy and fill in, by its name and place:
`.env.example`, `env-vars.template`, `prod.env.sample`, `terraform.tfvars.example`,
`settings.example.yaml`.

No tool reads such a file under that name: whoever uses the project copies it and puts their own
values in, so what it holds are samples and defaults. Only names that say so are meant:
- an environment file's: `.env.example`, `env.sample`, `env-vars.template`, `prod.env.example`;
- Terraform variables': `terraform.tfvars.example`, `prod.tfvars.template`;
- a configuration file with `.example` or `.sample` before its format's suffix
  (`settings.example.yaml`, `config.sample.json`).
Not samples: rendered or deployed templates (CloudFormation's `*.template`, `*.template.json`,
`user_data.sh.tpl`, `Dockerfile.template`, `*.tmpl`, `*.dist`), a Spring profile
(`application-example.properties`), bare names (`example`), code (`example.py`); nor anything in a
folder whose files a tool loads by the folder (`.github/workflows/`, Ansible's `group_vars/`,
`*.d/` includes, Kubernetes manifests, Helm charts and templates), where a sample's name does not
stop it from being read.
"""

from __future__ import annotations

import re
from pathlib import PurePosixPath

_SAMPLE_NAME = re.compile(
    r"\.?env(?:[-_][\w-]*|\.(?!(?:json|ya?ml|toml|ini|cfg|conf|xml)\b)[\w-]+)?\.(?:example|sample|template)"
    r"|[\w.-]*\.env\.(?:example|sample|template)"
    r"|[\w.-]*\.tfvars\.(?:example|sample|template)"
    r"|[\w-]+(?:\.[\w-]+)*\.(?:example|sample)\.(?:env|ya?ml|json|toml|ini|cfg|conf)"
)
# Folders whose files a tool reads by the folder, whatever each is called. Not test_paths'
# deployment folders: those include `terraform/` and `env/`, where `*.tfvars.example` is a sample.
_LOADED_BY_FOLDER = frozenset(
    {
        "workflows", "group_vars", "host_vars", "k8s", "kubernetes", "manifests", "kustomize", "helm",
        "charts", "templates", "overlays", "base", "argocd",
    }
)  # fmt: skip


def is_sample_file(path: str) -> bool:
    """An example configuration file, by the conventions of its name and folder."""
    posix = PurePosixPath(path.lower())
    folders = posix.parts[:-1]
    if any(part in _LOADED_BY_FOLDER or part.endswith(".d") for part in folders):
        return False
    return _SAMPLE_NAME.fullmatch(posix.name) is not None
