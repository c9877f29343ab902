from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from hooks._shared.substitutions import cut_substitutions


def test_outermost_substitutions_are_cut_out_in_order() -> None:
    outer, found = cut_substitutions('bash <(curl -s u) && eval "$(wget -qO- $(echo v))" `id`')
    assert [(s.kind, s.inner) for s in found] == [("<(", "curl -s u"), ("$(", "wget -qO- $(echo v)"), ("`", "id")]
    assert outer == f'bash {found[0].placeholder} && eval "{found[1].placeholder}" {found[2].placeholder}'


def test_quotes_escapes_and_arithmetic_are_not_substitutions() -> None:
    assert cut_substitutions("echo '$(curl u)' \\$(x) $((1+2))") == ("echo '$(curl u)' \\$(x) $((1+2))", [])
    # a `)` inside quotes does not close it; one left open runs to the end of the line
    _, (quoted,) = cut_substitutions("x $(echo ')' ; curl u) y")
    assert quoted.inner == "echo ')' ; curl u"
    outer, (open_,) = cut_substitutions("# note: $(curl u")
    assert open_.inner == "curl u" and outer == "# note: " + open_.placeholder


def test_a_line_cannot_spell_a_placeholder() -> None:
    outer, found = cut_substitutions("bash \x000\x00 $(curl u)")
    assert outer == "bash  0  " + found[0].placeholder  # the line's NULs are blanked


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("$()<`'\"\\ curlbash;|\x00")), max_size=200))
def test_garbage_lines_never_raise_and_every_substitution_is_placed(command: str) -> None:
    outer, found = cut_substitutions(command)
    for substitution in found:
        assert outer.count(substitution.placeholder) == 1
        assert substitution.inner in command.replace("\x00", " ")
