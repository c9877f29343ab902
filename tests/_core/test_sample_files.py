from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hooks._core.sample_files import is_sample_file


@pytest.mark.parametrize(
    "path",
    [
        ".env.example",
        "deploy/.env.sample",
        "env-vars.template",
        "terraform/terrafom.tfvars.template",
        "config.sample",
        "app/settings.example.yaml",
        "secrets-sample.json",
        ".env.template",
        "tutorials/terraform/env-vars.template",
        "CONFIG.SAMPLE.TOML",
    ],
)
def test_templates_and_examples_by_name(path: str) -> None:
    assert is_sample_file(path)


@pytest.mark.parametrize(
    "path",
    [
        ".env",
        "example.py",  # code runs as it is
        "examples/config.yaml",  # a folder of examples holds real configurations too
        "templates/deployment.yaml",
        "sampler.yaml",
        "resample.json",
        "run_example.ipynb",
        "config.example.py",
        "distribution.yaml",
        "templates.yaml",
        # Templates that tools render or read as they are: deployed with the values in them.
        "user_data.sh.tpl",
        "stack/MyStack.template.json",
        "sam-template.yaml",
        "Dockerfile.template",
        "charts/values.yaml.tmpl",
        "phpunit.xml.dist",
        "deploy-template.yml",
        "config.template",
    ],
)
def test_look_alikes_are_not_templates(path: str) -> None:
    assert not is_sample_file(path)


@given(st.text(max_size=300))
def test_any_name_is_answered(path: str) -> None:
    assert is_sample_file(path) in (True, False)
