"""The demo's clients, people and texts, read from the files in ``resources/demo/``.

``resources/demo/README.md`` says what each file holds. The clients are read when the package is
imported (the workspace lists them); the people and texts when the first feed is generated.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any, NotRequired, TypedDict

from socialdesk.resources import resource_path


class Industry(TypedDict):
    """What one industry's people write, and when (a file in resources/demo/industries/)."""

    site: str  # the brand's website
    hourly: list[float]  # how busy each local hour is, from midnight
    weekday: list[float]  # how busy each day is, Monday first
    slots: dict[str, list[str]]  # {slot} values of this industry
    templates: dict[str, list[str]]  # by category
    foreign: dict[str, dict[str, list[str]]]  # language -> category -> templates
    html: dict[str, list[str]]  # templates with HTML in them, by category
    outage: NotRequired[dict[str, list[str]]]  # written during an incident, by category


@dataclass(frozen=True)
class DemoAccount:
    network: str  # core.models.Network value
    # as each network spells it: X "name", Mastodon "name" on server_url, Bluesky "name.bsky.social"
    handle: str
    display_name: str
    server_url: str | None = None


@dataclass(frozen=True)
class DemoClient:
    name: str
    colour: str  # "#rrggbb", legible on light and dark backgrounds
    response_target_minutes: int
    # {"mon": [["08:00", "20:00"]], ..., "sun": []}; None = around the clock
    service_hours: dict[str, list[list[str]]] | None = field(hash=False)
    timezone: str  # IANA
    accounts: tuple[DemoAccount, ...]


@dataclass(frozen=True)
class Brand:
    """How the generator writes about a client."""

    industry: str  # the name of a file in resources/demo/industries/
    short_name: str
    languages: dict[str, float] = field(hash=False)  # share of mentions in each other language
    outage: bool  # an outage spike two or three days before the anchor


@dataclass(frozen=True)
class Corpus:
    """The words the Demo network is made of (resources/demo/texts.json, people.json,
    industries/*.json)."""

    slots: dict[str, list[str]]  # {slot} values every industry shares, and the emoji pools
    slang_before: dict[str, list[str]]
    slang_after: dict[str, list[str]]
    generic: dict[str, list[str]]  # templates by category, for every industry
    followups: dict[str, list[str]]  # in a thread the brand has not answered yet
    followups_answered: dict[str, list[str]]
    # language -> category -> follow-ups, for those who write in another language
    foreign_followups: dict[str, dict[str, list[str]]]
    foreign_followups_answered: dict[str, dict[str, list[str]]]
    foreign_generic: dict[str, dict[str, list[str]]]  # language -> category -> templates
    html_generic: dict[str, list[str]]
    brand_replies: dict[str, list[str]]
    first_names: list[str]
    last_names: list[str]
    rtl_names: list[list[str]]  # [display name, the Latin handle its owner picked]
    name_decorations: list[str]
    handle_words: list[str]
    trolls: dict[str, list[list[str]]]  # network -> [[handle, display name]]
    bot_prefixes: list[str]
    bot_names: list[str]
    mastodon_servers: list[str]
    bluesky_custom_tlds: list[str]
    industries: dict[str, Industry]  # by the name of its file


def _read(*parts: str) -> Any:
    return json.loads(resource_path("demo", *parts).read_text(encoding="utf-8"))


def _load_clients() -> tuple[
    tuple[DemoClient, ...], dict[str, Brand], dict[tuple[str, str], int], dict[str, int]
]:
    clients, brands, volumes, offsets = [], {}, {}, {}
    for entry in _read("clients.json"):
        accounts = tuple(
            DemoAccount(a["network"], a["handle"], a["display_name"], a.get("server_url"))
            for a in entry["accounts"]
        )
        clients.append(
            DemoClient(
                entry["name"],
                entry["colour"],
                entry["response_target_minutes"],
                entry["service_hours"],
                entry["timezone"],
                accounts,
            )
        )
        brands[entry["name"]] = Brand(
            entry["industry"], entry["short_name"], entry["languages"], entry["outage"]
        )
        for a in entry["accounts"]:
            volumes[(a["network"], a["handle"])] = a["mentions_a_week"]
        offsets[entry["timezone"]] = entry["standard_utc_offset_hours"]
    return tuple(clients), brands, volumes, offsets


DEMO_CLIENTS: tuple[DemoClient, ...]
BRANDS: dict[str, Brand]  # by client name
WEEKLY_VOLUME: dict[tuple[str, str], int]  # mentions a week per (network, handle)
STANDARD_OFFSETS: dict[str, int]  # timezone -> hours from UTC, where there is no tz database
DEMO_CLIENTS, BRANDS, WEEKLY_VOLUME, STANDARD_OFFSETS = _load_clients()


@cache
def corpus() -> Corpus:
    texts, people = _read("texts.json"), _read("people.json")
    industries = {
        path.stem: json.loads(path.read_text(encoding="utf-8"))
        for path in sorted(resource_path("demo", "industries").glob("*.json"))
    }
    return Corpus(**texts, **people, industries=industries)


def normalise(network: str, handle: str) -> str:
    handle = handle.strip().lstrip("@").lower()
    if network == "mastodon":
        handle = handle.split("@")[0]
    return handle


def find_account(network: str, handle: str) -> tuple[DemoClient | None, DemoAccount | None]:
    wanted = normalise(network, handle)
    for client in DEMO_CLIENTS:
        for account in client.accounts:
            if account.network == network and normalise(network, account.handle) == wanted:
                return client, account
    return None, None


def host(server_url: str | None) -> str:
    if not server_url:
        return "social.example"
    return re.sub(r"^https?://", "", server_url).strip("/") or "social.example"
