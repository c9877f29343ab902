"""Jinja chat templates: sandbox escapes found, real chat templates left alone."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hooks.artifacts.formats.chat_template import problems

CHATML = (
    "{% for message in messages %}"
    "{{'<|im_start|>' + message['role'] + '\\n' + message['content'] + '<|im_end|>' + '\\n'}}"
    "{% endfor %}{% if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}{% endif %}"
)
LLAMA2 = (
    "{% if messages[0]['role'] == 'system' %}{% set loop_messages = messages[1:] %}"
    "{% set system_message = messages[0]['content'] %}{% else %}{% set loop_messages = messages %}"
    "{% set system_message = false %}{% endif %}{% for message in loop_messages %}"
    "{% if (message['role'] == 'user') != (loop.index0 % 2 == 0) %}"
    "{{ raise_exception('Conversation roles must alternate user/assistant/user/assistant/...') }}{% endif %}"
    "{% if loop.index0 == 0 and system_message != false %}"
    "{% set content = '<<SYS>>\\n' + system_message + '\\n<</SYS>>\\n\\n' + message['content'] %}"
    "{% else %}{% set content = message['content'] %}{% endif %}"
    "{% if message['role'] == 'user' %}{{ bos_token + '[INST] ' + content.strip() + ' [/INST]' }}"
    "{% elif message['role'] == 'assistant' %}{{ ' '  + content.strip() + ' ' + eos_token }}{% endif %}{% endfor %}"
)
TOOLS = (
    "{%- set ns = namespace(found=false) -%}{%- for tool in tools %}{{- tool | tojson(indent=4) }}"
    "{%- if tool.function is defined %}{{ tool.function.name }}{% endif %}{%- endfor %}"
    "{{- '<|start_header_id|>' + message['role'] + '<|end_header_id|>\\n\\n'"
    "+ message['content'] | trim + '<|eot_id|>' }}"
    "{%- set system = messages[0] -%}{{ system['content'] }}{{ '<__media__>' }} {{ strftime_now('%d %b %Y') }}"
)
ESCAPES = [
    "{{ self.__init__.__globals__.__builtins__.__import__('os').system('touch /tmp/x') }}",
    "{{ cycler.__init__.__globals__.os.popen('id').read() }}",
    "{{ lipsum.__globals__['os'].popen('id').read() }}",
    "{{ ''|attr('\\x5f\\x5fclass\\x5f\\x5f') }}",
    "{{ ''['\\x5f\\x5fclass\\x5f\\x5f'] }}",
    "{{ x['__cl' ~ 'ass__'] }}",
    "{{ x['__cl' + 'ass__']['__m' 'ro__'] }}",
    "{% set c = '%c%c'|format(95, 95) ~ 'class' %}{{ m[c] }}",
    "{{ [].__class__.__base__.__subclasses__() }}",
    "{{ self._TemplateReference__context.joiner.__init__ }}",
    "{% include '/etc/passwd' %}",
    "{{ messages|map(attribute='__class__')|list }}",
]


@pytest.mark.parametrize("template", [CHATML, LLAMA2, TOOLS, "plain text {{ bos_token }}", ""])
def test_real_chat_templates_are_clean(template: str) -> None:
    assert problems(template) == []


@pytest.mark.parametrize("template", ESCAPES)
def test_sandbox_escapes_are_found(template: str) -> None:
    assert problems(CHATML + template)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_any_text_is_judged_without_error(text: str) -> None:
    assert isinstance(problems("{{" + text + "}}" + text), list)


def test_hostile_templates_are_judged() -> None:
    # Unclosed spans and long runs of escapes or joins: linear scans (a quadratic one would not finish).
    for hostile in ("{{" * 300_000, "{{ %c" * 200_000, "{{ '" + "\\x5f" * 200_000, "{{ " + "'a' ~ " * 100_000):
        assert isinstance(problems(hostile), list)


BUILT_FROM_NAMES = (
    "{% set u = '_' ~ '_' %}{% set c = u ~ 'class' ~ u %}{% set b = u ~ 'base' ~ u %}"
    "{% set s = u ~ 'subclasses' ~ u %}{% set g = u ~ 'glob' ~ 'als' ~ u %}"
    "{% for x in ''[c][b][s]() %}{% if x.__name__ %}{{ x['_' ~ '_init__'][g]['po' ~ 'pen']('id') }}{% endif %}"
    "{% endfor %}{% for m in messages %}{{ m['role'] }}: {{ m['content'] }}{% endfor %}"
)


@pytest.mark.parametrize(
    "template",
    [
        BUILT_FROM_NAMES,
        "{% set k = '__ssalc__'|reverse %}{{ ''[k] }}",  # reversed text
        "{% set k = '__CLASS__'|lower %}{{ ''[k] }}",
        "{%- set a = '__cl' -%}{%- set b = a ~ 'ass__' -%}{{ ()[b] }}",  # whitespace control
    ],
)
def test_names_bound_to_built_text_are_read_as_that_text(template: str) -> None:
    assert problems(template)


@pytest.mark.parametrize(
    "template",
    [
        "{% set eos = '</s>' %}{% set sep = '\\n' ~ eos %}{% for m in messages %}{{ m['content'] ~ sep }}{% endfor %}",
        "{% set role = 'system' %}{% if messages[0]['role'] == role %}{{ messages[0]['content'] }}{% endif %}",
        "{% set n = messages|length %}{% set n = 'x' %}{{ messages[n] if n else '' }}",  # rebound: not a dunder
    ],
)
def test_constant_names_in_ordinary_templates_stay_clean(template: str) -> None:
    assert problems(template) == []


def test_folding_is_bounded() -> None:
    template = "{% set a = '" + "x" * 250 + "' %}{{ " + "a " * 40_000 + "}}"
    assert problems(template) == ["names bound to constant text that fold past 4 MiB"]


@pytest.mark.parametrize(
    "template",
    [
        # however the dunders are built, the chain ends in string keys of Python's own names
        "{% set u %}_{% endset %}{{ namespace[u~u~'init'~u~u][u~u~'globals'~u~u]['os']['popen']('id') }}",
        "{{ namespace['_'*2 ~ 'init' ~ '_'*2] }}",  # an item lookup on a Jinja global
        "{% set d = {'u': '_'} %}{{ x[d.u ~ 'x']['sys']['modules'] }}",
    ],
)
def test_string_keyed_lookups_of_python_names_are_found(template: str) -> None:
    assert problems(template)


def test_string_keys_of_ordinary_templates_stay_clean() -> None:
    template = (
        "{% set ns = namespace(system='') %}{% for m in messages %}{% if m['role'] == 'system' %}"
        "{% set ns.system = m['content'] %}{% endif %}{{ m['content'] }}{% endfor %}{{ ns.system }}"
    )
    assert problems(template) == []


@pytest.mark.parametrize(
    "template",
    [
        # names built from characters picked out of literals and the `last` filter (CVE-2024-34359's
        # class, written so no constant text holds a dunder)
        '{% set u = "a_b"[1] %}{% set d = u * 2 %}{% set c = d ~ "cl" ~ "ass" ~ d %}{{ ""[c] }}',
        '{% set p = "ap"|last %}{% for k in x %}{{ k[i][g][p ~ "o" ~ p ~ "en"]("id") }}{% endfor %}',
        "{{ cycler.next[a][b]() }}",
    ],
)
def test_names_built_at_render_time_show_in_the_codes_shape(template: str) -> None:
    assert problems(template)


@pytest.mark.parametrize(
    "template",
    [
        "{{ message['content'].split('</think>')[-1].strip() }}",
        "{% if message['role'] in ['user', 'assistant'] %}{{ messages[0]['content'][0]['text'] }}{% endif %}",
        "{{ ['a', 'b'][loop.index0 % 2] }}{{ {'x': 1}['x'] }}{{ (messages|list)[0]['content'] }}",
        "{% set ns = namespace(found=false) %}{{ raise_exception('no system') if ns.found }}[INST]",
    ],
)
def test_ordinary_lookups_and_calls_stay_clean(template: str) -> None:
    assert problems(template) == []


@pytest.mark.parametrize(
    "template",
    [
        # '_' picked out of a literal by a filter chain, then used as an item key
        '{% set u = "a_b"|list|select("ne", "a")|select("ne", "b")|first %}'
        '{% set c = u * 2 ~ "class" ~ u * 2 %}{{ x[c] }}',
        "{% set u = 'x'|replace('x', '_') %}{% set c = u ~ u ~ 'globals' ~ u ~ u %}{{ x[c] }}",
        "{% set u = 'a_'|batch(1)|list %}{{ u }}",
        # an attribute fetched by a filter under a name that is not a literal
        "{% set c = n ~ m %}{{ messages|map(attribute=c)|first }}",
        "{{ messages|selectattr(c, 'defined')|list }}{{ messages|groupby(c) }}",
    ],
)
def test_names_built_by_filters_show_in_the_codes_shape(template: str) -> None:
    assert problems(CHATML + template)


@pytest.mark.parametrize(
    "template",
    [
        "{{ '<s>'|trim }}{{ 'ASSISTANT'|lower }}{{ '[INST]'|length }}{{ '{}'|tojson }}",
        "{{ messages|selectattr('role', 'equalto', 'system')|list }}{{ messages|groupby('role') }}",
        "{{ messages|map(attribute='content')|join('\\n') }}{{ tools|sort(attribute='name', reverse=true) }}",
        # a quote of the other kind inside a literal is text, not the end of the literal
        "{%- if 'image' in message.content %}{{- '\"image\": \"[IMG]\", ' }}{%- endif %}",
        "{{- '[TOOL_RESULTS]{\"content\": ' + content|string + ', \"call_id\": \"' + id + '\"}[/TOOL_RESULTS]' }}",
    ],
)
def test_filters_on_literals_and_attribute_filters_of_real_templates_stay_clean(template: str) -> None:
    assert problems(CHATML + template) == []


@pytest.mark.parametrize(
    "template",
    [
        # names made of a block set's text, then the lookup chain called through a name (a red team's)
        "{% set a %}__init__{% endset %}{% set b %}__globals__{% endset %}"
        "{% set f = loop[a][b]['os']['popen'] %}{{ f('id') }}",
        "{% macro a() %}__init__{% endmacro %}{{ loop[a()] }}",
        "{% set f = cycler[n][m] %}{{ f('id') }}",
    ],
)
def test_names_in_block_text_and_calls_of_bound_lookups_are_found(template: str) -> None:
    assert problems(CHATML + template)


def test_bound_lookups_used_as_values_stay_clean() -> None:
    template = (
        "{% set content = message['content'] %}{{ content|trim }}{% set first = messages[0] %}"
        "{{ first.content.strip() }}{% set content = 'x' %}{{ content }}"
    )
    assert problems(CHATML + template) == []
