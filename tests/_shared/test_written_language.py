"""Words of languages the English letter pairs do not cover, and sentences in other scripts."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hooks._shared.written_language import latin_words, sentence_in_another_script, text_catalogue
from tests.secrets.helpers import scan_text


@pytest.mark.parametrize(
    "value",
    [
        "Instansadgangskode",  # Danish: instance password
        "Adgangskode",
        "API-Schlüssel",  # German: API key
        "Client-Schlüssel",
        "Sicherheitsschlüssel",
        "Contraseña",  # Spanish
        "Wachtwoord",  # Dutch
        "Lösenord",  # Swedish
        "Salasana",  # Finnish
        "Mot-de-passe",
        "l'utilisateur",
        "Jelszó:",
        # the red team's translations (stop 81)
        "Clé-d'API",
        "Tajny-klucz",
        "Klucz-API",
        "Mật-khẩu-ứng-dụng",
        "Geheimer-Schlüssel",
        "OAuth-Client-Geheimnis",
        "2FA-Schlüssel",
        "Пароль-приложения",
        "Секретный-ключ",
        "Kennwörter",
        "Réinitialiser",
        "Çıkış",
    ],
)
def test_words_of_other_languages(value: str) -> None:
    assert latin_words(value)


@pytest.mark.parametrize(
    "value",
    [
        "lebYnaozlaSpiulThzby",  # pronounceable humps, cased inside a word
        "Aech4ohb",  # pwgen: a digit
        "Sommerferie2024!",  # a word with digits and symbols: a chosen password
        "Qwhxkzvbrtplmnsd",  # no vowels to speak of
        "Xkqzvbnmrtlp",
        "Strxgnkpwlm",  # a consonant run no language writes
        "Zq",
        "ABCDEFGHIJ",  # capitals past an acronym's length
        "Abc--def",
        "wörd wörd",  # spaces are judged elsewhere
        "",
        # the red team's (stop 81): random letters written as a word, generators' syllables,
        # random accents, hyphenated random parts
        "Lrwyvxlcov",
        "Yyyqxsuljj",
        "Xobtyf-pikmeq-rudquj",
        "Xragqo-saauth-igfjer",
        "Bazolenuramikotesamu",
        "Näwéwaôôvübolîlfîqce",
        "Hetúññôôèà",
        "Zephyrantheswqx",
        "Tkvzelomira",
        "AWS-Lrwyvxlcov",
        "Jfezmomdteij",
        "Abbbcdef",
        "Пароль2024",
    ],
)
def test_no_word_of_any_language(value: str) -> None:
    assert not latin_words(value)


def test_a_sentence_in_another_script() -> None:
    assert sentence_in_another_script("パスワードは8文字以上である必要があります。")
    assert sentence_in_another_script("密码长度至少为8个字符！")
    assert sentence_in_another_script("APIキーを入力してください。")  # an acronym in the sentence
    assert sentence_in_another_script("请输入OAuth客户端密钥。")


@pytest.mark.parametrize(
    "value",
    [
        "비밀번호Zq2024!abc",  # Latin letters, digits and symbols: a typed password
        "密码很安全123",  # no punctuation of its script
        "пароль2024!",
        "Gr\u00fcn\u00e4。Kp7vQ2",  # ASCII letters
        "。。。。123456789",  # mostly not letters
        "жщзкфбвхъ。",  # an alphabet with spaces does not end a sentence with `。`
        "ψξζθφχκλμ。",
        "キーXk9mQ2vL。",  # letters and digits mixed in one ASCII run: a key
        "Пароль должен быть не короче 8 символов…",  # spaces: judged as prose elsewhere
    ],
)
def test_no_sentence_in_another_script(value: str) -> None:
    assert not sentence_in_another_script(value)


@given(st.text(max_size=200))
def test_garbage_never_raises(value: str) -> None:
    assert isinstance(latin_words(value), bool)
    assert isinstance(sentence_in_another_script(value), bool)


def _blocking(findings: list) -> list[tuple[str, int]]:  # type: ignore[type-arg]
    return sorted((f.rule_id, f.line) for f in findings if f.severity.value != "low")


TRANSLATIONS = """const TRANSLATIONS = {
  login: {
    instancePassword: "Instanskode",
    "placeholder-password": "Adgangskode",
    passwordReq: "パスワードは8文字以上である必要があります。",
  },
  settings: { apiKey: "API-Schlüssel", clientSecret: "Client-Schlüssel" },
  welcome: "Velkommen til din nye arbejdsplads",
  setPassword: "Vil du oprette en adgangskode?",
  invite: "Inviter et medlem af dit team",
  save: "Gem ændringer",
  cancel: "Annuller",
  empty: "Ingen dokumenter fundet endnu",
};
"""
CONFIG = """const CONFIG = {
  host: "db.internal",
  port: "5432",
  user: "svc_reader",
  region: "eu-west-1",
  bucket: "ml-artifacts",
  queue: "jobs-high",
  timeout: "30s",
  password: "Adgangskode",
  apiKey: "API-Schlüssel",
};
"""


def test_a_translation_file_does_not_block(tmp_path: Path) -> None:
    assert text_catalogue(TRANSLATIONS)
    assert _blocking(scan_text(tmp_path, "locales/da/common.js", TRANSLATIONS)) == []


def test_the_same_words_in_a_configuration_file_still_block(tmp_path: Path) -> None:
    """Outside a catalogue of text a run of letters may be a generator's (pwgen's `Ohngieeb`); the
    file's content decides, and its name does not (a config named like a locale file)."""
    assert not text_catalogue(CONFIG)
    assert _blocking(scan_text(tmp_path, "locales/da/common.js", CONFIG)) == [("MLS223", 9), ("MLS223", 10)]
    pwgen = TRANSLATIONS.replace('cancel: "Annuller"', 'cancel: "Annuller",\n  dbPassword: "Ohngieeb4"')
    assert _blocking(scan_text(tmp_path, "locales/da/common.js", pwgen)) == [("MLS223", 13)]  # a key among labels


@given(st.text(max_size=400))
def test_catalogue_garbage_never_raises(text: str) -> None:
    assert isinstance(text_catalogue(text), bool)


def test_a_long_compound_under_a_password_name_is_a_passphrase(tmp_path: Path) -> None:
    """Danish compounds and English passphrases look the same: a run longer than a sentence's word
    under a password's name still blocks (blind61's `Instansadgangskode` label stays false)."""
    assert latin_words("Instansadgangskode") and not latin_words("Instansadgangskode", 12)
    text = TRANSLATIONS.replace('"Instanskode"', '"Instansadgangskode"').replace(
        '"Client-Schlüssel"', '"Sicherheitsschlüssel"'
    )
    assert _blocking(scan_text(tmp_path, "common.js", text)) == [("MLS223", 3)]


@pytest.mark.parametrize(
    "line",
    [
        'password: "Sommerferie2024!"',  # a chosen password in any language
        'apiKey: "Qm7vXk2pLr9TzW4sHn"',
        'password: "비밀번호Zq2024!abc"',
        'clientSecret: "lebYnaozlaSpiulThzby"',
    ],
)
def test_a_secret_in_the_same_file_still_blocks(tmp_path: Path, line: str) -> None:
    text = TRANSLATIONS.replace("  settings: {", f"  {line},\n  settings: {{")
    assert _blocking(scan_text(tmp_path, "locales/da/common.js", text)) == [("MLS223", 7)]
