"""Where a value is a credential because of where it stands, whatever its provider.

A `Candidate` is a value in a credential context: assigned to a credential-like name (code,
`.env`, YAML, JSON, TOML, INI, HOCON, `%env`, Dockerfile `ENV`, k8s `stringData`, an HTML
table row, an XML element), given to a CLI flag (`--token`, `--password=`, `add-authtoken`),
the password of a URL, an HTTP authorization (`Authorization: Bearer ...`, `-u user:pass`),
the argument of a `login` command, or a quoted value right after a credential word in prose.
Whether the value itself looks like a secret is `credential_shape`'s judgement; how strong the
context is, is this module's (`name_strength`).

Linear time: the name pattern runs over ASCII-lower-cased text (so no case-insensitive
alternation defeats the engine's first-character scan), starts at a credential word, and never
backtracks into the rest of the name (an atomic group emulated with a lookahead and a
back-reference, which Python 3.10 understands); every repetition is bounded.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass

MAX_VALUE = 512


@dataclass(frozen=True)
class Candidate:
    value: str
    start: int  # offset of the value in the text
    end: int
    name: str  # the name, flag or header it is given to ("" when none)
    context: str  # "name", "flag", "header", "url:<scheme>", "basic-auth", "login", "mention"
    quoted: bool  # a string literal, or text no expression can be (in code, only these are values)
    strength: int  # how surely the context holds a credential: 1 weak, 2 strong


def ascii_lower(text: str) -> str:
    """Lower-case ASCII letters only, so offsets in the result are offsets in `text`."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return text.translate(_ASCII_LOWER)


_ASCII_LOWER = {code: code + 32 for code in range(ord("A"), ord("Z") + 1)}

# --- names ------------------------------------------------------------------------------------
_WORD_SPLIT = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|[0-9]+")
_STRONG_WORDS = frozenset(
    "password passwd passphrase pwd secret secrets token apikey authtoken accesstoken refreshtoken bearer "
    "credential credentials privatekey secretkey clientsecret accesskey pat sastoken webhooksecret "
    "signingkey encryptionkey masterkey passcode creds".split()
)
_WEAK_WORDS = frozenset("key auth pass pw hmac otp".split())
# Two words that name a credential together (`api key`, `access key`, `auth token`).
_STRONG_PAIRS = frozenset(
    {
        ("api", "key"),
        ("access", "key"),
        ("private", "key"),
        ("secret", "key"),
        ("client", "secret"),
        ("auth", "token"),
        ("access", "token"),
        ("refresh", "token"),
        ("session", "token"),
        ("bot", "token"),
        ("master", "key"),
        ("encryption", "key"),
        ("signing", "key"),
        ("license", "key"),
        ("account", "key"),
        ("app", "key"),
        ("app", "secret"),
        ("service", "key"),
        ("shared", "key"),
        ("subscription", "key"),
        ("storage", "key"),
        ("sas", "token"),
        ("api", "token"),
        ("api", "secret"),
        ("consumer", "secret"),
        ("webhook", "secret"),
        ("server", "token"),
        ("write", "token"),
        ("read", "token"),
    }
)
# A name ending in one of these holds something about a credential, not the credential.
_NOT_VALUE_WORDS = frozenset(
    "id ids name names file files filename path paths dir directory url urls uri endpoint host hostname port type "
    "types count counts len length size limit max min num number index idx field fields prefix suffix env var "
    "variable ref reference arn version format expiry expires expiration ttl timeout hash hashed sha digest checksum "
    "policy mode enabled enable disabled required rotation label description help hint prompt placeholder example "
    "template pattern regex mask list store manager provider source location scope scopes audience issuer "
    "algorithm alg encoding kind schema table column header headers param params parameter arg args option "
    "options flag cache helper class method func function callback handler validator style color icon input "
    "output strength lifetime age duration interval created updated date time owner user username login email "
    "region bucket project tenant resource service backend engine keyring vault keychain mapping map dict set "
    "key_id keyid fingerprint public pub cert certificate status error errors message text "
    "usage usages budget spent remaining rate cost price generator generation revision revisions rev commit "
    # `token_embd.weight`, `token_embedding.bias`: a tensor of a model (its digest in a manifest)
    "weight weights bias "
    # `docker login --password-stdin HOST`: the secret is read from standard input; what follows
    # the option is the registry, never the password.
    "stdin".split()
)
_QUALIFIERS = frozenset("api secret access private auth client app service".split())
# `pad_token`, `max_new_tokens`, `placeholder_token`: tokenizer vocabulary, not credentials.
_TOKENIZER_WORDS = frozenset(
    "pad bos eos unk sep cls mask special placeholder initializer new stop start end image audio video vision "
    "eot eom begin boundary split decoder encoder max min num total input output prompt completion generated "
    "last first next prev target char word sub byte fim middle think tool img chat system assistant default "
    "added extra vocab embed embedding trigger class".split()
)
# `hashed_secret` (detect-secrets baselines), `password_sha256`: what a hash of a credential is called.
_HASH_WORDS = frozenset("hash hashed sha sha1 sha256 sha512 md5 digest checksum".split())
# `NextToken`, `CreationToken`, `continuation_token`: a page cursor or an idempotency id the API
# hands back or asks for, never a credential.
# (Not `page`: a Facebook Page access token is a credential; a page token after `next`/`prev`
# is a listing's cursor.)
_CURSOR_WORDS = frozenset("creation idempotency continuation pagination next cursor".split())
_PAGE_STEPS = frozenset("next prev previous".split())
# The shell's working directories (`-v "$PWD:$PWD"`), not a password.
_SHELL_DIRECTORIES = frozenset({"$PWD", "${PWD}", "$OLDPWD", "${OLDPWD}"})
# `primary_key`, `sort_key`, `public_key`: keys that are not credentials.
_KEY_QUALIFIERS = frozenset(
    "primary foreign sort partition cache dict hash map lookup row column index unique composite group join "
    "object s3 blob file public pub idempotency dedup message label output input target feature hot shortcut "
    "keyboard sharding routing metric config state model data dataset batch item entry field image text query "
    "value attr attribute param parameter json yaml registry schedule sample cursor node edge tree sorting "
    "dimension dim translation i18n locale lang bucket prefix path name".split()
)


def name_words(name: str) -> list[str]:
    return [w.lower() for w in _WORD_SPLIT.findall(name)]


@functools.lru_cache(maxsize=4096)
def name_strength(name: str) -> int:
    """2: the name says credential (`api_key`, `DB_PASSWORD`, `clientSecret`, `--token`);
    1: it may (`key`, `auth`, `KAGGLE_KEY`); 0: it names something else (`secretName`,
    `pad_token`, `password_file`, `tokenizer`, `primary_key`)."""
    words = name_words(name)
    strength = _words_strength(words)
    if strength or len(name) > _RUN_TOGETHER_LIMIT:
        return strength
    # `PGPASSWORD`, `HFTOKEN`: a credential word run on at the end of another, which the word
    # split cannot see. Judged as if split there, so `EOSTOKEN` (eos_token) and `NEXTTOKEN`
    # (next_token) stay what they are.
    for index, word in enumerate(words):
        for ending in _RUN_TOGETHER_ENDINGS:
            if word.endswith(ending) and len(word) > len(ending):
                split = [*words[:index], word[: -len(ending)], ending, *words[index + 1 :]]
                strength = max(strength, _words_strength(split))
    return strength


# Strong credential words a name may run on at its end (`PGPASSWORD`, `GITHUBTOKEN`).
_RUN_TOGETHER_ENDINGS = ("password", "passwd", "secret", "token", "apikey", "accesskey", "privatekey", "credentials")
_RUN_TOGETHER_LIMIT = 80  # longer names are not split again: the words already judged them


def _words_strength(words: list[str]) -> int:
    if not words:
        return 0
    if words[:3] in (["x", "amz", "credential"], ["x", "goog", "credential"]) and len(words) == 3:
        return 0  # a signed URL's credential scope: the key id, date and region, not the secret
    joined = "".join(words)
    if words[-1] in _NOT_VALUE_WORDS or (len(words) > 1 and "_".join(words[-2:]) in _NOT_VALUE_WORDS):
        return 0
    best = 0
    for index, word in enumerate(words):
        before = words[index - 1] if index else ""
        if word in ("token", "tokens") and before in _TOKENIZER_WORDS:
            return 0
        if word in ("token", "tokens") and before in _CURSOR_WORDS and best == 0:
            return 0
        if word == "token" and before == "page" and index > 1 and words[index - 2] in _PAGE_STEPS and best == 0:
            return 0  # `nextPageToken`, `next_page_token`: the cursor of a listing's next page
        if word in ("key", "accept") and words[max(0, index - 3) : index] == ["sec", "web", "socket"]:
            return 0  # `Sec-WebSocket-Key`: the handshake's random nonce (RFC 6455), sent in the clear
        if word in ("token", "tokens") and before == "per":
            return 0  # `time_per_token`, `cost_per_token`: a measure per token of text
        if word in ("token", "tokens") and before == "to" and best == 0:
            return 0  # `idx_to_token`: a vocabulary map (`API_KEY_TO_TOKEN` keeps its `API_KEY`)
        if before in _HASH_WORDS and (word in _STRONG_WORDS or word in _WEAK_WORDS):
            return 0  # `hashed_secret`, `sha256_password`: a digest of the credential, which cannot be used
        if word == "tokens":
            continue
        if word == "key" and before in _KEY_QUALIFIERS:
            return 0
        if (before, word) in _STRONG_PAIRS or word in _STRONG_WORDS:
            best = 2
        elif word in _WEAK_WORDS:
            best = max(best, 1)
    if best < 2 and any(compound in joined for compound in ("apikey", "authtoken", "accesstoken", "secretkey")):
        best = 2
    if best == 1 and words[-1] in ("key", "token") and _QUALIFIERS.intersection(words[:-1]):
        best = 2  # API_CATALOG_KEY, SECRET_SIGNING_TOKEN
    if best == 1 and len(words) > 1 and words[-1] == "pass" and words[-2] in _ACCOUNT_WORDS:
        best = 2  # DB_PASS, SMTP_PASS, REDIS_PASS: a service's password, as .env files name it
    return best


# Services and accounts whose password a final `pass` names (`DB_PASS`, `SMTP_PASS`); after other
# words `pass` is as often a step, a filter or a stage (`eval_pass`, `render_pass`, `high_pass`).
_ACCOUNT_WORDS = frozenset(
    "db database sql mysql mariadb postgres postgresql pg psql mssql oracle redis mongo mongodb rabbitmq amqp "
    "smtp mail email imap pop3 ftp sftp ldap admin root user login account ssh proxy vpn wifi basic http "
    "minio elastic es kibana grafana jenkins neo4j cassandra clickhouse snowflake influx influxdb".split()
)


# --- patterns ---------------------------------------------------------------------------------
# A credential word, the rest of the name (atomic), the end of a quoted key or index, a
# separator, then the value (quoted, or bare up to whitespace, a quote or `<`).
_KEYWORD = r"(?P<kw>pass|pwd|secret|token|key|auth|cred|bearer)"
_NAMED = re.compile(
    _KEYWORD + r"(?=(?P<rest>[a-z0-9_.\-]{0,40}))(?P=rest)"
    r"(?P<close>[\"'`]?\]?)"
    r"(?P<sep>[ \t]{0,8}(?::=|=>|[=:,])[ \t]{0,8}|</t[dh]>[ \t]{0,8}<td[^>\n]{0,40}>|>|[ \t]{1,8})"
    r"(?:default[ \t]{0,4}=[ \t]{0,4})?"
    r"(?P<open>\((?:[ \t]{0,4}\n)?[ \t]{0,16}|[\[{][ \t]{0,4})?"
    r"(?:[bruf]{1,2}(?=[\"'`]))?"
    r"(?:(?P<q0>[\"'`]?)(?P<scheme>bearer|basic|token|bot|apikey|api-key|key|ssws|oauth|jwt|digest|splunk)[ \t]{1,4})?"
    r"(?:\"(?P<dq>[^\"\n]{1,512})\"|'(?P<sq>[^'\n]{1,512})'|`(?P<bq>[^`\n]{1,512})`|(?P<bare>[^\s\"'`<]{8,512}))"
)
_NAME_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.-$")
_URL = re.compile(
    r"://(?P<user>[^\s:/@'\"<>]{0,128}):(?P<secret>[^\s@/'\"<>]{1,256})@"
    # The host may be filled in at run time (`@{host}`, `@${DB_HOST}`, `@%(host)s`): the password
    # before it is written here all the same.
    r"(?P<host>[A-Za-z0-9.\-_\[\]]{1,253}|\$?\{[A-Za-z_][\w.]{0,60}\}|%\([A-Za-z_]\w{0,60}\)s)"
)
_SCHEME_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+.-")
# curl/wget/httpie `-u user:password`, `--user=user:password`. A "user" that is `+` and strftime
# directives is `date -u +%Y-%m-%dT%H:%M:%S`: UTC time and a format whose colons split its fields.
_USER_FLAG = re.compile(
    r"(?:-u|--user|--basic-auth|--auth)(?:[ \t]{1,4}|=)[\"']?"
    r"(?P<user>(?!\+[^\s:\"'@]{0,60}%[A-Za-z])[^\s:\"'@]{1,64}):(?P<secret>[^\s\"'@]{1,256})"
)
# `wandb login KEY`, `huggingface-cli login --token KEY` (the flag is found by _NAMED).
_LOGIN = re.compile(r"login(?:[ \t]{1,4}--?[a-z][a-z-]{0,20}){0,4}[ \t]{1,4}(?P<value>[^\s\"'`<-][^\s\"'`<]{7,511})")
# Prose that gives a value: "the key for the staging server is `AbC...`", "token: `AbC...`".
_MENTION = re.compile(
    r"(?:key|token|password|secret)\b[^`\n]{0,40}?(?:\bis|\bwas|:|=|\buse|\bset to)[ \t]{0,4}"
    r"`(?P<value>[^`\s]{16,200})`"
)
# What follows a value given after a space when the line is a sentence: two more words. A netrc
# line goes on with its own keywords (`password X machine Y`), which are no sentence.
_SENTENCE_GOES_ON = re.compile(
    r"[ \t]{1,4}(?!(?:machine|login|password|account|macdef|default|port)\b)[A-Za-z][a-z]{0,20}[ \t]{1,4}[A-Za-z(]"
)
# What follows `name=` or `name>` when the operator was `==`, `>=`, `<=` or `~=` with a version.
_VERSION_AFTER_OPERATOR = re.compile(
    r"=[ \t]{0,4}v?\d{1,8}(?:\.\d{1,8}){0,4}(?:\.\*|(?:a|b|rc|\.post|\.dev)\d{0,4})?(?=[,;)\s]|->|\Z)"
)
# A name inside a sentence: a word right before it and one after its value ("# Configure Token
# Injection extension"), where a netrc line has its own keywords or nothing. Only a word as
# sentences write it (lower case or capitalised, not `QkzvXbtrWplm`) is taken for one.
_NOT_NETRC = r"(?!(?:machine|login|password|account|macdef|default|port)\b)"  # a netrc line's own words
_WORD_BEFORE = re.compile(r"(?:^|(?<=[ \t#/*]))" + _NOT_NETRC + r"[A-Za-z][a-z]{1,20}[ \t]{1,4}\Z")
# An unquoted value that is code wherever it is written (a Python or Jinja snippet in Markdown, a
# template): the whole value a call of a dotted name, or of a name with no arguments, and what
# follows it only more of the expression (`response.json()['token']`, `getpass.getpass()`), or the
# value stops at the call's opening bracket because a string argument follows (`os.getenv("X")`).
# `My.Pass(2024)xk` goes on after the call: a password.
_CALL_VALUE = re.compile(r"[A-Za-z_]\w{0,63}(?:(?:\.[A-Za-z_]\w{0,63}){1,8}\([^()]{0,128}\)|\(\))(?:[.\[].{0,256})?\Z")
_OPENED_CALL = re.compile(r"[A-Za-z_]\w{0,63}(?:\.[A-Za-z_]\w{0,63}){1,8}\(\Z")
# The same for an item of a container read by a string key (`latencies = valid_df['latency_s']
# .stack()` in a README snippet): a code name (lower-case words, at most 3 digits, as variables are
# written; a generated password or token has capitals and digits) whose bracket opens on a quote.
# Nothing else after a bracket is taken for code, since an .env or INI value may be written so
# (`summer.sky[7].blue`, `key[0](Xk9f...)`); a string key opened by a quote hardly is.
# Each word of the name (between `_` and `.`) is short, and one of more than 3 letters has a vowel:
# `valid_df`, `batch.items`; not `qzkvmwptrxjhlbndyc` or `kq.zvm_wptrxjhlbnd`.
_CODE_WORD = r"(?:[a-z0-9]{1,3}|(?=[a-z0-9]{0,11}[aeiouy])[a-z0-9]{4,12})"
# One way only to read a name (words never empty, one or two separators between them): the
# pattern cannot backtrack through runs of `_` or `.`.
_CODE_NAME = rf"(?!(?:[^\d\[]*\d){{4}})_{{0,2}}{_CODE_WORD}(?:[._]_?{_CODE_WORD}){{0,8}}_?"  # 3 digits at most
_OPENED_ITEM = re.compile(_CODE_NAME + r"\[\Z")
# After `("NAME", `: the next keyword argument given a string (`secret_var('X', project='y')`).
_KEYWORD_ARGUMENT = re.compile(r"[a-z_][a-z0-9_]{0,63}=\Z")
# `ENV GPG_KEY 0D96DF4D...`, `PGP_KEYS="A... B..."`: the fingerprints (40 hex) or long or short key
# ids (16, 8) of public signing keys a build checks a download against. A private key is an armored
# block, never a hex id; a name with any other credential word may hold a passphrase.
_PGP_WORDS = frozenset({"gpg", "pgp", "gnupg", "openpgp"})
_KEY_ID_WORDS = frozenset({"key", "keys", "keyid", "keyids", "fingerprint", "fingerprints", "fpr", "id", "ids"})
_KEY_ID_LENGTHS = frozenset({8, 16, 40})
# Keys that are secret whatever their length (`GPG_SESSION_KEY`, `PGP_DECRYPTION_KEY`).
_SECRET_KEY_KINDS = frozenset({"signing", "session", "decryption", "decrypt", "symmetric", "encryption", "master"})
_HEX_WORDS = re.compile(r"[0-9A-Fa-fx \t]{8,2048}")
_PROSE_WORD_LENGTH = 12  # a word of a sentence; longer runs of letters are passphrases people type
# The rest of a parenthesised phrase a value opened: words, then the closing parenthesis.
_CLOSES_PHRASE = re.compile(r"(?:[ \t]{1,4}[A-Za-z][a-z]{0,20}){1,6}\)")
_WORD_AFTER = re.compile(r"[ \t]{1,4}" + _NOT_NETRC + r"[A-Za-z][a-z]{1,20}\b")
# A source map (JSON, revision 3): its `names` array lists the identifiers of the mapped code.
_SOURCE_MAP_NAMES = re.compile(r'"names"[ \t]{0,4}:[ \t]{0,4}\[')


def _source_map_names(lowered: str) -> list[tuple[int, int]]:
    """The spans of a source map's `names` arrays (none unless the text has `"mappings"`)."""
    if '"mappings"' not in lowered:
        return []
    spans = []
    for match in _SOURCE_MAP_NAMES.finditer(lowered):
        end = lowered.find("]", match.end())
        spans.append((match.end(), end if end >= 0 else len(lowered)))
    return spans


def _within_spans(spans: list[tuple[int, int]], offset: int) -> bool:
    return any(start <= offset < end for start, end in spans)


_DETERMINERS = frozenset("the a an your my our their his her its this that new default same old any no".split())
_SHELL_SETTERS = ("%env", "%set_env", "env ", "arg ", "set ", "setx ", "export ")


def _name_start(text: str, end: int) -> int:
    start = end
    while start > 0 and end - start < 60 and text[start - 1] in _NAME_CHARS:
        start -= 1
    return start


_HEX_DIGEST = re.compile(r"(?i)[0-9a-f]{32}|[0-9a-f]{40}|[0-9a-f]{56}|[0-9a-f]{64}|[0-9a-f]{96}|[0-9a-f]{128}")


def _digest_qualified(text: str, name_start: int, match: re.Match[str]) -> bool:
    """`checksum/secret`: the name's `/`-qualifier is exactly `checksum` (Helm's annotation
    prefix for a rendered object's digest) and the value is a whole hex digest of one of the
    common lengths (MD5 to SHA-512). A digest cannot be used as the credential."""
    qualifier = text[_name_start(text, name_start - 1) : name_start - 1]
    if name_words(qualifier) != ["checksum"]:
        return False  # only Helm's `checksum/` prefix: `hmac-sha256/secret` names a key's use
    value = next((match.group(g) for g in ("dq", "sq", "bq", "bare") if match.group(g) is not None), "")
    return _HEX_DIGEST.fullmatch(value.strip()) is not None


def _loopback_url(lowered: str, query_start: int) -> bool:
    scheme = lowered.rfind("://", max(0, query_start - 300), query_start)
    return scheme >= 0 and lowered.startswith(_LOOPBACK, scheme + 3)


_LOOPBACK = ("localhost", "127.0.0.1", "0.0.0.0", "[::1]")  # noqa: S104 - hosts we recognise, not bind


# Where a bare value ends in CJK text, as an English one ends at a space: at CJK punctuation and
# full-width forms (`，`, `（`, `）`, `：`, `。`, `、`), and where an ideograph, kana or hangul syllable
# follows ASCII, since CJK runs words together (`Token Table高效地检索`). A value that starts in CJK,
# a password typed so, is kept whole.
_CJK_BREAK = re.compile(
    r"[\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65]"
    r"|(?<=[\x21-\x7e])[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]"
)


_CLOSERS = {"(": ")", "[": "]", "{": "}", "<": ">"}


def _trim_bare(value: str, query: bool) -> str:
    value = value.split("\\n", 1)[0].split("\\t", 1)[0]  # JSON-escaped code: `x = y\n`
    value = _CJK_BREAK.split(value, maxsplit=1)[0]
    # An opening bracket the value never closes opens the sentence's aside, not the value
    # (`secrets (already configured)`): what follows it is judged.
    closer = _CLOSERS.get(value[:1])
    if closer is not None and closer not in value:
        value = value[1:]
    if query:
        value = re.split(r"[&#]", value, maxsplit=1)[0]
    value = re.split(r"[;,]", value, maxsplit=1)[0] if not value.startswith(("(", "[", "{")) else value
    # A sentence's full stop after a closing bracket (`[demo](https://x/?auth=abc).`): the stop,
    # then the bracket the value does not open, then any stop before it, until nothing changes.
    while True:
        trimmed = value.rstrip(".:")
        while (
            trimmed
            and trimmed[-1] in ")]}>"
            and trimmed.count(trimmed[-1]) > trimmed.count({")": "(", "]": "[", "}": "{", ">": "<"}[trimmed[-1]])
        ):
            trimmed = trimmed[:-1]
        if trimmed == value:
            return value
        value = trimmed


def line_head(text: str, offset: int, limit: int = 256) -> str:
    """The text from the start of the line to `offset`, at most `limit` characters of it (never
    a scan back over a whole long line: that would make many matches on one line quadratic)."""
    floor = max(0, offset - limit)
    newline = text.rfind("\n", floor, offset)
    return text[newline + 1 if newline >= 0 else floor : offset]


_KEYWORDS = ("pass", "pwd", "secret", "token", "key", "auth", "cred", "bearer")
_SPARSE = 20_000  # keyword occurrences below which each is tried on its own


def _named_matches(lowered: str) -> Iterator[re.Match[str]]:
    """Every match, each search resuming after the previous name (not after its value), so a
    value that turns out not to be one does not hide the names inside it.

    Where credential words are sparse (nearly always), each occurrence found by `str.find` is
    tried with an anchored match, which skips the engine's position-by-position scan of long
    texts; where they are dense the regex searches. Both are linear."""
    counts = [lowered.count(keyword) for keyword in _KEYWORDS]
    if sum(counts) <= _SPARSE:
        starts: list[int] = []
        for keyword, count in zip(_KEYWORDS, counts, strict=True):
            position = -1
            for _ in range(count):
                position = lowered.find(keyword, position + 1)
                starts.append(position)
        starts.sort()
        resume = 0
        for start in starts:
            if start < resume:
                continue
            match = _NAMED.match(lowered, start)
            if match is not None:
                yield match
                resume = match.end("rest")
        return
    position = 0
    while True:
        found = _NAMED.search(lowered, position)
        if found is None:
            return
        yield found
        position = found.end("rest")


def named_candidates(text: str, lowered: str) -> Iterator[Candidate]:
    names_lists = _source_map_names(lowered)
    for match in _named_matches(lowered):
        if match.lastgroup != "bare" and len(match.group(match.lastgroup or 0)) < 3:
            continue  # a quoted value this short is no credential, nor the start of one split across literals
        name_start = _name_start(text, match.start("kw"))
        name_end = match.end("rest")
        name = text[name_start:name_end].rstrip(".-")
        if not name:
            continue
        sep = match.group("sep")
        spaced = False
        before = text[name_start - 1] if name_start else ""
        flag = name.startswith("-") and (before == "" or before in " \t\n\"'([=")
        if name.startswith("-") and not flag:
            name = name.lstrip("-")  # `${dir}-slack-token`: part of a longer word, not an option
        if name in _SHELL_DIRECTORIES and sep.strip() != "=":
            continue  # `-v "$PWD:$PWD"`, `-w "$PWD" image`: the shell's directory; `$PWD = "..."` is judged
        bare_name = name.lstrip("-_$")
        strength = name_strength(bare_name)
        if match.group("scheme") and bare_name.lower() in ("authorization", "proxy-authorization", "auth"):
            strength = 2
        if strength == 0:
            continue
        if before == "/" and _digest_qualified(text, name_start, match):
            continue  # `checksum/secret: <sha256>`: Helm's rollout annotation holds a digest of the Secret
        stripped = sep.strip()
        if flag and stripped not in ("", "="):
            continue  # add_argument("--token", help=...): what follows a comma is not the value
        if sep.startswith("</t"):
            pass  # an HTML table row: <td>NAME</td><td>VALUE</td>
        elif stripped == ">":
            if before != "<":
                continue  # only <password>VALUE</password>
            if _type_argument(text, name_start, match.end("sep")):
                continue  # `useMutation<SecretsMutation>(graphql`: a type argument, not an element
            if text[max(0, name_start - 3) : name_start - 1].endswith(("?P", "(?", "\\k")):
                continue  # `(?P<key>[a-z]+)`, `(?<token>...)`, `\k<key>`: a regex's named group
        elif not stripped:
            # `password VALUE` (netrc, dvc), `--token VALUE`, `%env NAME VALUE`, `ENV NAME VALUE`
            head = line_head(lowered, name_start).lstrip(" \t!")
            single = len(name_words(bare_name)) == 1 or bare_name.lower() in ("add-authtoken", "authtoken")
            setter = head.startswith(_SHELL_SETTERS)
            if not (flag or (single and strength == 2) or setter):
                continue
            spaced = not (flag or setter)
            if head.rstrip().rsplit(" ", 1)[-1] in _DETERMINERS:
                continue  # "if the password X was entered": prose about a password, not a setting
        elif stripped == "," and not match.group("close").startswith(("'", '"')):
            continue  # only ("NAME", "value") as in os.getenv("NAME", "value")
        elif stripped == "," and names_lists and _within_spans(names_lists, name_start):
            # `"names": ["isApiKeyAuth", "skipToken", ...]`: a source map's list of the identifiers
            # in the code it maps; the word after a comma is the next identifier, not a value
            continue
        for group, quoted in (("dq", True), ("sq", True), ("bq", True), ("bare", False)):
            if match.group(group) is not None:
                start = match.start(group)
                raw = text[start : match.end(group)]
                value = raw if quoted else _trim_bare(raw, before in ("?", "&"))  # not "" (the text's start)
                break
        if not quoted and stripped in ("=", ">", "<", ">=", "<=") and _VERSION_AFTER_OPERATOR.match(value):
            # `google-auth==1.6.1->kfp==0.1` in pip's output, `torch>=2.1`: the name of a package
            # and a version constraint (`==`, `>=`, `<=`, `~=`), not a value assigned to it
            continue
        if (
            not quoted
            and stripped == "="
            and value.startswith("=")
            and ("&&" in value or "||" in value)
            and "." in bare_name.strip(".")
            and name_strength(bare_name.rsplit(".", 1)[-1]) < 2
        ):
            # `c.event.keyCode==32&&(...)` in minified JavaScript: a property compared in a
            # condition, nothing assigned. A .env line gives `SECRET_KEY==k3&&x9...` the value
            # `=k3&&x9...` (Django's key alphabet has both); a property a credential's name holds
            # strongly (`stripe.api_key==...`) stays judged.
            continue
        following = text[start + len(value) : start + len(value) + 1]
        if not quoted and (
            _CALL_VALUE.match(value)
            or ((_OPENED_CALL.match(value) or _OPENED_ITEM.match(value)) and following in ("'", '"'))
            or (stripped == "," and _KEYWORD_ARGUMENT.match(value) and following in ("'", '"'))
        ):
            continue  # the value is an expression: a call's result, an item, or the next keyword argument
        if _names_public_pgp_keys(bare_name) and _pgp_key_ids(value):
            continue  # the ids of public signing keys, checked against, not a secret
        if stripped == ":" and before == "{" and text[name_start - 2 : name_start] == "${" and value[:1] in "-=?+":
            # ${NAME:-default}: the default is the value
            start += 1
            value = value[1:].split("}", 1)[0]
        if before in ("?", "&") and _loopback_url(lowered, name_start):
            continue  # http://127.0.0.1:8888/?token=...: a local session token printed in a log
        if (
            spaced
            and value.isalpha()
            and (
                _SENTENCE_GOES_ON.match(text, start + len(value))
                or (
                    len(value) <= _PROSE_WORD_LENGTH
                    and (value.islower() or (value[0].isupper() and value[1:].islower()))
                    and _WORD_BEFORE.search(text, max(0, name_start - 40), name_start)
                    and _WORD_AFTER.match(text, start + len(value))
                )
            )
        ):
            # "the login credentials Polyaxon will use": a word of the sentence, unless it is random
            # like a generated key (strength 1 needs a value judged 2 to reach a finding). A value
            # with digits or symbols (`with password Adm1n@2024 and then`) is what people type.
            strength = 1
        elif (
            spaced
            and value[:1] == "("
            and value[1:].isalpha()
            and (value[1:].islower() or value[2:].islower())  # written as a word: `already`, `Now`
            and len(value) <= _PROSE_WORD_LENGTH + 1
            and _CLOSES_PHRASE.match(text, start + len(value))
        ):
            strength = 1  # "send bind credentials (already encrypted)": a parenthesised phrase of the sentence
        context = "flag" if flag else "header" if match.group("scheme") else "name"
        if context == "header" and value.startswith("+"):
            continue  # `"Basic " + btoa(user + ":" + pass)`: the literal ends at the scheme; code follows
        # In code a bare value after `=`, `:` or `,` is an expression; after a flag, a header's
        # scheme, an XML or table tag or a space it can only be text inside a string or comment.
        # A URL's query parameter (`?api_key=`, `&token=`) or a connection string's key (`;Pwd=`)
        # is text inside a string whatever the file's language: no expression starts that way.
        in_string = before in ("?", "&", ";") and stripped == "="
        literal = quoted or in_string or context != "name" or stripped in ("", ">") or sep.startswith("</t")
        yield Candidate(value, start, start + len(value), name, context, literal, strength)


def _type_argument(text: str, name_start: int, after: int) -> bool:
    """`useMutation<SecretsMutation>(...)`: a name between `<` and `>` right after an identifier
    (no escape before it: `"\n<Password>"` is an element after a line break) and right before a
    call's `(`. Text before an element (`admin<password>X</password>`) is followed by its value."""
    if name_start < 2 or not (text[name_start - 2].isalnum() or text[name_start - 2] in "_$"):
        return False
    identifier = name_start - 2
    while identifier > 0 and (text[identifier - 1].isalnum() or text[identifier - 1] in "_$."):
        identifier -= 1
    if identifier > 0 and text[identifier - 1] == "\\":
        return False  # `\n<Password>`, `\t<password>`: an escape, then the element
    if not text.startswith("(", after):
        return False
    # `admin<password>(X)</password>`: the element closes after its value.
    name = text[name_start : text.find(">", name_start, after)]
    return f"</{name.lower()}>" not in text[after : after + 600].lower()


def _names_public_pgp_keys(name: str) -> bool:
    """`GPG_KEY`, `NODE_PGP_KEYS`, `PYTHON_GPG_FINGERPRINT`: a PGP word, ending in a word for a
    key's id, and no other credential word (`GPG_PASSWD`, `PGP_SECRETKEY`, `GPG_HMAC_KEY`)."""
    words = name_words(name)
    if not words or words[-1] not in _KEY_ID_WORDS or not set(words) & _PGP_WORDS:
        return False
    others = [w for w in words[:-1] if w not in _PGP_WORDS and w not in _KEY_ID_WORDS]
    return not any(
        w in _STRONG_WORDS
        or w in _WEAK_WORDS
        or w in _QUALIFIERS
        or w + "key" in _STRONG_WORDS
        or w in _SECRET_KEY_KINDS
        for w in others
    )


def _pgp_key_ids(value: str) -> bool:
    """A list of hex key ids or fingerprints, each of a length PGP gives them, separated by blanks."""
    if _HEX_WORDS.fullmatch(value) is None:
        return False
    ids = [i.removeprefix("0x") for i in value.split()]
    return 0 < len(ids) <= 16 and all(len(i) in _KEY_ID_LENGTHS and "x" not in i for i in ids)


def url_candidates(text: str) -> Iterator[Candidate]:
    for match in _URL.finditer(text):
        scheme_start = match.start()
        while scheme_start > 0 and match.start() - scheme_start < 24 and text[scheme_start - 1] in _SCHEME_CHARS:
            scheme_start -= 1
        if scheme_start == match.start():
            continue
        scheme = text[scheme_start : match.start()]
        value = match.group("secret")
        yield Candidate(
            value, match.start("secret"), match.end("secret"), match.group("user"), f"url:{scheme}", True, 2
        )
    for match in _USER_FLAG.finditer(text):
        yield Candidate(
            match.group("secret"),
            match.start("secret"),
            match.end("secret"),
            match.group("user"),
            "basic-auth",
            True,
            2,
        )


def loose_candidates(text: str, lowered: str) -> Iterator[Candidate]:
    """Weaker contexts: a `login` command's argument, a code span after a credential word."""
    for match in _LOGIN.finditer(lowered) if "login" in lowered else ():
        start, end = match.span("value")
        yield Candidate(text[start:end], start, end, "", "login", True, 1)
    for match in _MENTION.finditer(lowered) if "`" in lowered else ():
        start, end = match.span("value")
        yield Candidate(text[start:end], start, end, "", "mention", True, 2)


def candidates(text: str, lowered: str | None = None) -> Iterator[Candidate]:
    """Every value in a credential context, in no particular order (callers sort and dedupe)."""
    low = ascii_lower(text) if lowered is None else lowered
    yield from named_candidates(text, low)
    yield from url_candidates(text)
    yield from loose_candidates(text, low)
