"""What project managers and application installers install: `uv add`, `uv tool install`,
`poetry add` / `poetry self add`, `pdm add`, `pipenv install`, `pipx install` / `pipx inject`.

They install PyPI projects by name as pip does, each under its own verbs and options. A command's
words (from the manager on) become `[manager, how, *index options, *requirements]`, which the
shell install checks read as they read pip's: the requirements reach the deps checks, the index
options (as pip's option of the same meaning) the index checks, and `how` says whether a lock file
pins the result ("add") or not ("install").
"""

from __future__ import annotations

import re

from hooks._shared.words import REDIRECTION, split_words

# A requirement's name (PEP 508), for poetry's and uv tool's `name@constraint`.
_PROJECT = re.compile(r"^[A-Za-z0-9](?:[A-Za-z0-9._-]{0,98}[A-Za-z0-9])?(?:\[[A-Za-z0-9._,\s-]{0,200}\])?$")
# pip's options that name an index, looked for inside `--pip-args` / `--extra-pip-args`.
_PIP_INDEX_OPTIONS = frozenset({"-i", "--index-url", "--extra-index-url", "--trusted-host", "-f", "--find-links"})

# Project managers and application installers that install PyPI projects by name as pip does,
# under their own verbs. Each verb says how it installs: "add" writes a lock file that pins what
# it resolved (an unpinned name there is no unpinned install), "install" does not (`pipx install`,
# `uv tool install`, `poetry self add`, `uv add --frozen`, `pipenv install --skip-lock`).
MANAGER_VERBS: dict[str, dict[tuple[str, ...], str]] = {
    "uv": {("add",): "add", ("tool", "install"): "install", ("tool", "run"): "run", ("run",): "run"},
    "uvx": {(): "run"},
    "poetry": {("add",): "add", ("self", "add"): "install"},
    "pdm": {("add",): "add"},
    "pipenv": {("install",): "add"},
    "pipx": {("install",): "install", ("inject",): "install", ("run",): "run"},
}
# A tool runner ("run": `uvx ruff check`, `uv tool run`, `pipx run black .`) fetches the named tool
# into a throwaway environment and runs it: the tool (its first word, or `--from`/`--spec`) and
# `--with` packages are installed, the words after the tool are its arguments. `uv run` runs the
# project's own command: only its `--with` packages are installed. A runner takes the newest
# release by design, so an unpinned tool is no unpinned install; its name is judged.
# Flags that make a locking add install without writing the lock.
_UNLOCKED_FLAGS = frozenset({"--frozen", "--skip-lock", "--frozen-lockfile", "--no-lock"})
# Options before the verb that take a value (`poetry -C app add x`, `uv --directory app add x`).
_MANAGER_GLOBAL_VALUE_OPTIONS = frozenset(
    {"-C", "--directory", "-P", "--project", "-p", "--python", "--config-file", "--cache-dir", "--color",
     "--python-preference", "--allow-insecure-host", "--trusted-host", "--preview-features", "-c", "--config"}
)  # fmt: skip
_MANAGER_GLOBAL_WINDOW = 12  # words before the verb that may be global options
# Each manager's options that take a value that is no requirement (groups, extras, markers,
# interpreters, folders, refs, strategies).
_MANAGER_VALUE_OPTIONS: dict[str, frozenset[str]] = {
    "uv": frozenset(
        {"-r", "--requirements", "--requirement", "-c", "--constraints", "--constraint", "-m", "--marker",
         "--optional", "--group", "--rev", "--tag", "--branch", "--extra", "--package", "--script", "--bounds",
         "--index-strategy", "--keyring-provider", "--resolution", "--prerelease", "--fork-strategy",
         "--exclude-newer", "--exclude-newer-package", "--no-build-package", "--no-binary-package",
         "--refresh-package", "--reinstall-package", "--upgrade-package", "--upgrade-group", "-P",
         "--config-setting", "--config-settings", "-C", "--config-settings-package", "--link-mode", "--python",
         "-p", "--directory", "--project", "--config-file", "--cache-dir", "--color", "--with-requirements",
         "--no-sources-package", "--torch-backend", "--python-platform", "--build-constraints", "-b",
         "--python-preference", "--with-editable", "--no-install-package", "--only-install-package",
         "--no-build-isolation-package", "--prerelease-package", "--overrides", "--excludes",
         "--preview-features", "--env-file", "--only-group", "--no-group", "--no-extra", "--generate-shell-completion"}
    ),
    "poetry": frozenset(
        {"-G", "--group", "-E", "--extras", "--python", "--platform", "--markers", "--source", "-C",
         "--directory", "-P", "--project"}
    ),
    "pdm": frozenset(
        {"-G", "--group", "-L", "--lockfile", "-p", "--project", "--venv", "-k", "--skip", "--config-setting",
         "-C", "--update-strategy", "--override", "-c", "--config"}
    ),
    "pipenv": frozenset(
        {"--categories", "--python", "-r", "--requirements", "-c", "--constraints", "--extras", "--resolver"}
    ),
    "pipx": frozenset(
        {"--python", "--suffix", "--backend", "--app", "--upgrade-strategy", "--cooldown", "--fetch-python",
         "--include-resources-from", "--lock"}
    ),
}  # fmt: skip
# Options whose value is a requirement the command installs besides its positional words (uv
# splits `--with a,b` at commas); `--from` and `--spec` name the package itself (the positional
# word is then a command's name).
_MANAGER_PACKAGE_OPTIONS: dict[str, frozenset[str]] = {
    "uv": frozenset({"--from", "--with", "-w", "--with-executables-from"}),
    "pipx": frozenset({"--spec", "--preinstall"}),
}
_NAMING_OPTIONS = frozenset({"--from", "--spec"})
_COMMA_LISTS = frozenset({"--with", "-w", "--with-executables-from"})
# Options naming an index, as pip's option of the same meaning (for the index checks).
_MANAGER_INDEX_OPTIONS: dict[str, dict[str, str]] = {
    "uv": {"-i": "--index-url", "--index-url": "--index-url", "--default-index": "--index-url",
           "--extra-index-url": "--extra-index-url", "--index": "--extra-index-url", "-f": "--find-links",
           "--find-links": "--find-links", "--trusted-host": "--trusted-host",
           "--allow-insecure-host": "--trusted-host"},
    "pipenv": {"--pypi-mirror": "--index-url", "--index": "--index-url", "-i": "--index-url",
               "--extra-index-url": "--extra-index-url"},
    "pipx": {"-i": "--index-url", "--index-url": "--index-url"},
}  # fmt: skip
# Options whose value is pip's own command line (`--pip-args "--index-url http://..."`).
_PIP_ARGUMENT_OPTIONS = frozenset({"--pip-args", "--extra-pip-args"})
_INDEX_NAME = re.compile(r"^[A-Za-z0-9_.-]+=(?=[A-Za-z][A-Za-z0-9+.-]*://)")  # uv's `--index name=https://...`
# Tool runners' options that take no value; any other option unknown to the tables may take the
# next word, so where the tool's name stands is not known and nothing is read.
_RUNNER_FLAGS = frozenset(
    {"-q", "--quiet", "-v", "--verbose", "--isolated", "--offline", "--no-cache", "-n", "--refresh", "--no-progress",
     "--frozen", "--locked", "--no-sync", "--no-project", "--active", "--no-config", "--no-python-downloads",
     "--no-build", "--no-build-isolation", "--compile-bytecode", "--native-tls", "--preview", "--no-env-file",
     "--all-extras", "--all-groups", "--no-dev", "--exact", "--upgrade", "-U", "--reinstall", "--no-editable",
     "--script", "-s", "--module", "-m", "--no-managed-python", "--managed-python", "--system-certs",
     "--include-deps", "--no-cache-dir", "--pypackages"}
)  # fmt: skip
_INTERPRETER = re.compile(r"^(?:python|pypy|cpython|graalpy)[0-9.]*(?:@.*)?$")
_PINNED_AT = frozenset({"poetry", "uv", "uvx"})  # `x@1.2.3`: poetry's constraint, uv tool's version
_POETRY_VERSION = re.compile(r"^[0-9][0-9A-Za-z.+!_*-]*$")


def manager_install(manager: str, words: list[str]) -> list[str] | None:
    """`[manager, how, *index options, *requirements]` when `words` (the manager's name, then its
    arguments) is one of its installing verbs, else None. `how` is "add" (a lock file pins the
    result) or "install"."""
    index = 1
    limit = min(len(words), _MANAGER_GLOBAL_WINDOW) if manager != "uvx" else 1  # uvx's options are its run's
    while index < limit and words[index].startswith("-"):
        index += 2 if words[index] in _MANAGER_GLOBAL_VALUE_OPTIONS else 1
    verbs = MANAGER_VERBS[manager]
    verb = next((v for v in sorted(verbs, key=len, reverse=True) if tuple(words[index : index + len(v)]) == v), None)
    if verb is None:
        return None
    how = verbs[verb]
    family = "uv" if manager == "uvx" else manager  # uvx is `uv tool run`: uv's options
    taking = (
        _MANAGER_VALUE_OPTIONS[family]
        | _MANAGER_PACKAGE_OPTIONS.get(family, frozenset())
        | _MANAGER_INDEX_OPTIONS.get(family, {}).keys()
        | _PIP_ARGUMENT_OPTIONS
    )
    kept: list[str] = []
    named: list[str] = []  # by --from/--spec: the positional words are then commands' names
    positional: list[str] = []
    optional_extra = -1  # where poetry's `--optional X` put X (an extra in Poetry 2, a package in 1.x)
    arguments = words[index + len(verb) :]
    position = 0
    while position < len(arguments):
        word = arguments[position]
        if REDIRECTION.match(word):
            break
        if not word.startswith("-"):
            if how == "run":
                # The tool (or `uv run`'s command); what follows is its own arguments. `uvx
                # python@3.12` asks uv for an interpreter, no package.
                if not _INTERPRETER.match(word):
                    positional.append(subshell_word(word))
                break
            positional.append(subshell_word(word))
            position += 1
            continue
        if how == "run" and not _runner_option_known(word, taking):
            break  # an option not known to take no value may take the next word: where the tool is, is unknown
        if manager == "poetry" and word == "--optional":
            optional_extra = len(positional)  # `--optional X`: X is read as a positional word
            position += 1
            continue
        option, value, used = _manager_option(word, arguments, position, taking)
        position += used
        if option is None or value is None:
            if word in _UNLOCKED_FLAGS:
                how = "install"
            continue  # a flag (`--dev`, `-D`, `--editable`, `--no-sync`, pipx's `-f` force)
        kept.extend(_manager_option_words(family, option, value, named))
    if optional_extra >= 0 and len(positional) > optional_extra + 1:
        del positional[optional_extra]  # Poetry 2's `--optional <extra> <package>...`
    if manager == "pipx" and verb == ("inject",):
        positional = positional[1:]  # `pipx inject <venv> <package>...`: the first names the venv
    if manager == "uv" and verb == ("run",):
        positional = []  # `uv run script.py`: the project's own command, no package
    requirements = named + ([] if named else positional)
    if manager in _PINNED_AT:
        requirements = [_at_requirement(word) for word in requirements]
    return [manager, how, *kept, *requirements]


def subshell_word(word: str) -> str:
    """A word without the `)` that closes a subshell around the command (`(cd a && uv add x)`)."""
    return word[:-1] if word.endswith(")") and "(" not in word else word


def _runner_option_known(word: str, taking: frozenset[str]) -> bool:
    option = word.partition("=")[0]
    return (
        "=" in word
        or option in taking
        or option in _RUNNER_FLAGS
        or (len(word) > 2 and word[1] != "-" and (word[:2] in taking or f"-{word[-1]}" in taking))
    )


def _manager_option(
    word: str, arguments: list[str], position: int, taking: frozenset[str]
) -> tuple[str | None, str | None, int]:
    """(the option, its value, how many words it spans) for an option word: `--opt=v`, `--opt v`,
    a glued short value (`-wtorch`), a cluster of flags ending in an option whose value is the next
    word (`-dG dev`); (None, None, 1) for a flag."""
    option, equals, inline = word.partition("=")
    if option in taking:
        if equals:
            return option, inline, 1
        return option, (arguments[position + 1] if position + 1 < len(arguments) else ""), 2
    if len(word) > 2 and word[1] != "-":
        if word[:2] in taking:
            return word[:2], word[2:], 1  # `-wtorch`: the value glued to its short option
        if f"-{word[-1]}" in taking:
            return f"-{word[-1]}", (arguments[position + 1] if position + 1 < len(arguments) else ""), 2
    return None, None, 1


def _manager_option_words(manager: str, option: str, value: str, named: list[str]) -> list[str]:
    """The words an option of a manager adds to the normalised install: an index option as pip's,
    the packages a package option names (into `named` for --from/--spec), pip's own arguments
    read for their index options; nothing for any other value."""
    index_options = _MANAGER_INDEX_OPTIONS.get(manager, {})
    if option in index_options:
        value = _INDEX_NAME.sub("", value) if manager == "uv" else value
        if manager == "pipenv" and option in ("--index", "-i") and "://" not in value:
            return []  # a source's name from the Pipfile, not a URL
        return [index_options[option], value]
    if option in _MANAGER_PACKAGE_OPTIONS.get(manager, frozenset()):
        values = [part for part in (value.split(",") if option in _COMMA_LISTS else [value]) if part.strip()]
        if option in _NAMING_OPTIONS:
            named.extend(values)
            return []
        return values
    if option == "--index-strategy":
        return [option, value]  # uv's: whether an extra index may shadow a name (_install_issues)
    if option in _PIP_ARGUMENT_OPTIONS:
        try:
            pip_words = split_words(value, comments=True)
        except ValueError:
            return []
        found: list[str] = []
        for at, word in enumerate(pip_words):
            name, equals, inline = word.partition("=")
            if name in _PIP_INDEX_OPTIONS:
                found += [name, inline if equals else (pip_words[at + 1] if at + 1 < len(pip_words) else "")]
        return found
    return []


def _at_requirement(word: str) -> str:
    """`name@constraint` as a pip requirement (poetry's constraints, uv tool's `x@1.2.3` and
    `x@latest`): `x@1.2.3` and `x@=1.2.3` are `x==1.2.3`, `x@1.2.*` is `x==1.2.*`, `x@>=1.2` is
    `x>=1.2`; `x@^1.2`, `x@~1.2` and `x@latest` are ranges (just the name); `x@git+https://...`
    and PEP 508 words stay as they are."""
    name, at, constraint = word.partition("@")
    if not at or "://" in constraint or not _PROJECT.match(name) or any(c in name for c in "<>=!~"):
        return word
    constraint = constraint.strip()
    if constraint in ("", "latest", "*") or (constraint[:1] in "^~" and not constraint.startswith("~=")):
        return name
    if constraint.startswith("=") and not constraint.startswith("=="):
        constraint = constraint[1:].strip()
    if _POETRY_VERSION.match(constraint):
        return f"{name}=={constraint}"
    if constraint[:1] in "<>=!~":
        return name + constraint
    return word
