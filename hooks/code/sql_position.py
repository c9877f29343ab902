"""Where a value spliced into SQL text lands: where the database reads data, or where it reads
the query's own structure.

SQL injection needs the spliced text to land where the database parses a value: inside a
quoted literal (`WHERE name = '{term}'`) or a comment (the text can end it), as an operand
(`id = {id}`, `price*{factor}`, `|| {name}`, `BETWEEN a AND {b}`), in an `IN (...)`, any row of
`VALUES (...)`, `ANY(...)` or `UNNEST(...)`, as the argument of a call that is itself an operand
(`= upper({name})`), after LIMIT/OFFSET/TOP. There a caller's text rewrites the query. The
query is read once, part by part (literals emptied, comments dropped, parentheses tracked), so
its length costs its length, and where a splice lands never depends on a window's cut. Table,
dataset and column names (`FROM \\`{project}.{dataset}.{table}\\``, `SELECT {columns}`) and
clauses the code assembles itself (`WHERE {conditions}`) come from configuration and code in
ML pipelines and services; they are reported, but as hygiene.

The query is read as the Python expression that builds it: an f-string, `+` concatenation,
`%` formatting or `str.format`, with each spliced expression at its place in the text.

A name in a spliced expression counts only when its text can reach the query
(`text_names`): not under `len()`/`int()`/`float()`, a date's `strftime()`/`isoformat()`, a
comparison, a subscript's index or a function named for quoting or escaping
(`_sql_literal(v)`, `quote_ident(v)`), whose results a caller cannot turn into SQL. A text in
double quotes is a value where SQL expects one (`id = "{v}"`, BigQuery's strings) and a quoted
name elsewhere (`SELECT MAX("{column}")`, `FROM {schema}."{table}"`, `WHERE "{column}" =`).
"""

from __future__ import annotations

import ast
import re

from hooks.code.command_origin import name_of

# What, just before a spliced value, makes it an operand the database parses as data: comparison
# and arithmetic operators, `||`, pattern matches (`~`, `~*`, `!~`, GLOB, REGEXP, SIMILAR TO),
# Postgres' `@@`, `<@`, `@>`, `&&`, `IS [NOT] [DISTINCT FROM]`, both ends of BETWEEN, INTERVAL,
# LIMIT/OFFSET/TOP/FETCH FIRST, CASE's branches, a list given whole (`IN {ids}`, `VALUES {rows}`)
# and `ARRAY[`. Every alternative ends at the end of the text: only its tail is searched.
_VALUE_BEFORE = re.compile(
    r"(?:[=<>~+\-*/%]|\|\||@@|<@|@>|&&|\barray\s*\["
    r"|\b(?:like|ilike|between|limit|offset|top|then|else|when|glob|regexp|rlike|interval|in|values)"
    r"|\bfetch\s+(?:first|next)|\bis(?:\s+not)?(?:\s+distinct\s+from)?|\bsimilar\s+to"
    r"|\bbetween\b(?:(?!\band\b).){1,300}?\band)\s*$",
    re.IGNORECASE | re.DOTALL,
)
# ... except where those characters are parts of names or a column list: a dashed or pathed name
# after FROM/JOIN/INTO/UPDATE/TABLE/USING or a stage's `@` (`analytics-{env}`, `@{stage}/{path}`),
# and the `*` of `SELECT *`, `, *` or `t.*`.
_STRUCTURE_BEFORE = re.compile(
    r"(?:(?:\b(?:from|join|into|update|table|using)\s+|@)[\w.$/\-]*[-/.]"
    r"|(?:\bselect(?:\s+(?:distinct|all))?|,|\(|\.)\s*\*)\s*$",
    re.IGNORECASE,
)
# What opens a parenthesis whose items are values: IN, VALUES (and each later row of VALUES),
# ANY/ALL/SOME, UNNEST. Not `UNION ALL (`, which opens a query.
_LIST_OPENER = re.compile(r"\b(?:in|values|any|all|some|unnest)\s*$", re.IGNORECASE)
_ROWS = 50  # earlier rows of a VALUES list looked back over
_SET_OPERATION = re.compile(r"\b(?:union|except|intersect)\s+all\s*$", re.IGNORECASE)
_SUBQUERY = re.compile(r"\s*(?:select|with)\b", re.IGNORECASE)
_FUNCTION_NAME = re.compile(r"[A-Za-z_][\w$.]*\s*$")
# Aggregates and window functions take a column expression (`COUNT(*) - COUNT({col})`): structure.
_AGGREGATE = re.compile(
    r"(?i)(?:count|sum|avg|min|max|stddev\w*|variance|var_\w+|array_agg|string_agg|group_concat|listagg"
    r"|approx_\w+|any_value|first_value|last_value|median|percentile_\w+|mode|rank|dense_rank|row_number)\s*$"
)
_TAIL = 320  # characters of the query's own words an operator is looked for in (BETWEEN's reach)
_HEAD = 4000  # ... and what opens a parenthesis
_QUOTED_NAME_BEFORE = re.compile(r"(?:\.|\b(?:min|max|sum|avg|count)\s*\()\s*$", re.IGNORECASE)
_QUOTED_NAME_AFTER = re.compile(r'"(?:\.|\s*(?:[=<>!]|\b(?:in|is|like|between)\b))', re.IGNORECASE)
_PERCENT_FIELD = re.compile(
    r"%(?:\((?P<name>[^)]*)\))?[-#0 +]*(?:\*|\d+)?(?:\.(?:\*|\d+))?[hlL]?(?P<kind>[diouxXeEfFgGcrsa%])"
)
# Functions whose result is a number, a bool or a fixed-format date: no quote of the caller's
# survives them.
_NUMERIC_CALLS = frozenset({"len", "int", "float", "bool", "round", "abs", "hash", "ord", "id"})
_FIXED_FORMAT_METHODS = frozenset({"strftime", "isoformat", "timestamp", "toordinal", "count", "index", "bit_length"})
# A function named for quoting SQL (`_snowflake_sql_literal`, `quote_ident`, `quote_literal`,
# `escape_string`, `sql.Literal`, `mogrify`, `bindparam`): the code's own guard, whose contract is
# what it lets through. Not decoders (`unquote`, `unescape`), `literal_eval` (returns the text) or
# other languages' escaping (`re.escape`, `shlex.quote`, `html.escape`), which leave `'` in place.
_QUOTING_NAME = re.compile(
    r"(?i)^_*(?:[a-z0-9]+_)*(?:sql_literal|(?:sql_)?(?:quote|escape)(?:_(?:ident|identifier|literal|string|value|sql))?)$"
    r"|^(?:mogrify|bindparams?)$"
)
# `sql.Literal(v)`, `sql.Identifier(v)`: psycopg's composition objects, only as attributes of `sql`.
_SQL_COMPOSED = frozenset({"Literal", "Identifier"})
_NOT_QUOTING = re.compile(r"(?i)^_*un|literal_eval")
_OTHER_LANGUAGES = frozenset({"re", "shlex", "html", "parse", "urllib", "saxutils", "markupsafe", "json", "cgi"})
_FORMAT_FIELD = re.compile(r"\{\{|\}\}|\{(?P<field>[^{}!:]*)(?:![rsa])?(?::(?P<spec>[^{}]*))?\}")
# Conversions whose result is a number's digits: `%d`, `%.2f`, `{n:d}`, `{x:,.2f}`. Python raises
# on anything but a number, so no quote of the caller's survives them (not `%c`/`{:c}`, a character).
_NUMBER_CONVERSIONS = frozenset("diouxXeEfFgG")
_NUMBER_SPEC = re.compile(r"[^{}!]*[bdeEfFgGnoxX%]")

Part = str | ast.expr


def parts_of(node: ast.expr) -> list[Part] | None:
    """The query as text and spliced expressions in order; None when the node builds no text
    this module can follow."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.JoinedStr):
        found: list[Part] = []
        for value in node.values:
            if isinstance(value, ast.FormattedValue):
                found.append(_as_number(value.value) if _number_spec(value.format_spec) else value.value)
            elif isinstance(value, ast.Constant):
                found.append(str(value.value))
        return found
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left, right = parts_of(node.left), parts_of(node.right)
        return [*(left if left is not None else [node.left]), *(right if right is not None else [node.right])]
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mod):
        if isinstance(node.left, ast.Constant) and isinstance(node.left.value, str):
            return _percent_parts(node.left.value, node.right)
        return None
    if (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "format"
        and isinstance(node.func.value, ast.Constant)
        and isinstance(node.func.value.value, str)
    ):
        return _format_parts(node.func.value.value, node)
    return None


def _percent_parts(template: str, arguments: ast.expr) -> list[Part]:
    items = list(arguments.elts) if isinstance(arguments, ast.Tuple) else None
    named = (
        {k.value: v for k, v in zip(arguments.keys, arguments.values, strict=True) if isinstance(k, ast.Constant)}
        if isinstance(arguments, ast.Dict)
        else {}
    )
    found: list[Part] = []
    at = index = 0
    for match in _PERCENT_FIELD.finditer(template):
        found.append(template[at : match.start()])
        at = match.end()
        if match["kind"] == "%":
            found.append("%")
            continue
        if match["name"] is not None:
            argument = named.get(match["name"], arguments)
        elif items is not None:
            argument = items[index] if index < len(items) else arguments
            index += 1
        else:
            argument = arguments
        found.append(_as_number(argument) if match["kind"] in _NUMBER_CONVERSIONS else argument)
    found.append(template[at:])
    return found


def _as_number(node: ast.expr) -> ast.expr:
    """The spliced expression as the number a numeric conversion makes of it: `int(x)`, which
    `text_names` knows carries no text."""
    return ast.Call(func=ast.Name(id="int", ctx=ast.Load()), args=[node], keywords=[])


def _number_spec(spec: ast.expr | None) -> bool:
    """An f-string field's format spec that only numbers take (`{n:d}`, `{x:.2f}`)."""
    return (
        isinstance(spec, ast.JoinedStr)
        and len(spec.values) == 1
        and isinstance(spec.values[0], ast.Constant)
        and _NUMBER_SPEC.fullmatch(str(spec.values[0].value)) is not None
    )


def _format_parts(template: str, call: ast.Call) -> list[Part]:
    keywords = {k.arg: k.value for k in call.keywords if k.arg}
    unknown = ast.Tuple(elts=[*call.args, *(k.value for k in call.keywords)], ctx=ast.Load())  # any argument
    found: list[Part] = []
    at = automatic = 0
    for match in _FORMAT_FIELD.finditer(template):
        found.append(template[at : match.start()])
        at = match.end()
        field = match["field"]
        if field is None:
            found.append(match.group(0)[0])  # {{ or }}
            continue
        head = re.split(r"[.\[]", field, maxsplit=1)[0]
        if head == "":
            argument = call.args[automatic] if automatic < len(call.args) else unknown
            automatic += 1
        elif head.isdigit():
            argument = call.args[int(head)] if int(head) < len(call.args) else unknown
        else:
            argument = keywords.get(head, unknown)
        spec = match["spec"]
        found.append(_as_number(argument) if spec is not None and _NUMBER_SPEC.fullmatch(spec) else argument)
    found.append(template[at:])
    return found


def _quoting(call: ast.Call, called: str) -> bool:
    owner = call.func.value if isinstance(call.func, ast.Attribute) else None
    if called in _SQL_COMPOSED:
        return isinstance(owner, ast.Name) and owner.id == "sql"
    if not _QUOTING_NAME.search(called) or _NOT_QUOTING.search(called):
        return False
    if owner is None and called.strip("_") in ("quote", "escape"):
        return False  # a bare `escape(v)` may be `from re import escape`: which language is unknown
    return not (isinstance(owner, ast.Name) and owner.id in _OTHER_LANGUAGES)


def text_names(node: ast.AST) -> set[str]:
    """The names in `node` whose text can reach its value: not those only counted, compared,
    used as an index, formatted as a date or passed through a quoting function."""
    if isinstance(node, ast.Name):
        return {node.id}
    if isinstance(node, ast.Call):
        called = name_of(node)
        if called in _NUMERIC_CALLS or _quoting(node, called):
            return set()
        if called in _FIXED_FORMAT_METHODS and all(isinstance(a, ast.Constant) for a in node.args):
            return set()  # `d.strftime('%Y-%m-%d')`; a caller's format string is copied into the text
        found = text_names(node.func)
        for argument in [*node.args, *(k.value for k in node.keywords)]:
            found |= text_names(argument)
        return found
    if isinstance(node, ast.Compare):
        return set()
    if isinstance(node, ast.Subscript):
        return text_names(node.value)  # `compression_map[compression]`: the map's text, not the key
    if isinstance(node, ast.IfExp):
        return text_names(node.body) | text_names(node.orelse)
    if isinstance(node, ast.Attribute):
        return text_names(node.value)
    if isinstance(node, (ast.GeneratorExp, ast.ListComp, ast.SetComp)):
        # The items' text, and the iterated values' only when an item shows them (not in `if`s).
        bound = {n.id for g in node.generators for n in ast.walk(g.target) if isinstance(n, ast.Name)}
        shown = text_names(node.elt)
        found = shown - bound
        if shown & bound:
            for generator in node.generators:
                found |= text_names(generator.iter)
        return found
    found = set()
    for child in ast.iter_child_nodes(node):
        found |= text_names(child)
    return found


class _QueryWords:
    """The query read so far, one character at a time: its own words (literals emptied, comments
    dropped), whether it is inside a literal or a comment, and where each open parenthesis is.
    Fed once from start to end, so a query of any length costs its length."""

    def __init__(self) -> None:
        self.words: list[str] = []
        self.quote = ""
        self.quote_at = 0  # where in `words` the open quote is
        self.comment = ""  # "-" (to the end of the line) or "*" (to `*/`)
        self.parens: list[int] = []  # where in `words` each open parenthesis is
        self.previous = ""

    def feed(self, text: str) -> None:
        for character in text:
            self._take(character)
            self.previous = character

    def _take(self, character: str) -> None:
        words = self.words
        if self.comment:
            if (self.comment == "-" and character == "\n") or (
                self.comment == "*" and self.previous + character == "*/"
            ):
                self.comment = ""
                words.append(" ")
            return
        if self.quote:
            if character == self.quote:
                self.quote = ""  # a doubled quote closes and reopens: the state comes out the same
                words.append(character)
            return
        if character in "'\"`":
            self.quote, self.quote_at = character, len(words)
            words.append(character)
        elif self.previous + character in ("--", "/*") and words and words[-1] == self.previous:
            # The first character is the query's own (not the `/` of a comment's `*/`, which left a
            # space in the words, nor a literal's): `*/*` opens no comment.
            words.pop()
            self.comment = "-" if character == "-" else "*"
        elif character == "(":
            self.parens.append(len(words))
            words.append(character)
        elif character == ")":
            if self.parens:
                self.parens.pop()
            words.append(character)
        else:
            words.append(character)

    def tail(self, end: int | None = None, length: int = _TAIL) -> str:
        stop = len(self.words) if end is None else end
        return "".join(self.words[max(0, stop - length) : stop])

    def lands_as_value(self, after: str = "") -> bool:
        if self.comment:
            return True  # inside a comment: the spliced text can end it (`*/`, a line break) and go on as SQL
        if self.quote == "'":
            return True  # inside a string literal
        if self.quote == '"':
            # A string in BigQuery, Spanner and MySQL, a name in standard SQL: a name only where no
            # dialect reads a value: qualified (`schema."t"`, `"t".col`), aggregated (`MAX("c")`)
            # or the left side of a comparison (`WHERE "c" = ...`).
            return not _QUOTED_NAME_BEFORE.search(self.tail(self.quote_at)) and not _QUOTED_NAME_AFTER.match(after)
        if self.quote == "`":
            return False  # inside a quoted name (BigQuery, MySQL)
        return self._operand(len(self.words), len(self.parens), 0)

    def _operand(self, end: int, open_parens: int, depth: int) -> bool:
        """Whether a splice at `end` of the words is an operand, with `open_parens` of the open
        parentheses before it."""
        own = self.tail(end)
        if _STRUCTURE_BEFORE.search(own):
            return False
        if _VALUE_BEFORE.search(own):
            return True
        if not open_parens or depth > 20:
            return False
        # Inside a parenthesis with nothing before the splice that says: the parenthesis decides.
        opened = self.parens[open_parens - 1]
        if _SUBQUERY.match("".join(self.words[opened + 1 : min(end, opened + 200)])):
            return False  # `IN (SELECT k FROM {table}`: a query's structure; its own operators say
        near = self.tail(opened)
        if _SET_OPERATION.search(near):
            return False
        if _VALUE_BEFORE.search(near) or _opens_list(self.tail(opened, _HEAD)):
            return True  # `IN (1, {x}`, `VALUES (now(), {x}`, `VALUES (1), ({x}`, `> ({x}`
        function = _FUNCTION_NAME.search(near)
        if function is not None and not _AGGREGATE.match(function.group()):
            # `upper({name})`, `coalesce(a, {x})`: an argument is an operand where the call is one
            return self._operand(opened - (len(near) - function.start()), open_parens - 1, depth + 1)
        return False


def _opens_list(head: str) -> bool:
    """Whether the text before a parenthesis makes it a list of values: IN, VALUES, ANY/ALL/SOME
    or UNNEST right before it, or before earlier rows (`VALUES (1, 'a'), (`), each row skipped
    by its matching parenthesis."""
    text = head.rstrip()
    for _ in range(_ROWS):
        if _LIST_OPENER.search(text[-40:]):
            return True
        if not text.endswith(","):
            return False
        text = text[:-1].rstrip()
        if not text.endswith(")"):
            return False
        depth = 0
        for at in range(len(text) - 1, -1, -1):
            depth += {")": 1, "(": -1}.get(text[at], 0)
            if depth == 0:
                text = text[:at].rstrip()
                break
        else:
            return False  # the row's opening parenthesis is before what is looked at
    return False


def lands_as_value(before: str, after: str = "") -> bool:
    """Whether text spliced right after `before` (the query so far) is read as data; `after`
    is the query's text that follows the splice, when known."""
    words = _QueryWords()
    words.feed(before)
    return words.lands_as_value(after)


# The shape of a statement, not its keywords: prose says "select from the available tools" and
# "update it and set", SQL says `SELECT a, b FROM t WHERE` and `UPDATE t SET c =`. A splice
# (`{}` here, or `%s`, `?`, `:name`) stands where a name or a value would.
_SQL_WORD = r"""(?:[A-Za-z_][\w$]{0,63}(?![\w$])|\{\}|%s|\?|:\w+|`[^`\n]{1,200}`|"[^"\n]{1,200}"|\[[^\]\n]{1,200}\])"""
_NAME = rf"{_SQL_WORD}(?:\s*\.\s*{_SQL_WORD}){{0,3}}"
_ALIAS = rf"(?:\s+(?:as\s+)?{_SQL_WORD})?"
_SELECT_WORD = re.compile(r"\bselect\b", re.IGNORECASE)
_FROM_WORD = re.compile(r"\bfrom\b", re.IGNORECASE)
# Words that may stand alone before the columns, and a list of plain words (prose: "the best one").
_SELECT_MODIFIERS = re.compile(r"^(?:(?:distinct|all|top\s+\d+|top\s*\(\s*\d+\s*\))\s+)+", re.IGNORECASE)
_PLAIN_WORDS = re.compile(r"[A-Za-z]+(?:\s+[A-Za-z]+)+")
_AFTER_FROM = re.compile(
    rf"(?:\(|{_NAME}\s*(?:(?:as\s+)?{_SQL_WORD}\s*)?"
    r"(?:$|[;),{(]|/\*|--|\b(?:where|join|inner|left|right|full|cross|natural|group|order|limit|union|having|on"
    r"|offset|fetch|window|qualify|tablesample|for|using|lateral|except|intersect|pivot|unpivot|with)\b))",
    re.IGNORECASE,
)
_STATEMENTS = (
    re.compile(rf"\binsert\s+(?:or\s+\w+\s+)?into\s+{_NAME}\s*(?:\(|\{{\}}|\b(?:values|select|default)\b)", re.I),
    re.compile(rf"\bupdate\s+{_NAME}{_ALIAS}\s+set\s+{_NAME}\s*=", re.IGNORECASE),
    re.compile(rf"\bdelete\s+from\s+{_NAME}{_ALIAS}\s*(?:$|[;){{]|\b(?:where|using|returning)\b)", re.IGNORECASE),
)


def query_text(node: ast.expr) -> str:
    """The text an expression builds, each spliced expression shown as `{}`."""
    parts = parts_of(node)
    if parts is None:
        return ""
    return "".join(part if isinstance(part, str) else "{}" for part in parts)[:4000]


def reads_like_sql(text: str) -> bool:
    """Whether `text` holds a SQL statement's shape: SELECT with a column list and a FROM that
    names a table followed by a clause (or upper-case SELECT ... FROM, as code writes it), or
    INSERT INTO / UPDATE ... SET / DELETE FROM on a name. Every SELECT is tried, nested ones too;
    each looks at most 500 characters ahead for its FROM (no regex spans both: linear time)."""
    for select in _SELECT_WORD.finditer(text):
        window = text[select.end() : select.end() + 500]
        found = _FROM_WORD.search(window)
        if found is None:
            continue
        if select.group().isupper() and found.group().isupper():
            return True
        columns = _SELECT_MODIFIERS.sub("", window[: found.start()].strip())
        if not columns or _PLAIN_WORDS.fullmatch(columns):
            continue  # "select from the list", "select the best one from"
        after = (window[found.end() :] + text[select.end() + 500 : select.end() + 700]).lstrip()[:200]
        if _AFTER_FROM.match(after):
            return True
    return any(statement.search(text) for statement in _STATEMENTS)


# The database's own catalogue: what it knows of its schemas, tables and columns. A query that
# reads nothing else compares names (`WHERE table_name = '{table}'`): a table or schema name the
# code looks up, spliced where the catalogue keeps it as data, as hygiene as `FROM {table}`.
_RELATION = re.compile(
    r"\b(?:from|join|into|update)\s+((?:[`\"\[]?(?:\{\}|[\w$-]+)[`\"\]]?\s*\.\s*)*[`\"\[]?(?:\{\}|[\w$-]+)[`\"\]]?)",
    re.IGNORECASE,
)
_CATALOGUE_SCHEMAS = frozenset({"information_schema", "pg_catalog", "sys", "system", "dbc", "mysql"})
_CATALOGUE_TABLE = re.compile(
    r"pg_\w+|sqlite_(?:master|schema|temp_master)|__tables_summary__|__tables__"
    r"|(?:all|user|dba)_(?:tables|tab_columns|tab_cols|views|objects|indexes|constraints|cons_columns)"
    r"|sv[vl]_\w+|st[vl]_\w+",
)


def reads_only_catalogue(text: str) -> bool:
    """Whether every relation the query reads or writes is the database's catalogue
    (`information_schema.tables`, `pg_tables`, `sys.schemas`, `sqlite_master`, Oracle's
    `all_tab_columns`, BigQuery's `{}.INFORMATION_SCHEMA.COLUMNS` and `__TABLES_SUMMARY__`,
    Redshift's `svv_*`): then its spliced values are names the code looks up."""
    relations = [match.group(1) for match in _RELATION.finditer(text)]
    if not relations:
        return False
    for relation in relations:
        names = [part.strip().strip('`"[]').lower() for part in relation.split(".")]
        if "{}" in names[-1:] or not (
            _CATALOGUE_TABLE.fullmatch(names[-1]) or (len(names) > 1 and names[-2] in _CATALOGUE_SCHEMAS)
        ):
            return False
    return True


def spliced_values(node: ast.expr, tainted: set[str]) -> bool:
    """Whether an expression naming one of `tainted` lands where the query reads data."""
    parts = parts_of(node)
    if parts is None:
        return False
    words = _QueryWords()
    for at, part in enumerate(parts):
        if isinstance(part, str):
            words.feed(part)
            continue
        following = parts[at + 1] if at + 1 < len(parts) else ""
        after = following if isinstance(following, str) else ""
        if text_names(part) & tainted and words.lands_as_value(after):
            return True
        words.feed("0")  # a value of its own: keeps the quote state and ends any open operator
    return False
