"""Where a spliced value lands in SQL text (hooks/code/sql_position.py)."""

from __future__ import annotations

import ast

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hooks.code.sql_position import (
    _QueryWords,
    lands_as_value,
    parts_of,
    query_text,
    reads_like_sql,
    reads_only_catalogue,
    spliced_values,
)


def _expr(source: str) -> ast.expr:
    node = ast.parse(source, mode="eval").body
    return node


@pytest.mark.parametrize(
    "source",
    [
        '"SELECT * FROM funds WHERE name = \'" + term + "\'"',  # a quoted literal
        "f'SELECT * FROM t WHERE id = {term}'",  # a comparison
        "f\"SELECT * FROM t WHERE name LIKE '%{term}%'\"",
        "f'SELECT * FROM t WHERE id IN ({term})'",
        "f'INSERT INTO t VALUES (1, {term})'",  # inside an open VALUES list, after other items
        "f'SELECT * FROM t LIMIT {term}'",
        "\"SELECT * FROM t WHERE a = '%s'\" % term",
        "\"SELECT * FROM t WHERE a = %(v)s\" % {'v': term}",
        "\"SELECT * FROM t WHERE a = '{}'\".format(term)",
        "\"SELECT * FROM {} WHERE a = '{}'\".format(table, term)",
        "\"SELECT * FROM t WHERE a = '{v}'\".format(v=term)",
        'f"SELECT * FROM `{table}` WHERE `{column}` = \\"{term}\\""',  # names quoted, the value too
        "f'SELECT \"{term}\" AS content'",  # a string in GoogleSQL and MySQL: a value
        "f'SELECT * FROM t WHERE a = {term.strip()}'",  # text methods keep the text
        "f'SELECT * FROM t WHERE a IN ({\", \".join(repr(v) for v in term)})'",  # items shown
        "f'SELECT * FROM t WHERE a = \\'{names[term] if term else term}\\''",  # either branch
        "f'SELECT * FROM t WHERE a = {len(term) and term}'",  # `and` returns the text
    ],
)
def test_a_parameter_read_as_data_is_a_value(source: str) -> None:
    assert spliced_values(_expr(source), {"term"})


@pytest.mark.parametrize(
    "source",
    [
        "f'SELECT * FROM `{term}.dataset.table`'",  # a quoted table name
        "f'SELECT * FROM {term} WHERE id = @id'",  # a table name; the value is a query parameter
        "f'SELECT {term} FROM t'",  # column names
        "f'SELECT * FROM t WHERE {term}'",  # a clause the code assembled
        "f'SELECT * FROM t ORDER BY name'",  # no splice at all
        "\"SELECT * FROM {} WHERE a = '{}'\".format(term, constant)",  # the value is not the parameter
        "\"SELECT * FROM t WHERE a = '%s' AND b = %%s\" % constant",
        "f'SELECT * FROM t WHERE id = {constant} AND name = {term_table}'.strip()",  # not an f-string node
        # What no caller can turn into SQL: a count, a number, a date's format, a quoting function
        'f\'SELECT * FROM t WHERE id IN ({",".join("?" * len(term))})\'',
        "f'SELECT * FROM t LIMIT {int(term)}'",
        "f\"SELECT * FROM t WHERE d > TIMESTAMP '{term.strftime('%Y-%m-%d')}'\"",
        "f'SELECT * FROM t WHERE d > {_sql_literal(term)}'",
        "f'SELECT * FROM t WHERE a = {quote_ident(term)}'",
        'f\'SELECT * FROM t WHERE a IN ({", ".join("?" for v in term)})\'',  # items hide the values
        # A name in double quotes where no dialect reads a value
        "f'SELECT MAX(\"{term}\") FROM t'",
        "f'SELECT * FROM {schema}.\"{term}\"'",
        "f'SELECT * FROM t WHERE \"{term}\" = 1'",
        "f'SELECT * FROM t a WHERE a.\"{term}\" BETWEEN 1 AND 2'",
    ],
)
def test_a_parameter_spliced_as_structure_is_not_a_value(source: str) -> None:
    assert not spliced_values(_expr(source), {"term"})


def test_the_quote_state_follows_closed_literals_and_names() -> None:
    assert lands_as_value("WHERE a = 'x' AND b = '")
    assert not lands_as_value("WHERE a = 'it''s' AND `")
    assert not lands_as_value("SELECT * FROM `a.b` JOIN ")
    assert lands_as_value('WHERE note = "say ""hi"" to ')
    # An IN list of values, and a subquery whose table and clauses are structure
    assert lands_as_value("WHERE k IN (1, ")
    assert lands_as_value("INSERT INTO t VALUES (")
    assert not lands_as_value("WHERE k IN (SELECT k FROM ")
    assert not lands_as_value("WHERE k IN ( select k FROM t WHERE name = ? AND ")
    assert lands_as_value("WHERE k IN (SELECT k FROM t WHERE name = ")
    assert not lands_as_value("WHERE k IN (WITH x AS (SELECT 1) SELECT k FROM ")
    # Operands inside such a subquery, as anywhere: BETWEEN's ends, arithmetic, concatenation,
    # IS, pattern matches, INTERVAL, ANY/ALL; its select list and clauses stay structure
    for operand in (
        "WHERE k IN (SELECT k FROM t WHERE total BETWEEN 0 AND ",
        "WHERE ts > NOW() - INTERVAL ",
        "WHERE age > 10 + ",
        "WHERE note LIKE '%' || ",
        "WHERE deleted IS NOT ",
        "WHERE name ~ ",
        "WHERE name GLOB ",
        "WHERE name SIMILAR TO ",
        "WHERE id = ANY(",
    ):
        assert lands_as_value(operand), operand
    assert not lands_as_value("WHERE k IN (SELECT ")
    assert not lands_as_value("WHERE k IN (SELECT k FROM t WHERE active AND ")
    # Literals and comments say nothing about where a splice lands
    assert lands_as_value("WHERE name IN ('IN (SELECT', ")
    assert lands_as_value("WHERE name IN (/* IN (SELECT */ ")
    assert lands_as_value("WHERE name IN (-- was IN (SELECT k FROM t\n ")
    assert not lands_as_value("SELECT a FROM t /* WHERE a = */ JOIN ")
    assert not lands_as_value("SELECT a FROM t -- a = \n JOIN ")
    assert lands_as_value("SELECT a FROM t WHERE a = 1 -- requested by ")  # a line break in it ends the comment
    assert lands_as_value("/* user=")  # so does `*/`
    # More operands: BETWEEN with a longer lower bound, IS DISTINCT FROM
    assert lands_as_value("WHERE d BETWEEN DATE '2024-01-01' AND ")
    assert lands_as_value("WHERE d BETWEEN CURRENT_DATE - 7 AND ")
    assert lands_as_value("WHERE a IS NOT DISTINCT FROM ")
    assert not lands_as_value("WHERE a BETWEEN 1 AND 2 AND ")  # a clause after BETWEEN's end
    # Operators written without spaces, lists in their other shapes, function arguments where
    # the call is an operand
    for operand in (
        "WHERE name ~* ",
        "SET hits = hits+",
        "SELECT price*",
        "WHERE (score+",
        "WHERE a=-",
        "WHERE id IN ",
        "INSERT INTO t (a, b) VALUES (datetime('now'), ",
        "INSERT INTO t VALUES (1, 'a'), (",
        "INSERT INTO t VALUES (" + "1, " * 300 + "2), (",
        "WHERE id IN UNNEST(",
        "WHERE tags && ARRAY[",
        "SELECT TOP ",
        "OFFSET 10 ROWS FETCH FIRST ",
        "WHERE x > (",
        "WHERE name = upper(",
        "WHERE name IN (lower(",
        "WHERE doc @@ ",
    ):
        assert lands_as_value(operand), operand
    # Parts of names and column lists, not operators
    for structure in (
        "SELECT * ",
        "SELECT a, * ",
        "SELECT t.*",
        "SELECT *",
        "FROM analytics-",
        "COPY INTO t FROM @stage/",
        "FROM /data/",
        "SELECT a FROM t UNION ALL (",
        "SELECT a FROM t EXCEPT ALL (",
        "SELECT\n    *",
        "SELECT /*+ hint */ * ",
        "SELECT a FROM t UNION\n  ALL (",
        "SELECT MAX(",
        "SELECT COUNT(DISTINCT ",
        "SELECT (SELECT COUNT(*) - COUNT(",
        "WHERE x > MAX(",
        "SELECT * FROM analytics-0-",
        "SELECT * FROM ",
        "SELECT a FROM t ORDER BY ",
    ):
        assert not lands_as_value(structure), structure


def test_a_long_query_keeps_its_quote_state_from_the_start() -> None:
    """The whole query is read, not a window of its end: a cut inside a long literal would turn
    every later quote around."""
    listed = ", ".join(f"'customer {n:05d}'" for n in range(3000))  # about 50,000 characters
    assert lands_as_value(f"SELECT * FROM t WHERE c IN ({listed}) AND customer = '")
    assert not lands_as_value(f"SELECT * FROM t WHERE c IN ({listed}) AND `")


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=400))
def test_any_text_before_a_splice_is_judged_without_error(text: str) -> None:
    assert lands_as_value(text) in (True, False)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.text(alphabet=st.sampled_from(list("ab ='\"`-/*()\n,")), max_size=20) | st.text(max_size=20),
        max_size=30,
    )
)
def test_the_query_read_in_parts_is_the_query_read_whole(parts: list[str]) -> None:
    """spliced_values feeds a query part by part: where a splice lands cannot depend on how the
    text before it was cut."""
    whole = _QueryWords()
    whole.feed("".join(parts))
    pieces = _QueryWords()
    for part in parts:
        pieces.feed(part)
    assert (pieces.words, pieces.quote, pieces.comment, pieces.parens) == (
        whole.words,
        whole.quote,
        whole.comment,
        whole.parens,
    )
    assert pieces.lands_as_value() == whole.lands_as_value() == lands_as_value("".join(parts))


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200), st.sampled_from(["%", "{}", "{0}", "{x.y}", "{z[1]}", "%(a)s", "{{", "}}"]))
def test_any_template_splits_without_error(template: str, field: str) -> None:
    for source in (
        f"{(template + field)!r} % (a, b)",
        f"{(template + field)!r}.format(a, k=b)",
        f"{(template + field)!r} + a",
    ):
        node = _expr(source)
        parts = parts_of(node)
        assert parts is None or all(isinstance(p, (str, ast.expr)) for p in parts)
        spliced_values(node, {"a", "b"})


@pytest.mark.parametrize(
    "text",
    [
        "SELECT * FROM {} WHERE name = '{}'",
        "select id, name from users where name = '{}'",
        "select name from {} where x={}",
        "SELECT {} FROM `{}.{}.{}` WHERE ts > '{}'",
        "select * from (select a from b) where c = '{}'",
        "SELECT\n  a,\n  b\nFROM\n  {}\nWHERE c = '{}'",
        "UPDATE registry SET data = '{}' WHERE project_id = '{}'",
        "insert into {} values ('{}')",
        "delete from {} where id = {}",
        "select a from t",
        "select 1 from users where email = '{}'",
        "select 'x' from users where email = '{}'",
        "select top 1 id from users where name = '{}'",
        "select * from read_parquet('{}') where a = '{}'",
        "select id from users /* c */ where name = '{}'",
        "select id from users with (nolock) where name = '{}'",
        "update users as u set name = '{}'",
        "DELETE FROM users AS u WHERE id = {}",
        "select 1 from t where id in (select x from y where name='{}')",
        "with q as (select a from t where b = '{}') select * from q",
    ],
)
def test_statements_read_as_sql(text: str) -> None:
    assert reads_like_sql(text)


@pytest.mark.parametrize(
    "text",
    [
        "'{}' is not a valid selection.\nPlease select from the available tools: 1, 2, 3.",
        "please select one of the options from the menu below",
        "Update the config and set the value",
        "Insert into the list the values",
        "Delete from the cache any stale entries",
    ],
)
def test_prose_with_sql_words_is_not_sql(text: str) -> None:
    assert not reads_like_sql(text)


def test_query_text_marks_each_splice() -> None:
    node = ast.parse("f\"SELECT a FROM {t} WHERE b = '{v}'\"", mode="eval").body
    assert query_text(node) == "SELECT a FROM {} WHERE b = '{}'"
    assert query_text(ast.parse("name", mode="eval").body) == ""


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("selctfromwhinsupdav ,(*.{}`'\"\n")), max_size=4000))
def test_garbage_is_answered(text: str) -> None:
    assert reads_like_sql(text) in (True, False)


@pytest.mark.parametrize(
    "text",
    [
        *(head + " " * 3990 for head in ("select", "select distinct", "SELECT", "update a", "delete from a")),
        ("select a from " + "x" * 330 + " ") * 12,  # many SELECTs over a long name after FROM
    ],
)
def test_hostile_text_takes_linear_time(text: str) -> None:
    import time

    started = time.perf_counter()
    reads_like_sql(text[:4000])
    assert time.perf_counter() - started < 1.0  # the first versions took minutes (cubic) and seconds here


@pytest.mark.parametrize(
    ("source", "value"),
    [
        ('"SELECT * FROM t WHERE id = %s" % n', True),
        ('"SELECT * FROM t LIMIT 10 OFFSET %d" % n', False),  # %d raises on anything but a number
        ('"SELECT * FROM t WHERE c = %c" % n', True),  # a character: `'` is one
        ('f"SELECT * FROM t WHERE x = {n}"', True),
        ('f"SELECT * FROM t LIMIT {n:d}"', False),
        ('f"SELECT * FROM t WHERE x = {n:.2f}"', False),
        ("f\"SELECT * FROM t WHERE x = '{n:>10}'\"", True),  # padding keeps the text
        ('f"SELECT * FROM t WHERE x = {n:{width}d}"', True),  # a computed spec is not followed
        ('"SELECT * FROM t WHERE x = {}".format(n)', True),
        ('"SELECT * FROM t WHERE x = {:d}".format(n)', False),
        ('"SELECT * FROM t WHERE x = {0:,.2f}".format(n)', False),
    ],
)
def test_a_numeric_conversion_leaves_no_text_of_the_callers(source: str, value: bool) -> None:
    assert spliced_values(ast.parse(source, mode="eval").body, {"n"}) is value


@pytest.mark.parametrize(
    "text",
    [
        "SELECT * FROM pg_tables WHERE schemaname = '{}' AND tablename = '{}'",
        "IF NOT EXISTS (SELECT * FROM information_schema.schemata WHERE schema_name = '{}') BEGIN END",
        "SELECT 1 FROM `{}.{}.__TABLES_SUMMARY__` WHERE table_id = '{}'",
        "SELECT column_name FROM `{}.{}.INFORMATION_SCHEMA.COLUMNS` WHERE table_name = '{}'",
        "SELECT name FROM sqlite_master WHERE type='table' AND name='{}'",
        "SELECT * FROM [sys].[schemas] WHERE name = '{}'",
        "SELECT column_name FROM all_tab_columns WHERE table_name = UPPER('{}')",
        "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = '{}'",
    ],
)
def test_queries_of_the_databases_catalogue_look_up_names(text: str) -> None:
    assert reads_only_catalogue(text)


@pytest.mark.parametrize(
    "text",
    [
        "SELECT * FROM users WHERE name = '{}'",
        "SELECT * FROM information_schema.tables t JOIN users u ON u.id = t.x WHERE u.name = '{}'",
        "SELECT * FROM {} WHERE name = '{}'",  # the relation itself is spliced in
        "SELECT * FROM information_schema_copy WHERE name = '{}'",
        "SELECT * FROM tables WHERE name = '{}'",  # a table named like a catalogue view, no schema
        "SELECT table_name FROM information_schema.tables; DELETE FROM users WHERE name = '{}'",
        "INSERT INTO audit SELECT * FROM information_schema.tables WHERE table_name = '{}'",
        "no relation here '{}'",
    ],
)
def test_a_query_reading_or_writing_any_other_table_is_not_a_catalogue_lookup(text: str) -> None:
    assert not reads_only_catalogue(text)
