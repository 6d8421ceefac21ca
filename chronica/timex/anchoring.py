"""Narrative anchoring: the value of every mention, read against the whole document.

History prose keeps a *narrative clock*: the date of the happening being told. Dated happenings
move it ("On June 24, 1948, the Soviets ..."); years that only name a thing do not ("the 1945
agreement", "the Immigration Act of 1924", a year in a heading or in parentheses), nor does a
bare year that reaches back in the middle of a sentence ("agreements signed in 1945"). An
underspecified date takes its year from the clock when the clock was set in the same
paragraph, and otherwise looks ahead too: "16 December" followed by "22 January 1950" with no
year in between is 1949. Relative expressions ("the following day", "two weeks later",
"that summer") count from the clock and move it. With a document creation time (news mode),
deictic words ("Friday", "last year", "this week", "now") count from it, as TempEval does.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, replace

from chronica.timex.calendar import Day, add_days, add_months, days_in_month, to_days, weekday
from chronica.timex.interpret import Mention
from chronica.timex.lexicon import lexicon

_SENTENCE_END = re.compile(r"[.!?]['\"”’)]*\s+(?=[A-Z“\"'(])|\n")
_INITIAL = re.compile(
    r"^[\W\d]*(?:(?:and|but|then|so|yet|also|however|finally|later|thereafter|again|even|only|just|"
    r"in|on|by|during|from|since|after|before|until|till|at|as|of|early|late|throughout|beginning|starting|"
    r"as early as|as late as|shortly|soon|not|until|the|year|years|months|when|within)\W*)*$", re.IGNORECASE)
_PLUPERFECT = re.compile(r"\bhad\b(?:\s+\w+){0,3}\s*$", re.IGNORECASE)
_APPOSITION = re.compile(r"\s*[,(—–-]\s*(?:in|on|by|that\s+is,?)?\s*", re.IGNORECASE)
_RANGE_RULES = {"day_range", "month_range", "year_range"}


@dataclass
class Clock:
    """The narrative's current date and the mention that set it (None = the DCT)."""

    year: int
    month: int | None
    day: int | None
    bc: bool
    source: int | None
    paragraph: int
    section: int


@dataclass
class Resolved:
    value: str
    mod: str | None
    anchor: int | None  # index of the mention it was resolved against
    type: str
    end: Day | None = None  # last day of a written range


def _year_str(year: int, bc: bool) -> str:
    return f"BC{year:04d}" if bc else f"{year:04d}"


def _week_value(day: Day) -> str:
    # ISO week of ``day``: the Thursday of its week decides the year.
    thursday = add_days(day, 4 - weekday(day))
    jan1 = (thursday[0], 1, 1)
    week = (to_days(thursday) - to_days(jan1)) // 7 + 1
    return f"{thursday[0]:04d}-W{week:02d}"


def _date_value(year: int | None, month: int | None = None, day: int | None = None, bc: bool = False) -> str:
    y = "XXXX" if year is None else _year_str(year, bc)
    if month is None:
        return y
    if day is None:
        return f"{y}-{month:02d}"
    return f"{y}-{month:02d}-{day:02d}"


def _time_suffix(m: Mention) -> str:
    if m.hour is not None:
        return f"T{m.hour:02d}:{m.minute or 0:02d}"
    return f"T{m.part}" if m.part else ""


class Narrative:
    """Resolves the mentions of one document in text order (one pass, plus one look-ahead table)."""

    def __init__(self, text: str, mentions: list[Mention], paragraphs: list[tuple[int, int]],
                 sections: list[tuple[int, int]], dct: Day | None) -> None:
        self.text = text
        self.mentions = mentions
        self.dct = dct
        lex = lexicon().raw
        self.neutral_nouns = frozenset(lex["clock_neutral_nouns"])
        self.name_heads = frozenset(lex["name_of_year_heads"])
        self.present_cues = frozenset(lex["present_tense_cues"])
        self.future_cues = tuple(lex["weekday_future_cues"])
        self.undated_deictics = frozenset(lex["deictics_annotated_without_dct"])
        self.prospective = re.compile(r"\b(?:" + "|".join(re.escape(c) for c in lex["prospective_cues"]) + r")\b[^,;]*$",
                                      re.IGNORECASE)
        self.flash_cue = re.compile(r"\b(?:" + "|".join(re.escape(c) for c in lex["flash_cues"]) + r")\b", re.IGNORECASE)
        self.flash_window = int(lex["flash_cue_window"])
        self.vague_amount = int(lex["vague_amount"])
        self.season_mid = lex["season_mid_month"]
        self.season_months = lex["season_months"]
        par_starts = [p[0] for p in paragraphs]
        sec_starts = sorted(s[0] for s in sections)
        self.paragraph = [bisect_right(par_starts, m.start) - 1 for m in mentions]
        self.section = [bisect_right(sec_starts, m.start) for m in mentions]
        headings = {i for i, (s, e) in enumerate(paragraphs) if self._is_heading(text[s:e])}
        self.heading = [p in headings for p in self.paragraph]
        self.clock_moving = [self._can_move_clock(i) for i in range(len(mentions))]
        self.next_dated = self._next_dated()
        self.frame: Clock | None = None

    # -- document-level facts ----------------------------------------------------------------------
    @staticmethod
    def _is_heading(par: str) -> bool:
        par = par.strip()
        return 0 < len(par) < 120 and "\n" not in par and not re.search(r"[.!?:;\"”]\W*$", par)

    def _can_move_clock(self, i: int) -> bool:
        """Whether a mention with a stated year dates a happening (it may still be a flashback)."""
        m = self.mentions[i]
        if m.year is None or self.heading[i] or m.type not in ("DATE", "TIME"):
            return False
        before = self.text[max(0, m.start - 40):m.start]
        after = self.text[m.end:m.end + 80]
        if before.rstrip().endswith("(") and after.lstrip().startswith(")"):
            return False  # "the Truman Doctrine (1947)"
        named = re.search(r"([A-Za-z’']+)\s+of\s*$", before)
        if named and named.group(1).lower() in self.name_heads:
            return False  # "the Immigration Act of 1924", "the War of 1812"
        prev = re.search(r"([A-Za-z’']+)\s*$", before)
        tokens = re.findall(r"[A-Za-z][\w’'-]*|[^\w\s]", after)
        if prev and prev.group(1).lower() in ("the", "a", "an", "his", "her", "its", "their", "our", "whose") \
                and tokens and tokens[0][0].isalpha() and not tokens[0].endswith("ing"):
            return False  # attributive: "the 1945 Sino-Soviet agreement", "the 1948 election"
        for token in tokens[:5]:
            if not token[0].isalpha():
                break
            if token[0].islower():
                return token.lower() not in self.neutral_nouns
        return True

    def _next_dated(self) -> list[int | None]:
        """For each mention, the next clock-moving mention with a stated year (the look-ahead)."""
        out: list[int | None] = [None] * len(self.mentions)
        nxt: int | None = None
        for i in range(len(self.mentions) - 1, -1, -1):
            out[i] = nxt
            if self.clock_moving[i]:
                nxt = i
        return out

    def _sentence_prefix(self, pos: int) -> str:
        window = self.text[max(0, pos - 300):pos]
        cut = 0
        for found in _SENTENCE_END.finditer(window):
            cut = found.end()
        return window[cut:]

    def _sentence(self, m: Mention) -> str:
        prefix = self._sentence_prefix(m.start)
        rest = self.text[m.end:m.end + 300]
        end = _SENTENCE_END.search(rest)
        return prefix + self.text[m.start:m.end] + (rest[:end.start()] if end else rest)

    # -- the pass --------------------------------------------------------------------------------
    def resolve(self) -> list[Resolved | None]:
        clock: Clock | None = None
        if self.dct:
            clock = Clock(self.dct[0], self.dct[1], self.dct[2], False, None, -1, -1)
        out: list[Resolved | None] = []
        for i, m in enumerate(self.mentions):
            result, new_clock = self._one(i, m, clock)
            out.append(result)
            if new_clock is not None:
                clock = new_clock
        return out

    def _here(self, i: int, year: int, month: int | None, day: int | None, bc: bool = False) -> Clock:
        return Clock(year, month, day, bc, i, self.paragraph[i], self.section[i])

    def _one(self, i: int, m: Mention, clock: Clock | None) -> tuple[Resolved | None, Clock | None]:
        if m.value is not None:  # durations and sets carry their value
            return Resolved(m.value, m.mod, None, m.type), None
        if m.deictic:
            return self._deictic(i, m, clock)
        if m.offset is not None:
            return self._offset(i, m, clock)
        if m.rel is not None:
            return self._relative(i, m, clock)
        if m.hour is not None and m.month is None and m.year is None and m.weekday is None:
            return self._clock_time(i, m, clock)
        if m.year is not None:
            return self._stated(i, m, clock)
        if m.decade is not None or m.century is not None or m.decade_digit is not None:
            return self._period(i, m, clock), None
        if m.month is not None or m.season is not None:
            return self._underspecified(i, m, clock)
        if m.weekday is not None:
            return self._weekday(i, m, clock)
        return None, None

    # -- stated years ----------------------------------------------------------------------------
    def _stated(self, i: int, m: Mention, clock: Clock | None) -> tuple[Resolved, Clock | None]:
        value = self._calendar(m, m.year)
        end = self._range_end(m)
        res = Resolved(value, m.mod, None, m.type, end)
        if self.heading[i] and self.frame is None:
            self.frame = self._here(i, m.year, m.month, m.day, m.bc)
        if not self.clock_moving[i]:
            return res, None
        if self.prospective.search(self._sentence_prefix(m.start)):
            return res, None  # a date something "was to" happen by: a plan, not a happening
        if self._is_flash(i, m, clock):
            return res, None
        if m.month is None and m.season is None and clock is not None and clock.source is not None \
                and m.year < clock.year and clock.section == self.section[i] \
                and not _INITIAL.match(self._sentence_prefix(m.start)):
            return res, None  # a bare year reaching back mid-sentence: a flashback, not the story's clock
        month = m.month or (self.season_mid[m.season] if m.season else None)
        if m.quarter:
            month = None
        return res, self._here(i, m.year, month, m.day, m.bc)

    def _is_flash(self, i: int, m: Mention, clock: Clock | None) -> bool:
        """A bare year told as an aside while the story runs at month or day level.

        "In his memoir, published in 1950, he admitted ..." inside a 1948 narrative dates the
        book, not the story: a year coarser than the clock, led by a flash cue (published, born,
        died, until, since ...) a few words before it, leaves the clock alone. The next full date
        ahead has the last word: when it is in that year, the story really has moved there.
        """
        if m.month is not None or m.season is not None or m.quarter or clock is None or clock.source is None \
                or clock.month is None or clock.section != self.section[i] or m.year == clock.year:
            return False
        clause = re.split(r"[;:]", self._sentence_prefix(m.start))[-1]
        cued = self.flash_cue.search(" ".join(clause.split()[-self.flash_window:]))
        if not cued and not self._in_aside(clause, m.end):
            return False
        j = self.next_dated[i]
        return not (j is not None and self.section[j] == self.section[i] and self.mentions[j].year == m.year
                    and self.mentions[j].month is not None)

    def _in_aside(self, clause: str, end: int) -> bool:
        """Whether a year sits in a comma-bounded aside inside its sentence ("The airlift, which
        ended in 1949, was ..."): a comma after some words before it, and another right after."""
        head, comma, aside = clause.rpartition(",")
        if not comma or not re.search(r"\w", head) or len(aside.split()) > self.flash_window:
            return False
        return re.match(r"[\s)”’\"']*,", self.text[end:end + 4]) is not None

    def _range_end(self, m: Mention) -> Day | None:
        if m.rule not in _RANGE_RULES:
            return None
        if m.year2 is not None:
            return (m.year2, 12, 31)
        if m.year is None:
            return None
        if m.month2 is not None:
            return (m.year, m.month2, days_in_month(m.year, m.month2))
        if m.day2 is not None and m.month is not None and m.day2 <= days_in_month(m.year, m.month):
            return (m.year, m.month, m.day2)
        return None

    def _calendar(self, m: Mention, year: int | None) -> str:
        if m.day is not None and year is not None and m.month is not None \
                and m.day > days_in_month(year if not m.bc else 1 - year, m.month):
            year = None  # "31 June" cannot be placed; keep it underspecified
        if m.season:
            return f"{_date_value(year, bc=m.bc)}-{m.season}"
        if m.quarter:
            return f"{_date_value(year, bc=m.bc)}-{m.quarter}"
        value = _date_value(year, m.month, m.day, m.bc)
        if m.weekday and m.day is None and m.month is None and year is None:
            value = f"XXXX-WXX-{m.weekday}"
        suffix = _time_suffix(m)
        if suffix and m.day is None:
            value = _date_value(year, m.month, None, m.bc) + ("-XX" if m.month else "-XX-XX") + suffix
            return value
        return value + suffix

    def _period(self, i: int, m: Mention, clock: Clock | None) -> Resolved:
        if m.century is not None:
            return Resolved(("BC" if m.bc else "") + f"{m.century:02d}", m.mod, None, m.type)
        if m.decade is not None:
            return Resolved(f"{m.decade:03d}", m.mod, None, m.type)
        base = clock or self.frame
        century = (base.year // 100) if base else 19
        return Resolved(f"{century:02d}{m.decade_digit}", m.mod, base.source if base else None, m.type)

    # -- underspecified calendar dates -----------------------------------------------------------
    def _year_for(self, i: int, month: int, clock: Clock | None, season: bool = False) -> tuple[int | None, int | None, bool]:
        """(year, anchor mention, bc) for an underspecified date in ``month``."""
        par, sec = self.paragraph[i], self.section[i]
        back = clock
        if back is not None and self.dct is not None and (back.source is None or back.paragraph != par):
            back = self._news_back(i, month)
        yb = None
        if back is not None:
            yb = back.year
            if not season and back.month is not None and month < back.month and back.month - month >= 4 \
                    and not _PLUPERFECT.search(self._sentence_prefix(self.mentions[i].start)):
                yb += 1  # "On 16 December ... In January": the story has moved into the next year
        j = self.next_dated[i]
        yf = None
        if j is not None and self.section[j] == sec:
            f = self.mentions[j]
            yf = f.year if f.month is None or month <= f.month else f.year - 1
        if yb is None and yf is None:
            if self.frame is not None:
                return self.frame.year, self.frame.source, self.frame.bc
            return None, None, False
        if yb is None or (yf is not None and back.paragraph != par and self.paragraph[j] == par
                          and self.mentions[j].month is not None) \
                or (yf is not None and back.section != sec):
            return yf, j, self.mentions[j].bc
        return yb, back.source, back.bc

    def _news_back(self, i: int, month: int) -> Clock:
        """In news mode a month without a year is this year's, or last year's if it is still to come."""
        assert self.dct is not None
        y, mo, _d = self.dct
        future = any(cue in self._sentence(self.mentions[i]).lower().split() for cue in self.future_cues)
        year = y if (month <= mo or future) else y - 1
        return Clock(year, None, None, False, None, self.paragraph[i], self.section[i])

    def _underspecified(self, i: int, m: Mention, clock: Clock | None) -> tuple[Resolved, Clock | None]:
        if m.season is not None:
            month = self.season_mid[m.season]
        else:
            month = m.month
        year, anchor, bc = self._year_for(i, month, clock, season=m.season is not None)
        if m.season == "WI" and clock is not None and year == clock.year and clock.month and clock.month <= 2:
            year -= 1
        value = self._calendar(replace(m, bc=bc), year)
        res = Resolved(value, m.mod, anchor, m.type, self._range_end(replace(m, year=year, bc=bc)))
        if year is None or value.startswith("X"):
            return res, None
        return res, self._here(i, year, month, m.day, bc)

    # -- relative and deictic --------------------------------------------------------------------
    def _relative(self, i: int, m: Mention, clock: Clock | None) -> tuple[Resolved | None, Clock | None]:
        base = clock
        if m.rel_word == "the last" and self.dct is None:
            return None, None
        deictic = self.dct is not None and (m.rel_word == "the last" or m.rel_word in ("this", "last", "next", "coming")
                                            and not self.text[m.start:m.end].lower().startswith("the"))
        if deictic:
            base = Clock(self.dct[0], self.dct[1], self.dct[2], False, None, -1, -1)
        if base is None:
            return Resolved(self._unknown(m), m.mod, None, m.type), None
        anchor = base.source
        rel = m.rel or 0
        y, mo, d = base.year, base.month, base.day
        unit = m.unit
        if m.plural:  # "the following days": the stretch after the clock, at the clock's coarser grain
            value = _date_value(y, mo if unit in ("D", "W") else None, None, base.bc)
            return Resolved(value, None, anchor, m.type), None
        new: Clock | None = None
        if unit == "D":
            if d is None:
                return Resolved(_date_value(y, mo, None, base.bc), m.mod, anchor, m.type), None
            day = add_days((y, mo, d), rel)
            value = _date_value(*day, base.bc) + _time_suffix(m)
            new = self._here(i, day[0], day[1], day[2], base.bc)
        elif unit == "W":
            if d is None:
                return Resolved(_date_value(y, mo, None, base.bc), m.mod, anchor, m.type), None
            value = _week_value(add_days((y, mo, d), 7 * rel))
        elif unit == "WE":
            if d is None:
                return Resolved(_date_value(y, mo, None, base.bc), m.mod, anchor, m.type), None
            value = _week_value(add_days((y, mo, d), 7 * rel)) + "-WE"
        elif unit == "M":
            if mo is None:
                return Resolved(_date_value(y, None, None, base.bc), m.mod, anchor, m.type), None
            ny, nm = add_months(y, mo, rel)
            value = _date_value(ny, nm, None, base.bc)
            new = self._here(i, ny, nm, None, base.bc)
        elif unit == "Y":
            value = _date_value(y + rel, None, None, base.bc)
            new = self._here(i, y + rel, mo if rel == 0 else None, d if rel == 0 else None, base.bc)
        elif unit == "DE":
            value = f"{(y // 10) + rel:03d}"
        elif unit == "CE":
            value = f"{(y // 100) + rel:02d}"
        elif unit == "SEASON":
            first, last = self.season_months[m.season]
            year = y
            if rel > 0 and (mo is None or mo >= first):
                year += 1
            elif rel < 0 and (mo is None or mo <= last):
                year -= 1
            elif rel == 0 and m.season == "WI" and mo is not None and mo <= 2:
                year -= 1
            value = f"{_date_value(year, bc=base.bc)}-{m.season}"
            new = self._here(i, year, self.season_mid[m.season], None, base.bc)
        elif unit == "SEASON_OF_YEAR":  # "the fall of that year", "the spring of the following year"
            value = f"{_date_value(y + rel, bc=base.bc)}-{m.season}"
            new = self._here(i, y + rel, self.season_mid[m.season], None, base.bc)
        elif unit == "MONTH":
            year = y
            if rel > 0 and (mo is None or m.month <= mo):
                year += 1
            elif rel < 0 and (mo is None or m.month >= mo):
                year -= 1
            value = _date_value(year, m.month, None, base.bc)
            new = self._here(i, year, m.month, None, base.bc)
        elif unit == "WEEKDAY":
            if d is None:
                return Resolved(f"XXXX-WXX-{m.weekday}", m.mod, None, m.type), None
            today = weekday((y, mo, d))
            delta = (m.weekday - today) % 7
            if rel > 0 and delta == 0:
                delta = 7
            if rel < 0:
                delta = -((today - m.weekday) % 7 or 7)
            day = add_days((y, mo, d), delta)
            value = _date_value(*day, base.bc)
            new = self._here(i, *day, base.bc)
        else:
            return None, None
        if deictic:
            new, anchor = None, None
        return Resolved(value, m.mod, anchor, m.type), new

    def _offset(self, i: int, m: Mention, clock: Clock | None) -> tuple[Resolved | None, Clock | None]:
        amount, unit, sign = m.offset
        word = self.text[m.start:m.end].lower().split()[-1]
        base = clock
        if word in ("ago", "hence"):
            if self.dct is None:
                return Resolved("PAST_REF" if sign < 0 else "FUTURE_REF", None, None, m.type), None
            base = Clock(self.dct[0], self.dct[1], self.dct[2], False, None, -1, -1)
        if base is None:
            return Resolved("XXXX", m.mod, None, m.type), None
        y, mo, d = base.year, base.month, base.day
        anchor = None if base.source is None else base.source
        apposed = self._apposed(i)
        if apposed is not None:  # "Fifteen months later, in February 1973": the text says when
            return Resolved(self._calendar(apposed, apposed.year), m.mod, anchor, m.type), None
        if amount is None and unit in ("D", "W", "2W") and mo is not None:
            # "a few days later": a nominal few, told at the month's grain
            days = self.vague_amount * sign * {"D": 1, "W": 7, "2W": 14}[unit]
            ny, nm = add_days((y, mo, d), days)[:2] if d is not None else add_months(y, mo, round(days / 30))
            return Resolved(_date_value(ny, nm, None, base.bc), m.mod, anchor, m.type), None
        if amount is None or not float(amount).is_integer():
            coarse = _date_value(y, mo if unit in ("D", "W") else None, None, base.bc)
            return Resolved(coarse if unit in ("D", "W", "M") else "XXXX", m.mod, anchor, m.type), None
        n = int(amount) * sign
        new: Clock | None = None
        if unit in ("D", "W", "2W", "WE") and d is not None:
            day = add_days((y, mo, d), n * {"D": 1, "W": 7, "2W": 14, "WE": 7}[unit])
            value = _date_value(*day, base.bc)
            new = self._here(i, *day, base.bc)
        elif unit in ("D", "W", "2W") and mo is not None:
            ny, nm = add_months(y, mo, round(n * {"D": 1, "W": 7, "2W": 14}[unit] / 30))
            value = _date_value(ny, nm, None, base.bc)
            new = self._here(i, ny, nm, None, base.bc)
        elif unit == "M" and mo is not None:
            ny, nm = add_months(y, mo, n)
            value = _date_value(ny, nm, None, base.bc)
            new = self._here(i, ny, nm, None, base.bc)
        elif unit in ("Y", "DE", "CE", "M", "D", "W", "2W"):
            years = {"Y": n, "DE": 10 * n, "CE": 100 * n}.get(unit, round(n / 12) if unit == "M" else 0)
            value = _date_value(y + years, None, None, base.bc)
            new = self._here(i, y + years, None, None, base.bc)
        else:
            return None, None
        if base.source is None:
            new = None
        return Resolved(value, m.mod, anchor, m.type), new

    def _apposed(self, i: int) -> Mention | None:
        """The dated mention set beside mention ``i`` as its apposition (", in February 1973")."""
        if i + 1 >= len(self.mentions):
            return None
        nxt = self.mentions[i + 1]
        between = self.text[self.mentions[i].end:nxt.start]
        if nxt.year is None or nxt.type not in ("DATE", "TIME") or not _APPOSITION.fullmatch(between):
            return None
        return nxt

    def _deictic(self, i: int, m: Mention, clock: Clock | None) -> tuple[Resolved | None, Clock | None]:
        kind = m.deictic
        if kind in ("PRESENT_REF", "PAST_REF", "FUTURE_REF"):
            if self.dct is None and m.rel_word not in self.undated_deictics:
                words = set(re.findall(r"[a-z’']+", self._sentence(m).lower().replace("’", "'")))
                if not words & self.present_cues:
                    return None, None  # narrative "now": the story's moment, not annotated
            return Resolved(kind, None, None, m.type), None
        offsets = {"TODAY": 0, "YESTERDAY": -1, "TOMORROW": 1, "TONIGHT": 0}
        if self.dct is not None:
            day = add_days(self.dct, offsets[kind])
            value = _date_value(*day) + ("TNI" if kind == "TONIGHT" else "")
            return Resolved(value, None, None, "TIME" if kind == "TONIGHT" else "DATE"), None
        if kind == "TODAY":
            return Resolved("PRESENT_REF", None, None, "DATE"), None
        if clock is not None and clock.day is not None:
            day = add_days((clock.year, clock.month, clock.day), offsets[kind])
            suffix = "TNI" if kind == "TONIGHT" else ""
            return Resolved(_date_value(*day, clock.bc) + suffix, None, clock.source, m.type), None
        return Resolved("XXXX-XX-XX", None, None, m.type), None

    def _weekday(self, i: int, m: Mention, clock: Clock | None) -> tuple[Resolved, Clock | None]:
        suffix = _time_suffix(m)
        if self.dct is not None and (clock is None or clock.source is None or clock.day is None
                                     or clock.paragraph != self.paragraph[i]):
            today = weekday(self.dct)
            future = any(cue in self._sentence_prefix(m.start).lower() for cue in self.future_cues)
            delta = (m.weekday - today) % 7 if future else -((today - m.weekday) % 7)
            day = add_days(self.dct, delta)
            return Resolved(_date_value(*day) + suffix, None, None, m.type), None
        if clock is not None and clock.day is not None:
            delta = (m.weekday - weekday((clock.year, clock.month, clock.day))) % 7
            day = add_days((clock.year, clock.month, clock.day), delta)
            return Resolved(_date_value(*day, clock.bc) + suffix, None, clock.source, m.type), \
                self._here(i, *day, clock.bc)
        return Resolved(f"XXXX-WXX-{m.weekday}" + suffix, None, None, m.type), None

    def _clock_time(self, i: int, m: Mention, clock: Clock | None) -> tuple[Resolved, Clock | None]:
        if clock is not None and clock.day is not None:
            return Resolved(_date_value(clock.year, clock.month, clock.day, clock.bc) + _time_suffix(m), None,
                            clock.source, m.type), None
        return Resolved("XXXX-XX-XX" + _time_suffix(m), None, None, m.type), None

    @staticmethod
    def _unknown(m: Mention) -> str:
        if m.unit == "MONTH":
            return f"XXXX-{m.month:02d}"
        if m.unit == "SEASON":
            return f"XXXX-{m.season}"
        if m.unit == "WEEKDAY":
            return f"XXXX-WXX-{m.weekday}"
        if m.unit in ("D", "WE"):
            return "XXXX-XX-XX" + _time_suffix(m)
        if m.unit == "W":
            return "XXXX-WXX"
        if m.unit == "M":
            return "XXXX-XX"
        return "XXXX"

