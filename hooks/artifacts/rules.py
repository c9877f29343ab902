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
# Formats beyond pickle (issue 18): graphs, configs and templates that run code or reach files.
UNSAFE_GRAPH_OPERATION = BOOK.rule(
    "MLS120",
    "UnsafeGraphOperation",
    "high",
    "TensorFlow graph operation reaches files, Python or the network",
    cwe=94,
    what=(
        "A SavedModel or frozen graph holds an operation that runs Python (PyFunc, EagerPyFunc), reads or"
        " writes files (ReadFile, WriteFile, MatchingFiles, ...) or prints to a file when the graph runs."
        " Real exported models do not need them; rebuild the model without them."
    ),
)
EXTERNAL_DATA_ESCAPE = BOOK.rule(
    "MLS121",
    "ExternalDataEscape",
    "high",
    "Model data read from outside its folder",
    cwe=22,
    what=(
        "An ONNX tensor's external data `location` is absolute or climbs out of the model's folder with"
        " `..`: loading reads an arbitrary file (the class of CVE-2024-27318/27319). Keep external data"
        " files next to the model and name them relatively."
    ),
)
CUSTOM_OPERATOR = BOOK.rule(
    "MLS122",
    "CustomOperator",
    "medium",
    "Model needs a custom operator",
    cwe=829,
    what=(
        "An ONNX node's domain is neither ONNX's, onnxruntime's built-in one nor a function the model"
        " defines: inference loads native code from the library that registers it. Make sure that"
        " library is yours and reviewed."
    ),
)
TENSOR_METADATA_INCONSISTENT = BOOK.rule(
    "MLS123",
    "TensorMetadataInconsistent",
    "high",
    "Tensor metadata that cannot be true",
    cwe=787,
    what=(
        "Counts, sizes, dimensions or offsets in a model header overflow, point outside the file, overlap"
        " or disagree with the data (ONNX, GGUF, safetensors). Parsers in native code have been exploited"
        " through exactly these fields (GGUF heap overflows); a writer never produces them."
    ),
)
TEMPLATE_SANDBOX_ESCAPE = BOOK.rule(
    "MLS124",
    "TemplateSandboxEscape",
    "critical",
    "Chat template reaches Python internals",
    cwe=1336,
    what=(
        "A Jinja chat template (GGUF `tokenizer.chat_template`, Hugging Face tokenizer config or"
        " `chat_template.jinja`) uses dunder attributes, `attr` filters or names like `os`, `import`,"
        " `popen`: the pattern of sandbox escapes that run commands when the template is rendered"
        " (CVE-2024-34359 in llama-cpp-python). Real chat templates only format messages."
    ),
)
REMOTE_CODE_REFERENCE = BOOK.rule(
    "MLS125",
    "RemoteCodeReference",
    "medium",
    "Model folder needs custom code to load",
    cwe=829,
    what=(
        "A Hugging Face `config.json` or tokenizer config has an `auto_map`: loading with"
        " `trust_remote_code=True` imports and runs the named Python modules. Code from another"
        " repository (`owner/repo--module.Class`) is reported medium, code in this folder low."
    ),
)
DANGEROUS_CONFIG_TARGET = BOOK.rule(
    "MLS126",
    "DangerousConfigTarget",
    "critical",
    "Config instantiates a dangerous callable",
    cwe=94,
    what=(
        "A Hydra/OmegaConf `_target_` (in a `.nemo` model's `model_config.yaml` or a committed config)"
        " names a callable that runs commands, evaluates code, imports modules or touches files:"
        " `hydra.utils.instantiate` calls it when the config is loaded (the class of the 2025 NeMo"
        " advisories)."
    ),
)
MLFLOW_MODEL_RUNS_CODE = BOOK.rule(
    "MLS127",
    "MlflowModelRunsCode",
    "medium",
    "MLflow model runs custom code on load",
    cwe=829,
    what=(
        "An `MLmodel` file's python_function flavour loads through a module outside MLflow"
        " (`loader_module`) or ships `code` paths that `mlflow.pyfunc.load_model` puts on sys.path"
        " and imports. Review the named code; pickled python models next to it are analysed too."
    ),
)
KERAS_DANGEROUS_REFERENCE = BOOK.rule(
    "MLS128",
    "KerasDangerousReference",
    "critical",
    "Keras config reaches a dangerous function",
    cwe=94,
    what=(
        "The model config names a function that runs commands, evaluates code, imports modules or"
        " reads, writes or downloads files (`builtins.exec`, `os.system`, `keras.utils.get_file`, ...)."
        " Keras resolves such names even with safe_mode on (the class of CVE-2025-1550 and CVE-2025-8747)."
    ),
)
KERAS_EXTERNAL_RESOURCE = BOOK.rule(
    "MLS129",
    "KerasExternalResource",
    "medium",
    "Keras layer reads a file or URL on load",
    cwe=73,
    what=(
        "A lookup or vectorization layer's vocabulary (or another path-like setting) names a file path or"
        " URL that loading reads: a model can read files of the machine that loads it into its weights."
        " Store the vocabulary in the model instead."
    ),
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
    what=(
        "A 7z archive needs the optional reader: `pip install mlsec-hooks[7z]`. RAR archives and 7z"
        " compression methods the reader lacks cannot be opened here at all."
    ),
)
