"""List the TrainingArguments subclasses trl has shipped in any release, from a git clone of trl.

A fine-tuning checkpoint's training_args.bin names the trainer's config class by the module it
lived in when the file was saved, and trl has moved them (`trl.trainer.orpo_config` became
`trl.experimental.orpo.orpo_config`; `trl.trainer.training_configs` held RewardConfig before
0.8). scripts/gen_allowlist.py introspects only the installed release, so this reads every
tagged release's source (never importing it) and writes the names it finds:

    python scripts/trl_config_history.py PATH/TO/trl > scripts/data/trl_config_history.txt

Kept: classes in trl's `*config*` modules whose base chain reaches TrainingArguments, and the
Enum classes defined in those modules (a dataclass field holding one, such as old DPOConfig's
FDivergenceType, is pickled as a call of the enum with its value).
"""

from __future__ import annotations

import ast
import subprocess
import sys


def _git(repo: str, *args: str) -> str:
    return subprocess.run(["git", "-C", repo, *args], capture_output=True, text=True, check=True).stdout


def _module_name(path: str) -> str:
    module = path[: -len(".py")].replace("/", ".")
    return module[: -len(".__init__")] if module.endswith(".__init__") else module


def _declares_configs(path: str) -> bool:
    # trainer/utils.py held OnPolicyConfig, the TrainingArguments base of PPOConfig and RLOOConfig
    return "config" in path.rsplit("/", 1)[-1] or path.endswith("trainer/utils.py")


def classes_by_release(repo: str) -> dict[tuple[str, str], set[str]]:
    """(module, class) -> the base names it was declared with, across all tags."""
    bases: dict[tuple[str, str], set[str]] = {}
    for tag in _git(repo, "tag").split():
        for path in _git(repo, "ls-tree", "-r", "--name-only", tag).split():
            if not (path.startswith("trl/") and path.endswith(".py") and _declares_configs(path)):
                continue
            try:
                tree = ast.parse(_git(repo, "show", f"{tag}:{path}"))
            except (SyntaxError, subprocess.CalledProcessError):
                continue
            for node in tree.body:
                if isinstance(node, ast.ClassDef):
                    names = {ast.unparse(base).rsplit(".", 1)[-1] for base in node.bases}
                    bases.setdefault((_module_name(path), node.name), set()).update(names)
    return bases


def training_argument_names(bases: dict[tuple[str, str], set[str]]) -> dict[tuple[str, str], str]:
    """The classes whose bases reach TrainingArguments by name ("arguments"), and Enums in the
    same modules ("enum")."""
    derived = {"TrainingArguments"}
    while True:
        grown = derived | {name for (_, name), parents in bases.items() if parents & derived}
        if grown == derived:
            break
        derived = grown
    kept = {
        (module, name)
        for (module, name), parents in bases.items()
        if parents & derived and "config" in module.rsplit(".", 1)[-1]
    }
    modules = {module for module, _ in kept}
    enums = {
        (module, name)
        for (module, name), parents in bases.items()
        if module in modules and parents & {"Enum", "IntEnum", "StrEnum"}
    }
    return {**dict.fromkeys(kept, "arguments"), **dict.fromkeys(enums, "enum")}


def main() -> None:
    repo = sys.argv[1]
    print("# trl's TrainingArguments subclasses and their modules' enums, in every tagged release,")
    release = _git(repo, "describe", "--tags").strip()
    print(f"# read from the source of github.com/huggingface/trl (Apache-2.0) up to {release}")
    print("# by scripts/trl_config_history.py. Names only; `module name kind` per line (kind: arguments, enum).")
    for (module, name), kind in sorted(training_argument_names(classes_by_release(repo)).items()):
        print(f"{module} {name} {kind}")


if __name__ == "__main__":
    main()
