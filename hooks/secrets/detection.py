"""From a stretch of text to the credentials in it: provider detectors, the context detector,
tokens split across string literals, Kubernetes Secret data and detect-secrets' rarer plugins,
then one hit per secret occurrence. Positions are offsets in the text; the scanner turns them
into lines, cells and findings."""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING
from urllib.parse import unquote

from hooks._shared.credential_checks import CHECKS, DOUBTFUL, PLAUSIBLE, REJECT, VERIFIED, CheckResult
from hooks._shared.credential_context import Candidate, ascii_lower, candidates, line_head, name_strength, name_words
from hooks._shared.credential_filters import DOCUMENTED_EXAMPLES, has_typed_run, is_placeholder, key_body
from hooks._shared.credential_patterns import (
    DELEGATED_MAX_LINE,
    DELEGATED_PLUGINS,
    ENCODED_KEYS,
    FILE_DETECTORS,
    PROVIDER_HINTS,
    TOKEN_DETECTORS,
    Detector,
)
from hooks._shared.credential_shape import (
    ValueShape,
    ascii_unescaped,
    fixed_text,
    has_vendor_prefix,
    judge_value,
    word_coverage,
)
from hooks._shared.urls import LOOPBACK_HOST
from hooks.secrets.presigned import expired_presigned_url
from hooks.secrets.rules import RULE_FOR_KIND
from hooks.secrets.throwaway import creates_throwaway_service
from hooks.secrets.units import CODE, Field, Unit

if TYPE_CHECKING:
    from hooks.secrets.k8s import SecretEntry

GENERIC = frozenset({"url_credentials", "password_assignment"})
# Inline TeX in prose: `$...$` around a formula with a TeX marker (`\`, `^`, `_`, `{`), no `$` inside.
_TEX_MATH = re.compile(r"\$[^$\s]*[\\^_{][^$\s]*\$")
_PASSWORDISH = re.compile(r"(?i)pass|pwd")


_DB_SCHEMES = re.compile(
    r"(?i)^(postgres(ql)?|mysql|mariadb|mongodb(\+srv)?|redis|rediss|amqps?|mssql|oracle|"
    r"snowflake|clickhouse|cockroachdb|sqlserver|jdbc|db2|neo4j|bolt|sqs|kafka|nats)([+:].*)?$"
)
# Adjacent string literals (implicit concatenation, `+`, across lines inside brackets).
# (String prefixes such as `r`/`b` do not matter to the content; leaving them out lets the
# engine jump from quote to quote.)
_LITERAL = re.compile(
    r"""(?:"([^"\\\n]{0,512}(?:\\.[^"\\\n]{0,512}){0,32})"|'([^'\\\n]{0,512}(?:\\.[^'\\\n]{0,512}){0,32})')"""
)
_LITERAL_GAP = re.compile(r"\s*(?:\+\s*)?(?:\\\n\s*)?[rRbBuU]{0,2}")
_AWS_CONTEXT = re.compile(r"aws|access_?key|key_?id")
_PREFILTER_LIMIT = 1 << 18
_LOOPBACK_URL = re.compile(rf"(?<![\w.@-])(?:https?://)?{LOOPBACK_HOST}(?::\d{{1,5}})?(?=[/?#\s\"'`]|$)")
_BASE64 = re.compile(r"[A-Za-z0-9+/]+={0,2}")
_ANY_URL = re.compile(r"[a-z][a-z0-9+.-]*://[^\s\"'`]+")
# A host named without a scheme, before a port or a path (`api.acme.com/v1`, `10.0.0.5:8080`).
_BARE_HOST = re.compile(r"(?<![\w.@/:-])(?:[a-z0-9-]+\.)+[a-z0-9-]+(?=:\d|/)")
_WORD_SPACE = re.compile(r"(?<=[A-Za-z0-9]) (?=[A-Za-z])")
# Keys of event-ingestion services, which their vendors document as public: the client that sends
# events carries them (Segment and RudderStack write keys, Mixpanel project tokens, Amplitude API
# keys, Application Insights instrumentation keys, PostHog and OpenReplay project keys; `mp_` is
# Mixpanel's own abbreviation, as its SDKs name it). Whole names only, each a vendor's own term
# (an environment word may sit between, `SEGMENT_DEMO_WRITE_KEY`; the product's own words may
# come before a vendor's name, `CORTEX_TELEMETRY_SEGMENT_WRITE_KEY`, `_segmentWriteKey`, but not
# before `analytics`: `LOG_ANALYTICS_WRITE_KEY` is an Azure workspace's shared key); the same
# vendors' secret, service-account and management keys keep their severity.
_ANALYTICS_KEY_NAME = re.compile(
    r"(?i)(?:^|\.)_*(?:(?:[a-z0-9]+[._])*(?:segment|rudder(?:stack)?)|analytics)"
    r"(?:[._](?:demo|prod|dev|test|public|browser|client|js))?"
    r"[._]{0,2}write_?key"
    r"|^(?:mixpanel[._]?(?:project[._]?)?token|amplitude[._]?api[._]?key)"
    r"|^(?:(?:dev|prod|production|staging|test)[._])?mp[._]project[._](?:token|key)"
    r"|^(?:[a-z0-9]+[._])*(?:posthog[._]?(?:project[._]?)?(?:api[._]?)?key|openreplay[._]?project[._]?key)"
    r"|^(?:aml[._])?(?:app[._]?insights[._]?)?instrumentation[._]?key|^(?:aml[._])?app[._]?insights[._]?key"
)
_ANALYTICS_NAME_LIMIT = 80
_ANALYTICS_LOW = (
    "; an analytics ingestion key (Segment, Mixpanel, App Insights): it can only send events"
    " and ships to every browser or client by design (reported low)"
)
# Words that make a vendor's key one that manages the account, not one that sends events
# (`ADMIN_POSTHOG_KEY`), and PostHog's personal API keys (`phx_`), which read and change everything.
_MANAGING_WORDS = frozenset("admin personal private secret management manage mgmt service server root master".split())
_PERSONAL_ANALYTICS_PREFIXES = ("phx_",)
# PostHog's project API key says what it is by its own prefix, whatever it is named: PostHog
# documents it as public, carried by every client that sends events (`POSTHOG_WRITE_KEY`, a
# product's telemetry module).
_PUBLIC_PROJECT_KEY = re.compile(r"phc_[A-Za-z0-9]{30,60}")
# `"Key": "x",\n "Value": "y"` (either order), YAML `- Key: x\n  Value: y`, `Key=x,Value=y`.
_VALUE_FIELD_AFTER = re.compile(r"""["']?[ \t]*[,;]?[ \t]*\n?[ \t]*-?[ \t]*["']?(?<![\w.-])value["']?[ \t]*[:=]""")
_VALUE_FIELD_BEFORE = re.compile(
    r"""(?<![\w.-])["']?value["']?[ \t]*[:=][ \t]*["']?[^\s"',;]{0,200}["']?[ \t]*[,;]?"""
    r"""[ \t]*\n?[ \t]*-?[ \t]*["']?key["']?[ \t]*[:=][ \t]*["']?$"""
)
# Hosts that serve Firebase Storage download links: Google's API host, the buckets' own names,
# and GitBook's CDNs in front of its Firebase bucket.
_STORAGE_HOST = re.compile(
    r"firebasestorage\.googleapis\.com|[a-z0-9.-]+\.(?:appspot\.com|firebasestorage\.app)"
    r"|(?:gblobscdn|files)\.gitbook\.com"
)
_NAME_PARTS = re.compile(r"[:/._-]")
_CAMEL_HUMP = re.compile(r"[A-Z]?[a-z]+")
_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", re.IGNORECASE)
_URL_ENDS = (" ", "\n", "\t", '"', "'", "(", "<", "`", "[")


@dataclass(frozen=True)
class Options:
    disabled: frozenset[str] = frozenset()  # detector kinds, plugin names and rule ids
    placeholders: tuple[re.Pattern[str], ...] = ()
    catalogue: bool = False  # the file is a catalogue of text (a translation file): see judge_value

    def enabled(self, kind: str) -> bool:
        if kind in self.disabled:
            return False
        rule = RULE_FOR_KIND.get(kind)
        return rule is None or rule.rule_id not in self.disabled


@dataclass(frozen=True)
class Hit:
    kind: str
    label: str
    value: str
    start: int
    end: int
    detail: str = ""  # said after the label (never the value)
    confidence: str = "high"
    verdict: str = PLAUSIBLE  # the structural check's verdict
    specific: bool = True  # a provider's format (wins over the context detector where they overlap)
    low_reason: str = ""  # why it is reported low (not blocking), said in the message
    in_url_query: bool = False  # a URL's query parameter (`jdbc:...?password=`): a system's address
    provider_uuid: bool = False  # a UUID named as a service's token whose tokens are UUIDs (HEROKU_API_KEY)


MAX_JUDGED_VALUES = 5_000  # per file: judging a value costs ~0.3 ms, so a second or two
# Per file, repeats included: a value judged before is remembered, but each place it stands is
# still looked at (and may be reported), so a file of one value repeated is bounded too (~2 s).
MAX_CONTEXT_VALUES = 50_000
MAX_PROVIDER_MATCHES = 20_000  # per file: a file of 400,000 AWS-shaped ids took 10 s and 320 MB


@dataclass
class Budget:
    """How many values in a credential context one file may still have judged. A dense run of
    `password=...` assignments (tens of thousands per MiB) would otherwise take minutes; past the
    budget the context detector stops (provider formats are still searched everywhere) and the
    scanner reports that the rest was not judged. A value judged before under the same name
    costs nothing again (its shape is remembered): a TensorFlow graph's thousands of
    `key: "_output_shapes"` are one judgement, not a reason to stop reading."""

    remaining: int = MAX_JUDGED_VALUES
    places_remaining: int = MAX_CONTEXT_VALUES
    matches_remaining: int = MAX_PROVIDER_MATCHES
    exhausted: bool = False
    judged: set[tuple[str, str]] = field(default_factory=set)

    def take(self, value: str, name: str) -> bool:
        if self.places_remaining <= 0:
            self.exhausted = True
            return False
        self.places_remaining -= 1
        if (value, name) in self.judged:
            return True
        if self.remaining <= 0:
            self.exhausted = True
            return False
        self.remaining -= 1
        self.judged.add((value, name))
        return True

    def take_match(self) -> bool:
        if self.matches_remaining <= 0:
            self.exhausted = True
            return False
        self.matches_remaining -= 1
        return True


def unit_hits(unit: Unit, options: Options, *, delegated: bool = True, budget: Budget | None = None) -> list[Hit]:
    text = unit.text
    if not text:
        return []
    lowered = ascii_lower(text)
    hits = provider_hits(text, lowered, options, FILE_DETECTORS.get(unit.file_name, ()), budget=budget)
    runs = literal_runs(text) if unit.kind == CODE else {}
    hits.extend(joined_hits(runs, options))
    context = context_hits(text, lowered, unit.kind, options, runs, prose=unit.prose, budget=budget)
    secret_hits, refused = k8s_hits(text, lowered, options)
    if refused:
        # A generic value that is a Secret's `data` entry the API server cannot decode: the manifest
        # is refused, so it never becomes a working Secret; still committed text, so reported low.
        # Provider formats keep their findings wherever they stand.
        refused.sort()
        starts = [start for start, _ in refused]
        context = [
            replace(hit, low_reason=_NOT_BASE64) if _within(refused, starts, hit.start, hit.end) else hit
            for hit in context
        ]
    hits.extend(context)
    hits.extend(secret_hits)
    hits.extend(_long_docker_auths(text, lowered, options))
    if delegated:
        hits.extend(delegated_hits(text, lowered, options))
    return dedupe(hits, per_value=unit.output is not None)


def field_hits(item: Field, options: Options, budget: Budget | None = None) -> list[Hit]:
    """A metadata value: its text like any unit's, and the value itself under its key."""
    hits = unit_hits(Unit(item.value, "text", ""), options, delegated=False, budget=budget)
    if hits:
        return hits
    strength = max(item.strength, name_strength(item.name))
    if item.place == "attachment name":
        # Pasted images are named by uuids and random ids; a vendor-shaped name is a token.
        if not has_vendor_prefix(item.value):
            return []
        strength = 2
    if strength == 0:
        return []
    candidate = Candidate(item.value, 0, len(item.value), item.name, "name", True, strength)
    hit = judge(candidate, item.name.lower() + ": ", "text", options)
    return [hit] if hit is not None else []


# --- provider formats ---------------------------------------------------------------------------
def provider_hits(
    text: str,
    lowered: str,
    options: Options,
    extra: Iterable[Detector] = (),
    *,
    offset: int = 0,
    budget: Budget | None = None,
) -> list[Hit]:
    hits: list[Hit] = []
    # On short texts a keyword check is cheaper than starting a regex scan; on long ones every
    # pattern starts with a literal, which the engine finds as fast as `str.find` would.
    short = len(text) < _PREFILTER_LIMIT
    for detector in (*_active(options), *extra):
        if short and detector.keywords and not any(keyword in lowered for keyword in detector.keywords):
            continue
        for match in detector.pattern.finditer(text):
            if budget is not None and not budget.take_match():
                return hits
            start, end = match.span("secret")
            if detector.extend_left:
                start = _extend_left(text, start, detector.extend_left)
            if text.startswith(("...", "…"), end):
                continue  # elided in the text (`MIIEv...`, `sk-proj-abc…`): an example, not a key
            value = text[start:end]
            if detector.name in ENCODED_KEYS:
                body = key_body(text, start)
                if body is None:
                    continue  # a truncated example or a placeholder body, not a key
                value = body  # the whole body is the key's identity (hash), not its first line
            hit = _provider_hit(detector, value, start, end, lowered, options)
            if hit is not None:
                hits.append(replace(hit, start=hit.start + offset, end=hit.end + offset) if offset else hit)
    return hits


@functools.lru_cache(maxsize=16)
def _active(options: Options) -> tuple[Detector, ...]:
    return tuple(detector for detector in TOKEN_DETECTORS if options.enabled(detector.name))


def _extend_left(text: str, start: int, chars: str) -> int:
    allowed = re.compile(f"[{chars}]")
    limit = max(0, start - 10)
    while start > limit and allowed.match(text, start - 1):
        start -= 1
    return start


def _provider_hit(detector: Detector, value: str, start: int, end: int, lowered: str, options: Options) -> Hit | None:
    if value in DOCUMENTED_EXAMPLES or is_placeholder(
        value, options.placeholders, encoded=detector.name in ENCODED_KEYS
    ):
        return None
    check = CHECKS[detector.check](value) if detector.check else CheckResult(PLAUSIBLE)
    if check.verdict == REJECT:
        return None
    if check.verdict != VERIFIED and has_typed_run(value):
        # A provider's keys are generated: `sk_live_51234567890abcdef...` was typed by hand. Low,
        # not silent: a real key holds such a run about once in ten thousand (digit ids).
        check = CheckResult(DOUBTFUL, "; it holds a typed run (`123456`, `AbCdEf`) like a hand-written example")
    if detector.name == "aws_access_key_id" and check.verdict == DOUBTFUL:
        line = line_head(lowered, start)
        if not _AWS_CONTEXT.search(line):
            return None  # a run of capitals such as a peptide sequence, not next to an AWS name
        check = CheckResult(PLAUSIBLE)
    confidence = "low" if check.verdict == DOUBTFUL else "high"
    low_reason = ""
    if detector.name == "aws_access_key_id" and "expires=" in lowered:
        expired = expired_presigned_url(lowered, start, end)
        if expired is not None:
            low_reason = f"; in a presigned URL that expired on {expired}: the id alone signs nothing (reported low)"
    return Hit(
        detector.name, detector.label, value, start, end, check.note, confidence, check.verdict, low_reason=low_reason
    )


# --- values in a credential context ---------------------------------------------------------------
def context_hits(
    text: str,
    lowered: str,
    kind: str,
    options: Options,
    runs: dict[int, tuple[str, int]] | None = None,
    *,
    prose: bool = False,
    budget: Budget | None = None,
) -> list[Hit]:
    hits = []
    for candidate in candidates(text, lowered):
        if budget is not None and not budget.take(candidate.value, candidate.name):
            break
        if runs and candidate.quoted and candidate.start in runs:
            joined, end = runs[candidate.start]
            candidate = replace(candidate, value=joined, end=end)
        hit = judge(candidate, lowered, kind, options, text, prose=prose)
        if hit is not None:
            hits.append(hit)
    return hits


# What goes on after a bare value's cut at `,` or `;`, to the end of the word.
_CUT_GOES_ON = re.compile(r"[,;][^\s\"'`,;]{4,256}")


@functools.lru_cache(maxsize=8192)
def _judged_shape(
    value: str, name: str, placeholders: tuple[re.Pattern[str], ...], catalogue: bool = False
) -> ValueShape:
    """`judge_value`, remembered: a file may repeat one value under one name thousands of times
    (the budget charges it once, so the judging must cost it once too)."""
    return judge_value(value, name, placeholders, catalogue=catalogue)


def judge(
    candidate: Candidate, lowered: str, kind: str, options: Options, text: str = "", *, prose: bool = False
) -> Hit | None:
    """A hit when the value looks like a secret for the context it stands in."""
    if kind == CODE and not candidate.quoted and not _shell_line(text or lowered, candidate.start):
        return None  # in Python, a bare right-hand side is an expression, not a literal
    if text and text.startswith(("...", "\u2026"), candidate.end):
        return None  # elided (`pypi-AgEIcHlw...`): an example in docs, not a credential
    if candidate.context == "name" and _inside_arn(lowered, candidate.start):
        return None  # `arn:aws:secretsmanager:...:secret:name-AbC123`: a resource's name, not its value
    if candidate.context.startswith("url:") or candidate.context == "basic-auth":
        return _url_hit(candidate, lowered, options)
    if not options.enabled("password_assignment"):
        return None
    if _TEX_MATH.fullmatch(candidate.value) and not _PASSWORDISH.search(candidate.name):
        return None  # "the previous step's target token $y_{t^\prime}$": TeX math in prose
    if candidate.name.lower() == "auth" and candidate.quoted and _in_docker_auths(lowered, candidate.start):
        return _docker_auth_hit(candidate, options)
    fixed = _fstring_fixed_part(text, candidate) if kind == CODE and candidate.quoted else None
    # `"p(95)\u003c1000"` is the text `p(95)<1000` the program holds (a k6 threshold): judged as that
    judged = ascii_unescaped(candidate.value if fixed is None else fixed)
    shape = _judged_shape(judged, candidate.name, options.placeholders, options.catalogue)
    if shape.reason == "a well-known password" and text and fixed is None:
        # A bare value is cut at `,` and `;` (a list's separator elsewhere); a well-known start
        # that goes on right after one (`DB_PASSWORD=admin/admin,Xk9#mQ2vL` in .env, where the
        # line is the value) is judged whole, as whoever reads the line takes it.
        more = _CUT_GOES_ON.match(text, candidate.end)
        if more is not None:
            candidate = replace(candidate, value=candidate.value + more.group(0), end=more.end())
            judged = ascii_unescaped(candidate.value)
            shape = _judged_shape(judged, candidate.name, options.placeholders, options.catalogue)
    score = candidate.strength + shape.strength
    if shape.strength == 0 or score < 3:
        return None
    tag_name = candidate.name in ("Key", "key") and _name_like(candidate.value)
    if tag_name and _tag_pair(lowered, candidate.start, candidate.end):
        return None  # `{"Key": "aws-cdk:cr-owned:af230d0d", "Value": "true"}`: a tag's name, not a key
    decoded = _base64_text(candidate.value)
    if decoded is not None and judge_value(decoded, candidate.name, options.placeholders).strength == 0:
        return None  # base64 of a placeholder or a word (`VEhFUEFTU1dPUkQ=` is THEPASSWORD)
    if _refused_by_provider(candidate.value):
        return None
    hinted = _hint(candidate, lowered, options)
    if hinted is not None:
        return hinted
    confidence = "medium" if score >= 4 else "low"
    low_reason = ""
    if text and not prose and _embedded(text, candidate.start):
        low_reason = "; inside a long run of prose or an embedded document, most likely quoted text (reported low)"
    elif _identifier_uuid(candidate, judged, lowered) and not _beside_user_name(
        lowered, candidate.start, candidate.end
    ):
        low_reason = (
            "; a UUID under a name that does not say credential (`key`, `resource_key`), in a record"
            " whose other UUIDs are named as ids (`id`, `space_id`): the record's identifiers (reported low)"
        )
    elif creates_throwaway_service(candidate.name, lowered, candidate.start):
        low_reason = (
            "; it sets the first password of a container started right there (`docker run -e`, a CI job's"
            " service), a throwaway instance (reported low)"
        )
    elif (
        len(candidate.name) <= _ANALYTICS_NAME_LIMIT
        and _ANALYTICS_KEY_NAME.fullmatch(".".join(candidate.name.split(".")[-2:]))  # `window.analytics._writeKey`
        and not _MANAGING_WORDS.intersection(name_words(candidate.name))
        and not candidate.value.startswith(_PERSONAL_ANALYTICS_PREFIXES)
    ):
        low_reason = _ANALYTICS_LOW
    elif candidate.name.lower() == "ikey" and _UUID.fullmatch(judged) is not None:
        # `"iKey": "<GUID>"`: the field of every Application Insights telemetry envelope that
        # carries the instrumentation key (recorded requests to the ingestion endpoint hold it)
        low_reason = _ANALYTICS_LOW
    elif _PUBLIC_PROJECT_KEY.fullmatch(candidate.value):
        low_reason = (
            "; a PostHog project key (`phc_`): it can only send events and flags' lookups, and PostHog"
            " ships it to every browser or client by design (reported low)"
        )
    elif _search_widget_key(candidate, lowered):
        low_reason = (
            "; the search key of an Algolia search widget (its config names the appId and indexName):"
            " Algolia documents it as search-only and shipped to every browser (reported low)"
        )
    elif _published_link_secret(candidate, lowered):
        low_reason = (
            "; the passcode of a meeting invite, or the token of a coverage badge or a shared document,"
            " in the link that publishes it: whoever the link is shared with holds it, by design (reported low)"
        )
    elif _loopback_server_token(candidate, lowered):
        low_reason = (
            "; the token of a server on this machine (`localhost:8888/?token=`, a Jupyter server's), which"
            " no other server accepts (reported low)"
        )
    elif _storage_download_token(candidate, lowered):
        low_reason = (
            "; a storage download token (`?alt=media&token=`): a read link to one stored object, shared"
            " by design (reported low)"
        )
    elif _image_link_key(candidate, lowered):
        low_reason = (
            "; a query key of an image link (`![](...?key=)`, `<img src>`): it fetches that image, which"
            " every reader of the page loads anyway (reported low)"
        )
    elif candidate.context == "header" and _only_local_targets(_line_of(lowered, candidate.start)):
        # `curl http://localhost:8081/models -H "Authorization: Bearer ..."`: a key of a server on
        # the reader's own machine (docs and local tests), which works nowhere else.
        low_reason = "; sent to a server on this machine (localhost), where no other key is valid (reported low)"
    return Hit(
        "password_assignment",
        _generic_label(candidate),
        candidate.value,
        candidate.start,
        candidate.end,
        "",
        confidence,
        PLAUSIBLE,
        specific=False,
        low_reason=low_reason,
        in_url_query=_url_query_start(candidate, lowered) is not None,
        provider_uuid=_provider_uuid(candidate.name, candidate.value),
    )


# Services whose API tokens are bare UUIDs (Heroku API keys, Snyk tokens, Consul and Nomad ACL
# tokens, Sauce Labs access keys, Scaleway secret keys): a UUID given to a name that says one of
# them is that service's token, not an id.
_UUID_TOKEN_SERVICES = re.compile(r"(?i)heroku|snyk|consul|nomad|sauce|scaleway|(?<![a-z])scw(?![a-z])")


def _provider_uuid(name: str, value: str) -> bool:
    return _UUID.fullmatch(value) is not None and _UUID_TOKEN_SERVICES.search(name) is not None


# `user: "ci-bot", key: "<uuid>"` (WebdriverIO's Sauce Labs login): a name field beside the value.
_USER_FIELD = re.compile(r"(?<![a-z0-9_.-])[\"']?(?:user|username|user_name|login)[\"']?[ \t]{0,4}[:=]")
_USER_FIELD_REACH = 200


def _beside_user_name(lowered: str, start: int, end: int) -> bool:
    """Whether an account name is given beside the value (a login's pair), so a UUID there is read
    as the account's key, whatever the key's name."""
    return _USER_FIELD.search(lowered, max(0, start - _USER_FIELD_REACH), end + _USER_FIELD_REACH) is not None


# `"space_id": "<uuid>"`, `id: <uuid>`, `&quot;guid&quot;: &quot;<uuid>`: a UUID given to a name
# that says identifier, in code, JSON, YAML or an HTML export of either.
# The name is one bounded run (no nested repeats: a window of `a_a_a_...` costs linear time), and
# what it ends with is checked after the match.
_QUOTE = r"(?:[\"'\\`]|&quot;|&#39;|&#34;){0,3}"
_UUID_FIELD = re.compile(
    r"(?<![a-z0-9_.-])([a-z0-9_.-]{1,64})"
    + _QUOTE
    + r"[ \t]{0,4}[:=][ \t]{0,4}"
    + _QUOTE
    + f"({_UUID.pattern})"
    + r"(?![0-9a-f-])"
)
_ID_NAME = re.compile(r"(?:.*[_.-])?(?:id|uuid|guid)")
_RECORD_REACH = 400  # about one printed record's fields either side


def _identifier_uuid(candidate: Candidate, value: str, lowered: str) -> bool:
    """A bare UUID whose name only may be a credential's (`key`, `resource_key`, `auth`), in a
    record whose other fields give UUIDs to names that say identifier (`id`, `space_id`, `guid`):
    Watson ML's asset metadata (`id`, `resource_key`, `space_id`), a catalogue entry's `key`. The
    record says what its UUIDs are. Without such siblings a UUID under `*_KEY` keeps blocking:
    many services' keys are bare UUIDs under names that only say key (`CYPRESS_RECORD_KEY`,
    `NB_SETUP_KEY`, `PINECONE_KEY`, GraphHopper's `key=`). Names that say credential (`token`,
    `password`, `access_key`), the services whose tokens are UUIDs, and an `Authorization`
    header's value are never judged here."""
    if not (
        candidate.strength < 2
        and candidate.context == "name"
        and _UUID.fullmatch(value) is not None
        and not _provider_uuid(candidate.name, value)
    ):
        return False
    window_start = max(0, candidate.start - _RECORD_REACH)
    own = value.lower()
    return any(
        match.group(2) != own and _ID_NAME.fullmatch(match.group(1)) is not None
        for match in _UUID_FIELD.finditer(lowered, window_start, candidate.end + _RECORD_REACH)
    )


# A Docker client config (`~/.docker/config.json`, a pull secret's `.dockerconfigjson`).
_DOCKER_AUTHS = re.compile(r"\"auths\"[ \t]{0,4}:[ \t\r\n]{0,40}\{")
_DOCKER_REFUSED = "; not base64 of `user:password`: Docker and the kubelet refuse this `auths` entry (reported low)"
# What a decoded password judged "not a secret" may still be: a short or plain password of a real
# registry account. Only these reasons mean there is no credential at all.
_NO_PASSWORD = (
    "a placeholder",
    "a well-known password",
    "the value repeats its name",
    "it names a credential instead of being one",
)


def _in_docker_auths(lowered: str, start: int, *, window: int = 4000) -> bool:
    """The value is the `auth` of one registry inside an `auths` object: two braces deep from
    `"auths": {`, never closed before it (strings skipped). Bounded to `window` characters back."""
    window_start = max(0, start - window)
    opening = None
    for match in _DOCKER_AUTHS.finditer(lowered, window_start, start):
        opening = match.end()
    if opening is None:
        return False
    depth = 1
    position = opening
    in_string = False
    while position < start:
        char = lowered[position]
        if in_string:
            if char == "\\":
                position += 1
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "{[":
            depth += 1
        elif char in "}]":
            depth -= 1
            if depth == 0:
                return False
        position += 1
    return depth == 2


def _decode_docker_auth(value: str) -> str | None:
    """base64 as Go's StdEncoding reads it, then RawStdEncoding (no padding), as the kubelet does."""
    import base64
    import binascii

    for candidate in (value, value + "=" * (-len(value) % 4)):
        try:
            return base64.b64decode(candidate, validate=True).decode("utf-8")
        except (binascii.Error, UnicodeDecodeError, ValueError):
            continue
    return None


# An `auth` longer than any password the context detector takes (512): a registry login with a
# service account's JSON key (`_json_key:{...}`, `_json_key_base64:...`), which is a few KiB.
# Base64 as `base64.encodebytes` wraps it (JSON-escaped line breaks), which Go's decoder reads.
_LONG_DOCKER_AUTH = re.compile(
    r'"auth"\s*:\s*"(?P<value>(?:[A-Za-z0-9+/]|\\[rn]){513,70000}(?:=|\\[rn]){0,6})"', re.IGNORECASE
)
_LONG_AUTHS_PER_FILE = 64  # each is walked back to its `"auths"` (up to 256 KiB)


def _long_docker_auths(text: str, lowered: str, options: Options) -> list[Hit]:
    if '"auths"' not in lowered or not options.enabled("password_assignment"):
        return []
    hits = []
    for count, match in enumerate(_LONG_DOCKER_AUTH.finditer(text)):
        if count >= _LONG_AUTHS_PER_FILE:
            break
        if not _in_docker_auths(lowered, match.start("value"), window=1 << 18):
            continue
        value = match["value"].replace("\\n", "").replace("\\r", "")
        candidate = Candidate(value, match.start("value"), match.end("value"), "auth", "name", True, 2)
        hit = _docker_auth_hit(candidate, options)
        if hit is not None:
            hits.append(hit)
    return hits


def _docker_auth_hit(candidate: Candidate, options: Options) -> Hit | None:
    """An `auths` entry's `auth` is base64 of `user:password`, which the Docker client and the
    kubelet decode and split at the first colon, refusing anything else. What it carries is the
    password: judged as one (a service account's JSON key after `_json_key:` is searched like any
    text); a short or plain one is still a registry's password, reported low."""
    decoded = _decode_docker_auth(candidate.value) or ""
    _, colon, password = decoded.partition(":")
    hit = Hit(
        "password_assignment",
        "secret in a Docker registry auth",
        candidate.value,
        candidate.start,
        candidate.end,
        "",
        "medium",
        PLAUSIBLE,
        specific=False,
    )
    if not colon:
        return replace(hit, low_reason=_DOCKER_REFUSED)
    user = decoded.partition(":")[0]
    if user == "_json_key_base64":  # Google's registries: the service account's JSON key, base64 again
        password = _decode_docker_auth(password) or password
    inner = provider_hits(password, ascii_lower(password), options)
    if inner:
        best = max(inner, key=lambda h: h.end - h.start)
        return replace(
            best,
            value=candidate.value,
            start=candidate.start,
            end=candidate.end,
            detail=best.detail + " (base64 in a Docker auths entry)",
        )
    shape = judge_value(password, "password", options.placeholders)
    spelled = _base64_text(password)
    if spelled is not None and judge_value(spelled, "password", options.placeholders).reason in (
        "contains spaces: prose, not a key",
        "a placeholder",
    ):
        return None  # the password is base64 of a sentence or a placeholder ("This is not a real secret")
    if shape.strength == 0:
        if len(password) < 6 or shape.reason in _NO_PASSWORD:
            return None  # `user:changeme`, `user:password`: no credential inside
        return replace(hit, low_reason=f"; the password it carries is {shape.reason} (reported low)")
    return replace(hit, confidence="medium" if shape.strength == 2 else "low")


_STRING_PREFIX = re.compile(r"(?<![A-Za-z0-9_])(?P<prefix>[rRfFbBuU]{1,2})$")


def _fstring_fixed_part(text: str, candidate: Candidate) -> str | None:
    """In an f-string (`f"gpu-{npu_id}-{chip_id}"`) the fields are filled at run time: what is
    written is the text around them, and that alone can be a committed secret. That text (see
    `fixed_text`), or None when the literal is no f-string or has no field."""
    start = candidate.start
    if start < 2 or text[start - 1] not in "\"'" or "{" not in candidate.value:
        return None
    match = _STRING_PREFIX.search(text, max(0, start - 4), start - 1)
    if match is None or "f" not in match.group("prefix").lower():
        return None
    return fstring_fixed_text(candidate.value)


def fstring_fixed_text(value: str) -> str | None:
    """The text of an f-string's body outside its replacement fields. In an f-string every `{...}`
    is an expression evaluated at run time (`{str(index).zfill(5)}` as much as `{name}`), nested
    brackets and strings included; `{{` and `}}` are literal braces. None when it has no field."""
    kept: list[str] = []
    fields = 0
    index = 0
    while index < len(value):
        char = value[index]
        if value.startswith(("{{", "}}"), index):
            kept.append(char)
            index += 2
            continue
        if char != "{":
            kept.append(char)
            index += 1
            continue
        found = _field_end(value, index)
        if found is None:
            return fixed_text(value)  # an unclosed field: read as the other templates are
        end, literals = found
        # A string literal inside a field (`{'Zq8X...'}`) is text written in the file all the same.
        kept.extend(f" {literal} " for literal in literals)
        fields += 1
        index = end + 1
    if not fields:
        return None
    return "".join(kept).strip(_FSTRING_GLUE)


_FSTRING_GLUE = ":/=-_.@,;| "  # the glue fixed_text trims at the ends, too


def _field_end(value: str, start: int) -> tuple[int, list[str]] | None:
    """The index of the `}` closing the field opened at `start` (brackets and quotes nested), and
    the string literals inside it."""
    depth = 0
    quote = ""
    literals: list[str] = []
    opened = 0
    for index in range(start, min(len(value), start + 4096)):
        char = value[index]
        if quote:
            if char == quote:
                quote = ""
                literals.append(value[opened:index])
            continue
        if char in "'\"":
            quote, opened = char, index + 1
        elif char in "{[(":
            depth += 1
        elif char in "}])":
            depth -= 1
            if depth == 0:
                return (index, literals) if char == "}" else None
    return None


@functools.lru_cache(maxsize=4096)
def _refused_by_provider(value: str) -> bool:
    """The whole value is in a provider's format and that provider's check refuses it (a published
    demo JWT, a documented example key): the context detector must not report it either."""
    if value in DOCUMENTED_EXAMPLES:
        return True
    lowered = ascii_lower(value)
    for detector in TOKEN_DETECTORS:
        if not detector.check or not any(keyword in lowered for keyword in detector.keywords):
            continue
        match = detector.pattern.search(value)
        if match is None or match.end("secret") != len(value):
            continue
        start = (
            _extend_left(value, match.start("secret"), detector.extend_left)
            if detector.extend_left
            else match.start("secret")
        )
        if start == 0 and CHECKS[detector.check](value).verdict == REJECT:
            return True
    return False


_ARN = re.compile(r"arn:aws[a-z-]{0,20}:secretsmanager:[a-z0-9-]{1,30}:\d{12}:secret:$")


def _inside_arn(lowered: str, start: int) -> bool:
    """Whether the value at `start` ends a Secrets Manager ARN (`arn:aws:secretsmanager:region:
    account:secret:name`): the "secret:" before it is the resource type, and what follows names
    the secret, whose value is kept in the service. Only that exact shape: other ARNs end in
    free-form paths where `...:api_key:VALUE` could be written."""
    before = lowered[max(0, start - 400) : start]
    return _ARN.search(before) is not None


def _name_like(value: str) -> bool:
    """`aws-cdk:cr-owned:af230d0d`, `team/owner`: separated parts that read as words or are short,
    the shape of a tag's name; a random run (`Qm7vXk2pLr9TzW4s`) is not one."""
    parts = [part for part in _NAME_PARTS.split(value) if part]
    if len(parts) >= 2 and all(len(part) <= 8 or word_coverage(part) >= 0.6 for part in parts):
        return True
    # `knownLayoutAlgorithms`: a method's name in camel case, words of three letters or more (a
    # bundled class's `{key:"name",value:function(){...}}` descriptors).
    humps = _CAMEL_HUMP.findall(value)
    return value.isalpha() and len(humps) >= 2 and "".join(humps) == value and all(len(hump) >= 3 for hump in humps)


def _tag_pair(lowered: str, start: int, end: int) -> bool:
    """The `Key` is one half of a name/value pair (AWS and CloudFormation tags, Azure and k8s
    label lists): a sibling `Value` field sits right beside it, on its line or the next/previous
    one, with nothing between the two but punctuation and whitespace."""
    after = lowered[end : end + 160]
    if _VALUE_FIELD_AFTER.match(after):
        return True
    before = lowered[max(0, start - 200) : start]
    return _VALUE_FIELD_BEFORE.search(before) is not None


# Links whose query secret is handed to everyone the link reaches: a video meeting's join link
# (`zoom.us/j/<id>?pwd=`, LFX's `zoom-lfx.../meeting/<id>?password=`) and a coverage service's
# badge or graph (`codecov.io/gh/<org>/<repo>/graph/badge.svg?token=`), a read-only token.
_MEETING_LINK = re.compile(
    r"(?:(?:[a-z0-9-]+\.)*zoom\.us|zoom-lfx\.platform\.linuxfoundation\.org)/(?:j|w|s|wc/join|meeting)/\d{6,}[/?]"
)
_LOWER_HEX = re.compile(r"[0-9a-f]+")
# A shared Google document's link (`docs.google.com/presentation/d/<id>/present?token=...`).
_SHARED_DOCUMENT_LINK = re.compile(
    r"docs\.google\.com/(?:presentation|document|spreadsheets|drawings|forms)/(?:u/\d+/)?d/[\w-]{20,}/[^?\s]*\?"
)
_BADGE_LINK = re.compile(r"(?:app\.)?codecov\.io/(?:gh|gl|bb|github|gitlab|bitbucket)/[^?\s]*/graph/")


def _published_link_secret(candidate: Candidate, lowered: str) -> bool:
    if candidate.context != "name" or not lowered.endswith(("?", "&"), 0, candidate.start - len(candidate.name) - 1):
        return False
    url_start = lowered.rfind("://", max(0, candidate.start - 400), candidate.start)
    if url_start < 0:
        return False
    link = lowered[url_start + 3 : candidate.start]
    if "?" not in link or not _one_link(link):
        return False  # the parameter must be this link's own (`?next=https://zoom.us/j/1&password=` is not)
    name = candidate.name.lower()
    if name in ("pwd", "password", "passcode") and _MEETING_LINK.match(link):
        return True
    return name == "token" and (_BADGE_LINK.match(link) is not None or _SHARED_DOCUMENT_LINK.match(link) is not None)


def _loopback_server_token(candidate: Candidate, lowered: str) -> bool:
    """`localhost:8888/?token=ad1a...`: the `token` query parameter of a URL whose host is this
    machine (a notebook server's login link, pasted from its log). Not a vendor's key, which
    opens its vendor's service wherever it is sent."""
    if candidate.context != "name" or candidate.name.lower() != "token":
        return False
    if is_vendor_key(candidate.value) and not _LOWER_HEX.fullmatch(candidate.value):
        return False  # Jupyter's own tokens are 48 hex digits, which the vendor layout also fits
    url_start = _query_start(candidate, lowered)
    if url_start is None:
        return False
    link = lowered[url_start + 1 : candidate.start - len(candidate.name) - 1]
    return _LOOPBACK_URL.match(link) is not None and _one_link(link)


def _one_link(link: str) -> bool:
    """Whether the text from a URL's start to one of its query parameters is that one URL: no
    separator (`http://localhost/hook,https://hooks.example.com/n?token=`) and no second URL in
    it (a proxy's `http://127.0.0.1:3128/fetch?url=https://api.example.com/...&token=`)."""
    return (
        not any(c in link for c in " \n\t\"'`<>,;|")
        and link.count("://") <= 1
        and "%3a%2f%2f" not in link
        and link.count("?") <= 1
    )


# A vendor's key, judged by its layout (`sk-or-v1-<64 hex>`, `glsa_<32>_<8 hex>`, `PMAK-<24>-<34>`,
# `lsv2_pt_<32 hex>_<10 hex>`, `sk-lf-<uuid>`, `dapi<32 hex>`, `pat<14>.<64 hex>`): a short prefix and
# a separator before a long generated part, or a prefix glued to a long hex or dotted hex part. A
# vendor's prefix is a word it chose, in one case; base64url's own `-` and `_` fall anywhere in a
# random token, so mixed-case letters before one (`WGdOX9GIo1-RMaf...`) are the token's, not a prefix.
_VENDOR_KEY = re.compile(
    r"(?:[a-z][a-z0-9]{1,9}|[A-Z][A-Z0-9]{1,9})[-_.](?:[A-Za-z0-9]{1,10}[-_.]){0,3}[A-Za-z0-9][A-Za-z0-9._-]{23,}"
    r"|[a-z]{2,6}[0-9a-f]{32,}"
    r"|[A-Za-z]{2,6}[A-Za-z0-9]{8,20}\.[0-9a-f]{32,}"
    # Prefixes glued to the body, from the vendors' published token formats: Square (`EAAA`), Meta
    # (`EAA` and a letter), Instagram (`IGQV`), PayPal (`A21AA`), Yandex Cloud (`AQVN`, `YC`).
    r"|(?:EAA[A-Z]|IGQV|A21AA|AQVN)[A-Za-z0-9_-]{30,}|YC[A-Za-z0-9_-]{38}"
)


def is_vendor_key(value: str) -> bool:
    # A bare UUID (8-4-4-4-12 hex) is an identifier's layout, not a vendor's: `sk-lf-<uuid>` is a
    # key by its prefix; a UUID alone says nothing about whose value it is.
    return _VENDOR_KEY.fullmatch(value) is not None and _UUID.fullmatch(value) is None


_IMAGE_KEY_NAMES = frozenset(["key", "token", "sig", "signature"])
# What a URL starts after: the text separators, and a table cell's or a Markdown link's edge.
_URL_STARTS_AFTER = (*_URL_ENDS, "|", ")")
_IMAGE_LINK_START = re.compile(r"(?:!\[[^\]\n]{0,300}\]\(|<img\b[^>]{0,300}?\bsrc\s*=\s*[\"']?)$")


def _url_start(lowered: str, position: int, separators: tuple[str, ...]) -> int:
    """The last separator before `position` (the character a URL around it starts after), looking
    back at most 2,000 characters; -1 when there is none."""
    return max(lowered.rfind(sep, max(0, position - 2000), position) for sep in separators)


def _url_query_start(candidate: Candidate, lowered: str) -> int | None:
    """Where the URL starts whose query parameter (`?name=` or `&name=`) the value is, or None."""
    url_start = _query_start(candidate, lowered)
    return url_start if url_start is not None and "://" in lowered[url_start + 1 : candidate.start] else None


def _query_start(candidate: Candidate, lowered: str) -> int | None:
    """Where the text starts (a separator's offset) whose query parameter (`?name=` or `&name=`)
    the value is, scheme or not (`localhost:8888/?token=`), or None when it is no query's."""
    name_start = candidate.start - len(candidate.name) - 1
    if not candidate.name or name_start < 1 or not lowered.endswith(("?", "&"), 0, name_start):
        return None
    if not lowered.endswith(f"{candidate.name.lower()}=", 0, candidate.start):
        return None
    return _url_start(lowered, candidate.start, _URL_STARTS_AFTER)


# Within the same object literal as the key: DocSearch's and InstantSearch's settings.
_WIDGET_APP_ID = re.compile(r"""(?<![\w$])["']?(?:appid|app_id|applicationid)["']?\s*:""")
_WIDGET_INDEX = re.compile(r"""(?<![\w$])["']?(?:indexname|index_name)["']?\s*:""")
# Where the widget mounts in the page: only a browser widget's settings name one.
_WIDGET_MOUNT = re.compile(r"""(?<![\w$])["']?(?:container|inputselector)["']?\s*:\s*["'`][#.][\w-]""")
_WIDGET_CALL = re.compile(r"docsearch\s*\(\s*$")
_ALGOLIA = re.compile(r"algolia|docsearch|instantsearch")
_WIDGET_SPAN = 2000


def _search_widget_key(candidate: Candidate, lowered: str) -> bool:
    """`docsearch({container: "#search", appId: "...", indexName: "docs", apiKey: "..."})`: a
    documentation site's search box. The key is a field of an object literal whose own fields (not
    a nested object's) name the application id and the index it searches, and which is a browser
    widget's: it names the page element the widget mounts on (`container: "#search"`,
    `inputSelector: ".search"`, a CSS selector, not a bucket's name) or is the argument of
    `docsearch(`, and the text around names Algolia (`algolia`, `docsearch`, `instantsearch`).
    Algolia issues a search-only key for that. An indexing job's settings
    (gatsby-plugin-algolia's `{appId, apiKey, indexName, queries}`) carry an admin key and keep
    blocking, and so does a vendor's token (`sk-...`) wherever it is pasted."""
    if candidate.context != "name" or candidate.name.lower() not in ("apikey", "api_key", "searchapikey"):
        return False
    if is_vendor_key(candidate.value):
        return False
    found = _own_fields(lowered, candidate.start, candidate.end)
    if found is None:
        return False
    opening, fields = found
    if _WIDGET_APP_ID.search(fields) is None or _WIDGET_INDEX.search(fields) is None:
        return False
    if _ALGOLIA.search(lowered, max(0, opening - _WIDGET_SPAN), candidate.end + _WIDGET_SPAN) is None:
        return False  # the same fields in another product's settings (a search service's admin key)
    return (
        _WIDGET_MOUNT.search(fields) is not None
        or _WIDGET_CALL.search(lowered, max(0, opening - 40), opening) is not None
    )


def _own_fields(lowered: str, start: int, end: int) -> tuple[int, str] | None:
    """Where the object literal around `start`..`end` opens, and its text at its own depth (nested
    objects' contents left out), within a bounded span; None when no enclosing `{` is that close."""
    depth = 0
    opening = -1
    for position in range(start - 1, max(-1, start - _WIDGET_SPAN - 1), -1):
        char = lowered[position]
        if char == "}":
            depth += 1
        elif char == "{":
            if depth == 0:
                opening = position
                break
            depth -= 1
    if opening < 0:
        return None
    own: list[str] = []
    depth = 0
    for position in range(opening + 1, min(len(lowered), end + _WIDGET_SPAN)):
        char = lowered[position]
        if char == "{":
            depth += 1
        elif char == "}":
            if depth == 0:
                break
            depth -= 1
        elif depth == 0 and not start <= position < end:
            own.append(char)
    return opening, "".join(own)


def _image_link_key(candidate: Candidate, lowered: str) -> bool:
    """`![](https://lh7-rt.googleusercontent.com/docsz/...?key=...)`: an image pasted from a shared
    document, or any image whose URL carries its own access key. The value is a query parameter
    (`?name=` or `&name=`) of the URL a Markdown image or an HTML `<img src>` loads, with no space
    between: a key that serves this image to whoever views the page."""
    if candidate.name.lower() not in _IMAGE_KEY_NAMES:
        return False  # `password=`, `private_token=`, `client_secret=` open more than one image
    if is_vendor_key(candidate.value):
        return False  # a vendor's API token (`dapi...`) opens more than an image, wherever it is pasted
    url_start = _url_query_start(candidate, lowered)
    if url_start is None or url_start < 0:
        return False
    return _IMAGE_LINK_START.search(lowered, max(0, url_start - 400), url_start + 1) is not None


def _storage_download_token(candidate: Candidate, lowered: str) -> bool:
    """`...appspot.com/o/img.png?alt=media&token=<uuid>`: Firebase Storage's download URL (GitBook's
    CDN serves the same). The token reads that one object and nothing else; the service hands it
    out for embedding in pages. Only a UUID token in a URL query that also asks `alt=media`."""
    if candidate.name.lower() != "token" or not _UUID.fullmatch(candidate.value):
        return False
    url_start = _url_start(lowered, candidate.start, _URL_ENDS)
    query_start = lowered.find("?", url_start + 1, candidate.start)
    scheme_end = lowered.find("://", url_start + 1, query_start) if query_start >= 0 else -1
    if scheme_end < 0 or "#" in lowered[query_start : candidate.start]:
        return False
    host = re.split(r"[/:?]", lowered[scheme_end + 3 : query_start], maxsplit=1)[0]
    if not _STORAGE_HOST.fullmatch(host):
        return False
    if not lowered.endswith(("?token=", "&token="), 0, candidate.start):
        return False
    ends = [
        i for i in (lowered.find(sep, candidate.end, candidate.end + 2000) for sep in (*_URL_ENDS, ")", "#")) if i >= 0
    ]
    query = lowered[query_start + 1 : min(ends, default=min(len(lowered), candidate.end + 2000))]
    return "alt=media" in query.replace("&amp;", "&").split("&")


def _embedded(text: str, offset: int) -> bool:
    """The value sits in a long line of prose or of escaped text (a report, a prompt, a JSON
    string holding a whole document): someone else's words, seldom the repository's secret."""
    # Judged on a window around the value, so many values on one long line stay linear.
    window_start = max(0, offset - 1000)
    start = max(window_start, text.rfind("\n", window_start, offset) + 1)
    end = text.find("\n", offset, offset + 1000)
    line = text[start : end if end >= 0 else min(len(text), offset + 1000)]
    if len(line) <= 400:
        return False
    if line.count("\\n") >= 3:
        return True
    between_words = len(_WORD_SPACE.findall(line))  # a one-line JSON config has its spaces after , and :
    return between_words >= 20 and between_words >= len(line) / 40


def _url_hit(candidate: Candidate, lowered: str, options: Options) -> Hit | None:
    if not options.enabled("url_credentials"):
        return None
    value = candidate.value
    decoded = unquote(value)
    if decoded == candidate.name or value == candidate.name:
        return None
    shape = judge_value(decoded, "", options.placeholders)
    if shape.strength == 0 or is_placeholder(value, options.placeholders):
        return None
    scheme = candidate.context.partition(":")[2]
    detail = _url_kind(scheme, lowered, candidate.start) if scheme else ""
    confidence = "high" if shape.strength == 2 else "medium"
    label = "credentials in a URL" if scheme else "password in a user:password option"
    return Hit(
        "url_credentials", label, value, candidate.start, candidate.end, detail, confidence, PLAUSIBLE, specific=False
    )


def _hint(candidate: Candidate, lowered: str, options: Options) -> Hit | None:
    # The provider's name may stand up to three lines before: a `.netrc` machine, a YAML
    # section, the call the value is passed to.
    window = "\n".join(lowered[max(0, candidate.start - 240) : candidate.start].split("\n")[-3:])
    window += " " + candidate.name.lower()
    for hint in PROVIDER_HINTS:
        if hint.value.fullmatch(candidate.value) and hint.provider.search(window) and options.enabled(hint.name):
            return Hit(hint.name, hint.label, candidate.value, candidate.start, candidate.end, "", "high")
    return None


def _only_local_targets(line: str) -> bool:
    """A line that names this machine and no other host: `curl localhost:8081/x -H ...`, not a
    proxy on localhost in front of a remote URL, nor an `Origin: http://localhost` header."""
    if not _LOOPBACK_URL.search(line):
        return False
    for match in _ANY_URL.finditer(line):
        if not _LOOPBACK_URL.match(match.group()):
            return False
    return not any(not _LOOPBACK_URL.match(m.group()) for m in _BARE_HOST.finditer(line))


def _base64_text(value: str) -> str | None:
    """The printable text a base64 value encodes (Kubernetes Secret data, `.env` files copied
    from one), or None when it is not base64 of text (random bytes: a real key's encoding)."""
    if len(value) < 8 or len(value) % 4 or not _BASE64.fullmatch(value):
        return None
    import base64
    import binascii

    try:
        text = base64.b64decode(value, validate=True).decode("utf-8")
    except (binascii.Error, UnicodeDecodeError):
        return None
    return text if len(text) >= 3 and text.isprintable() else None


def _line_of(lowered: str, offset: int) -> str:
    start = lowered.rfind("\n", max(0, offset - 4096), offset) + 1
    end = lowered.find("\n", offset, offset + 4096)
    return lowered[start : end if end >= 0 else offset + 4096]


def _generic_label(candidate: Candidate) -> str:
    name = _printable_name(candidate.name)
    if candidate.context == "flag":
        return f"secret given to the {name} option" if name else "secret given to a command-line option"
    if candidate.context == "header":
        return "secret in an HTTP Authorization header"
    if candidate.context == "login":
        return "secret given to a login command"
    if candidate.context == "mention":
        return "secret-looking value quoted next to a credential word"
    return f"secret-looking value assigned to {name}" if name else "secret-looking value in a credential field"


def _printable_name(name: str) -> str:
    """The name as it can be printed: a plain identifier of bounded length none of whose parts is
    itself random (`<random>_token` could be a secret used as a key)."""
    if not re.fullmatch(r"[A-Za-z_$-][A-Za-z0-9_.$-]{0,47}", name):
        return ""
    if any(judge_value(part).strength > 0 for part in re.split(r"[_.$-]+", name) if len(part) >= 8):
        return ""
    return name


def _shell_line(text: str, offset: int) -> bool:
    head = line_head(text, offset, 4096)
    return len(head) < 4096 and head.lstrip().startswith(("!", "%"))


def _url_kind(scheme: str, lowered: str, offset: int) -> str:
    context = line_head(lowered, offset)
    if "mlflow" in context:
        return " (MLflow tracking URI)"
    if _DB_SCHEMES.match(scheme):
        return " (database or broker URL)"
    if (
        "index-url" in context
        or "find-links" in context
        or "pip_" in context
        or "/simple" in lowered[offset : offset + 300]
    ):
        return " (package index URL)"
    return ""


# --- tokens split across string literals ---------------------------------------------------------
def literal_runs(text: str) -> dict[int, tuple[str, int]]:
    """Runs of two or more adjacent literals: the first one's content offset -> (joined text, end)."""
    runs: dict[int, tuple[str, int]] = {}
    literals = list(_LITERAL.finditer(text))
    index = 0
    while index < len(literals):
        run = [literals[index]]
        while index + 1 < len(literals) and _LITERAL_GAP.fullmatch(text, run[-1].end(), literals[index + 1].start()):
            index += 1
            run.append(literals[index])
        index += 1
        if len(run) >= 2:
            joined = "".join(m.group(1) if m.group(1) is not None else m.group(2) or "" for m in run)
            content_start = run[0].start(1) if run[0].group(1) is not None else run[0].start(2)
            runs[content_start] = (joined, run[-1].end() - 1)
    return runs


def joined_hits(runs: dict[int, tuple[str, int]], options: Options) -> Iterator[Hit]:
    """Tokens split over adjacent literals (`"hf_" "AbC..."`) are matched once joined."""
    for start, (joined, end) in runs.items():
        for hit in provider_hits(joined, ascii_lower(joined), options):
            if hit.kind != "jwt":
                yield replace(hit, start=start, end=end, detail=hit.detail + " split across strings")


# --- Kubernetes Secret data -----------------------------------------------------------------------
_NOT_BASE64 = "; a Kubernetes Secret `data` entry that is not base64: the API server refuses it (reported low)"


def _within(spans: list[tuple[int, int]], starts: list[int], start: int, end: int) -> bool:
    """Whether [start, end) lies inside one of the sorted, non-overlapping `spans`."""
    index = bisect.bisect_right(starts, start) - 1
    return index >= 0 and spans[index][1] >= end


def k8s_hits(text: str, lowered: str, options: Options) -> tuple[list[Hit], list[tuple[int, int]]]:
    """The credentials in Kubernetes Secrets' `data`, and the spans of entries that are not base64."""
    if "kind:" not in lowered or "secret" not in lowered:
        return [], []
    from hooks.secrets.k8s import secret_entries

    entries = list(secret_entries(text))
    refused = [(entry.start, entry.end) for entry in entries if not entry.valid]
    return list(_k8s_entry_hits([entry for entry in entries if entry.valid], options)), refused


def _k8s_entry_hits(entries: list[SecretEntry], options: Options) -> Iterator[Hit]:
    for entry in entries:
        decoded = entry.decoded
        found = provider_hits(decoded, ascii_lower(decoded), options)
        if found:
            best = max(found, key=lambda h: h.end - h.start)
            yield replace(
                best, start=entry.start, end=entry.end, detail=best.detail + " (base64 in a Kubernetes Secret)"
            )
            continue
        if name_strength(entry.key) == 0 and entry.key.lower() in ("username", "user", "host", "port", "database"):
            continue
        candidate = Candidate(decoded, entry.start, entry.end, entry.key, "name", True, 2)
        shape = judge_value(decoded, entry.key, options.placeholders)
        if shape.strength and options.enabled("password_assignment"):
            yield Hit(
                "password_assignment",
                "secret in a Kubernetes Secret",
                decoded,
                candidate.start,
                candidate.end,
                " (base64 data)",
                "medium" if shape.strength == 2 else "low",
                PLAUSIBLE,
                specific=True,  # the decoded value: wins over the context detector's view of the base64
            )


# --- detect-secrets' plugins ------------------------------------------------------------------------
def delegated_hits(text: str, lowered: str, options: Options) -> list[Hit]:
    import importlib

    hits: list[Hit] = []
    line_starts: list[int] | None = None
    if len(text) > DELEGATED_MAX_LINE and "\n" not in text.rstrip("\n"):
        return hits  # one long line: the plugins' own patterns are not bounded; ours have read it
    for name, (module_name, anchor, keyword) in DELEGATED_PLUGINS.items():
        if name in options.disabled or (keyword and keyword not in lowered):
            continue
        pattern = re.compile(anchor)
        if not pattern.search(text):
            continue
        plugin = getattr(importlib.import_module(module_name), name)()
        if line_starts is None:
            line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
        for number, line_start in enumerate(line_starts, 1):
            line_end = line_starts[number] - 1 if number < len(line_starts) else len(text)
            if line_end - line_start > DELEGATED_MAX_LINE or not pattern.search(text, line_start, line_end):
                continue
            line = text[line_start:line_end]
            for secret in plugin.analyze_line(filename="-", line=line, line_number=number):
                value = secret.secret_value or ""
                if not value or is_placeholder(value, options.placeholders):
                    continue
                start = line_start + max(0, line.find(value))
                hits.append(Hit(name, f"{secret.type} (detect-secrets)", value, start, start + len(value)))
    return hits


# --- one hit per secret ---------------------------------------------------------------------------
def dedupe(hits: list[Hit], *, per_value: bool) -> list[Hit]:
    """One hit per secret occurrence: where hits overlap, a provider's format wins over the
    context detector, then the longer match. In a generated output (`per_value`) a secret
    echoed several times is reported once. O(n log n)."""
    ordered = sorted(hits, key=lambda h: h.start)
    kept: list[Hit] = []
    cluster: list[Hit] = []
    cluster_end = -1
    for hit in [*ordered, None]:
        if hit is not None and hit.start < cluster_end:
            cluster.append(hit)
            cluster_end = max(cluster_end, hit.end)
            continue
        if cluster:
            kept.extend(_resolve(cluster))
        if hit is not None:
            cluster, cluster_end = [hit], hit.end
    kept.sort(key=lambda h: h.start)
    if not per_value:
        return kept
    # The occurrence kept is the first of the strongest: an echo reported low (in an image link,
    # sent to localhost) must not hide the same value blocking elsewhere in the output.
    strongest: dict[str, Hit] = {}
    for hit in kept:
        held = strongest.get(hit.value)
        if held is None or (_reported_low(held) and not _reported_low(hit)):
            strongest[hit.value] = hit
    return sorted(strongest.values(), key=lambda h: h.start)


def _reported_low(hit: Hit) -> bool:
    return hit.verdict == DOUBTFUL or bool(hit.low_reason)


def _resolve(cluster: list[Hit]) -> list[Hit]:
    if len(cluster) == 1:
        return cluster
    chosen: list[Hit] = []
    starts: list[int] = []
    for hit in sorted(cluster, key=lambda h: (not h.specific, h.verdict != VERIFIED, h.start - h.end, h.start)):
        index = bisect.bisect_left(starts, hit.start)
        before = chosen[index - 1] if index else None
        after = chosen[index] if index < len(chosen) else None
        if (before is not None and before.end > hit.start) or (after is not None and hit.end > after.start):
            continue
        chosen.insert(index, hit)
        starts.insert(index, hit.start)
    return chosen
