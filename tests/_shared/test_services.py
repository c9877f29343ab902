from __future__ import annotations

import pytest

from hooks._shared.services import open_services


@pytest.mark.parametrize(
    "command",
    [
        "jupyter notebook --ip=0.0.0.0 --NotebookApp.token=''",
        "jupyter lab --ip=0.0.0.0 --NotebookApp.token='' --NotebookApp.password=''",
        "jupyter lab --ip 0.0.0.0 --NotebookApp.token '' --NotebookApp.password ''",
        "jupyter server --ServerApp.token= --ip 0.0.0.0",
    ],
)
def test_jupyter_with_no_token_and_no_password_on_all_interfaces_is_open(command: str) -> None:
    assert [service.kind for service in open_services(command)] == ["jupyter"]


@pytest.mark.parametrize(
    "command",
    [
        # A token from the environment, or a password set: a login is still asked for. An empty
        # password alone leaves the token on (red team of the shell-script scan, stop 43).
        'jupyter lab --ip 0.0.0.0 --NotebookApp.token="$JUPYTER_TOKEN" --NotebookApp.password=""',
        "jupyter lab --ip 0.0.0.0 --NotebookApp.password=''",
        "jupyter lab --ip 0.0.0.0 --NotebookApp.token='' --NotebookApp.password='sha1:ab:cd'",
        "jupyter lab --ip=0.0.0.0 --NotebookApp.token='' --NotebookApp.password=$HASH",
        "jupyter lab --NotebookApp.token=''",  # this machine only
    ],
)
def test_jupyter_that_asks_for_a_login_or_listens_locally_is_not_open(command: str) -> None:
    assert open_services(command) == []
