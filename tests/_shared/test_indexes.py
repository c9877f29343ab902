"""Which indexes are PyPI's, a vendor's, or a team's private registry (hooks/_shared/indexes.py)."""

from __future__ import annotations

import pytest

from hooks._shared.indexes import private_index, private_index_variable, public_pypi, vendor_index


@pytest.mark.parametrize(
    "url",
    [
        "https://pypi.corp.example/simple",
        "https://mycompany.jfrog.io/artifactory/api/pypi/pypi/simple",
        "https://pkgs.dev.azure.com/org/_packaging/feed/pypi/simple/",
        "https://gitlab.com/api/v4/projects/123/packages/pypi/simple",
        "https://europe-python.pkg.dev/proj/repo/simple",
        "https://nexus.example.com/repository/pypi/simple",
        "http://10.0.0.5:8080/simple",
        "http://devpi:3141/root/pypi/+simple/",
        "https://download.pytorch.org/whl/nightly/cu121",  # a vendor's pre-release channel: torchtriton
    ],
)
def test_private_registries(url: str) -> None:
    assert private_index(url) and not public_pypi(url)


@pytest.mark.parametrize(
    "url",
    [
        "https://pypi.org/simple",
        "https://test.pypi.org/simple/",
        "https://mirrors.aliyun.com/pypi/simple/",
        "https://pypi.tuna.tsinghua.edu.cn/simple",
        "https://download.pytorch.org/whl/cu121",
        "https://www.piwheels.org/simple",  # public rebuilds of PyPI's projects
        "https://www.paddlepaddle.org.cn/packages/stable/cu118/",  # a framework's own public index
        "https://packages.example.org/simple",
    ],
)
def test_public_indexes_are_no_private_registry(url: str) -> None:
    assert not private_index(url)


def test_public_pypi_and_vendor_indexes() -> None:
    assert public_pypi("https://mirrors.aliyun.com/pypi/simple/") and not public_pypi("https://pypi.corp.example/s")
    assert vendor_index("https://download.pytorch.org/whl/cu121")
    assert not vendor_index("https://download.pytorch.org/whl/nightly/cu121")
    assert vendor_index("https://pypi.jetson-ai-lab.io/jp6/cu126/")  # NVIDIA's Jetson AI Lab
    assert not vendor_index("https://pypi.jetson-ai-lab.io.example.com/jp6/cu126/")  # a host that only starts so
    assert not vendor_index("http://pypi.jetson-ai-lab.io/jp6/cu126/")


@pytest.mark.parametrize(
    ("value", "private"),
    [
        ("$ARTIFACTORY_URL/simple", True),
        ('"${PRIVATE_PYPI_INDEX}"', True),
        ("${CODEARTIFACT_INDEX:-https://pypi.org/simple}", True),
        ("$CORP_INDEX", True),
        ("$PIP_MIRROR", False),  # a mirror's name says nothing about private names
        ("${PYPI_URL}", False),
        ("$NEXUSX", False),  # whole words only
        ("https://pypi.org/simple?x=$PRIVATE", False),  # a literal URL is judged as one
        ("$", False),
    ],
)
def test_index_variables_named_as_a_private_registry(value: str, private: bool) -> None:
    assert private_index_variable(value) is private
