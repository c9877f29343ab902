"""Where a language says a name is a type, not a value: TypeScript's type arguments, GraphQL's
schema fields, Relay's connection keys (phoenix's web app). Each beside a value of the same place
that still blocks."""

from __future__ import annotations

from pathlib import Path

import pytest

from hooks._shared.credential_shape import word_coverage
from tests.secrets.helpers import scan_text


def blocking(findings: list) -> list[tuple[str, int]]:  # type: ignore[type-arg]
    return sorted((f.rule_id, f.line) for f in findings if f.severity.value != "low")


RELAY_MUTATION = """export function useSecretMutation() {
  return useMutation<SecretsMutationMutation>(graphql`
    mutation SecretsMutationMutation($input: UpsertSecretsInput!) {
      upsertSecrets(input: $input) { id }
    }
  `);
}
const [commit] = useMutation<GeneratePersonalAPIKeyButtonMutation>(graphql`
  mutation GeneratePersonalAPIKeyButtonMutation { id }
`);
"""


def test_a_type_argument_is_not_an_element(tmp_path: Path) -> None:
    assert blocking(scan_text(tmp_path, "SecretsMutation.ts", RELAY_MUTATION)) == []


@pytest.mark.parametrize("name", ["config.xml", "settings.html", "page.tsx"])
def test_an_element_still_gives_its_value(tmp_path: Path, name: str) -> None:
    text = "<config>\n  <apiKey>Qm7vXk2pLr9TzW4sHn</apiKey>\n</config>\n"
    assert blocking(scan_text(tmp_path, name, text)) == [("MLS223", 2)]


@pytest.mark.parametrize(
    ("name", "text"),
    [
        # the red team's: an element right after text, or after an escaped line break or tab
        ("soap.py", 'body = "<auth>admin<password>Xk9mPq2vL8zRt4wQ7zB</password></auth>"\n'),
        ("soap.js", 'const body = "<Envelope>\\n<Password>Xk9mPq2vL8zRt4wQ7zB</Password>";\n'),
        ("soap.java", 'String b = "<x>\\t<password>Xk9mPq2vL8zRt4wQ7zB</password>";\n'),
        ("mixed.ts", 'const body = "<auth>admin<password>(Xk9mPq2vL8zRt4wQ7zB)</password></auth>";\n'),
    ],
)
def test_an_element_after_text_or_an_escape_is_no_type_argument(tmp_path: Path, name: str, text: str) -> None:
    assert blocking(scan_text(tmp_path, name, text)) == [("MLS223", 1)]


def test_a_relay_connection_key_is_a_name(tmp_path: Path) -> None:
    text = 'projects(first: $first) @connection(key: "ProjectMenu_projects") { edges { node { id } } }\n'
    assert blocking(scan_text(tmp_path, "ProjectMenu.tsx", text)) == []
    generated = '{"key": "ProjectsPage_projects", "handle": "connection"}\n'
    assert blocking(scan_text(tmp_path, "ProjectsPageQuery.graphql.json", generated)) == []
    # A generated value in the same place still blocks.
    assert blocking(scan_text(tmp_path, "menu.json", '{"key": "Qm7vXk2pLr9TzW4s_Zp8wYt"}\n')) == [("MLS223", 1)]


def test_words_of_the_ject_family_count_as_words() -> None:
    assert word_coverage("ProjectMenu_projects") == 1.0
    assert word_coverage("objectStore_subjectInjection") == 1.0
    # Upper-case runs, and mixed runs with another unusual pair, read as before (the values of
    # test_generated_part that must keep blocking).
    assert word_coverage("UYETBRSY5JEENJOJ") == 0.5
    assert word_coverage("patEjmmlteq8kzOZ") == 3 / 14


@pytest.mark.parametrize("password", ["oomajo9Eesh1", "Xai4uajoovo6", "Oojooree6aM5", "Phath5Theim5joph", "kuouD3QJ"])
def test_pronounceable_generated_passwords_still_block(tmp_path: Path, password: str) -> None:
    """pwgen joins syllables such as `joph`, `majo`, `kuou` (the red team's): other `j` pairs and
    rarer pairs stay unusual, so these are no words. Of 4,000 pwgen passwords, the same 3,286 block as at the start."""
    assert blocking(scan_text(tmp_path, ".env", f"DB_HOST=db\nDB_PASSWORD={password}\n")) == [("MLS223", 2)]


SCHEMA = '''type User implements Node {
  """The Globally Unique ID of this object"""
  id: ID!
  passwordNeedsReset: Boolean!
  apiKeys: [UserApiKey!]!
  secretToken: SecretTokenKind
}
'''


@pytest.mark.parametrize("name", ["schema.graphql", "schema.graphqls", "query.gql"])
def test_a_graphql_field_type_is_not_a_value(tmp_path: Path, name: str) -> None:
    assert blocking(scan_text(tmp_path, name, SCHEMA)) == []


def test_a_graphql_string_argument_still_blocks(tmp_path: Path) -> None:
    text = 'mutation { login(username: "ada", password: "Xk9mQ2vLp8zRw4Tn") { token } }\n'
    assert blocking(scan_text(tmp_path, "login.graphql", text)) == [("MLS223", 1)]
