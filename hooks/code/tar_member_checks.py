"""Which `extractall()` calls without `filter=` come after a loop that refuses every member landing
outside the target (the `safe_extract` of CVE-2007-4559's mass patch, or a pathlib check).

bandit's B202 says "without any validation"; such a loop does validate, and the finding is lowered
(ml_rules.py). The loop must really stand between the archive and the extraction, so everything
here is read as a whitelist, never as a list of known tricks (eight red-team passes found each):

- the loop runs whenever the function does (not under an `if`, `try`, another loop, or a context
  manager that may swallow its refusal), ends before the extraction, and walks the same archive's
  `getmembers()` (`tar.members` holds only what was read so far), directly or through a name bound
  once to it and read for nothing else than that loop and `members=`;
- the archive is a name bound once in the function and used only to list (into a loop or a name),
  extract and close it;
- the loop's body has no `continue` or `break`; the member is never rebound (`m = m.replace(...)`),
  changed, handed to a function (which may strip its name; raising or logging it only shows it) or
  read after the loop, nor is anything computed from it changed; no other loop over the members
  changes them;
- one statement directly in the body refuses, against the extraction's own target, the member's
  name or path as tarfile extracts it (not `member.name.lstrip("./")`, `basename(...)`,
  `Path(member.name).name`): an `if ...: raise` whose test, or one side of its `or`, is a
  containment test (a `within`/`safe_...` helper given the member's path and the target itself,
  whose every definition in the module makes every path it is given absolute, with no lambda or
  assignment under its name; `startswith`, `commonpath` or `is_relative_to` of the member's path
  made absolute; the leading `..` (exactly) of `relpath(path, target)`; the target among the
  absolute path's `parents`), or a refusal of `..` in the name (or its `/` parts) and of absolute
  names together, each judged with the names bound before it; `relative_to(target)` of the
  member's path made absolute last (`(dest / m.name).resolve()`, `realpath`, `abspath`; `normpath`
  keeps `..` under a relative target), bound once directly in the loop (not only in a link
  branch); or that in a `try` whose handlers raise, with no `finally`.

Whether links are refused too (a test that holds for symbolic and hard links both, with no `and`)
decides what the finding says: the widely pasted check confines names only, and a link member can
still lead a later member outside the target, which `filter='data'` refuses.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

from hooks.code.command_origin import parameter_default

Function = ast.FunctionDef | ast.AsyncFunctionDef

_SCOPES = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda)
_LOOPS = (ast.For, ast.AsyncFor, ast.While)
# Context managers whose exit lets an exception through (tarfile's, zipfile's, a file's).
_ARCHIVE_OPENERS = frozenset(
    {"open", "TarFile", "ZipFile", "taropen", "gzopen", "bz2open", "xzopen"}
    | {"TemporaryDirectory", "NamedTemporaryFile", "TemporaryFile", "catch_warnings", "FileLock", "SoftFileLock"}
)
# A member's fields that say where it lands (its mode, owner or size do not).
_WHERE_FIELDS = frozenset({"name", "path", "linkname", "linkpath", "type"})
# A member's fields that hold the path it extracts to.
_NAME_FIELDS = frozenset({"name", "path"})
# Attributes that lead from a folder to a wider one: a check against them confines nothing.
_WIDENERS = frozenset({"anchor", "root", "drive", "parent", "parents", "home", "cwd", "dirname", "split"})
# How an archive may be used where its extraction counts as checked.
_ARCHIVE_READS = frozenset({"getmembers", "getnames", "extractall", "close"})
# Helpers that say they keep a path inside a folder (the mass patch's `is_within_directory`, a
# `safe_...` helper), and `relpath`, whose leading `..` says a path leaves its start.
_PATH_CHECK_CALL = re.compile(r"(?i)^(?:relpath)$|within|inside|safe|travers")
# Calls after which a path holds no `..`: `relative_to` compares parts as written, so only a path
# that went through one of these is refused when it leads outside.
_NORMALISERS = frozenset({"resolve", "realpath", "abspath"})  # absolute: `normpath("./../x")` keeps `..`
# Calls that compare paths as text or parts: only a path made absolute first is confined by them.
_LEXICAL_COMPARISONS = frozenset({"commonpath", "commonprefix", "is_relative_to"})
# Calls that only show what they are given (an exception raised with the member is one too).
_ONLY_SHOW = frozenset(
    {"print", "str", "repr", "format", "debug", "info", "warning", "warn", "error", "exception", "critical", "log"}
)
# Calls and attributes that keep part of a path only.
_NAME_CUTTERS = frozenset({"basename", "dirname", "splitext", "split", "rsplit", "partition", "rpartition"})
_PATH_PARTS = frozenset({"name", "stem", "suffix", "parts", "parent", "parents"})
# Calls that give the same path in another type.
_PATH_WRAPPERS = frozenset({"str", "Path", "PurePath", "fspath"})
# Calls that can change an object's attributes without an assignment the tree shows.
_SIDE_DOORS = frozenset({"setattr", "vars", "__setattr__", "__dict__"})


@dataclass(frozen=True)
class CheckedExtraction:
    call: ast.Call  # the `extractall()` a loop before it checked
    links_refused: bool  # whether the loop refuses links too


@dataclass(frozen=True)
class ModuleContext:
    """The module's own functions by name (a path helper's body is read: every definition of the
    name, functions, methods and static methods alike, since a call may reach any of them), and the
    names it binds by assignment (`is_within = lambda d, t: ...`: a body not read)."""

    functions: Mapping[str, tuple[Function, ...]]
    assigned: frozenset[str]

    @classmethod
    def of(cls, module: ast.Module) -> ModuleContext:
        functions: dict[str, tuple[Function, ...]] = {}
        assigned: set[str] = set()
        for node in ast.walk(module):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                functions[node.name] = (*functions.get(node.name, ()), node)
            elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
                assigned.add(node.id)
            elif isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store):
                assigned.add(node.attr)
        return cls(functions, frozenset(assigned))


def checked_extractions(function: Function, context: ModuleContext) -> Iterator[CheckedExtraction]:
    """The function's `extractall()` calls (without `filter=`) that a refusing loop precedes."""
    own = list(own_nodes(function))
    index = _FunctionIndex.of(function)
    lists = _member_lists(own, index)
    loops = [loop for loop in _unconditional(function.body) if isinstance(loop, ast.For)]
    for call in own:
        if not (isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute) and call.func.attr == "extractall"):
            continue
        receiver = call.func.value
        if not (
            isinstance(receiver, ast.Name)
            and not any(keyword.arg in ("filter", None) for keyword in call.keywords)
            and _extracts_what_was_walked(call, lists, function, index)
            and _archive_only_listed_and_extracted(receiver.id, index, lists)
        ):
            continue
        confines = _confining_names(function, call, index)
        for loop in loops:
            if (
                (loop.end_lineno or loop.lineno) < call.lineno
                and _members_walked(loop.iter, lists) == receiver.id
                and _refuses_every_member(loop, function, confines, context, lists)
            ):
                yield CheckedExtraction(call, _refuses_links(loop, confines, context))
                break


def _confining_names(function: Function, call: ast.Call, index: _FunctionIndex) -> set[str]:
    """The extraction's target folder (`path=` or the first argument) and the names bound once
    from it (`root = Path(dest).resolve()`): a check against one of them confines members to the
    target. Empty when the target is no plain name (`extractall()` into the working folder)."""
    target = next((k.value for k in call.keywords if k.arg == "path"), call.args[0] if call.args else None)
    if isinstance(target, ast.Call) and _called(target) in _PATH_WRAPPERS and len(target.args) == 1:
        target = target.args[0]  # `str(dest)`, `Path(dest)`
    if not isinstance(target, ast.Name):
        return set()
    confines = {target.id}
    assignments = [
        (node.targets[0].id, node.value)
        for node in ast.walk(function)
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name)
    ]
    for _ in range(4):
        grown = {
            name
            for name, value in assignments
            if _reads(value) & confines and not _widens(value) and index.bindings.get(name) == 1
        }
        if grown <= confines:
            break
        confines |= grown
    return confines


def _widens(expression: ast.AST) -> bool:
    return any(
        (isinstance(node, ast.Attribute) and node.attr in _WIDENERS)
        or (isinstance(node, ast.Call) and _called(node) in _WIDENERS)
        for node in ast.walk(expression)
    )


def own_nodes(function: Function) -> Iterator[ast.AST]:
    """The function's own statements and expressions, not those of functions, classes or lambdas
    it defines (they may never run)."""
    stack: list[ast.AST] = [statement for statement in function.body if not isinstance(statement, _SCOPES)]
    while stack:
        node = stack.pop()
        yield node
        stack.extend(child for child in ast.iter_child_nodes(node) if not isinstance(child, _SCOPES))


@dataclass(frozen=True)
class _FunctionIndex:
    """One walk of the function: each node's parent, how often each name is bound (assignments,
    loops, imports, definitions, handlers, `global`, the function's own parameters), and every
    read of each name, nested functions and lambdas included (a closure can change what it
    reads). Asked per name, a fresh walk each time would cost the function's size per name."""

    parents: Mapping[int, ast.AST]
    bindings: Mapping[str, int]
    loads: Mapping[str, list[ast.Name]]

    @classmethod
    def of(cls, function: Function) -> _FunctionIndex:
        parents: dict[int, ast.AST] = {}
        bindings: dict[str, int] = {}
        loads: dict[str, list[ast.Name]] = {}
        arguments = function.args
        parameters = [*arguments.posonlyargs, *arguments.args, *arguments.kwonlyargs, arguments.vararg, arguments.kwarg]
        bound = [argument.arg for argument in parameters if argument is not None]
        for node in ast.walk(function):
            for child in ast.iter_child_nodes(node):
                parents[id(child)] = node
            if isinstance(node, ast.Name):
                if isinstance(node.ctx, ast.Load):
                    loads.setdefault(node.id, []).append(node)
                else:
                    bound.append(node.id)
            elif isinstance(node, (ast.Global, ast.Nonlocal)):
                bound.extend(node.names)
            elif isinstance(node, ast.alias):
                bound.append(node.asname or node.name.split(".")[0])
            elif isinstance(node, (*_SCOPES[:3], ast.ExceptHandler)) and node.name:
                bound.append(node.name)
        for name in bound:
            bindings[name] = bindings.get(name, 0) + 1
        return cls(parents, bindings, loads)


def _member_lists(own: list[ast.AST], index: _FunctionIndex) -> dict[str, str]:
    """Names bound once to an archive's member list (`members = tar.getmembers()`) and read only
    as a loop's iterable or an extraction's `members=`: name -> the archive's name. Any other read
    (an alias, a method, an argument, an item) may change the list after the loop walked it."""
    lists: dict[str, str] = {}
    for node in own:
        if not (isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name)):
            continue
        name = node.targets[0].id
        archive = _members_walked(node.value)
        if archive is None or index.bindings.get(name) != 1:
            continue
        if all(_read_as_walked_or_extracted(use, index.parents) for use in index.loads.get(name, [])):
            lists[name] = archive
    return lists


def _read_as_walked_or_extracted(use: ast.Name, parents: Mapping[int, ast.AST]) -> bool:
    parent = parents.get(id(use))
    if isinstance(parent, ast.For) and parent.iter is use:
        return True
    if isinstance(parent, ast.keyword) and parent.arg == "members":
        parent = parents.get(id(parent))
        return isinstance(parent, ast.Call) and _called(parent) == "extractall"
    return isinstance(parent, ast.Call) and _called(parent) == "extractall" and use in parent.args[1:2]


def _archive_only_listed_and_extracted(name: str, index: _FunctionIndex, lists: Mapping[str, str]) -> bool:
    """The archive is bound once in the function, and read only to list, extract or close it, or
    to enter it in a `with`."""
    if index.bindings.get(name) != 1:
        return False
    parents = index.parents
    for use in index.loads.get(name, []):
        parent = parents.get(id(use))
        if isinstance(parent, ast.withitem) and parent.context_expr is use:
            continue
        if isinstance(parent, ast.Attribute) and isinstance(parent.ctx, ast.Load):
            outer = parents.get(id(parent))
            if parent.attr in _ARCHIVE_READS and isinstance(outer, ast.Call) and outer.func is parent:
                if parent.attr in ("getmembers", "getnames"):
                    # Walked or bound, never changed in place (`tar.getmembers().extend(extra)`).
                    holder = parents.get(id(outer))
                    bound_to_a_list = (
                        isinstance(holder, ast.Assign)
                        and holder.value is outer
                        and len(holder.targets) == 1
                        and isinstance(holder.targets[0], ast.Name)
                        and holder.targets[0].id in lists
                    )  # `all_members = tar.getmembers(); strip(all_members)`: the same members, renamed
                    if not ((isinstance(holder, ast.For) and holder.iter is outer) or bound_to_a_list):
                        return False
                continue
        return False
    return True


def _extracts_what_was_walked(
    call: ast.Call, lists: Mapping[str, str], function: Function, index: _FunctionIndex
) -> bool:
    """`extractall()` of every member, of `members=` a list bound to the archive's members (the
    list its loop walked), or of the function's own `members=None` parameter passed through (the
    mass patch's `safe_extract(tar, path=".", members=None)`); another list may hold members the
    loop never saw."""
    given = next((k.value for k in call.keywords if k.arg == "members"), None)
    if given is None and len(call.args) >= 2:
        given = call.args[1]
    if given is None or (isinstance(given, ast.Constant) and given.value is None):
        return True
    if not isinstance(given, ast.Name):
        return False
    default = parameter_default(function, given.id)
    if isinstance(default, ast.Constant) and default.value is None and index.bindings.get(given.id) == 1:
        return True
    receiver = call.func.value if isinstance(call.func, ast.Attribute) else call.func
    return isinstance(receiver, ast.Name) and lists.get(given.id) == receiver.id


def _members_walked(iterated: ast.expr, lists: Mapping[str, str] | None = None) -> str | None:
    """The archive name a loop walks the members of (`tar.getmembers()`, `zf.namelist()`, or a
    name bound to one of those: `lists`), else None."""
    if isinstance(iterated, ast.Name) and lists is not None:
        return lists.get(iterated.id)
    if (
        isinstance(iterated, ast.Call)
        and isinstance(iterated.func, ast.Attribute)
        and isinstance(iterated.func.value, ast.Name)
        and not iterated.args
        and iterated.func.attr in ("getmembers", "getnames", "namelist", "infolist")
    ):
        return iterated.func.value.id
    return None  # `tar.members` holds only what tarfile has read so far: the first member, after open()


def _unconditional(statements: list[ast.stmt]) -> Iterator[ast.stmt]:
    """The statements that run whenever the function does: its body's, and those inside `with`
    blocks that open an archive or a file; not those under `if`, `try` or a loop (a check there
    may not run, or its raise be caught), nor in other `with` blocks (`contextlib.suppress`, or any
    manager whose exit may swallow the refusal)."""
    for statement in statements:
        yield statement
        if isinstance(statement, (ast.With, ast.AsyncWith)) and all(
            _opens_an_archive(item.context_expr) for item in statement.items
        ):
            yield from _unconditional(statement.body)


def _opens_an_archive(expression: ast.expr) -> bool:
    """A manager known to let exceptions through (a bare name may be `contextlib.suppress`)."""
    return isinstance(expression, ast.Call) and _called(expression) in _ARCHIVE_OPENERS


def _loop_body_nodes(loop: ast.For) -> Iterator[ast.AST]:
    """The loop body's nodes, not those of loops or functions inside it (their own `continue`)."""
    stack: list[ast.AST] = list(loop.body)
    while stack:
        node = stack.pop()
        yield node
        stack.extend(child for child in ast.iter_child_nodes(node) if not isinstance(child, (*_SCOPES, *_LOOPS)))


def _refuses_every_member(
    loop: ast.For, function: Function, confines: set[str], context: ModuleContext, lists: Mapping[str, str]
) -> bool:
    if not isinstance(loop.target, ast.Name):
        return False
    member = loop.target.id
    if any(isinstance(node, (ast.Continue, ast.Break)) for node in _loop_body_nodes(loop)):
        return False  # a member skipped (or every later one) is a member not checked
    if any(
        isinstance(node, ast.For)
        and node is not loop
        and _walks_members(node.iter, lists)
        and _changes_its_members(node)
        for node in ast.walk(function)
    ):
        return False  # another loop over the members that changes them (a helper that strips names)
    for node in _loop_body_nodes(loop):
        if isinstance(node, ast.Name) and node.id == member and not isinstance(node.ctx, ast.Load):
            return False  # `member = member.replace(name=...)`: a copy checked, the original extracted
    names = _derived_names(loop, member)
    if not _member_left_alone(loop, function, member, names.derived, a_name=bool(names.bare)):
        return False
    return _refuses_in_order(loop, names, confines, context)


def _changes_its_members(loop: ast.For) -> bool:
    """A loop over the members that assigns to them or hands them to a function (a chmod or a size
    count after or before the extraction changes nothing)."""
    if not isinstance(loop.target, ast.Name):
        return True
    member = loop.target.id
    for node in ast.walk(loop):
        if (
            isinstance(node, (ast.Attribute, ast.Subscript))
            and not isinstance(node.ctx, ast.Load)
            and member in _reads(node.value)
        ):
            return True
        if isinstance(node, ast.Call) and _called(node) not in _ONLY_SHOW:
            arguments = [*node.args, *(keyword.value for keyword in node.keywords)]
            if any(isinstance(argument, ast.Name) and argument.id == member for argument in arguments):
                return True
    return False


def _walks_members(iterated: ast.expr, lists: Mapping[str, str]) -> bool:
    """A loop over an archive's members, whatever names them (`tar.getmembers()`, `members`)."""
    if isinstance(iterated, ast.Name):
        return iterated.id in lists
    return isinstance(iterated, ast.Call) and _called(iterated) in ("getmembers", "getnames", "getmember")


def _refuses_in_order(loop: ast.For, names: _MemberNames, confines: set[str], context: ModuleContext) -> bool:
    """A statement of the loop that refuses, judged with the names bound before it (a check of a
    path computed later reads the previous member's)."""
    known = _MemberNames(names.derived, set(), set(names.bare), names.bare)
    for statement in loop.body:
        if _refuses(statement, known, confines, context):
            return True
        if (
            isinstance(statement, ast.Assign)
            and len(statement.targets) == 1
            and isinstance(statement.targets[0], ast.Name)
        ):
            bound = statement.targets[0].id
            if bound in names.relpaths:
                known.relpaths[bound] = names.relpaths[bound]
            if bound in names.named:
                known.named.add(bound)
            if bound in names.normalised:
                known.normalised.add(bound)
    return False


def _member_left_alone(
    loop: ast.For, function: Function, member: str, derived: set[str], *, a_name: bool = False
) -> bool:
    """Neither the member nor anything computed from it is changed anywhere (`member.name = ...`,
    `info = member; info.name = ...`, `setattr`), and the member and its aliases are read only in
    the loop."""
    inside = {id(node) for node in ast.walk(loop)}
    # Another loop binding the same name (`for member in tar.getmembers(): os.chmod(...)` after the
    # extraction) reads its own members; what it does to them is judged as that loop's.
    inside |= {
        id(node)
        for other in ast.walk(function)
        if isinstance(other, ast.For) and other is not loop and member in _reads(other.target)
        for node in ast.walk(other)
    }
    aliases = {member} | {
        target.id
        for node in _loop_body_nodes(loop)
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Name) and node.value.id in derived
        for target in node.targets
        if isinstance(target, ast.Name)
    }
    raised = {id(node.exc) for node in ast.walk(function) if isinstance(node, ast.Raise) and node.exc is not None}
    for node in ast.walk(function):
        if isinstance(node, ast.Name) and node.id in _SIDE_DOORS:
            return False
        if isinstance(node, ast.Attribute) and node.attr in _SIDE_DOORS:
            return False
        if isinstance(node, (ast.Attribute, ast.Subscript)) and not isinstance(node.ctx, ast.Load):
            if _reads(node.value) & derived:
                return False
            if isinstance(node, ast.Attribute) and node.attr in _WHERE_FIELDS:
                return False  # another loop over the same members renaming them (`info.name = ...`)
        if isinstance(node, ast.Name) and node.id in aliases and id(node) not in inside:
            return False
        if (
            not a_name  # a `getnames()` loop's name is a string: handing it on changes no member
            and isinstance(node, ast.Call)
            and id(node) not in raised
            and _called(node) not in _ONLY_SHOW
            and any(
                isinstance(argument, ast.Name) and argument.id in aliases
                for argument in [*node.args, *(keyword.value for keyword in node.keywords)]
            )
        ):
            return False  # the member handed to a function, which may rename it
    return True


@dataclass
class _MemberNames:
    derived: set[str]  # computed from the member in the loop, anywhere in its body
    normalised: set[str]  # bound once, directly in the loop, to a path made absolute last
    named: set[str]  # bound once, directly in the loop, to something of the member's name or path
    bare: frozenset[str] = frozenset()  # a `getnames()` loop's variable: the name itself
    relpaths: dict[str, ast.Call] = field(default_factory=dict)  # `rel = relpath(...)`, bound once in the loop


def _derived_names(loop: ast.For, member: str) -> _MemberNames:
    """Names computed from the member in the loop (`member_path = os.path.join(path, member.name)`);
    those bound once, by a statement directly in the loop (not only in a link branch), to its name's
    path, and those of them that went through a normaliser (`.resolve()`, `realpath`)."""
    derived = {member}
    assignments = [node for node in _loop_body_nodes(loop) if isinstance(node, ast.Assign)]
    for _ in range(4):  # in any order: a name computed from another computed one
        before = len(derived)
        for node in assignments:
            if _reads(node.value) & derived:
                derived |= {n.id for target in node.targets for n in ast.walk(target) if isinstance(n, ast.Name)}
        if len(derived) == before:
            break
    counts: dict[str, int] = {}
    for stored in _loop_body_nodes(loop):
        if isinstance(stored, ast.Name) and not isinstance(stored.ctx, ast.Load):
            counts[stored.id] = counts.get(stored.id, 0) + 1
    bare = (
        frozenset({member})
        if isinstance(loop.iter, ast.Call) and _called(loop.iter) in ("getnames", "namelist")
        else frozenset()
    )
    names = _MemberNames(derived, set(), set(bare), bare)
    for statement in loop.body:
        if not (
            isinstance(statement, ast.Assign)
            and len(statement.targets) == 1
            and isinstance(statement.targets[0], ast.Name)
            and counts.get(statement.targets[0].id) == 1
        ):
            continue
        bound = statement.targets[0].id
        if isinstance(statement.value, ast.Call) and _called(statement.value) == "relpath":
            names.relpaths[bound] = statement.value
        if _of_the_name(statement.value, names):
            names.named.add(bound)
            if _normalises(statement.value, names.normalised):
                names.normalised.add(bound)
    return names


def _of_the_name(expression: ast.AST, names: _MemberNames) -> bool:
    """Whether an expression reads the member's name or path (`member.name`) as tarfile extracts
    it, or a name bound to it: the name only joined into a path or made absolute, never changed
    first (`member.name.lstrip("./")` also strips `../`; `basename(member.name)` drops it)."""
    parents = {id(child): node for node in ast.walk(expression) for child in ast.iter_child_nodes(node)}
    reads = False
    for node in ast.walk(expression):
        if isinstance(node, ast.Call) and _called(node) in _NAME_CUTTERS:
            return False  # `basename(normpath(member.name))`: part of the name, not the path extracted
        if (
            isinstance(node, ast.Attribute)
            and node.attr in _PATH_PARTS
            and not (isinstance(node.value, ast.Name) and node.value.id in names.derived)
        ):
            return False  # `Path(member.name).name`: the last part only
        if isinstance(node, ast.Name) and node.id in names.named:
            reads = True
        if not (isinstance(node, ast.Attribute) and node.attr in _NAME_FIELDS and _reads(node.value) & names.derived):
            continue
        if not _joined_as_is(node, parents):
            return False
        reads = True
    return reads


# Calls that take a member's name into a path without changing what it names.
_PATH_JOINS = frozenset(
    {"join", "joinpath", "Path", "PurePath", "PurePosixPath", "str", "fspath", "normpath", *_NORMALISERS}
)


def _joined_as_is(name: ast.Attribute, parents: Mapping[int, ast.AST]) -> bool:
    parent = parents.get(id(name))
    if parent is None or isinstance(parent, ast.Compare):
        return True  # the expression itself, or `".." in member.name`
    if isinstance(parent, ast.BinOp):
        return isinstance(parent.op, ast.Div)  # `dest / member.name`
    return isinstance(parent, ast.Call) and name is not parent.func and _called(parent) in _PATH_JOINS


def _normalises(expression: ast.expr, normalised: set[str]) -> bool:
    """Whether the whole path is normalised last: `(dest / m.name).resolve()`, `realpath(join(...))`
    or a name bound to one (`dest.resolve() / m.name` resolves the folder only)."""
    while isinstance(expression, ast.Call) and _called(expression) in _PATH_WRAPPERS and len(expression.args) == 1:
        expression = expression.args[0]
    if isinstance(expression, ast.Name):
        return expression.id in normalised
    return isinstance(expression, ast.Call) and _called(expression) in _NORMALISERS


def _refuses(statement: ast.stmt, names: _MemberNames, confines: set[str], context: ModuleContext) -> bool:
    """One statement of the loop's body that refuses a member whose path leads outside: an `if`
    that raises on a containment test of the member's path against the target (or on `..` and
    absolute names), a `relative_to` of its path made absolute to the target, or that in a `try`
    whose handlers raise."""
    if isinstance(statement, ast.If):
        return (
            bool(statement.body)
            and isinstance(statement.body[-1], ast.Raise)
            and (
                any(_containment(part, names, confines, context) for part in _refusing_operands(statement.test))
                or _refuses_dots_and_absolute(statement.test, names)
            )
        )
    if isinstance(statement, (ast.Expr, ast.Assign)):
        return _relative_to_of_resolved(statement.value, names, confines)
    if isinstance(statement, ast.Try) and not statement.finalbody and statement.handlers:
        return any(
            isinstance(inner, (ast.Expr, ast.Assign)) and _relative_to_of_resolved(inner.value, names, confines)
            for inner in statement.body
        ) and all(handler.body and isinstance(handler.body[-1], ast.Raise) for handler in statement.handlers)
    return False


def _refusing_operands(test: ast.expr) -> list[ast.expr]:
    """The tests any of which makes the `if` refuse: the test itself, or each side of an `or`
    (an `and` refuses only when both hold: none of its sides alone)."""
    if isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not):
        test = test.operand
    if isinstance(test, ast.BoolOp):
        if isinstance(test.op, ast.And):
            return []
        return [
            part.operand if isinstance(part, ast.UnaryOp) and isinstance(part.op, ast.Not) else part
            for part in test.values
        ]
    return [test]


def _containment(test: ast.expr, names: _MemberNames, confines: set[str], context: ModuleContext) -> bool:
    """A test of whether the member's path lies within the target: a `within`/`safe_...` helper
    given both (whose body, when the module defines it, makes the paths absolute), `startswith`,
    `commonpath` or `is_relative_to` of the member's path made absolute, `relpath(...)`'s leading
    `..`, or the target among the absolute path's `parents`."""
    if isinstance(test, ast.Compare):
        sides = [test.left, *test.comparators]
        if any(isinstance(side, ast.Call) and _containment(side, names, confines, context) for side in sides):
            return True
        return (
            isinstance(test.ops[0], (ast.In, ast.NotIn))
            and bool(_reads(test.left) & confines)
            and any(
                isinstance(side, ast.Attribute)
                and side.attr == "parents"
                and _normalises(side.value, names.normalised)
                and _of_the_name(side.value, names)
                for side in test.comparators
            )
        )
    if not isinstance(test, ast.Call):
        return False
    called = _called(test)
    arguments = [*test.args, *(keyword.value for keyword in test.keywords)]
    if called == "startswith" and isinstance(test.func, ast.Attribute):
        receiver = test.func.value
        if isinstance(receiver, ast.Name) and receiver.id in names.relpaths:
            receiver = names.relpaths[receiver.id]  # `rel = relpath(join(dest, m.name), dest)`
        if isinstance(receiver, ast.Call) and _called(receiver) == "relpath":
            leading_dots = any(
                (isinstance(argument, ast.Constant) and argument.value == "..")
                or (isinstance(argument, ast.Attribute) and argument.attr == "pardir")
                for argument in arguments
            )
            # `relpath(join(dest, name), dest)`; without a start it is relative to the working
            # folder, where an absolute name (`/etc/x`, which tarfile joins as it is) may lie.
            against = len(receiver.args) == 2 and bool(_reads(receiver.args[1]) & confines)
            return leading_dots and _of_the_name(receiver, names) and against
        return (
            _normalises(receiver, names.normalised)
            and _of_the_name(receiver, names)
            and any(_reads(argument) & confines for argument in arguments)
            and not any(_widens(argument) for argument in arguments)
        )
    if called in _LEXICAL_COMPARISONS:
        parts = _compared(test)
        return any(_normalises(part, names.normalised) and _of_the_name(part, names) for part in parts) and any(
            _reads(part) & confines for part in parts
        )
    if _PATH_CHECK_CALL.search(called):
        given = any(_of_the_name(argument, names) for argument in arguments) and any(
            _reads(argument) & confines and not _of_the_name(argument, names) and not _widens(argument)
            for argument in arguments
        )  # the member's path, and the target itself (not a cache root beside it)
        if called in context.assigned:
            return False  # a lambda or a rebinding under the helper's name
        helpers = context.functions.get(called, ())
        return given and all(_makes_paths_absolute(helper) for helper in helpers)
    return False


def _makes_paths_absolute(helper: Function) -> bool:
    """A path helper the module defines (`is_within_directory`, a method) compares absolute paths
    only if its body makes each path it is given so; `target.startswith(directory)` lets
    `dest/../x` through, and so does `abspath(directory)` alone."""
    parameters = [a.arg for a in (*helper.args.posonlyargs, *helper.args.args) if a.arg not in ("self", "cls")]
    made_absolute = {
        name
        for node in ast.walk(helper)
        if isinstance(node, ast.Call) and _called(node) in _NORMALISERS
        for name in _reads(node)
    }
    return bool(parameters) and all(parameter in made_absolute for parameter in parameters)


def _relative_to_of_resolved(call: ast.expr, names: _MemberNames, confines: set[str]) -> bool:
    """`target.relative_to(root)` where `target` is the member's path made absolute last
    (pathlib compares parts as written, so `dest / "../x"` would pass unresolved) and `root` is
    the extraction's target (not its `anchor` or `parent`; no `walk_up=`)."""
    if not isinstance(call, ast.Call) or _called(call) != "relative_to" or not isinstance(call.func, ast.Attribute):
        return False
    receiver = call.func.value
    return (
        _of_the_name(receiver, names)
        and _normalises(receiver, names.normalised)
        and len(call.args) == 1
        and not call.keywords
        and bool(_reads(call.args[0]) & confines)
        and not _widens(call.args[0])
    )


def _refuses_links(loop: ast.For, confines: set[str], context: ModuleContext) -> bool:
    """An `if` directly in the loop that tests a link (`issym()`, `islnk()`, `linkname`) and
    refuses: it raises, or its body refuses through `relative_to` of the link's target."""
    member = loop.target.id if isinstance(loop.target, ast.Name) else ""
    names = _derived_names(loop, member)
    for statement in loop.body:
        if not isinstance(statement, ast.If) or not _tests_a_link(statement.test):
            continue
        if statement.body and isinstance(statement.body[-1], ast.Raise):
            return True
        inner = _MemberNames(set(names.derived), set(names.normalised), set(names.named), names.bare)
        for line in statement.body:
            if isinstance(line, ast.Assign) and _reads(line.value) & inner.derived:
                bound = {n.id for target in line.targets for n in ast.walk(target) if isinstance(n, ast.Name)}
                inner.derived |= bound
                inner.named |= bound  # the link's target stands for the member's path here
                if _normalises(line.value, inner.normalised):
                    inner.normalised |= bound
            elif _refuses(line, inner, confines, context):
                return True
    return False


def _tests_a_link(test: ast.expr) -> bool:
    """A test that holds for symbolic and hard links both (`issym() or islnk()`, both types), with
    no `and` that narrows it (`issym() and isabs(linkname)`)."""
    if any(isinstance(node, ast.BoolOp) and isinstance(node.op, ast.And) for node in ast.walk(test)):
        return False
    attributes = {node.attr for node in ast.walk(test) if isinstance(node, ast.Attribute)}
    names = {node.id for node in ast.walk(test) if isinstance(node, ast.Name)}
    return {"issym", "islnk"} <= attributes or {"SYMTYPE", "LNKTYPE"} <= (names | attributes)


def _compared(call: ast.Call) -> list[ast.expr]:
    """The paths a comparison call compares: its receiver and arguments, and a list's items."""
    parts: list[ast.expr] = [*call.args]
    if isinstance(call.func, ast.Attribute):
        parts.append(call.func.value)
    return [item for part in parts for item in (part.elts if isinstance(part, (ast.List, ast.Tuple)) else [part])]


def _refuses_dots_and_absolute(test: ast.expr, names: _MemberNames) -> bool:
    """`".." in member.name` (or in its parts) together with a test for an absolute name (`isabs`,
    `startswith("/")`): tarfile joins an absolute member name as it is. `startswith("..")`
    alone misses `a/../../x`, `"/../" in name` misses `../x`, `".." in basename(name)` misses
    everything, and an `and` refuses neither."""
    dots = any(
        isinstance(node, ast.Compare)
        and isinstance(node.left, ast.Constant)
        and node.left.value == ".."
        and isinstance(node.ops[0], (ast.In, ast.NotIn))
        and any(_the_name_or_its_parts(side, names) for side in node.comparators)
        for node in ast.walk(test)
    )
    absolute = any(
        isinstance(node, ast.Call)
        and (
            _called(node) == "isabs"
            or (
                _called(node) == "startswith"
                and any(isinstance(c, ast.Constant) and c.value == "/" for arg in node.args for c in ast.walk(arg))
            )
        )
        for node in ast.walk(test)
    )
    return (
        dots and absolute and not any(isinstance(n, ast.BoolOp) and isinstance(n.op, ast.And) for n in ast.walk(test))
    )


def _the_name_or_its_parts(side: ast.expr, names: _MemberNames) -> bool:
    """`member.name`, `member.name.split("/")`, `Path(member.name).parts`, or a name bound to one."""
    if isinstance(side, ast.Attribute) and side.attr == "parts":
        side = side.value
    if isinstance(side, ast.Call) and _called(side) == "split" and not _splits_on_slashes(side):
        return False  # `member.name.split()` splits on spaces
    if isinstance(side, ast.Call) and _called(side) in ("split", "Path", "PurePath", "PurePosixPath"):
        side = (
            side.func.value
            if isinstance(side.func, ast.Attribute) and _called(side) == "split"
            else (side.args[0] if side.args else side)
        )
    if isinstance(side, ast.Name):
        return side.id in names.named  # not `name = basename(member.name)`
    return isinstance(side, ast.Attribute) and side.attr in _NAME_FIELDS and bool(_reads(side.value) & names.derived)


def _chain_root(node: ast.expr) -> str:
    """The name an attribute chain starts from (`self` for `self._is_within`), or ""."""
    while isinstance(node, (ast.Attribute, ast.Subscript)):
        node = node.value
    return node.id if isinstance(node, ast.Name) else ""


def _splits_on_slashes(call: ast.Call) -> bool:
    separator = call.args[0] if call.args else None
    return (isinstance(separator, ast.Constant) and separator.value == "/") or (
        isinstance(separator, ast.Attribute) and separator.attr == "sep"
    )


def _reads(expression: ast.AST) -> set[str]:
    return {n.id for n in ast.walk(expression) if isinstance(n, ast.Name)}


def _called(call: ast.Call) -> str:
    func = call.func
    if isinstance(func, ast.Attribute):
        return func.attr
    return func.id if isinstance(func, ast.Name) else ""
