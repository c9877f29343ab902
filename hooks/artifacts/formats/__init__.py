"""One module per model-file format, and the table the walker dispatches through.

Adding a format = one module here + one line in `table.py`:

1. Write `formats/<name>.py` with a `Format(name, recognise, read)` constant.
   `recognise(head)` looks at the first bytes (up to 512) and says whether they announce the
   format; set `weak=True` when text or noise can match it by chance (it then counts only when
   the file name says artifact or the data really parses and finds something). `read(source,
   walk)` reads `source` (handle, size, name, label, depth, seekable, strict; see
   `hooks/artifacts/source.py`), reports findings with `walk.analysis.add(...)`, hands anything
   found inside back with `walk.walk(source.inside(...))` (or `walk.read_as(name, ...)` when
   the container says what a member is), reads pickles through `walk.byte_reader` and
   `walk.machine` (or `pickles.read_streams`), and raises `AnalysisError` / `LimitExceeded`
   when it cannot finish (the scanner turns those into MLS901 / MLS903: fail closed).
   Import only the standard library at module level; a backend (py7zr, ...) inside `read`.
   Never import the walker or the table.
2. Add the constant to `FORMATS` in `table.py`, before any weaker signature its magic could
   also match (the first format that recognises the head reads it).
3. If files of the format have their own suffix, add it to `ARTIFACT_SUFFIXES` in
   `hooks/artifacts/names.py` (a file so named that no format recognises is then reported).
4. Tests in `tests/artifacts/formats/test_<name>.py`: a clean file, a malicious or look-alike
   one, a broken one (fail closed); and its magic in `MAGICS` of `tests/artifacts/test_fuzz.py`.

Text configs without magic (Hugging Face JSON, MLmodel, Hydra YAML, skops' schema.json) are a
`NamedFormat` (`named.py`) listed in `NAMED_FORMATS` of `table.py`: recognised by base name for
data no strong magic claims, whose bytes then still go through the content table. `protobuf` and
`chat_template` are shared readers, not formats.

Formats recognised from inside another one have a module here but no row in the table:
`torch_legacy` (the first pickle holds its magic number), `joblib_arrays` (a BUILD on joblib's
array wrapper inside a pickle stream) and `keras` (a zip holding `config.json`).
"""
