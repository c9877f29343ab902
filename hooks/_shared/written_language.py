"""Text in a human language that the English letter-pair model of `credential_shape` does not read.

A translation file holds the words for "password" or "API key" in every language the interface
speaks (`placeholder-password: "Adgangskode"`, `apiKey: "API-Schlüssel"`, `passwordReq:
"パスワードは8文字以上である必要があります。"`). The letter pairs of English words say
nothing about Danish compounds or German umlauts, and a Japanese sentence with a number in it has
two "character classes", so such values read as random. This module answers three questions:

- `text_catalogue`: is the file a catalogue of text for people (decided by its content: eight or
  more string values after keys, three in five of them prose)? Only there do the two shapes
  below count as text: elsewhere the same letters may be a generator's (pwgen's `Ohngieeb`).
- `latin_words`: a word, or words joined by hyphens or apostrophes (acronyms such as `API`,
  `OAuth`, `2FA` among them), written as words are written and read as a word of a European
  language: its letter pairs, vowels, first two letters, accents, and no long run of a
  generator's consonant-vowel syllables; Cyrillic and Greek words by vowels and consonant runs.
  Digits and symbols make no word: `Sommerferie2024!` is how people choose passwords.
- `sentence_in_another_script`: a sentence of a script that runs its words together (CJK, kana,
  Hangul, Thai) with that script's punctuation (`。`, `、`, `！`); ASCII in it only as numbers,
  acronyms or short words, so a password typed with Latin letters, digits and symbols
  (`비밀번호Zq2024!abc`) is no sentence.
"""

from __future__ import annotations

import re
import unicodedata

# The letter pairs that make up 97% of the pairs in English words (counted once per distinct
# word over the words of CPython's standard library sources and docstrings). A pair of random
# letters is in this set about half the time; the pairs of a word almost always are.
ENGLISH_LETTER_PAIRS = frozenset(
    re.findall(
        "..",
        "abacadafagaiakalamanaparasatauavawaxaybabcbdbebibjblbobpbrbsbubycacccdcechcickclcmcncocpcrcsctcucydadb"
        "dcdddedfdidldndodpdrdsdtdueaebecedeeefegeiekelemeneoepeqereseteuevewexeyfafdfefffiflfofrfsftfugageggghg"
        "iglgmgngogrgsguhahehihohrhthuiaibicidieifigiliminioipirisitivixizjukakekiklkskwlalcldlelflilllnlolplsl"
        "tlulymambmdmemimlmmmompmsmtmunancndnenfngninknlnmnnnonpnrnsntnunvnyoaobocodofogoiokolomonoooporosotouov"
        "owoxpapcpdpepfphpiplpoppprpsptpupyqurarbrcrdrerfrgrirkrlrmrnrorprrrsrtrurvrwrysascsdsesfsgshsiskslsmsn"
        "sospsrssstsuswsytatbtctdtetfthtitltmtntotptrtstttutwtyuaubucudueufuguiulumunuoupurusutvavevivowawewhwi"
        "wnwowrwsxaxcxexfxixpxtyeyiymynypysytzazezi",
    )
)
# Letter pairs of words in other languages written in Latin letters that English words rarely have
# (`dg` and `gs` of Danish `adgang`, `ko`/`kj`, `sz`/`cz` of Polish, `ij` of Dutch, `zw` of German),
# taken from a hand-written list of about 800 interface words (password, key, user, save, cancel,
# ...) in German, French, Spanish, Italian, Portuguese, Dutch, Danish, Swedish, Norwegian, Polish,
# Czech, Turkish, Finnish, Vietnamese, Romanian and Hungarian, accents folded to their letters.
# Added to English's common pairs, they are the pairs a word of those languages is made of.
_EUROPEAN_PAIRS = frozenset(
    re.findall(
        "..",
        "aaaeahajaoazbbbmbnbtcjczdgdhdmdvdzehejezfmfngdgjgkgtgyhjhlhnhvhyihiiijikiujajdjejljmjnjojtjzkckhkjkkkn"
        "kokrktkukylblglhljlklmlrlvmkmnmymznhnjnwnzoeohojozpnrhrjrqrzsjsqsztktvtzujukuuuvuwuyuzvbvdvnvrvywdwpwy"
        "xoxuyaybycydyfygyhyjykylyoyuzkzlzmznzozpzrztzuzwzyzz",
    )
)
_VOWELS = frozenset("aeiouy")
# Two consonants a word of these languages may start with (`Schlüssel`, `klucz`, `hjælp`, `người`):
# random letters start with any two (`Jfezmomdteij`, `Tdsujzrvinaj`).
_ONSETS = frozenset(
    re.findall(
        "..",
        "blbrchclcrczdjdrdzfjflfrgjglgngrhjhlhvjmkhkjklknkrkvkwngnhpfphplprpsscshsjskslsmsnspsqstsvswsz"
        "thtjtrtwvlvrwhwpwrwszmznzpzrzw",
    )
)
# Consonant clusters that spell one sound (German `sch`, `ch`, `sh`, `th`, `ph`, `ck`, `ng`):
# one consonant when a run of consonants is measured (`Sicherheitsschlüssel`).
_DIGRAPHS = re.compile(r"sch|ch|sh|th|ph|ck|ng")
_MAX_CONSONANT_RUN = 4
_MIN_VOWEL_SHARE = 0.15  # `Schlüssel` has 2 in 7 (`sch` one sound), `wstecz` 1 in 6
# Generators of pronounceable keys join consonant-vowel syllables (`Bazolenuramikotesa`); a word
# this long has a cluster of consonants somewhere (`Instans`, `Contraseña`, `Schlüssel`).
_SYLLABLE_RUN = 14  # Romance words alternate too (`réinitialiser` is 13)
_LONGEST_WORD = 24  # `Wiederherstellungsschlüssel` is 27: past this a run of letters is no label
# Separators inside one phrase without spaces (`API-Schlüssel`, `l'utilisateur`), and the sentence
# mark that may end it.
_PART_SEPARATORS = re.compile(r"[-'\u2019]")
_END_MARKS = ".!?:"
_SHORT_PART = 2
_RARE_PAIR_LENGTH = 9
_ACCENTS_IN_A_WORD = 3  # kinds of accented letter in one word (`felhasználónév`: á, ó, é)
_TRIPLED = re.compile(r"(.)\1\1")  # one letter three times in a row (`bbb`): no word
# Scripts that run their words together and end sentences with `。`, `、`, `！`: a sentence of
# them carries its punctuation; an alphabet with spaces (Cyrillic, Greek) is judged by its words.
_UNSPACED_SCRIPTS = ("CJK", "HIRAGANA", "KATAKANA", "HANGUL", "THAI", "HALFWIDTH KATAKANA")
_CYRILLIC_GREEK_VOWELS = frozenset("аеёиоуыэюяіїєαεηιουωάέήίόύώ")
_LONGEST_ASCII_WORD = 12  # `請輸入Token`: an English word in the sentence, not a key
_ASCII_RUN = re.compile(r"[A-Za-z0-9]+")
# `API`, `OAuth`, `2FA`: read letter by letter (or a brand's casing), not as a word
_ACRONYM = re.compile(r"[A-Z]{1,5}|[A-Z][a-z]?[A-Z][a-z]{1,4}|[0-9][A-Z]{2,4}|[A-Z]{2,4}[0-9]")


def _script(char: str) -> str:
    """ "latin", "cyrillic", "greek" or "" for a letter (other scripts and non-letters)."""
    if not char.isalpha():
        return ""
    if char.isascii():
        return "latin"
    name = unicodedata.name(char, "")
    for script in ("LATIN", "CYRILLIC", "GREEK"):
        if name.startswith(script + " "):
            return script.lower()
    return ""


def _base_letter(char: str) -> str:
    """The letter a Latin letter is written on (`ü` -> `u`, `ø` -> `o`, `æ` -> `a`, `ß` -> `s`)."""
    if char.isascii():
        return char.lower()
    name = unicodedata.name(char, "")
    _, marker, rest = name.partition(" LETTER ")
    if not marker or not rest:
        return "?"
    word = rest.split(" ")[0]
    if word == "SHARP":
        return "s"
    if word == "DOTLESS":
        return "i"
    return word[0].lower()


def _written_as_a_word(part: str) -> bool:
    return part.islower() or (part[0].isupper() and (len(part) == 1 or part[1:].islower()))


def _consonant_runs(letters: str, vowels: frozenset[str]) -> list[int]:
    runs = [0]
    for char in letters:
        if char in vowels:
            runs.append(0)
        else:
            runs[-1] += 1
    return runs


def _latin_word(part: str) -> bool:
    """Pronounceable, with the letter pairs of a European language's words, and not a generator's
    run of consonant-vowel syllables."""
    letters = "".join(_base_letter(c) for c in part)
    accented = [c for c in part.lower() if not c.isascii() and c != "\u0131"]  # Turkish `ı` is a plain letter
    if "?" in letters or _TRIPLED.search(letters):
        return False
    if (len(part) > 3 and 2 * len(accented) > len(part)) or len(set(accented)) > _ACCENTS_IN_A_WORD:
        # accents on many letters, or of many kinds: no language writes a word so (`Hetúññôôèà`,
        # `Xtyuslgälàjü`); `Mật`, `khẩu`, `felhasználó`, `configurações` are written with a few
        return False
    collapsed = _DIGRAPHS.sub("c", letters)
    if sum(c in _VOWELS for c in collapsed) < _MIN_VOWEL_SHARE * len(collapsed):
        return False
    if letters[0] not in _VOWELS and letters[1:2] and letters[1] not in _VOWELS and letters[:2] not in _ONSETS:
        return False
    runs = _consonant_runs(collapsed, _VOWELS)
    if max(runs) > _MAX_CONSONANT_RUN or (len(letters) >= _SYLLABLE_RUN and max(runs) < 2):
        return False
    unusual = sum(
        letters[i : i + 2] not in ENGLISH_LETTER_PAIRS and letters[i : i + 2] not in _EUROPEAN_PAIRS
        for i in range(len(letters) - 1)
    )
    # The two sets hold most pairs of these languages' words; a long word may have one rare pair.
    return unusual == 0 or (unusual == 1 and len(letters) >= _RARE_PAIR_LENGTH)


def _alphabet_word(part: str) -> bool:
    """A word of Cyrillic or Greek letters: vowels among them and no long run of consonants."""
    letters = part.lower()
    vowels = sum(c in _CYRILLIC_GREEK_VOWELS for c in letters)
    runs = _consonant_runs(letters, _CYRILLIC_GREEK_VOWELS)
    if vowels < _MIN_VOWEL_SHARE * len(letters) or max(runs) > _MAX_CONSONANT_RUN:
        return False
    return not (len(letters) >= _SYLLABLE_RUN and max(runs) < 2)


def latin_words(value: str, longest: int | None = None) -> bool:
    """A word, or words joined by hyphens or apostrophes, of a language written in Latin (or
    Cyrillic or Greek) letters: `Instansadgangskode`, `API-Schlüssel`, `Contraseña`,
    `Пароль-приложения`. Letters only (a digit or a symbol makes it no word of any language), one
    script, every part written as a word and, past two letters, read as one; no part longer than
    `longest` (where a longer run is a passphrase of joined words) or than a label's longest."""
    body = value[:-1] if value[-1:] in _END_MARKS else value
    parts = _PART_SEPARATORS.split(body)
    scripts = {_script(c) for c in body if c.isalpha()}
    if not parts or len(scripts) != 1 or "" in scripts:
        return False
    script = scripts.pop()
    if any(not part or not all(_script(c) == script or c.isdigit() for c in part) for part in parts):
        return False
    if any(c.isdigit() for part in parts if not _ACRONYM.fullmatch(part) for c in part):
        return False  # a digit only in an acronym (`2FA`); a word with digits is a chosen password
    limit = _LONGEST_WORD if longest is None else min(longest, _LONGEST_WORD)
    acronyms = [part for part in parts if script == "latin" and _ACRONYM.fullmatch(part)]
    words = [part for part in parts if part not in acronyms]
    if any(len(part) > limit for part in parts) or not all(_written_as_a_word(part) for part in words):
        return False
    # An elided article or a short word (`l'`, `de`) is too short to judge; the rest must carry it.
    long_parts = [part for part in words if len(part) > _SHORT_PART]
    carried = sum(len(part) for part in (*long_parts, *acronyms))
    if not long_parts or 3 * carried < 2 * sum(len(part) for part in parts):
        return False
    judge = _latin_word if script == "latin" else _alphabet_word
    return all(judge(part) for part in long_parts)


def _script_punctuation(char: str) -> bool:
    return not char.isascii() and unicodedata.category(char).startswith("P")


def _unspaced_letter(char: str) -> bool:
    return char.isalpha() and not char.isascii() and unicodedata.name(char, "").startswith(_UNSPACED_SCRIPTS)


def sentence_in_another_script(value: str) -> bool:
    """A sentence of a script that runs its words together (`パスワードは8文字以上である必要が
    あります。`, `请输入OAuth客户端密钥。`): most characters that script's letters, its own
    punctuation, and in ASCII only numbers and acronyms or words (`8`, `API`, `OAuth`), never a
    run that mixes letters and digits."""
    letters = sum(_unspaced_letter(c) for c in value)
    if 2 * letters < len(value) or not any(_script_punctuation(c) for c in value):
        return False
    for run in _ASCII_RUN.findall(value):
        word = run.isalpha() and _written_as_a_word(run) and len(run) <= _LONGEST_ASCII_WORD
        if not (run.isdigit() or _ACRONYM.fullmatch(run) or word):
            return False
    return not any(c.isalpha() and not c.isascii() and not _unspaced_letter(c) for c in value)


# A string value after a key: `"key": "value"`, `key: 'value'`, `key = "value"` (JSON, JS, YAML,
# TOML, Apple's .strings), or a .properties/.ini line's unquoted value.
_QUOTED_VALUE = re.compile(r"""[:=][ \t]*(?:"((?:[^"\\\n]|\\.){1,300})"|'((?:[^'\\\n]|\\.){1,300})')""")
_LINE_VALUE = re.compile(r"(?m)^[ \t]*[A-Za-z_][\w.-]{0,100}[ \t]*=[ \t]*([^\n\"']{1,300})$")
_CATALOGUE_VALUES = 8  # fewer string values say nothing about what the file is
_CATALOGUE_SCAN = 1_000_000  # characters read to decide


def _prose(value: str) -> bool:
    """Text for people: words with spaces between them, or letters of a script beyond ASCII."""
    stripped = value.strip()
    words = stripped.split()
    return (len(words) >= 2 and sum(any(c.isalpha() for c in w) for w in words) >= 2) or any(
        c.isalpha() and not c.isascii() for c in stripped
    )


def text_catalogue(text: str) -> bool:
    """Whether a file is a catalogue of text for people (a translation file, a locale bundle):
    at least eight string values after keys, and at least three in five of them prose. A
    configuration file holds hosts, ports, names and ids; a translation file holds sentences and
    labels, in which a credential's name (`password`, `apiKey`) labels a field, not a value."""
    head = text[:_CATALOGUE_SCAN]
    values = [a or b for a, b in _QUOTED_VALUE.findall(head)]
    values += _LINE_VALUE.findall(head)
    if len(values) < _CATALOGUE_VALUES:
        return False
    return 5 * sum(_prose(value) for value in values) >= 3 * len(values)
