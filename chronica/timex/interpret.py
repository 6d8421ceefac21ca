"""From a grammar match to what it says: the calendar fields, modifier and relation of a mention.

Nothing here looks beyond the mention and its immediate neighbours; deciding the year of an
underspecified date is the narrative anchoring's job (:mod:`chronica.timex.anchoring`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from chronica.timex.grammar import group_span
from chronica.timex.lexicon import Lexicon, lexicon

_WORD = re.compile(r"[\w’'.-]+")
_UNIT_SECONDS = {"S", "MIN", "H"}
# A fractional amount is written in the next smaller unit: "two and a half years" = P30M.
_SMALLER = {"Y": ("M", 12), "DE": ("Y", 10), "CE": ("Y", 100), "ML": ("Y", 1000), "M": ("D", 30), "W": ("D", 7),
            "D": ("H", 24), "H": ("MIN", 60), "MIN": ("S", 60), "Q": ("M", 3), "2W": ("D", 14)}
_UNIT_FOR_REL = {"day": "D", "week": "W", "month": "M", "year": "Y", "decade": "DE", "century": "CE", "weekend": "WE"}


@dataclass
class Mention:
    """One temporal expression before anchoring: what the text itself says."""

    start: int
    end: int
    rule: str
    type: str
    year: int | None = None  # astronomical for BC is not used here: ``bc`` flags it
    month: int | None = None
    day: int | None = None
    season: str | None = None
    quarter: str | None = None  # "Q1".."Q4", "H1", "H2"
    decade: int | None = None  # 194 for the 1940s
    decade_digit: int | None = None  # "the forties" before its century is known
    century: int | None = None  # 18 for the nineteenth century
    bc: bool = False
    year2: int | None = None
    month2: int | None = None
    day2: int | None = None
    weekday: int | None = None
    part: str | None = None
    hour: int | None = None
    minute: int | None = None
    mod: str | None = None
    rel: int | None = None  # -1 / 0 / +1 for previous / same / next
    rel_word: str | None = None
    unit: str | None = None  # what ``rel`` or ``offset`` counts: D W M Y DE CE WE SEASON MONTH WEEKDAY PART
    plural: bool = False
    offset: tuple[float | None, str, int] | None = None  # (amount or None if vague, unit, sign)
    deictic: str | None = None
    value: str | None = None  # fixed values (durations, sets)
    quant: str | None = None
    freq: str | None = None
    second: tuple[int, int] | None = None  # offsets of a year range's second year ("2010" of "2009-2010")


def _cap(word: str) -> bool:
    return word[:1].isupper()


def _prev_word(text: str, start: int) -> str:
    found = re.search(r"([\w’'$£€.]+)\W*$", text[max(0, start - 40):start])
    return found.group(1).lower().replace("’", "'") if found else ""


def _next_word(text: str, end: int) -> str:
    found = re.match(r"\s*([\w%’'-]+)", text[end:end + 40])
    return found.group(1) if found else ""


def match_start_of(text: str, start: int, word: str) -> int:
    """Offset of ``word`` at or after ``start`` (to drop a leading article from an extent)."""
    return text.index(word, start)


def duration_value(amount: float | None, unit: str) -> str:
    """TIMEX3 duration for an amount (None = vague "X") of a unit code."""
    if unit == "2W":
        unit, amount = "W", None if amount is None else amount * 2
    if unit == "ML":
        unit, amount = "Y", None if amount is None else amount * 1000
    if unit == "Q":
        unit, amount = "M", None if amount is None else amount * 3
    if unit == "DE" and amount is not None:
        unit, amount = "Y", amount * 10
    if amount is not None and not float(amount).is_integer():
        smaller, factor = _SMALLER.get(unit, (unit, 1))
        unit, amount = smaller, amount * factor
        if not float(amount).is_integer():
            amount = round(amount)
    n = "X" if amount is None else str(int(amount))
    if unit in _UNIT_SECONDS:
        return f"PT{n}{'M' if unit == 'MIN' else unit}"
    return f"P{n}{unit}"


class Interpreter:
    """Turns (rule, match, groups) into a :class:`Mention`, or None when a filter rejects it."""

    def __init__(self, lex: Lexicon | None = None) -> None:
        self.lex = lex or lexicon()
        r = self.lex.raw
        self.count_nouns = frozenset(r["count_nouns"])
        self.non_year_prefixes = frozenset(r["non_year_prefixes"])
        self.season_preps = frozenset(r["bare_season_prepositions"])
        self.year_preps = frozenset(r["year_prepositions"])
        self.day_name_words = frozenset(r["weekday_name_blockers"])
        self.clause_openers = frozenset(r["relative_clause_openers"])
        self.unit_preps = frozenset(r["bare_unit_prepositions"])
        self.unit_followers = frozenset(r["bare_unit_followers"])
        self.unit_blockers = frozenset(r["bare_unit_blockers"])
        self.age_prefixes = frozenset(r["age_prefixes"])
        self.bc = frozenset(e.replace(".", "") for e in r["eras_bc"])

    def __call__(self, rule: str, attrs: dict, match: re.Match[str], g: dict[str, str], text: str) -> Mention | None:
        lex = self.lex
        m = Mention(match.start(), match.end(), rule, attrs["type"])
        # Proper-noun words must be capitalized ("may" the verb, "march" the verb).
        for key in ("month", "month2", "weekday", "holiday"):
            if key in g and not _cap(g[key]):
                return None
        if "era" in g:
            if g["era"][0].islower():
                return None
            m.bc = g["era"].lower().replace(".", "").replace(" ", "") in self.bc
        if "year" in g:
            year = int(g["year"])
            if len(g["year"]) == 2 and rule == "slash_date":
                year += 1900
            m.year = year
            if rule == "year" and not self._plausible_year(text, m.start, m.end, g):
                return None
        if "year2" in g:
            y2 = g["year2"]
            m.year2 = int(y2) if len(y2) == 4 else (m.year // 100) * 100 + int(y2) if m.year else None
            if m.year2 is not None and m.year is not None and m.year2 <= m.year:
                if rule == "year_range":
                    return None  # "1950-1945" is not a range
                m.year2 = None
            if rule == "year_range":
                m.second = group_span(match, "year2")
        if "month" in g:
            m.month = lex.month(g["month"])
        if "monthn" in g:
            m.month = int(g["monthn"])
        if "month2" in g:
            m.month2 = lex.month(g["month2"])
        if "day" in g:
            m.day = int(re.sub(r"\D", "", g["day"])) if g["day"][0].isdigit() else lex.ordinal(g["day"])
            if m.day is None or not 1 <= m.day <= 31:
                return None
        if "day2" in g:
            m.day2 = int(g["day2"])
            if m.day2 <= (m.day or 0):
                return None
        if "weekday" in g:
            m.weekday = lex.lookup("weekdays", re.sub(r"['’]s$", "", g["weekday"]))
        if "season" in g:
            m.season = lex.lookup("seasons", g["season"])
        if "part" in g:
            m.part = lex.lookup("parts_of_day", g["part"])
        if "mod" in g:
            m.mod = lex.lookup("date_modifiers", g["mod"].rstrip("-"))
        if "hour" in g or "noon" in g:
            if not self._clock(m, g):
                return None
        handler = getattr(self, f"_rule_{rule}", None)
        if handler is not None and handler(m, g, text) is False:
            return None
        return m

    # -- filters -------------------------------------------------------------------------------
    def _plausible_year(self, text: str, start: int, end: int, g: dict[str, str]) -> bool:
        """A bare four-digit number is a year unless it counts something or numbers something."""
        if "era" in g or "theyear" in g:
            return True
        raw_next = _next_word(text, end)
        nxt = raw_next.lower()
        # "in 1759 British armies invaded": after a year's preposition a capitalized word opens the
        # clause; it does not make the number a count of Britons.
        counted = nxt in self.count_nouns and not (raw_next[:1].isupper() and _prev_word(text, start) in self.year_preps)
        if counted or (end < len(text) and text[end] in "%°") or text[end:end + 2] in (",0", ".0"):
            return False
        prev = _prev_word(text, start)
        if prev in self.non_year_prefixes or (start > 0 and text[start - 1] in "$£€#"):
            return False
        return True

    def _clock(self, m: Mention, g: dict[str, str]) -> bool:
        past = self.lex.number(g["pastmin"]) if "pastmin" in g else 0  # "one minute past midnight"
        if past is None or past >= 60:
            return False
        if "noon" in g:
            noon = g["noon"].lower() == "noon"
            m.hour, m.minute = (12 if noon else 0 if past else 24), past
            return True
        hour = int(g["hour"])
        ampm = g.get("ampm", "").lower().replace(".", "")
        if hour > 12 and ampm in ("am", "pm") or hour > 24:
            return False
        if ampm == "pm" and hour < 12:
            hour += 12
        if ampm == "am" and hour == 12:
            hour = 0
        m.hour, m.minute = hour, int(g.get("minute") or 0) + past
        return m.minute < 60

    # -- rule specifics ------------------------------------------------------------------------
    def _rule_quarter_year(self, m: Mention, g: dict[str, str], _text: str) -> None:
        order = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4, "last": 0, "final": 0}
        n = order[g["ordq"].lower()]
        if g["qh"].lower() == "half":
            if n > 2:
                return False
            m.quarter = f"H{n or 2}"
        else:
            m.quarter = f"Q{n or 4}"

    def _rule_holiday(self, m: Mention, g: dict[str, str], _text: str) -> bool | None:
        fixed = self.lex.lookup("holidays", g["holiday"])
        if not fixed:
            return False
        m.month, m.day = fixed
        return None

    def _rule_decade(self, m: Mention, g: dict[str, str], _text: str) -> None:
        digits = g["decade"].lstrip("'’")
        if len(digits) == 2:
            m.decade_digit = int(digits[0])
        elif digits.endswith("00"):
            m.century = int(digits[:2])  # "the 1800s" is the century
        else:
            m.decade = int(digits[:3])

    def _rule_decade_word(self, m: Mention, g: dict[str, str], _text: str) -> None:
        m.decade_digit = self.lex.lookup("decade_words", g["decadew"])

    def _rule_century(self, m: Mention, g: dict[str, str], _text: str) -> bool | None:
        n = self.lex.ordinal(g["cent"])
        if not n or n > 30:
            return False
        m.century = n - 1
        return None

    def _rule_offset(self, m: Mention, g: dict[str, str], _text: str) -> None:
        amount = self._amount(g)
        unit = self.lex.lookup("units", g["unit"])
        sign = self.lex.lookup("offset_directions", g["dir"]) or 1
        m.offset = (amount, unit, sign)
        if "durmod" in g:
            mod = self.lex.lookup("duration_modifiers", g["durmod"])
            m.mod = "APPROX" if mod else None

    def _rule_day_before(self, m: Mention, g: dict[str, str], _text: str) -> None:
        unit = g["unit"].lower()
        sign = 1 if g["dir"].lower() == "after" else -1
        if unit in ("night", "morning", "evening"):
            m.part, m.type = self.lex.lookup("parts_of_day", unit), "TIME"
            unit = "day"
        m.rel, m.unit, m.rel_word = sign, _UNIT_FOR_REL[unit], "following" if sign > 0 else "previous"

    def _rule_relative(self, m: Mention, g: dict[str, str], text: str) -> bool | None:
        word = " ".join(g["rel"].lower().split())
        matched = " ".join(text[m.start:m.end].lower().split())
        if matched.startswith("the this") or matched.startswith("the that"):
            return False
        m.rel, m.rel_word = self.lex.lookup("relative_words", word), word
        if matched.startswith("the last"):
            m.rel_word = "the last"  # deictic with a DCT ("the last week"), too vague without one
        if "unit" in g:
            unit = g["unit"].lower()
            if unit in ("morning", "afternoon", "evening", "night"):
                m.part, m.type, m.unit = self.lex.lookup("parts_of_day", unit), "TIME", "D"
            else:
                m.unit = _UNIT_FOR_REL[unit]
        elif "punit" in g:
            if not matched.startswith("the") and _next_word(text, m.end).lower() == "of":
                # "after following months of tension": a vague stretch, not the months after the clock
                m.start = match_start_of(text, m.start, g["punit"])
                m.type, m.value = "DURATION", duration_value(None, self.lex.lookup("units", g["punit"]))
                return None
            m.unit, m.plural = _UNIT_FOR_REL[g["punit"].lower().rstrip("s")], True
        elif "season" in g:
            m.unit = "SEASON"
        elif "month" in g:
            m.unit = "MONTH"
        elif "weekday" in g:
            m.unit = "WEEKDAY"
        if m.mod not in ("START", "END", "MID"):
            m.mod = None
        return None

    def _rule_mod_unit(self, m: Mention, g: dict[str, str], _text: str) -> None:
        """"the end of the month", "the beginning of the year": the clock's own month or year."""
        m.rel, m.rel_word, m.unit = 0, "the", _UNIT_FOR_REL[g["unit"].lower()]

    def _rule_season_of_rel_year(self, m: Mention, g: dict[str, str], _text: str) -> None:
        word = " ".join(g["rel"].lower().split())
        m.rel, m.rel_word, m.unit = self.lex.lookup("relative_words", word.replace("the ", "", 1) if word != "the same" else word), word, "SEASON_OF_YEAR"

    def _rule_set_every(self, m: Mention, g: dict[str, str], _text: str) -> None:
        m.quant = g["q"].upper()
        amount = self._amount(g) if "num" in g else (2 if "other" in g else 1)
        if "unit" in g:
            m.value = duration_value(amount, self.lex.lookup("units", g["unit"]))
        elif m.season:
            m.value = f"XXXX-{m.season}"
        elif m.weekday:
            m.value = f"XXXX-WXX-{m.weekday}"
        elif m.part:
            m.value = f"XXXX-XX-XXT{m.part}"
        elif m.month:
            m.value = f"XXXX-{m.month:02d}"
        m.season = m.weekday = m.part = m.month = None

    def _rule_set_freq(self, m: Mention, g: dict[str, str], _text: str) -> None:
        m.freq = self.lex.lookup("frequency_words", g["freq"])
        m.value = duration_value(1, self.lex.lookup("units", g["unit"]))

    def _rule_set_adverb(self, m: Mention, g: dict[str, str], _text: str) -> None:
        m.value = self.lex.lookup("set_adverbs", g["setadv"])[0]

    def _rule_duration(self, m: Mention, g: dict[str, str], text: str) -> bool | None:
        unit = self.lex.lookup("units", g["unit"])
        if "halfa" in g:
            amount: float | None = 0.5
        else:
            amount = self._amount(g)
            num = " ".join(g["num"].lower().split())
            if num in ("a", "an") and g["unit"].lower().endswith("s"):
                m.start = match_start_of(text, m.start, g["unit"])  # "a decades-old system": "decades-old"
                amount = None
            if num in ("a", "an") and re.search(r",\s*$", text[max(0, m.start - 3):m.start]) \
                    and _next_word(text, m.end).lower() in self.clause_openers:
                return False  # "on 13 August, a day the crews remembered": an apposition, not a length
            if num == "one" and unit == "D" and _prev_word(text, m.start) not in ("for", "within", "than", "only", "just", "about"):
                return False  # narrative "one day"
            if num in ("a", "an") and unit == "Y" and _prev_word(text, m.start) in ("per",):
                return False
            if re.match(r"['’]s?\s+War\b", text[m.end:m.end + 8]):
                return False  # "the Seven Years' War" is an event's name
            if _prev_word(text, m.start) in self.age_prefixes:
                return False  # "children ages 6 months and older"
        m.value = duration_value(amount, unit)
        if "durmod" in g:
            m.mod = self.lex.lookup("duration_modifiers", g["durmod"])
        return None

    def _rule_bare_units(self, m: Mention, g: dict[str, str], text: str) -> bool | None:
        prev = _prev_word(text, m.start)
        # "for years", "took weeks"; or an unquantified stretch of something: "weeks of fog",
        # "minutes before the plane left" (but not "the years of the war")
        if prev not in self.unit_preps and (_next_word(text, m.end).lower() not in self.unit_followers
                                            or prev in self.unit_blockers):
            return False
        m.value = duration_value(None, self.lex.lookup("units", g["punit"]))
        return None

    def _rule_weekday(self, m: Mention, _g: dict[str, str], text: str) -> bool | None:
        """A weekday behind a capitalized epithet is a day's name ("Black Friday"), not a date."""
        before = re.search(r"([A-Za-z]+)\s+$", text[max(0, m.start - 20):m.start])
        if before and before.group(1)[0].isupper() and before.group(1).lower() in self.day_name_words:
            return False
        return None

    def _rule_season(self, m: Mention, _g: dict[str, str], text: str) -> bool | None:
        return None if _prev_word(text, m.start) in self.season_preps else False

    def _rule_deictic(self, m: Mention, g: dict[str, str], text: str) -> bool | None:
        word = " ".join(g["deictic"].lower().replace("’", "'").split())
        if word in ("the past", "the future", "the present"):
            nxt = _next_word(text, m.end)
            if (nxt[:1].islower() or nxt == "of") and nxt not in ("and", "or", "in", "is", "was", "to", "as", "for", "when", "that", "with", "by"):
                return False
        m.deictic = self.lex.lookup("deictics", word)
        m.rel_word = word
        return None

    def _amount(self, g: dict[str, str]) -> float | None:
        amount: float | None = self.lex.number(g["num"])
        if amount is not None and "half" in g:
            amount += 0.5
        return amount
