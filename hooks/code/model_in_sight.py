"""Whether a module could hold a model's output at all: the evidence a name like `content`,
`output` or `response` needs before it is read as "what a model said".

Names alone are weak: a workflow engine's `exec(block.content)` runs the pipeline author's own
code, and nothing in its module talks to a model or the network. So a name hint counts only in a
module that imports a model, LLM or agent library or anything that fetches, serves requests, or
calls something whose name says it produces model output (`llm.invoke`, `generate_code(...)`).
Values the code visibly took from a model call count everywhere (they are not name hints).
"""

from __future__ import annotations

import ast
import re

from hooks.code.tree_nodes import nodes_of

# Libraries that produce model or LLM output (top-level package names).
_MODEL_MODULES = frozenset(
    "openai anthropic langchain langchain_core langchain_community langchain_openai langchain_anthropic "
    "langchain_google_genai langchain_google_vertexai langchain_aws langchain_ollama langgraph llama_index "
    "transformers vllm sglang tgi text_generation google vertexai cohere mistralai groq litellm ollama "
    "smolagents autogen autogen_agentchat crewai dspy guidance together replicate semantic_kernel haystack "
    "instructor outlines llama_cpp ctransformers gpt4all openllm lmdeploy tensorrt_llm mlc_llm ai21 "
    "fireworks huggingface_hub torch tensorflow keras sklearn xgboost lightgbm onnxruntime mlflow sagemaker "
    "bedrock boto3 botocore azure pydantic_ai agents marvin".split()
)


# What a call that asks a model is called, anywhere along its chain (`llm.invoke`,
# `model.generate`, `client.chat.completions.create`, `run_inference(...)`): not the nouns a
# pipeline also uses for its own data (`output`, `content`, `response`), nor `infer` (pandas'
# `infer_dtypes`).
_MODEL_CALL = re.compile(
    r"(?i)(?:^|_)(?:a?invoke|a?generate|generation|predict|chat|a?complete|completions?|ask|prompt|llm|agent|"
    r"assistant|inference)(?:$|_)"
)


def model_in_sight(module: ast.Module, fetches_or_serves: bool) -> bool:
    """Whether model output may reach this module's names (see the module docstring)."""
    if fetches_or_serves:
        return True
    for node in nodes_of(module):
        if isinstance(node, ast.Import):
            if any(alias.name.split(".", 1)[0] in _MODEL_MODULES for alias in node.names):
                return True
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            if node.module.split(".", 1)[0] in _MODEL_MODULES:
                return True
        elif isinstance(node, ast.Call) and any(_MODEL_CALL.search(name) for name in _chain(node.func)):
            return True  # `llm.invoke(...)`, `client.chat.completions.create(...)`, `generate_code(...)`
    return False


def _chain(func: ast.expr) -> list[str]:
    """The names along a called chain: `client.chat.completions.create` -> create, completions,
    chat, client."""
    names: list[str] = []
    while isinstance(func, ast.Attribute):
        names.append(func.attr)
        func = func.value
    if isinstance(func, ast.Name):
        names.append(func.id)
    return names
