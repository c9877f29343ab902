"""Serialiser calls as the code hook reads them: which argument names the file they write."""

from __future__ import annotations

# Serialisers: the call's attribute name -> positions of the path among positional arguments.
# Only serialisers count as writes: `open(p, "wb").write(requests.get(url).content)` writes a
# download, which must stay high when loaded.
WRITERS: dict[str, tuple[int, ...]] = {
    "dump": (1,),  # pickle/joblib/cloudpickle/dill.dump(obj, target)
    "save": (0, 1),  # torch.save(obj, f), np.save(file, arr), model.save(path)
    "savez": (0,),
    "savez_compressed": (0,),
    "to_pickle": (0,),
    "save_local": (0,),  # LangChain vector stores
    "save_pretrained": (0,),
    "save_model": (1, 0),  # mlflow.<flavor>.save_model(model, path), keras save_model(model, path)
    "write_index": (1,),  # faiss.write_index(index, path)
}
PATH_KEYWORDS = frozenset({"f", "file", "filename", "fname", "path", "filepath", "folder_path", "path_or_buf", "dst"})
