"""ML services started open to the network: Jupyter without a token, Ray's head and dashboard,
MLflow's server without auth, each on all interfaces. Shared by the Dockerfile checks (RUN, CMD,
ENTRYPOINT, heredoc scripts) and the code hook (`!` lines, `%%bash` cells, written scripts).

Each check is a bounded search in one command text (no nested unbounded repetition): linear.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

ANY_HOST = r"(?:0\.0\.0\.0|::|\*|\[::\])"
# Jupyter asks for no login when its token is empty and no password is set: an empty password
# alone leaves the token (`--NotebookApp.token="$JUPYTER_TOKEN" --NotebookApp.password=""`).
_JUPYTER_EMPTY_TOKEN = re.compile(r"""--(?:NotebookApp|ServerApp|IdentityProvider)\.token\s*=?\s*(?:''|""|\s|$)""")
_JUPYTER_PASSWORD_SET = re.compile(
    r"""--(?:NotebookApp|ServerApp|IdentityProvider|PasswordIdentityProvider)\.(?:hashed_)?password"""
    r"""(?:\s*=\s*|\s+)(?!''|""|\s|$)\S"""
)
_JUPYTER_ALL = re.compile(rf"--(?:ip|NotebookApp\.ip|ServerApp\.ip)[= ]\s*['\"]?{ANY_HOST}")
_CONFIG_EMPTY_AUTH = re.compile(r"""\.(?:token|password)\s*=\s*(?:u|r)?(?:''|"")""")
_CONFIG_ALL = re.compile(rf"""\.ip\s*=\s*["']{ANY_HOST}["']""")
_RAY_START = re.compile(r"\bray\s+start\b")
_RAY_DASHBOARD_ALL = re.compile(rf"--dashboard-host[= ]\s*['\"]?{ANY_HOST}")
_RAY_NODE_ALL = re.compile(rf"--node-ip-address[= ]\s*['\"]?{ANY_HOST}")
_MLFLOW_SERVER = re.compile(r"\bmlflow\s+(?:server|ui)\b")
_MLFLOW_ALL = re.compile(rf"(?:--host|-h)[= ]\s*['\"]?{ANY_HOST}")
_MLFLOW_AUTH = re.compile(r"--app-name[= ]\s*\S*auth")


@dataclass(frozen=True)
class OpenService:
    kind: str  # "jupyter", "ray" or "mlflow"
    message: str


def jupyter_config_open(text: str) -> OpenService | None:
    """A jupyter_server_config / notebook config that empties token and password and listens everywhere."""
    if _CONFIG_EMPTY_AUTH.search(text) and _CONFIG_ALL.search(text):
        return OpenService(
            "jupyter",
            "Jupyter config disables the token and password and listens on all interfaces: anyone who "
            "reaches the port runs code",
        )
    return None


def open_services(command: str) -> list[OpenService]:
    found: list[OpenService] = []
    lowered = command.lower()
    if "jupyter" in lowered or "notebookapp" in lowered or "serverapp" in lowered:
        empty = _JUPYTER_EMPTY_TOKEN.search(command) and not _JUPYTER_PASSWORD_SET.search(command)
        if empty and _JUPYTER_ALL.search(command):
            found.append(
                OpenService(
                    "jupyter",
                    "Jupyter started with an empty token/password on all interfaces: anyone who reaches the "
                    "port runs code",
                )
            )
        config = jupyter_config_open(command)
        if config is not None:
            found.append(config)
    ray_head = "ray" in lowered and _RAY_START.search(command) and "--head" in command
    if ray_head and (_RAY_DASHBOARD_ALL.search(command) or _RAY_NODE_ALL.search(command)):
        found.append(
            OpenService(
                "ray",
                "Ray head node with its dashboard/job API on all interfaces and no authentication "
                "(ShadowRay, CVE-2023-48022): anyone who reaches it runs code",
            )
        )
    mlflow = "mlflow" in lowered and _MLFLOW_SERVER.search(command)
    if mlflow and _MLFLOW_ALL.search(command) and not _MLFLOW_AUTH.search(command):
        found.append(
            OpenService(
                "mlflow",
                "MLflow server on all interfaces without an auth app (--app-name basic-auth): anyone who "
                "reaches it reads and writes models",
            )
        )
    return found
