"""Where a repository keeps its CI definitions: what installs and fetches for the project's jobs.

Read by project_fetches.py (a CI step that downloads a file the code loads) and by
pyyaml_releases.py (a CI job that installs PyYAML).
"""

from __future__ import annotations

import posixpath

CI_FILES = (
    ".gitlab-ci.yml",
    ".circleci/config.yml",
    "azure-pipelines.yml",
    "cloudbuild.yaml",
    "cloudbuild.yml",
    "buildspec.yml",
    "Jenkinsfile",
    ".travis.yml",
    "bitbucket-pipelines.yml",
    ".drone.yml",
)
CI_FOLDERS = (".github/workflows", ".gitlab/ci", ".buildkite")
CI_ACTIONS = ".github/actions"  # composite actions: one folder each, `action.yml` inside


def in_ci(display: str) -> bool:
    """Whether a repository path is one of the CI definitions (a file, or in a CI folder)."""
    folder = posixpath.dirname(display)
    return display in CI_FILES or any(folder == ci or folder.startswith(ci + "/") for ci in (*CI_FOLDERS, CI_ACTIONS))
