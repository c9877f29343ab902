"""Values that prose and code put after a credential word without being a credential: a word of a
sentence, CJK text run together, a regex, a format field, a type, a tokenizer's special token, a
revision id, an elided example, a Docker auth Docker itself would refuse. Each family has a
look-alike that is a credential written the same way, which still blocks."""

from __future__ import annotations

import base64
import json
from pathlib import Path

import pytest

from hooks._core.severity import Severity
from tests.secrets.helpers import ALNUM, fake, scan_text

KEY = fake("", 22, ALNUM, seed=29)
PASSWORD = "Qm7v" + fake("", 10, ALNUM, seed=30) + "!2"


def _blocking(tmp_path: Path, name: str, text: str) -> list[str]:
    return [f.rule_id for f in scan_text(tmp_path, name, text) if f.severity.rank >= Severity.MEDIUM.rank]


SILENT = [
    (
        "an enum's names with an acronym in a generated docstring",
        "models.py",
        '    """Possible values include: "Redis", "ApiKey", "AzureOpenAI",\n     "CognitiveSearch"."""\n',
    ),
    (
        "named alternatives after a secret's name",
        "m.ts",
        " * - Cloud provider secrets (AWS/Azure/GCP) never contain colons\n",
    ),
    (
        "a member call after a template literal's field",
        "client.ts",
        '// token as username\nconst h = `Basic ${Buffer.from(`${this.config.projectToken}:`).toString("base64")}`;\n',
    ),
    ("UTC time and a date format", "audit.yml", "run: TODAY=$(date -u +%Y-%m-%dT00:00:00.000Z)\n"),
    ("an aside after a credential word in a list", "README.md", "- Required secrets (already configured by SAT):\n"),
    ("an aside in brackets", "notes.md", "Store the secrets [see the vault below] first.\n"),
    ("a sentence word", "a.md", "These are the login credentials Polyaxon will use to access the registry.\n"),
    ("CJK punctuation", "a.md", "Worker 专属指标（如 token 计数），Worker 端点不会暴露 Supervisor 专属指标。\n"),
    ("CJK run together", "a.rst", "该算子可以根据Token Table高效地检索相应的KV缓存并进行注意力计算。\n"),
    (
        "CJK table cell",
        "a.md",
        "| `x:time_to_first_token_seconds` | LLM 首 Token 延迟（TTFT）。分桶：0.05、0.1、+Inf |\n",
    ),
    ("Thai prose after token", "a.mdx", "- เพื่อ map ตำแหน่งของ token ไปหาค่าช่วงตำแหน่งของมัน(span)ในข้อความหลัก\n"),
    ("Thai prose with a word in ASCII", "b.mdx", "เปอร์เซ็นของ token ที่เพิ่มค่าloss น้อยที่สุด (\\(p\\) คือ hyperparameter\n"),
    ("Cyrillic in brackets after token", "a.md", "вместо *mask token (токен-маска)*. Другие модели\n"),
    ("a CJK link text after token", "a.md", "就像[token 分類](/course/chapter7/2)，兩個進程可能將輸入和標籤填充\n"),
    ("a subtitle line", "a.srt", "3\n00:00:06,143 --> 00:00:08,133\n在 token 分类管线(pipeline)内。\n"),
    (
        "a common login in a Markdown link",
        "a.md",
        "[demo](https://demo.example.io/sign-in?auth=ZGVtbzoxMjM0NTY3OA==).\n",
    ),
    ("a regex named group", "p.py", 'pattern = re.compile(r"(?P<prefix>[{,])\\s*(?P<key>[A-Za-z0-9_\\-]+)\\s*:")\n'),
    ("a regex in a DSN parser", "d.py", 'dsn = r"mysql://(?P<user>[^:]+)(?::(?P<password>[^@]*))?@(?P<host>[^:]+)"\n'),
    ("a regex value", "patterns.txt", "/docs\\.google\\.com/[a-z]+/(?:ccc\\?key=\\w+|(?:u/\\d+|d/)[0-9a-zA-Z_-]+/)?\n"),
    (
        "a Go raw string beside an identifier",
        "u_test.go",
        'm := map[string]string{AnnotationKey: `["unknown.com-1/gpu"]`}\n',
    ),
    ("a measure per token", "load.js", "thresholds: {\n    time_per_token: ['p(95)<90'],\n},\n"),
    ("a type annotation", "a.md", "```python\ndef __init__(self, credentials: Dict[str, Any] = None):\n```\n"),
    ("a special token", "a.md", '```\n[\n  { "token": "<|im_start|>" },\n]\n```\n'),
    ("an f-string's fields", "d.py", 'device_key = f"gpu-{npu_id}-{chip_id}"\n'),
    ("fields in an f-string message", "h.py", 'message = f"Failed retrieving secrets {project}/{provider}"\n'),
    ("format fields in a mapping", "t.py", 'env = {"APP_SECRET_STORES__VAULT__ROLE": f"project:{self.project}"}\n'),
    ("a nested settings name", "s.py", 'raise ValueError("cannot start without a path or secret MLRUN_SQL__URL")\n'),
    ("a revision id", "m.py", 'params_to_secret_params_revision = "eefc169f7633"\n'),
    ("an elided example", "a.md", "mount(name='data', access_key='XYZ123..', volume='/data')\n"),
    (
        "a parenthesised phrase in a docstring",
        "ldap.py",
        'def bind():\n    """LDAPS mode:\n        2. Send bind credentials (already encrypted)\n    """\n',
    ),
    (
        "example words in leetspeak in a URL",
        "eval.ts",
        'internal: "postgres://admin:s3cr3t_p4ss@db.internal.prod:5432/users_prod",\n',
    ),
    ("example words joined", "settings.py", 'DB_PASSWORD = "admin-passw0rd"\n'),
    ("a default login", "auth.md", 'CHROMA_SERVER_AUTH_CREDENTIALS="admin:admin"\n'),
    ("a default login in prose", "grafana.md", "Grafana is up (default credentials: `admin/admin`).\n"),
    ("a provider and a scheme under an auth name", "c.yaml", "auth_provider: github:oauth2\n"),
    ("a provider's profile and version", "c.yaml", "credentials: aws:default@2\n"),
    ("camelCase field names under a credentials name", "s.py", 'required_creds = ["bqProjectId", "bqDatasetId"]\n'),
    ("an identity provider and version", "c.yaml", "credentials: oidc:github@1\n"),
    ("a login with a well-known password", "d.env", "DB_CREDENTIALS=postgres:password123\n"),
    ("a host and port under a credential name", "d.env", "CREDENTIALS_HOST=vault:8200\n"),
    ("a word with a rule's tail", "a.env", "DB_PASSWORD=password123!\n"),
    ("a keyboard row and digits", "fs.py", "# dvc remote modify images password asdf1234\n"),
    ("a keyboard row and digits typed back", "a.env", "DB_PASSWORD=qwerty321\n"),
    (
        "a tensor's digest",
        "Mistral-7B.json",
        '{"token_embd.weight": "5e4577f9a1c0d2b3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7"}\n',
    ),
    ("a setting's name in prose", "a.md", "Secret T81_558_KEY does not exist, add it in Colab's secrets panel.\n"),
    (
        "a Kubernetes label key",
        "pv.yaml",
        "nodeSelectorTerms:\n    - matchExpressions:\n      - key: topology.gke.io/zone\n        operator: In\n",
    ),
    (
        "an abridged Slack webhook",
        "a.md",
        '{"url": "https://hooks.slack.com/services/T6QR3FYN7/BC34VRP/7KRWJAtQWOxjxYgee"}\n',
    ),
]

BLOCKING = [
    # Stop 78's red team: a well-known word with a long tail of its own is a chosen password.
    ("a login word then a long tail", "c.env", "DB_PASSWORD=root:root&66#&62#^9*2%8&6^#9%2*&8#6^2&\n"),
    ("a word then a long tail", "c.env", "DB_PASSWORD=admin-admin#8&2^6*9%#2&8^6%9*2#&\n"),
    ("a login then a mixed tail", "c.env", "ADMIN_CREDENTIALS=admin:dragon#8&2^9*6\n"),
    ("a login then eight mixed", "c.env", "DB_PASSWORD=root:root&66#&62#\n"),
    ("a login then eight digits", "c.env", "ADMIN_CREDENTIALS=admin:dragon#98626982&\n"),
    ("a login then a symbol, four digits and two symbols", "c.env", "ADMIN_CREDENTIALS=admin:Dragon#9862&*\n"),
    ("a login whose word has a tail", "c.env", "ADMIN_CREDENTIALS=admin:Dragon#2698\n"),
    ("a login with a slash whose word has a tail", "a.md", "default credentials: `admin/Dragon#2698`\n"),
    # A word and a password rule's symbols and digits in any order, alone or as a login's password.
    ("a word then symbols and digits mixed", "d.env", "DB_PASSWORD=postgres&6#9^2*8\n"),
    ("random letters in camel humps under a token name", "c.py", 'api_token = "xkQzvRtwPmLaZbNq"\n'),
    # Stop 79's red team: pronounceable generated humps are no words.
    ("a generated secret in pronounceable humps", "c.env", "API_KEY=lebYnaozlaSpiulThzby\n"),
    ("the same ending in Id", "c.env", "TOKEN=yqvkCinxonVairId\n"),
    ("a login whose password is a word then symbols and digits", "d.env", "DB_CREDENTIALS=postgres:postgres&6#9^2*8\n"),
    # Stop 79's red team: a well-known start that goes on after `,` or `;` is judged whole.
    ("a password that starts with a login and goes on after a comma", "d.env", "DB_PASSWORD=admin/admin,Xk9#mQ2vL\n"),
    ("the same after a semicolon", "d.env", "DB_PASSWORD=admin:admin;Tr0ub4dor&3\n"),
    ("three leet words with tails", "c.env", "DB_CREDENTIALS=Dr4G0n#2698:M0nK3y&9826:SuP3rM4N^8962\n"),
    ("leet words in mixed case", "c.env", "DB_CREDENTIALS=Dr4G0n:M0nK3y:SuP3rM4N\n"),
    ("two leet words in mixed case", "c.env", "ADMIN_CREDENTIALS=Adm1n:P@$$W0rD\n"),
    ("three lower-case leet words", "c.env", "DB_CREDENTIALS=dr4g0n:m0nk3y:5up3rm4n\n"),
    ("two words with their letters swapped one by one", "c.env", "ADMIN_CREDENTIALS=@dm!n1$7r4t0r:$up3ru$3r\n"),
    ("a random key in a sentence", "a.md", f"Log in with credentials {KEY} to reach the registry.\n"),
    ("a netrc line", ".netrc", f"machine api.example.com login bot password {PASSWORD}\n"),
    ("a key before CJK text", "a.md", f"token: {KEY}，请妥善保存。\n"),
    ("an XML element", "c.xml", f"<config><password>{PASSWORD}</password></config>\n"),
    ("a password with a class escape", "c.env", f"DB_PASSWORD={PASSWORD[:6]}\\d{PASSWORD[6:]}\n"),
    ("prose naming a key", "a.md", f"The API key is `{KEY}` for the staging server.\n"),
    ("a token name", "load.js", f"api_token: '{KEY}',\n"),
    ("a bracket in a random value", "a.md", f"credentials: {KEY[:8]}[{KEY[8:]}\n"),
    ("a random value in special-token bars", "a.json", f'{{"token": "<|{KEY}"}}\n'),
    ("an f-string with a literal key", "d.py", f'api_key = f"{KEY}{{suffix}}"\n'),
    ("braces in a chosen password", "c.py", 'db_password = "Zq{word}99Lp!x"\n'),
    ("a secret beside a field", "t.py", f'env = {{"APP_TOKEN": f"{KEY}:{{self.project}}"}}\n'),
    (
        "a Slack workflow webhook",
        "a.md",
        f"https://hooks.slack.com/workflows/T0{KEY[:8].upper()}/A0{KEY[8:16].upper()}/4815162342/{KEY}{KEY[:6]}\n",
    ),
    ("a query parameter in code", "q.py", f'r = requests.get("https://api.example.com/v1?city=Paris&api_key={KEY}")\n'),
    (
        "an ODBC password in code",
        "o.py",
        f'c = pyodbc.connect("Driver={{ODBC}};Server=db.example.net;Uid=admin;Pwd={PASSWORD};")\n',
    ),
    (
        "a URL password before a templated host",
        "e.py",
        f'e = create_engine(f"postgresql://app:{PASSWORD}@{{host}}:5432/db")\n',
    ),
    ("a typed password in a sentence", "README.md", "Log in as admin with password Adm1n@2024 and then change it.\n"),
    ("a fetchmail line", ".fetchmailrc", "poll imap.example.com user jsmith password Adm1n@2024 is jsmith here\n"),
    ("a one-word credential name in prose", "notes.md", f"The apikey is `{KEY}` for staging.\n"),
    ("random braces in a secret", "a.env", f"SECRET_KEY={KEY[:4]}{{{KEY[4:12]}}}{KEY[12:]}\n"),
    ("a trailing brace after a key", "k.py", f'api_key = "{KEY}}}"\n'),
    ("an f-string password", "p.py", 'db_password = f"Adm1n{env}@2024x"\n'),
    ("a password typed in hangul first", "c.yaml", "password: 비밀번호Zq2024!abc\n"),
    ("a password typed in Thai", "c.yaml", "db_password: รหัสผ่านZq2024!abc\n"),
    ("a key run into Thai text", "a.md", f"ใช้ token={KEY}ไปหาค่า\n"),
    ("a key run into Cyrillic text", "a.md", f"токен api_key={KEY}—секрет\n"),
    (
        "a random login in a Markdown link",
        "a.md",
        "[demo](https://demo.example.io/sign-in?auth=" + base64.b64encode(f"robot:{KEY}".encode()).decode() + ").\n",
    ),
    ("a key with raw umlauts", "k.json", '{"api_key": "GrünäKp7vQ2xZ9mW4tL8"}\n'),
    ("a key with a dot", "a.md", f"mount(name='data', access_key='{KEY[:10]}.{KEY[10:]}')\n"),
    (
        "a word beside a random part in a URL",
        "eval.ts",
        'url: "postgres://admin:s3cr3t_Xk9mQ2vL@db.internal.prod/u",\n',
    ),
    ("a typed password with separators", "settings.py", 'DB_PASSWORD = "Tr0ub4dor_3xZ"\n'),
    ("a digest under a token name", "m.json", '{"api_token": "5e4577f9a1c0d2b3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9"}\n'),
    ("a keyboard run inside a password", "fs.py", "# dvc remote modify images password Xk9asdf1234\n"),
    ("a login with a chosen password", "auth.md", 'CHROMA_SERVER_AUTH_CREDENTIALS="admin:Qm7vXk2pLr9T"\n'),
    ("a key beside a name", "a.env", f"T81_558_KEY={KEY}\n"),
    ("a random name after a host", "pv.yaml", "- key: topology.gke.io/Qm7vXk2pLr9TzW4sHn\n"),
    ("a random value in parentheses", "notes.md", f"Log in with credentials ({KEY}) to reach it.\n"),
    ("a random word opening a phrase", "notes.md", "Send bind credentials (Qm7vXk2pLr9TzW4s for staging) now.\n"),
    ("a typed password opening a phrase", "notes.md", "Send bind credentials (Adm1n@2024 for staging) now.\n"),
    ("a random value after an unclosed bracket", "a.env", "DB_PASSWORD=(Xk9mQ2vLp7\n"),
    # look-alikes of this round's readings (below in SILENT): an enum's name with an acronym,
    # named alternatives, a member call after an interpolation, `date -u +FORMAT`
    ("a random value in a list after a key's name", "enum.py", f'kinds = ["Redis", "ApiKey", "{KEY}", "S3"]\n'),
    ("base64 with slashes after a secret's name", "a.md", "Cloud secrets (Qm7v/Xk2pLr9T+zW4sHn/Aq8=) rotate.\n"),
    ("a key in a template literal", "a.ts", f"const auth = {{ Authorization: `Bearer {KEY}` }};\n"),
    ("curl's user and password", "ci.yml", "run: curl -u deploy:Qm7vXk2pLr9TzW4s https://x.internal.io\n"),
    ("a user that starts with a plus", "ci.sh", "curl -u +deploy:Qm7vXk2pLr9TzW4s https://x.internal.io\n"),
    ("capitalised words and an acronym under a secret's name", "s.py", 'client_secret = "KangarooJSONPizza"\n'),
]


@pytest.mark.parametrize(("what", "name", "text"), SILENT, ids=[c[0] for c in SILENT])
def test_not_a_credential(tmp_path: Path, what: str, name: str, text: str) -> None:
    assert _blocking(tmp_path, name, text) == [], what


@pytest.mark.parametrize(("what", "name", "text"), BLOCKING, ids=[c[0] for c in BLOCKING])
def test_look_alike_credential_still_blocks(tmp_path: Path, what: str, name: str, text: str) -> None:
    assert _blocking(tmp_path, name, text) != [], what


def _docker_config(auth: str) -> str:
    return '{\n  "auths": {\n    "registry.example.com": {\n      "auth": "' + auth + '"\n    }\n  }\n}\n'


def test_docker_auth_that_docker_refuses_is_low(tmp_path: Path) -> None:
    # Keyboard mash ending in `==`: not base64 of `user:password`, so `docker pull` fails on it.
    findings = scan_text(tmp_path, "config.json", _docker_config("YW11cmRhY2Esdfdsflkdjsf=="))
    assert [(f.rule_id, f.severity) for f in findings] == [("MLS223", Severity.LOW)]
    no_colon = base64.b64encode(PASSWORD.encode()).decode()
    findings = scan_text(tmp_path, "config.json", _docker_config(no_colon))
    assert [(f.rule_id, f.severity) for f in findings] == [("MLS223", Severity.LOW)]


def test_docker_auth_is_judged_by_its_password(tmp_path: Path) -> None:
    real = base64.b64encode(f"robot:{KEY}".encode()).decode()
    findings = scan_text(tmp_path, "config.json", _docker_config(real))
    assert [(f.rule_id, f.severity) for f in findings] == [("MLS223", Severity.MEDIUM)]
    assert KEY not in findings[0].message and real not in findings[0].message
    placeholder = base64.b64encode(b"user:password").decode()
    assert scan_text(tmp_path, "config.json", _docker_config(placeholder)) == []


def test_docker_auth_carrying_a_provider_token_is_that_provider(tmp_path: Path) -> None:
    token = fake("hf_", 34, ALNUM, seed=31)
    auth = base64.b64encode(f"user:{token}".encode()).decode()
    findings = scan_text(tmp_path, "config.json", _docker_config(auth))
    assert [f.rule_id for f in findings] == ["MLS201"]


def test_docker_auth_without_padding_is_read_as_the_kubelet_reads_it(tmp_path: Path) -> None:
    unpadded = base64.b64encode(f"deploy:{KEY}x".encode()).decode().rstrip("=")
    findings = scan_text(tmp_path, ".dockerconfigjson", _docker_config(unpadded))
    assert [(f.rule_id, f.severity) for f in findings] == [("MLS223", Severity.MEDIUM)]


def test_an_auth_outside_the_auths_object_is_judged_as_usual(tmp_path: Path) -> None:
    text = '{"auths": {"ghcr.io": {}}, "credsStore": "desktop", "plugins": {"notify": {"auth": "' + KEY + '"}}}\n'
    findings = scan_text(tmp_path, "config.json", text)
    assert [(f.rule_id, f.severity) for f in findings] == [("MLS223", Severity.MEDIUM)]
    assert "Docker" not in findings[0].message


def test_a_short_registry_password_is_low_not_silent(tmp_path: Path) -> None:
    auth = base64.b64encode(b"admin:Qx7#pL2").decode()
    findings = scan_text(tmp_path, "config.json", _docker_config(auth))
    assert [(f.rule_id, f.severity) for f in findings] == [("MLS223", Severity.LOW)]


def test_docker_auth_whose_password_is_base64_of_a_sentence_is_silent(tmp_path: Path) -> None:
    sentence = base64.b64encode(b"This is not a real secret, it is only for demonstration purposes.").decode()
    auth = base64.b64encode(f"$oauthtoken:{sentence}".encode()).decode()
    assert scan_text(tmp_path, "README.md", "```json\n" + _docker_config(auth) + "```\n") == []


def test_docker_auth_whose_password_is_base64_of_a_chosen_password_is_reported(tmp_path: Path) -> None:
    inner = base64.b64encode(b"Summer2024!Deploy").decode()
    auth = base64.b64encode(f"deploy:{inner}".encode()).decode()
    assert [f.rule_id for f in scan_text(tmp_path, "config.json", _docker_config(auth))] == ["MLS223"]


def test_a_secret_published_in_its_own_link_is_low(tmp_path: Path) -> None:
    """A meeting invite's passcode and a coverage badge's token are handed to whoever gets the link."""
    meeting = f"Join on [Zoom](https://zoom.us/j/99190775938?pwd={KEY}).\n"
    badge = f"[cov]: https://codecov.io/gh/acme/tool/branch/main/graph/badge.svg?token={KEY[:10].upper()}\n"
    for text in (meeting, badge):
        findings = scan_text(tmp_path, "README.md", text)
        assert findings and all(f.severity == Severity.LOW for f in findings), text
    for text in (
        f"GET https://api.example.com/v1/items?token={KEY}\n",
        f"https://db.example.com/x?pwd={PASSWORD}\n",
        f"https://sso.corp.example/login?next=https://zoom.us/j/1234567&password={PASSWORD}\n",
        f"https://zoomdata-bi.corp.example/s/2024010?password={PASSWORD}\n",
    ):
        assert _blocking(tmp_path, "README.md", text), text


def test_a_list_of_identifiers_is_no_assignment(tmp_path: Path) -> None:
    names = ",".join(f'"{n}"' for n in ["isApiKeyAuth", KEY, "skipToken", "Xq7Lm2Rv9Tn4Yb6Wz", "withCredentials", "e"])
    source_map = '{"version":3,"sources":["a.js"],"names":[' + names + '],"mappings":"AAAA,SAASA"}\n'
    assert _blocking(tmp_path, "bundle.js.map", source_map) == []
    for name, text in (
        ("a.py", f'key = os.getenv("API_TOKEN", "{KEY}")\n'),
        ("b.py", f'API_TOKEN = os.environ.get(\n    "API_TOKEN", "{KEY}"\n)\n'),
        ("c.py", f'token = getattr(settings, "API_TOKEN", "{KEY}")\n'),
        ("x.go", f'flag.StringVar(&apiKey, "api-key", "{KEY}", "API key")\n'),
        ("M.java", f'Map<String, String> m = Map.of("username", "svc", "password", "{PASSWORD}");\n'),
        ("h.ex", f'headers = [{{"x-api-key", "{KEY}"}}]\n'),
    ):
        assert _blocking(tmp_path, name, text), name


def test_docker_auth_with_a_service_account_key_is_found_however_long(tmp_path: Path) -> None:
    # Google's registries take the service account's JSON key as the password (`_json_key`), or that
    # JSON in base64 again (`_json_key_base64`): a few KiB, longer than any password.
    from tests.secrets.test_detectors import PEM_BODY

    key = json.dumps(
        {
            "type": "service_account",
            "private_key": f"-----BEGIN PRIVATE KEY-----\n{PEM_BODY * 8}\n-----END PRIVATE KEY-----\n",
        }
    )
    plain = base64.b64encode(f"_json_key:{key}".encode()).decode()
    nested = base64.b64encode(f"_json_key_base64:{base64.b64encode(key.encode()).decode()}".encode()).decode()
    assert len(plain) > 512 and len(nested) > 512
    for auth in (plain, nested):
        findings = scan_text(tmp_path, "config.json", _docker_config(auth))
        assert [f.rule_id for f in findings] == ["MLS211"]
    # look-alike: the same long base64 outside an `auths` object is no registry login
    assert scan_text(tmp_path, "other.json", '{"auth": "' + nested + '"}\n') == []


def test_every_registry_of_a_long_auths_object_is_read_and_wrapped_base64_too(tmp_path: Path) -> None:
    from tests.secrets.test_detectors import PEM_BODY

    key = json.dumps(
        {
            "type": "service_account",
            "private_key": f"-----BEGIN PRIVATE KEY-----\n{PEM_BODY * 8}\n-----END PRIVATE KEY-----\n",
        }
    )
    login = f"_json_key:{key}".encode()
    registries = {f"r{i}.gcr.io": {"auth": base64.b64encode(login).decode()} for i in range(4)}
    findings = scan_text(tmp_path, "config.json", json.dumps({"auths": registries}, indent=1))
    assert [f.rule_id for f in findings] == ["MLS211"] * 4  # the last starts far past the `"auths"`
    wrapped = {"auths": {"gcr.io": {"auth": base64.encodebytes(login).decode()}}}  # Go's decoder skips \n
    assert [f.rule_id for f in scan_text(tmp_path, "w.json", json.dumps(wrapped))] == ["MLS211"]


def test_escaped_letters_of_another_script_are_translated_text(tmp_path: Path) -> None:
    """A bundled editor's zh-TW strings: `Token \\u5316\\u3002...` is "tokenize." written as escapes."""
    bundle = 'define({"a":"\\u5DF2\\u8DF3\\u904E\\u5C07\\u9577\\u7684\\u884C Token \\u5316\\u3002\\u60A8\\u53EF"});\n'
    assert _blocking(tmp_path, "editor.main.nls.zh-tw.js", bundle) == []
    # Escapes of ASCII letters before a key, and a password written in escapes, are still values.
    kept = f'API_KEY = "\\u0041\\u0042{KEY}"\nDB_PASSWORD = "\\u5BC6\\u78BC{PASSWORD}"\n'
    assert _blocking(tmp_path, "kept.js", kept) == ["MLS223", "MLS223"]
    # Red team: a few escaped letters among random ASCII (JSON escapes a chosen secret's umlauts)
    # are a key, whatever its name; a secret's name keeps even mostly escaped text.
    mixed = '{"api_key": "Gr\\u00fcn\\u00e4Kp7vQ2xZ9mW4tL8", "jwt_secret": "\\u5BC6\\u78BC\\u5BC6\\u78BC"}\n'
    assert _blocking(tmp_path, "mixed.json", mixed) == ["MLS223", "MLS223"]


def test_a_bundled_class_descriptors_key_is_a_method_name(tmp_path: Path) -> None:
    """Babel's `{key:"knownLayoutAlgorithms",value:function(){...}}`: the name of a method."""
    bundle = 'var d=[{key:"knownLayoutAlgorithms",value:function(){return this.w}},{key:"convertGraph",value:x}];\n'
    assert _blocking(tmp_path, "chunk.js", bundle) == []
    # A random key in the same pair, and the name with no value beside it, are still values.
    kept = 'var d=[{key:"QmvXkpLrTzWsabcdefgHij",value:function(){}}];\nconst c={key:"knownLayoutAlgorithms"};\n'
    assert _blocking(tmp_path, "kept.js", kept) == ["MLS223", "MLS223"]
