"""The rules of mlsec-artifacts: code execution in model files."""

from __future__ import annotations

from hooks._core.rules import RuleBook

BOOK = RuleBook("artifacts")

DANGEROUS_CALL_IN_PICKLE = BOOK.rule(
    "MLS101",
    "DangerousCallInPickle",
    "critical",
    "Pickle reaches a known-dangerous callable",
    cwe=502,
    what=(
        "Loading this file imports or calls a global that runs commands, evaluates code, imports modules,"
        " reads or writes files, opens connections or loads another pickle. Never load it; rebuild the "
        "model from trusted code and save it as safetensors or another format without code."
    ),
)
GLOBAL_OUTSIDE_ALLOWLIST = BOOK.rule(
    "MLS102",
    "GlobalOutsideAllowlist",
    "high",
    "Pickle imports a global outside the allowlist",
    cwe=502,
    what=(
        "Only exact (module, name) pairs that real ML files use are allowed. If the global is your own "
        "class, add it to `artifacts.allow_globals` in the policy file with a reason."
    ),
)
OBFUSCATED_IMPORT = BOOK.rule(
    "MLS103",
    "ObfuscatedImport",
    "critical",
    "Obfuscated import in a pickle",
    cwe=502,
    what=(
        "The global's name is computed at load time (STACK_GLOBAL on non-literal operands), taken from "
        "copyreg's extension registry (EXT1/2/4), or a dotted path that walks attributes out of an "
        "allowed module. Real serializers do not do this."
    ),
)
SPECIAL_ATTRIBUTE_INJECTION = BOOK.rule(
    "MLS104",
    "SpecialAttributeInjection",
    "critical",
    "Pickle BUILD injects a special attribute",
    cwe=502,
    what=(
        "A BUILD opcode sets `__setstate__`, `__reduce__` or another special attribute on an object, so a"
        " later BUILD or use calls attacker-chosen code (the Sleepy Pickle pattern)."
    ),
)
DATA_AFTER_PICKLE = BOOK.rule(
    "MLS105",
    "DataAfterPickle",
    "high",
    "Data after the pickle stream",
    cwe=506,
    what=(
        "Bytes follow the pickle's STOP opcode: a second pickle stream that loaders reading in a loop "
        "execute, or hidden data that scanners stopping at the first STOP never see."
    ),
)
PICKLE_ZIP_POLYGLOT = BOOK.rule(
    "MLS106",
    "PickleZipPolyglot",
    "critical",
    "Polyglot pickle and zip file",
    cwe=434,
    what=(
        "The file is a pickle at offset 0 and a zip archive at its end: torch.load and pickle run the "
        "pickle while zip-based scanners inspect the archive."
    ),
)
ZIP_STRUCTURE_ANOMALY = BOOK.rule(
    "MLS107",
    "ZipStructureAnomaly",
    "high",
    "Zip structure anomaly",
    cwe=434,
    what=(
        "Local and central directory names differ, a name is duplicated, a CRC does not match or a member"
        " is flagged encrypted. Model loaders tolerate these; scanners that trust zipfile are bypassed."
    ),
)
KERAS_LAMBDA_LAYER = BOOK.rule(
    "MLS108",
    "KerasLambdaLayer",
    "high",
    "Keras Lambda layer",
    cwe=502,
    what=(
        "A Lambda layer stores marshalled Python bytecode that runs when the model is loaded with "
        "safe_mode=False or from HDF5. Replace it with a registered custom layer."
    ),
)
KERAS_CUSTOM_OBJECT = BOOK.rule(
    "MLS109",
    "KerasCustomObject",
    "medium",
    "Keras custom object",
    cwe=829,
    what=(
        "The model refers to a class outside Keras; loading it imports that module and runs its code. "
        "Make sure the module is yours and reviewed."
    ),
)
APPROVED_ARTIFACT_CHANGED = BOOK.rule(
    "MLS110",
    "ApprovedArtifactChanged",
    "medium",
    "Approved artifact changed",
    cwe=494,
    what=(
        "The file is listed under `artifacts.approved`, but its sha256 no longer matches the reviewed "
        "one. Review the new file and update the approval."
    ),
)
MODEL_WITHOUT_GATE_RECORD = BOOK.rule(
    "MLS111",
    "ModelWithoutGateRecord",
    "medium",
    "Model without a passing gate record",
    cwe=1357,
    what=(
        "`artifacts.require_gate_record` is on, and this model file has no `<model>.gate.json` beside it "
        "whose verdict is pass for the file's current sha256 (no record, a failing one, or one written "
        "for an older version of the file)."
    ),
    why="A model that was never judged by `mlsec gate`, or changed after it, reaches the repository unchecked.",
    example="models/clf.joblib retrained and committed without running `mlsec gate` again",
    fix="Run `mlsec gate --model models/clf.joblib` and commit the record it writes with the model.",
)
ARTIFACT_UNPARSEABLE = BOOK.rule(
    "MLS901",
    "ArtifactUnparseable",
    "high",
    "Artifact could not be parsed",
    cwe=20,
    what=(
        "The file is a model format (by its bytes or its name) but is corrupt, truncated, uses an unknown"
        " opcode or an unsupported compression. It is reported rather than passed (fail closed); broken "
        "pickles still run every opcode before the break when loaded."
    ),
)
UNKNOWN_ARTIFACT_FORMAT = BOOK.rule(
    "MLS902",
    "UnknownArtifactFormat",
    "high",
    "Named like an artifact, in no known format",
    cwe=20,
    what=(
        "The file name says model artifact (.pkl, .pt, .bin, .npy, ...) but its content is no format the "
        "hook recognises, so it cannot be shown safe."
    ),
)
ANALYSIS_LIMIT = BOOK.rule(
    "MLS903",
    "AnalysisLimit",
    "high",
    "Artifact analysis limit reached",
    cwe=400,
    what=(
        "Size, decompression ratio, nesting depth, opcode count or time budget was exceeded. Raise the "
        "limits in the `artifacts` policy section if the file is legitimate."
    ),
)
ARCHIVE_NOT_INSPECTABLE = BOOK.rule(
    "MLS904",
    "ArchiveNotInspectable",
    "medium",
    "Archive cannot be inspected here",
    cwe=20,
    what="A 7z archive needs the optional reader: `pip install mlsec-hooks[7z]`.",
)
