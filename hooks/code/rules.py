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
    what=(
        "joblib.load unpickles the file, so loading it runs any code it carries. Load only files you "
        "produced, or store models as safetensors / skops."
    ),
)
PICKLE_LIKE_LOAD = BOOK.rule(
    "MLS302",
    "PickleLikeLoad",
    "high",
    "cloudpickle or _pickle deserialisation",
    cwe=502,
    what=(
        "cloudpickle, _pickle and cPickle loads run any code in the data, like pickle. bandit's B301 does"
        " not cover these modules."
    ),
)
NUMPY_LOAD_ALLOW_PICKLE = BOOK.rule(
    "MLS303",
    "NumpyLoadAllowPickle",
    "high",
    "numpy.load with pickles allowed",
    cwe=502,
    what=(
        "Setting allow_pickle to True lets numpy unpickle object arrays, which runs their code. Save "
        "plain dtypes, or load only trusted files."
    ),
)
PANDAS_READ_PICKLE = BOOK.rule(
    "MLS304",
    "PandasReadPickle",
    "high",
    "pandas.read_pickle",
    cwe=502,
    what=(
        "read_pickle unpickles the file: loading runs any code it carries. Prefer Parquet or Feather for data frames."
    ),
)
UNSAFE_YAML_LOAD = BOOK.rule(
    "MLS305",
    "UnsafeYamlLoad",
    "high",
    "Unsafe YAML load",
    cwe=502,
    what=(
        "yaml.unsafe_load, full_load and load with Loader/UnsafeLoader/FullLoader (or no Loader) build "
        "arbitrary Python objects. Use yaml.safe_load."
    ),
)
TORCH_LOAD_WITHOUT_WEIGHTS_ONLY = BOOK.rule(
    "MLS306",
    "TorchLoadWithoutWeightsOnly",
    "high",
    "torch.load without weights_only=True",
    cwe=502,
    what=(
        "torch.load unpickles the checkpoint; with weights_only=False (or unset on older torch) a "
        "checkpoint runs code when loaded. Pass weights_only=True or use safetensors."
    ),
)
TRUST_REMOTE_CODE = BOOK.rule(
    "MLS307",
    "TrustRemoteCode",
    "high",
    "trust_remote_code=True",
    cwe=94,
    what=(
        "from_pretrained, pipeline and load_dataset with trust_remote_code=True run Python files from the"
        " model or dataset repository. Review and vendor that code, or pin a reviewed revision."
    ),
)
TORCH_HUB_LOAD = BOOK.rule(
    "MLS308",
    "TorchHubLoad",
    "high",
    "torch.hub remote code or pickle",
    cwe=494,
    what=(
        "torch.hub.load runs hubconf.py from a remote repository; load_state_dict_from_url unpickles a "
        "downloaded file. Pin and review the source, or pass weights_only=True."
    ),
)
KERAS_UNSAFE_LOAD = BOOK.rule(
    "MLS309",
    "KerasUnsafeLoad",
    "high",
    "Keras load_model with safe_mode=False",
    cwe=502,
    what=("safe_mode=False lets Keras deserialise Lambda bytecode and arbitrary classes when the model is loaded."),
)
KERAS_LAMBDA_IN_CODE = BOOK.rule(
    "MLS310",
    "KerasLambdaInCode",
    "low",
    "Keras Lambda layer",
    strict="medium",
    cwe=94,
    what=(
        "A Lambda layer is saved as marshalled Python bytecode, which runs when the model is loaded "
        "unsafely. Use a registered custom layer."
    ),
)
HUB_PICKLE_DOWNLOAD = BOOK.rule(
    "MLS311",
    "HubPickleDownload",
    "medium",
    "Hub download of a pickle-format file",
    cwe=502,
    what=(
        "hf_hub_download of a .bin/.pkl/.pt/.ckpt/.joblib file fetches a pickle; whoever controls the "
        "repository controls the code. Prefer safetensors."
    ),
)
MLFLOW_LOAD_MODEL = BOOK.rule(
    "MLS312",
    "MlflowLoadModel",
    "medium",
    "MLflow load_model",
    cwe=502,
    what=(
        "mlflow.<flavor>.load_model and pyfunc.load_model unpickle the model with cloudpickle: only load "
        "models from a registry you trust."
    ),
)
DANGEROUS_DESERIALIZATION_ALLOWED = BOOK.rule(
    "MLS313",
    "DangerousDeserializationAllowed",
    "high",
    "allow_dangerous_deserialization=True",
    cwe=502,
    what=(
        "LangChain's allow_dangerous_deserialization=True (FAISS.load_local and others) unpickles the "
        "stored index, which runs its code."
    ),
)
EVAL_OF_MODEL_OUTPUT = BOOK.rule(
    "MLS314",
    "EvalOfModelOutput",
    "high",
    "eval or exec on model or LLM output",
    cwe=95,
    what=(
        "Evaluating text that a model produced runs whatever the model (or a prompt injection) wrote. "
        "Parse the output instead, or run it in a sandbox."
    ),
)
TAR_EXTRACT_WITHOUT_FILTER = BOOK.rule(
    "MLS315",
    "TarExtractWithoutFilter",
    "high",
    "tarfile extraction without a filter",
    cwe=22,
    what=(
        "extract/extractall without filter='data' follows member paths and links outside the target "
        "folder (CVE-2007-4559)."
    ),
)
ZIP_SLIP = BOOK.rule(
    "MLS316",
    "ZipSlip",
    "high",
    "Archive member written without sanitising (zip slip)",
    cwe=22,
    what=(
        "Writing an archive member to a path built from its name lets `../` names escape the target. Use "
        "extractall (zip) / filter='data' (tar), or check the resolved path."
    ),
)
TLS_VERIFICATION_DISABLED = BOOK.rule(
    "MLS317",
    "TlsVerificationDisabled",
    "high",
    "TLS verification disabled on a session",
    cwe=295,
    what=("Setting `.verify = False` on a requests session disables certificate checks for every request it makes."),
)
NOTEBOOK_UNPINNED_INSTALL = BOOK.rule(
    "MLS319",
    "NotebookUnpinnedInstall",
    "low",
    "Notebook install without a pin",
    strict="medium",
    cwe=1104,
    what=(
        "%pip/!pip/%conda installs without an exact version, and VCS or URL installs without a commit "
        "hash or #sha256=, make the notebook install whatever is published today."
    ),
)
NOTEBOOK_UNSAFE_INDEX = BOOK.rule(
    "MLS320",
    "NotebookUnsafeIndex",
    "high",
    "Notebook install from an unsafe index",
    cwe=494,
    what=(
        "--extra-index-url (dependency confusion), --trusted-host, and http:// indexes or channels let "
        "someone else choose the installed code."
    ),
)
DOWNLOAD_PIPED_TO_SHELL = BOOK.rule(
    "MLS321",
    "DownloadPipedToShell",
    "high",
    "Download piped into a shell",
    cwe=494,
    what=(
        "`curl ... | bash` and the like run whatever the server returns, unchecked. Download, verify a "
        "checksum, then run."
    ),
)
DOWNLOADED_FILE_RUN = BOOK.rule(
    "MLS322",
    "DownloadedFileRun",
    "medium",
    "Downloaded file run unchecked",
    cwe=494,
    what="A file downloaded in the cell is then executed without a checksum check.",
)
OPEN_ML_SERVICE = BOOK.rule(
    "MLS323",
    "OpenMlService",
    "high",
    "ML service started open to the network",
    cwe=306,
    what=(
        "A notebook or script shell line (or a Dockerfile written from a notebook) starts Jupyter without a "
        "token, a Ray head with its dashboard, or an MLflow server without auth on all interfaces: anyone who "
        "reaches the port runs code or replaces models."
    ),
)
NOT_PYTHON = BOOK.rule(
    "MLS324",
    "NotPythonCell",
    "low",
    "Notebook code that is not Python",
    what=(
        "The notebook's kernel is another language (R, Julia, Scala, ...), or a cell is a cell magic IPython "
        "does not ship (`%%name` from an extension): its code was not analysed."
    ),
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
        "exceeded is reported medium."
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
        "`http://` URL on a non-local host."
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
