"""The rules of mlsec-code: unsafe calls in scripts and notebooks (bandit ids pass through and are not listed here)."""

from __future__ import annotations

from hooks._core.rules import RuleBook

BOOK = RuleBook("code")

JOBLIB_LOAD = BOOK.rule(
    "MLS301",
    "JoblibLoad",
    "high",
    "joblib.load of a file",
    cwe=502,
    what="joblib.load of a file: joblib files are pickles, and joblib.load unpickles them.",
    why=(
        "Unpickling calls whatever functions the file names, so a model file from a colleague, a hub or "
        "a shared bucket runs its payload with your privileges the moment it is loaded; nothing "
        "sandboxes it."
    ),
    example='model = joblib.load("models/classifier.joblib")',
    fix=(
        "Load only files your own pipeline wrote, pinned by hash (`artifacts.approved`), and scan them "
        "with mlsec-artifacts. To share models, use a format without code: skops.io with an explicit "
        "list of trusted types, ONNX, or safetensors for weights."
    ),
    references=(
        "https://joblib.readthedocs.io/en/stable/persistence.html",
        "https://docs.python.org/3/library/pickle.html",
    ),
)
PICKLE_LIKE_LOAD = BOOK.rule(
    "MLS302",
    "PickleLikeLoad",
    "high",
    "cloudpickle or _pickle deserialisation",
    cwe=502,
    what="cloudpickle, _pickle or cPickle load/loads of data.",
    why=(
        "These are pickle under another name: loading calls any function the data names. bandit's B301 "
        "only knows the pickle module itself, so these calls pass unnoticed elsewhere."
    ),
    example="state = cloudpickle.loads(blob)",
    fix=(
        "Do not deserialise data that can come from outside with pickle; use JSON or a schema-checked "
        "format. Keep pickling for data that never leaves processes you control."
    ),
    references=(
        "https://docs.python.org/3/library/pickle.html",
        "https://github.com/cloudpipe/cloudpickle",
    ),
)
NUMPY_LOAD_ALLOW_PICKLE = BOOK.rule(
    "MLS303",
    "NumpyLoadAllowPickle",
    "high",
    "numpy.load with pickles allowed",
    cwe=502,
    what="numpy.load with allow_pickle=True.",
    why=(
        "Object arrays are stored as pickles inside .npy/.npz files; numpy refuses them by default since "
        "1.16.3 (CVE-2019-6446) because loading one runs code. Allowing it makes every loaded array file "
        "a possible payload."
    ),
    example='features = np.load("features.npy", allow_pickle=True)',
    fix=("Save numeric dtypes only and drop allow_pickle; keep strings and mixed records in Parquet or Arrow."),
    references=(
        "https://numpy.org/doc/stable/reference/generated/numpy.load.html",
        "https://nvd.nist.gov/vuln/detail/CVE-2019-6446",
    ),
)
PANDAS_READ_PICKLE = BOOK.rule(
    "MLS304",
    "PandasReadPickle",
    "high",
    "pandas.read_pickle",
    cwe=502,
    what="pandas.read_pickle of a file.",
    why=(
        "read_pickle is pickle.load behind a decompressor: a data file that came from outside runs its "
        "code when read. pandas' own documentation warns to load only trusted data."
    ),
    example='df = pd.read_pickle("data/train.pkl")',
    fix="Store data frames as Parquet (`to_parquet`/`read_parquet`), Feather or CSV.",
    references=("https://pandas.pydata.org/docs/reference/api/pandas.read_pickle.html",),
)
UNSAFE_YAML_LOAD = BOOK.rule(
    "MLS305",
    "UnsafeYamlLoad",
    "high",
    "Unsafe YAML load",
    cwe=502,
    what=(
        "yaml.unsafe_load, yaml.full_load, or yaml.load / load_all with Loader, UnsafeLoader, FullLoader "
        "or no Loader at all; ruamel.yaml's YAML(typ='unsafe') (its default round-trip, `safe` and `base` "
        "loaders build plain data)."
    ),
    why=(
        "These loaders build Python objects from tags such as `!!python/object/apply`, which call "
        "arbitrary functions; FullLoader was bypassed more than once (CVE-2020-1747, CVE-2020-14343) "
        "until PyYAML 5.4 moved those tags to UnsafeLoader, and `yaml.load` without a loader used the "
        "unsafe Loader before 5.1 and FullLoader until 6.0. FullLoader and a missing loader are reported "
        "low where the project holds PyYAML at 5.4 or later. Training configs often come from hubs, "
        "trackers and pull requests."
    ),
    example='cfg = yaml.load(open("config.yaml"), Loader=yaml.FullLoader)',
    fix="Use `yaml.safe_load` (or `Loader=yaml.SafeLoader` / `CSafeLoader`).",
    references=(
        "https://pyyaml.org/wiki/PyYAMLDocumentation",
        "https://nvd.nist.gov/vuln/detail/CVE-2020-14343",
    ),
)
TORCH_LOAD_WITHOUT_WEIGHTS_ONLY = BOOK.rule(
    "MLS306",
    "TorchLoadWithoutWeightsOnly",
    "high",
    "torch.load without weights_only=True",
    cwe=502,
    what=(
        "torch.load with weights_only=False, or without weights_only=True. weights_only set from an "
        "expression the code decides at run time (`not self.unsafe`, a CLI flag) is reported low; an "
        "expression of constants, a local name set only to them, or a parameter's falsy default is "
        "judged by its value (any falsy value but None is high). Without weights_only it is low where the "
        "code's own package metadata requires torch 2.6 or later and nothing in the repository can bring "
        "an older torch, turn the default off or widen it (hooks/code/torch_releases.py)."
    ),
    why=(
        "torch.load unpickles the checkpoint; unless weights_only=True restricts it to tensors and plain "
        "containers, a checkpoint from a hub, a colleague or a compromised bucket runs code when loaded. "
        "torch 2.6 made True the default, but code that omits it runs unprotected on older torch, and "
        "False turns it off everywhere."
    ),
    example='state = torch.load("checkpoint.pt")\nstate = torch.load(path, weights_only=False)',
    fix=(
        "`torch.load(path, weights_only=True)`, allowing your own classes with "
        "`torch.serialization.add_safe_globals` if needed; or store weights as safetensors."
    ),
    references=(
        "https://pytorch.org/docs/stable/generated/torch.load.html",
        "https://huggingface.co/docs/safetensors",
    ),
)
TRUST_REMOTE_CODE = BOOK.rule(
    "MLS307",
    "TrustRemoteCode",
    "high",
    "trust_remote_code=True",
    cwe=94,
    what=(
        "from_pretrained, pipeline or load_dataset with trust_remote_code=True, or a command that passes "
        "it (`--trust-remote-code`, lm-eval's `model_args=...,trust_remote_code=True`) in a notebook shell "
        "line or started from Python (`os.system`, `subprocess.run`). Reported low when `revision=` pins a "
        "commit (and `code_revision=` too, when given) of a repository the code names, and the call loads no "
        "other repository unpinned (a tokenizer or processor passed in as an object `from_pretrained` already "
        "loaded counts as loaded; one named by a parameter does not). The names are read in the order the "
        "module runs: in `model = AutoModel.from_pretrained(model, ...)`, `model` is the string bound before "
        "(not where `exec`, `globals()`, a star import or a magic such as `%run` may rebind it unseen). "
        "Reported low on a concrete transformers config, image processor or feature extractor class "
        "(`GenerationConfig`, `SiglipImageProcessor`): their from_pretrained reads JSON and ignores the flag; "
        "a concrete model class stays high (a generating model loads the repository's custom generate code). "
        "transformers' `get_class_from_dynamic_module` imports the repository's module without asking the flag: "
        "reported the same way (low when `code_revision=`, or `revision=` for a class of the same repository, "
        "pins a commit), and not under an `if` that asks a trust_remote_code flag (the flag decides)."
    ),
    why=(
        "The repository's Python files (modeling code, dataset scripts) are imported and run with your "
        "privileges. Whoever can push to that repository, or take over its account, decides what runs, "
        "and without a pinned revision the next download may differ from the one you reviewed."
    ),
    example='model = AutoModel.from_pretrained("org/model", trust_remote_code=True)',
    fix=(
        'Review the remote code and pin `revision="<commit sha>"`, or vendor the code into your '
        "repository; prefer architectures the library supports natively."
    ),
    references=("https://huggingface.co/docs/transformers/custom_models",),
)
TORCH_HUB_LOAD = BOOK.rule(
    "MLS308",
    "TorchHubLoad",
    "high",
    "torch.hub remote code or pickle",
    cwe=494,
    what=(
        "torch.hub.load, which runs hubconf.py from a remote repository, or load_state_dict_from_url "
        "without weights_only=True, which unpickles a downloaded file. Reported low for a local folder "
        "(`source='local'`), the PyTorch project's own repositories (`pytorch/...`) and a ref that is a "
        "full commit id."
    ),
    why=("Both run code chosen by whoever controls the remote repository or URL, at the time of the download."),
    example='model = torch.hub.load("someone/repo", "resnet")',
    fix=(
        "Pin the repository to a reviewed tag or commit (`owner/repo:<ref>`), pass `weights_only=True` "
        "to load_state_dict_from_url, or download safetensors weights with a checksum."
    ),
    references=("https://pytorch.org/docs/stable/hub.html",),
)
KERAS_UNSAFE_LOAD = BOOK.rule(
    "MLS309",
    "KerasUnsafeLoad",
    "high",
    "Keras load_model with safe_mode=False",
    cwe=502,
    what="Keras load_model with safe_mode=False.",
    why=(
        "safe_mode refuses the marshalled Python bytecode of Lambda layers and arbitrary classes in "
        ".keras files; turning it off runs whatever the model file carries (CVE-2024-3660 was a bypass "
        "of the same protection)."
    ),
    example='model = keras.models.load_model("model.keras", safe_mode=False)',
    fix=("Keep the default safe_mode; replace Lambda layers with registered custom layers so the model loads safely."),
    references=(
        "https://keras.io/api/models/model_saving_apis/model_saving_and_loading/",
        "https://nvd.nist.gov/vuln/detail/CVE-2024-3660",
    ),
)
KERAS_LAMBDA_IN_CODE = BOOK.rule(
    "MLS310",
    "KerasLambdaInCode",
    "low",
    "Keras Lambda layer",
    strict="medium",
    cwe=94,
    what="A Keras Lambda layer in code.",
    why=(
        "A Lambda layer is saved as marshalled Python bytecode, so the saved model can only be loaded "
        "with safe_mode=False, which teaches everyone who uses it to switch the protection off."
    ),
    example="x = keras.layers.Lambda(lambda t: t * 2)(x)",
    fix=("Write a small Layer subclass and register it with `@keras.saving.register_keras_serializable()`."),
    references=("https://keras.io/api/layers/core_layers/lambda/",),
)
HUB_PICKLE_DOWNLOAD = BOOK.rule(
    "MLS311",
    "HubPickleDownload",
    "medium",
    "Hub download of a pickle-format file",
    cwe=502,
    what="hf_hub_download of a pickle-format file (.bin, .pkl, .pt, .ckpt, .joblib).",
    why=(
        "These formats are pickles that are loaded next; whoever controls the repository controls the "
        "code. The Hub's pickle scanning is a denylist and has been bypassed."
    ),
    example='path = hf_hub_download("org/model", "pytorch_model.bin")',
    fix=(
        "Download the `.safetensors` file instead and pin `revision=` to a commit; if only a pickle "
        "exists, scan it with mlsec-artifacts and load it with weights_only=True."
    ),
    references=("https://huggingface.co/docs/hub/security-pickle",),
)
MLFLOW_LOAD_MODEL = BOOK.rule(
    "MLS312",
    "MlflowLoadModel",
    "medium",
    "MLflow load_model",
    cwe=502,
    what=(
        "mlflow.<flavor>.load_model or mlflow.pyfunc.load_model. Reported low outside serving code when the "
        "model is the code's own: `runs:/` of a run it started (`run.info.run_id` of `mlflow.start_run()`) "
        "in code that logs models (log_model, save_model, autolog), `info.model_uri` of what its own "
        "log_model returned, `models:/<name>/latest` (a number, the version its registration returned, or "
        "an alias or stage it points at that version) of a name it registers from a model it logs or its own "
        "run and nothing else registers or moves, or a `runs:/`/`models:/` URI of a tracking store on this "
        "machine (sqlite, a local file URI or folder, localhost) that it sets at its "
        "top level, with no other tracking or registry URI anywhere."
    ),
    why=(
        "Most MLflow flavours store the model with cloudpickle, so loading a model from a run or "
        "registry URI runs code stored by whoever logged it. Flavours with a format of their own "
        "(xgboost, catboost, onnx, prophet) still put the model's bundled code first on sys.path and "
        "import what its MLmodel file names."
    ),
    example='model = mlflow.pyfunc.load_model("models:/churn/Production")',
    fix=(
        "Load only from a registry whose writers you trust and review, pin model versions, and prefer a "
        "code-free flavour (ONNX) for models from outside."
    ),
    references=("https://mlflow.org/docs/latest/python_api/mlflow.pyfunc.html",),
)
DANGEROUS_DESERIALIZATION_ALLOWED = BOOK.rule(
    "MLS313",
    "DangerousDeserializationAllowed",
    "high",
    "allow_dangerous_deserialization=True",
    cwe=502,
    what="allow_dangerous_deserialization=True in LangChain (FAISS.load_local and other stores).",
    why=(
        "LangChain refuses these loads by default because the stored index is pickled: an index that was "
        "shared, downloaded or written by someone else runs its code when loaded."
    ),
    example='db = FAISS.load_local("index", embeddings, allow_dangerous_deserialization=True)',
    fix=(
        "Rebuild the index from the source documents, or load only indexes your own pipeline wrote to "
        "storage nobody else can write."
    ),
    references=(
        "https://python.langchain.com/api_reference/community/vectorstores/langchain_community.vectorstores.faiss.FAISS.html",
    ),
)
EVAL_OF_MODEL_OUTPUT = BOOK.rule(
    "MLS314",
    "EvalOfModelOutput",
    "high",
    "eval or exec on model or LLM output",
    cwe=95,
    what=(
        "eval or exec on text a model or an LLM produced: a value taken from a model call, or one whose "
        "name says a model made it (`prediction`, `completion`, `generated_code`). A noun any program "
        "uses for its own data (`content`, `output`, `response`) counts only in a module that imports a "
        "model, LLM or network library, serves requests, or calls a model (`llm.invoke`, `chat...create`)."
    ),
    why=(
        "Model output follows whatever its input says, including prompt injections hidden in documents, "
        "web pages and user messages; eval turns that into code execution."
    ),
    example="result = eval(response.choices[0].message.content)",
    fix=(
        "Ask for JSON and parse it (`json.loads`, `ast.literal_eval`) and validate it; run model-written "
        "code only in an isolated sandbox without credentials."
    ),
    references=(
        "https://genai.owasp.org/llmrisk/llm052025-improper-output-handling/",
        "https://cwe.mitre.org/data/definitions/95.html",
    ),
)
TAR_EXTRACT_WITHOUT_FILTER = BOOK.rule(
    "MLS315",
    "TarExtractWithoutFilter",
    "high",
    "tarfile extraction without a filter",
    cwe=22,
    what=(
        "tarfile extract or extractall without a filter= argument. Reported low when a loop earlier in the same "
        "function walks the members that are extracted and raises on every one whose path leads outside the "
        "target (a `..` test, a resolved path's prefix, `relative_to` of a resolved path), with no member "
        "skipped (`continue`, `break`), changed or listed again, and an archive used for nothing but listing and "
        "extracting; the message says whether the loop tests links too, which a names-only check misses."
    ),
    why=(
        "Tar members can be absolute paths, `../` paths, links or device files: a dataset or model "
        "archive from outside can write anywhere the process can (CVE-2007-4559)."
    ),
    example='tarfile.open("data.tar.gz").extractall("data/")',
    fix='`extractall(path, filter="data")` (Python 3.12, and 3.8.17+, 3.9.17+, 3.10.12+, 3.11.4+).',
    references=(
        "https://docs.python.org/3/library/tarfile.html#extraction-filters",
        "https://peps.python.org/pep-0706/",
    ),
)
ZIP_SLIP = BOOK.rule(
    "MLS316",
    "ZipSlip",
    "high",
    "Archive member written without sanitising (zip slip)",
    cwe=22,
    what=(
        "An archive member written to a path built from its own name, without checking where that path "
        "leads (zip slip)."
    ),
    why=(
        "Member names are chosen by whoever made the archive: `../../.bashrc` or an absolute name "
        "escapes the target folder."
    ),
    example='open(os.path.join(dest, member.filename), "wb").write(archive.read(member))',
    fix=(
        "Use ZipFile.extractall (it sanitises names) or tar's filter='data', or resolve the target and "
        "check that it stays inside the destination."
    ),
    references=("https://cwe.mitre.org/data/definitions/22.html",),
)
TLS_VERIFICATION_DISABLED = BOOK.rule(
    "MLS317",
    "TlsVerificationDisabled",
    "high",
    "TLS verification disabled on a session",
    cwe=295,
    what="`.verify = False` on a requests session.",
    why=(
        "Every request of the session then accepts any certificate: anyone on the network path can read "
        "the tokens it sends and swap the models, data or packages it downloads."
    ),
    example="session = requests.Session()\nsession.verify = False",
    fix=(
        'Remove it; for a private certificate authority set `session.verify = "/path/to/ca-bundle.pem"` '
        "or REQUESTS_CA_BUNDLE."
    ),
    references=(
        "https://requests.readthedocs.io/en/latest/user/advanced/#ssl-cert-verification",
        "https://cwe.mitre.org/data/definitions/295.html",
    ),
)
NOTEBOOK_UNPINNED_INSTALL = BOOK.rule(
    "MLS319",
    "NotebookUnpinnedInstall",
    "low",
    "Notebook install without a pin",
    strict="medium",
    cwe=1104,
    what=(
        "%pip, !pip or %conda installs in a notebook, or pip installs Python code starts "
        "(`subprocess.run([sys.executable, '-m', 'pip', 'install', ...])`), without an exact version, and "
        "VCS or URL installs without a commit hash or #sha256=."
    ),
    why=(
        "Every rerun installs whatever is published that day: a compromised or hijacked release, or a "
        "breaking change that makes results irreproducible. Reported low (hygiene); the strict profile "
        "raises it."
    ),
    example="%pip install transformers",
    fix=(
        "Pin exact versions (`%pip install transformers==4.44.2`), or install from a lock file with "
        "hashes; VCS installs at a commit (`git+https://...@<sha>`)."
    ),
    references=("https://pip.pypa.io/en/stable/topics/secure-installs/",),
)
NOTEBOOK_UNSAFE_INDEX = BOOK.rule(
    "MLS320",
    "NotebookUnsafeIndex",
    "high",
    "Notebook install from an unsafe index",
    cwe=494,
    what=(
        "A notebook install, or one Python code starts, that uses --extra-index-url, --trusted-host, or an "
        "http:// index or channel."
    ),
    why=(
        "With an extra index pip takes the highest version from any index, so a public package named "
        "like your private one wins (dependency confusion); --trusted-host and http:// drop TLS, so "
        "anyone on the path chooses the installed code."
    ),
    example="!pip install --extra-index-url https://pypi.internal/simple mylib",
    fix=(
        "Use a single `--index-url` (a proxy that serves both public and private packages) over https, "
        "without --trusted-host."
    ),
    references=(
        "https://pip.pypa.io/en/stable/topics/secure-installs/",
        "https://cwe.mitre.org/data/definitions/427.html",
    ),
)
DOWNLOAD_PIPED_TO_SHELL = BOOK.rule(
    "MLS321",
    "DownloadPipedToShell",
    "high",
    "Download piped into a shell",
    cwe=494,
    what=(
        "A download piped or substituted into a shell or interpreter (`curl ... | bash`, `wget -O- ... | sh`, "
        '`| python`, `bash <(curl ...)`, `eval "$(curl ...)"`), in a notebook shell line, a shell script or a '
        "command Python starts (`os.system`, `subprocess.run`)."
    ),
    why=(
        "The script runs with your privileges without any integrity check: the server, whoever "
        "compromises it, or anyone on the path of an http download decides what runs, and it can serve a "
        "different script to a pipe than to a browser."
    ),
    example="!curl -fsSL https://example.org/install.sh | bash",
    fix=(
        "Download to a file, verify a pinned checksum (`sha256sum -c`), then run it; or install through "
        "a package manager that checks signatures."
    ),
    references=("https://cwe.mitre.org/data/definitions/494.html",),
)
DOWNLOADED_FILE_RUN = BOOK.rule(
    "MLS322",
    "DownloadedFileRun",
    "medium",
    "Downloaded file run unchecked",
    cwe=494,
    what=(
        "A file downloaded in a cell, a shell script or a command the code starts, then executed with no "
        "checksum or signature check between (`sha256sum -c`, `gpg --verify`); once per download."
    ),
    why=("What runs is whatever the server returned at that moment; nothing ties it to the script you reviewed."),
    example="!wget https://example.org/tool.sh && bash tool.sh",
    fix=('Verify a pinned checksum between the download and the run (`echo "<sha256>  tool.sh" | sha256sum -c`).'),
    references=("https://cwe.mitre.org/data/definitions/494.html",),
)
OPEN_ML_SERVICE = BOOK.rule(
    "MLS323",
    "OpenMlService",
    "high",
    "ML service started open to the network",
    cwe=306,
    what=(
        "A notebook or script shell line, a command Python starts (`subprocess.Popen`), or a Dockerfile "
        "written from a notebook starts Jupyter without a token, a Ray head with its dashboard, or an MLflow "
        "server without auth on all interfaces."
    ),
    why="Anyone who reaches the port runs code in the kernel or cluster, or replaces the registered models.",
    example="!jupyter notebook --ip 0.0.0.0 --NotebookApp.token=''",
    fix=(
        "Bind to 127.0.0.1 and reach the service through an SSH tunnel, or keep a token/password and put an "
        "authenticating proxy in front (`mlflow server --app-name basic-auth`)."
    ),
    references=("https://docs.ray.io/en/latest/ray-security/index.html",),
)
NOT_PYTHON = BOOK.rule(
    "MLS324",
    "NotPythonCell",
    "low",
    "Notebook code that is not Python",
    what=(
        "The notebook's kernel is another language (R, Julia, Scala, ...), a cell is a cell magic IPython "
        "does not ship (`%%name` from an extension) that the notebook does not define in a way the hook"
        " follows (its function running the cell or writing it to a file it can name), or a Databricks"
        " notebook's cell is `%scala`, `%r` or `%java`. The kernel is the one Jupyter starts (`kernelspec.name`);"
        " a cell said to be another language that parses as Python is analysed as Python all the same (a"
        " Python kernel, or the one a reader picks when the named kernel is missing, runs it), and the note"
        " counts those."
    ),
    why="Its code was not analysed: a note so that nobody takes the silence for a review.",
    example='{"metadata": {"kernelspec": {"language": "R"}}, ...}',
    fix="Review such cells by hand; keep security-relevant steps in Python cells or scripts the hook reads.",
)
CODE_NOT_ANALYSED = BOOK.rule(
    "MLS907",
    "CodeNotAnalysed",
    "low",
    "Code could not be analysed",
    cwe=20,
    what=(
        "A script or notebook cell does not parse as Python (IPython syntax and newer f-strings are read "
        "first), or is larger than a cap or too deeply nested; the other cells are still analysed. A cap "
        "exceeded, or code nested deeper than the analysis can walk (which Python still runs), is reported medium."
    ),
    why=(
        "A script or cell that is not parsed is not checked: anything in it would pass unseen, so it is "
        "reported instead of skipped."
    ),
    fix=(
        "Fix the syntax error the message names (IPython magics and `!` lines are understood); review "
        "generated files over the size limit by hand and exclude them in `.mlsec.yaml`."
    ),
)

# Our rule and the bandit ids it stands for: one line, one finding; `# nosec B614` covers both.
EQUIVALENT_BANDIT_IDS: dict[str, frozenset[str]] = {
    JOBLIB_LOAD.rule_id: frozenset({"B301", "B403"}),
    PICKLE_LIKE_LOAD.rule_id: frozenset({"B301", "B403"}),
    PANDAS_READ_PICKLE.rule_id: frozenset({"B301"}),
    UNSAFE_YAML_LOAD.rule_id: frozenset({"B506"}),
    TORCH_LOAD_WITHOUT_WEIGHTS_ONLY.rule_id: frozenset({"B614"}),
    EVAL_OF_MODEL_OUTPUT.rule_id: frozenset({"B102", "B307"}),
    TAR_EXTRACT_WITHOUT_FILTER.rule_id: frozenset({"B202"}),
}

# --- unsafe data ingestion (issue 20; checks in hooks/code/ingestion.py) ----------------------
DATA_READ_OVER_HTTP = BOOK.rule(
    "MLS330",
    "DataReadOverHttp",
    "medium",
    "Training data or files fetched over plain http",
    cwe=319,
    what=(
        "A dataset reader (`pd.read_csv`, `read_parquet`, `read_json`, polars, dask, `np.loadtxt`) or a file "
        "download (`urlretrieve`, `wget.download`, `get_file`, `requests.get` of a data or model file) given an "
        "`http://` URL on a non-local host. Tabular and text data (CSV, JSON, Parquet readers and such URLs) is "
        "reported low: a swap changes results, no loader runs it; so is a data archive the same code only "
        "unpacks (zip, or tar with a filter) or reads, where it unpickles nothing, starts no command and imports "
        "nothing from a path. Pickle-capable files, other archives and downloads used elsewhere stay medium."
    ),
    why=(
        "Anyone on the path can swap the bytes: poisoned training data, or for a pickle format, code that runs "
        "when the file is loaded."
    ),
    fix="Use the https:// URL (and pin a checksum for files you download).",
)
UNVERIFIED_DOWNLOAD_DESERIALISED = BOOK.rule(
    "MLS331",
    "UnverifiedDownloadDeserialised",
    "high",
    "Downloaded file unpickled without a checksum check",
    cwe=494,
    what=(
        "A file fetched from the network (`requests`, `urllib`, `wget`, `gdown`, `hf_hub_download` without a "
        "pinned commit, `get_file` without `file_hash`) reaches `pickle`, `joblib.load`, `torch.load` without "
        "`weights_only=True`, `np.load(allow_pickle=True)` or `pd.read_pickle`, and no hash of it is checked "
        "in between. Reported at the download."
    ),
    why="Whoever controls or intercepts the URL chooses code that runs when the file is loaded.",
    fix=(
        "Check a pinned sha256 of the file before loading it (`hashlib.file_digest`, `get_file(file_hash=...)`, "
        "`pooch.retrieve(known_hash=...)`), pin hub downloads to a commit, or use a format without pickles."
    ),
)
TLS_VERIFICATION_DISABLED_GLOBALLY = BOOK.rule(
    "MLS332",
    "TlsVerificationDisabledGlobally",
    "high",
    "TLS verification disabled for every download of the process",
    cwe=295,
    what=(
        "`ssl._create_default_https_context = ssl._create_unverified_context`, or an empty `CURL_CA_BUNDLE` / "
        "`REQUESTS_CA_BUNDLE` or `PYTHONHTTPSVERIFY=0` set from code: the usual workaround for a certificate "
        "error when a dataset or model will not download. (`requests.get(..., verify=False)` is bandit's B501.)"
    ),
    why="Every dataset, model and package fetched afterwards can be swapped in transit.",
    fix="Fix the certificate store (`pip install certifi`, a corporate CA via SSL_CERT_FILE) instead.",
)
DYNAMIC_CODE_UNDER_ANOTHER_NAME = BOOK.rule(
    "MLS333",
    "DynamicCodeUnderAnotherName",
    "medium",
    "eval or exec called under another name",
    cwe=95,
    what=(
        "The builtin `eval` or `exec` reached under a name bandit's B307/B102 do not look for: "
        "`builtins.eval(...)`, an import alias (`from builtins import exec as run`), `__builtins__.eval`, "
        '`__builtins__["eval"]` or `getattr(builtins, "exec")`. The plain `eval(...)` is bandit\'s B307.'
    ),
    why=(
        "It runs text as Python code like the plain call; a spelling that hides it from review tools is "
        "either an accident or a way around them."
    ),
    example="from builtins import exec as run\nrun(requests.get(url, timeout=10).text)",
    fix=(
        "Parse data instead of running it (`json.loads`, `ast.literal_eval`); where code must run, call "
        "`eval`/`exec` by name so that reviews and tools see it."
    ),
)
