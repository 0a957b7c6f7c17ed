"""What each network (or one Mastodon server) allows a post to hold. Separate from the counter
so the network layer can name limits without loading the counter's text machinery."""

from __future__ import annotations

from dataclasses import dataclass

NETWORKS = ("x", "mastodon", "bluesky")


def check_network(network: str) -> str:
    if network not in NETWORKS:
        raise ValueError(f"unknown network {network!r}; expected one of {', '.join(NETWORKS)}")
    return network


@dataclass(frozen=True)
class NetworkLimits:
    """What a network (or one Mastodon server) allows."""

    max_characters: int
    characters_reserved_per_url: int = 23

    @classmethod
    def default(cls, network: str) -> NetworkLimits:
        return {"x": cls(280), "mastodon": cls(500), "bluesky": cls(300)}[check_network(network)]
