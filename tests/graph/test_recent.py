"""graph.recent: kept results are bounded in total and in age, least recently used out."""

from __future__ import annotations

from graph.recent import Recent


def test_the_least_recently_used_goes_first_when_the_total_is_reached():
    kept = Recent(max_weight=10, max_age=60, weight=len)
    kept.keep("a", "xxxx")
    kept.keep("b", "yyyy")
    assert kept.get("a") == "xxxx"  # now "b" is the least recently used
    kept.keep("c", "zzzz")
    assert (kept.get("a"), kept.get("b"), kept.get("c")) == ("xxxx", None, "zzzz")
    assert kept.keep("d", "w" * 11) == "w" * 11  # heavier than the bound: given, not kept
    assert kept.get("d") is None
    assert kept.get("a") == "xxxx"


def test_nothing_is_kept_longer_than_its_age():
    now = [0.0]
    kept = Recent(max_weight=5, max_age=60, clock=lambda: now[0])
    kept.keep("kaart", "Ans, Kees")
    now[0] = 60
    assert kept.get("kaart") == "Ans, Kees"
    now[0] = 61
    assert kept.get("kaart") is None
    kept.keep("kaart", "Toos")  # the expired entry no longer counts against the bound
    assert kept.get("kaart") == "Toos"
