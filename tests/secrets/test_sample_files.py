from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hooks.secrets.sample_files import is_sample_file


@pytest.mark.parametrize(
    "path",
    [
        ".env.example",
        "deploy/.env.sample",
        ".env.local.template",
        "tutorials/terraform/env-vars.template",
        "prod.env.example",
        "terraform/terrafom.tfvars.template",
        "terraform.tfvars.example",
        "app/settings.example.yaml",
        "config.sample.json",
        "ENV.EXAMPLE",
    ],
)
def test_example_configurations_by_name(path: str) -> None:
    assert is_sample_file(path)


@pytest.mark.parametrize(
    "path",
    [
        ".env",
        "example",  # a bare name: a script or a binary as often as not
        "run-example",
        "example.py",  # code runs as it is
        "config.example.py",
        "examples/config.yaml",  # a folder of examples holds real configurations too
        "sampler.yaml",
        "secrets-sample.json",
        "application-example.properties",  # a Spring profile, loaded as `example`
        # Templates that tools render or read as they are: deployed with the values in them.
        "deploy/prod-env-stack.template",
        "deploy/env.json.template",
        "user_data.sh.tpl",
        "stack/MyStack.template.json",
        "sam-template.yaml",
        "Dockerfile.template",
        "charts/values.yaml.tmpl",
        "phpunit.xml.dist",
        "config.template",
        # A sample's name in a folder a tool loads whole.
        ".github/workflows/deploy.example.yml",
        "group_vars/prod/vault.sample.yml",
        "k8s/secret.example.yaml",
        "nginx/conf.d/site.example.conf",
        "charts/app/templates/secret.sample.yaml",
    ],
)
def test_look_alikes_and_folders_loaded_whole_are_not_samples(path: str) -> None:
    assert not is_sample_file(path)


@given(st.text(max_size=300))
def test_any_name_is_answered(path: str) -> None:
    assert is_sample_file(path) in (True, False)
