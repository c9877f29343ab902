"""How many of a module's texts name a file, in bounded time.

A load's path is the repository's own only when no other text of the code names the file (a
download's target, a copy's, a shell command's). Asking that of every load by testing every text
is loads x texts: a generated script of 60,000 loads took minutes. Here the texts are joined once,
each distinct name is searched in the joined text (a C-level search), and a budget caps the
characters searched for one module. Past the budget a name counts as named everywhere, so every
exemption that needs "named once" is refused and the load keeps its severity: fail closed.
"""

from __future__ import annotations

import bisect
from collections.abc import Mapping

# Characters searched per module before names count as named everywhere (about half a second). A
# 2,000-line notebook with a few hundred loads searches a few million; only generated code gets far.
SEARCH_BUDGET = 1_000_000_000
_SEPARATOR = "\0"
# What one text found holding a name costs, in searched characters: a step of Python (a find and
# a bisection) takes as long as searching about a thousand characters in C.
_HIT_COST = 1_000


class TextMentions:
    """Answers "how many of these texts contain this name" (weighted: a text given twice counts
    twice), for a fixed collection of texts."""

    def __init__(self, weights: Mapping[str, int], budget: int | None = None) -> None:
        self._texts = [text for text, weight in weights.items() if weight > 0]
        self._weights = [weights[text] for text in self._texts]
        self._joined = _SEPARATOR.join(self._texts)
        self._starts: list[int] = []
        offset = 0
        for text in self._texts:
            self._starts.append(offset)
            offset += len(text) + len(_SEPARATOR)
        self._memo: dict[str, int | None] = {}
        self._budget = SEARCH_BUDGET if budget is None else budget

    def count(self, name: str) -> int | None:
        """The weighted number of texts containing `name`; None once the budget is spent, and for
        a name with NUL (no file has one: a load of it fails, and it is not worth a slow search)."""
        if name in self._memo:
            return self._memo[name]
        if _SEPARATOR in name:
            return None
        if not self._texts:
            return 0
        if not name:
            return sum(self._weights)  # every text holds the empty name (and a search would not move)
        if self._budget < len(self._joined):
            return None  # not memoised: a name asked again stays unknown, never becomes 0
        self._budget -= len(self._joined)
        found = self._search(name)
        if found is not None:
            self._memo[name] = found
        return found

    def _search(self, name: str) -> int | None:
        """The weighted count, each text holding the name charged to the budget (one Python step
        each: a name found in thousands of texts costs more than the search that found it)."""
        total = 0
        start = 0
        joined = self._joined
        while (at := joined.find(name, start)) >= 0:
            self._budget -= _HIT_COST
            if self._budget < 0:
                return None
            index = bisect.bisect_right(self._starts, at) - 1
            total += self._weights[index]
            # one count per text, however often it names the file
            start = self._starts[index + 1] if index + 1 < len(self._starts) else len(joined)
        return total
