"""Text in a human language that the English letter-pair model of `credential_shape` does not read.

A translation file holds the words for "password" or "API key" in every language the interface
speaks (`placeholder-password: "Adgangskode"`, `apiKey: "API-Schlüssel"`, `passwordReq:
"パスワードは8文字以上である必要があります。"`). The letter pairs of English words say
nothing about Danish compounds or German umlauts, and a Japanese sentence with a number in it has
two "character classes", so such values read as random. Two shapes are text in any language:

- a word, or words joined by hyphens or apostrophes, written as words are written (lower case,
  a capital first, or a short upper-case acronym) and pronounceable: vowels among its letters and
  no long run of consonants. Generators do not write that way: they mix cases inside a word, or
  add digits and symbols (`Aech4ohb`, `lebYnaozlaSpiulThzby`), and a word with digits or symbols
  after it (`Sommerferie2024!`) is how people choose passwords, which this shape does not cover;
- a sentence in a script beyond Latin: letters of that script and the script's own punctuation
  (`。`, `、`, `！`), with no ASCII letter. Keys are written in ASCII (every encoding of random
  bytes is); a password typed in another script with Latin letters, digits and symbols in it
  (`비밀번호Zq2024!abc`) is neither shape.
"""

from __future__ import annotations

import re
import unicodedata

_ASCII_VOWELS = frozenset("aeiouy")
# Consonant clusters that spell one sound (German `sch`, English `ch`/`sh`/`th`/`ph`, `ck`):
# counted as one consonant when a run of consonants is measured (`Sicherheitsschlüssel`).
_DIGRAPHS = re.compile(r"sch|ch|sh|th|ph|ck|ng")
_MAX_CONSONANT_RUN = 4
_MIN_VOWEL_SHARE = 0.2
# A part of a hyphenated phrase written in capitals is an acronym (`API-Schlüssel`, `SSH-Schlüssel`).
_ACRONYM_LENGTH = 5
# Separators inside one phrase without spaces (`API-Schlüssel`, `l'utilisateur`), and the sentence
# mark that may end it.
_PART_SEPARATORS = re.compile(r"[-'\u2019]")
_END_MARKS = ".!?:"
_SHORT_PART = 2


def _latin_letter(char: str) -> bool:
    return char.isalpha() and (char.isascii() or unicodedata.name(char, "").startswith("LATIN "))


def _base_letter(char: str) -> str:
    """The letter a Latin letter is written on (`ü` -> `u`, `ø` -> `o`, `æ` -> `a`)."""
    if char.isascii():
        return char.lower()
    name = unicodedata.name(char, "")
    # "LATIN SMALL LETTER O WITH STROKE", "LATIN SMALL LETTER AE", "LATIN SMALL LETTER SHARP S"
    _, marker, rest = name.partition(" LETTER ")
    if not marker or not rest:
        return "?"
    word = rest.split(" ")[0]
    return "s" if word == "SHARP" else word[0].lower()


def _written_as_a_word(part: str) -> bool:
    if len(part) <= _ACRONYM_LENGTH and part.isupper():
        return True
    return part.islower() or (part[0].isupper() and (len(part) == 1 or part[1:].islower()))


def _pronounceable(part: str) -> bool:
    if len(part) <= _ACRONYM_LENGTH and part.isupper():
        return True  # an acronym is read letter by letter
    letters = "".join(_base_letter(c) for c in part)
    vowels = sum(c in _ASCII_VOWELS for c in letters)
    if vowels == 0 or vowels < _MIN_VOWEL_SHARE * len(letters):
        return False
    collapsed = _DIGRAPHS.sub("c", letters)
    run = 0
    for char in collapsed:
        run = 0 if char in _ASCII_VOWELS else run + 1
        if run > _MAX_CONSONANT_RUN:
            return False
    return True


def latin_words(value: str, longest: int | None = None) -> bool:
    """A word, or words joined by hyphens or apostrophes, of a language written in Latin letters:
    `Instansadgangskode`, `API-Schlüssel`, `Contraseña`. Letters only (a digit or a symbol makes
    it no word of any language); every part written and pronounceable as a word, and, with
    `longest`, no part longer than that (where a longer run is a passphrase of joined words)."""
    body = value[:-1] if value[-1:] in _END_MARKS else value
    parts = _PART_SEPARATORS.split(body)
    if not parts or any(not part or not all(_latin_letter(c) for c in part) for part in parts):
        return False
    if longest is not None and any(len(part) > longest for part in parts):
        return False
    if not all(_written_as_a_word(part) for part in parts):
        return False
    # An elided article or a short word (`l'`, `de`) is too short to judge; the rest must carry it.
    long_parts = [part for part in parts if len(part) > _SHORT_PART]
    long_letters = sum(len(part) for part in long_parts)
    return (
        3 * long_letters >= 2 * sum(len(part) for part in parts)
        and bool(long_parts)
        and all(_pronounceable(part) for part in long_parts)
    )


def _script_punctuation(char: str) -> bool:
    return not char.isascii() and unicodedata.category(char).startswith("P")


def sentence_in_another_script(value: str) -> bool:
    """Text of a script beyond Latin with that script's punctuation (`パスワードは8文字以上
    である必要があります。`): no ASCII letter, most characters letters of that script, and at
    least one punctuation mark outside ASCII."""
    if any(c.isascii() and c.isalpha() for c in value):
        return False
    other_letters = sum(c.isalpha() and not _latin_letter(c) for c in value)
    return 2 * other_letters >= len(value) and any(_script_punctuation(c) for c in value)
