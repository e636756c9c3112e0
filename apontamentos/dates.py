"""Periods in Portuguese questions, always day-first, each read exactly or not at all.

Works on text already passed through `language.prepare` (lower case, no accents, numbers in words as digits),
where `/` between digits survives as the date separator. A date without a year means its most recent
occurrence not after today; the end of a range is read against today and its start against the end.
Open periods ("desde 12/11", "até ontem") come back closed (up to today, or from the first day with data)
and flagged, so an answer can say "desde" or "até" and a composition can keep the open end.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, timedelta

from .errors import InvalidQuery
from .rules import Period, holidays_in, month_of, week_of, working_days

MONTH_NAMES = {
    "janeiro": 1,
    "fevereiro": 2,
    "marco": 3,
    "abril": 4,
    "maio": 5,
    "junho": 6,
    "julho": 7,
    "agosto": 8,
    "setembro": 9,
    "outubro": 10,
    "novembro": 11,
    "dezembro": 12,
    "jan": 1,
    "fev": 2,
    "mar": 3,
    "abr": 4,
    "jun": 6,
    "jul": 7,
    "ago": 8,
    "set": 9,
    "out": 10,
    "nov": 11,
    "dez": 12,
}
_MONTH = "|".join(sorted(MONTH_NAMES, key=len, reverse=True))
_DATE = r"(\d{1,2})/(\d{1,2})(?:/(\d{2,4}))?"
_RANGE = re.compile(rf"\b(?:de|entre|do dia|dia)?\s*{_DATE}\s+(?:a|ate|e|ao)\s+(?:dia\s+)?{_DATE}\b")
# "de 3 a 9/10": the first day takes the second's month.
_SHORT_RANGE = re.compile(
    r"\b(?:de|entre|do dia|dia|dias)\s+(\d{1,2})\s+(?:a|ate|e|ao)\s+(?:dia\s+)?(\d{1,2})/(\d{1,2})(?:/(\d{2,4}))?\b"
)
# "dia 5", "no dia 12": that day of the current month, or of the previous one if it is still ahead.
_WEEK_OF_DAY = re.compile(r"\b(?:(?:n|d)?a\s+)?semana\s+do\s+dia\s+(\d{1,2})\b(?!\s*/)")
_DAY_OF_MONTH = re.compile(r"\b(?:no |do |o |neste |nesse )?dia\s+(\d{1,2})\b(?!\s*/)")
# A national holiday by its name ("no feriado de finados", "e no de finados?"): its most recent date
_HOLIDAY_NAME = re.compile(
    r"\b(?:(?:n|d)?o (?:feriado |dia )?(?:de |do |da )?)?"
    r"(finados|proclamacao(?: da republica)?|consciencia negra|zumbi|independencia|(?:nossa senhora )?aparecida"
    r"|tiradentes|natal|dia do trabalh(?:o|ador)|sexta feira santa)\b"
)
# Period words this engine cannot read: asking beats guessing a period.
# Whatever of these is left after find_period has consumed what it reads ("nos últimos 2 trimestres",
# "últimos 3 meses": calendar months or 90 days?) is asked back.
_UNREADABLE = re.compile(
    r"\b(?:trimestres?|semestres?|bimestres?|quinzenas?|anos?|anual|natal|carnaval|pascoa|amanha|"
    r"proxim[ao]s?|semana que vem|mes que vem|madrugada|manha|ultim[oa]s (?:\d+ )?meses|(?<!\d )ultimas semanas|"
    r"ha \d+ (?:dias?|semanas?|meses)|"
    # "no final de outubro", "começo do mês": which days? (what is left once the month itself was read)
    r"(?<!hora de )(?<!horario de )(?<!data de )"
    r"(?:inicio|comeco|comecinho|fim|final|finalzinho|finzinho|meados|(?:primeiros|ultimos) dias)"
    r"(?:(?: d[oe])?(?= *$)| d[oe] (?!semana\b|expediente\b)))"
    r"\b"
)
# Words of periods, read or refused here: the typo corrector must leave them alone ("quinzena" is not
# "quinze", "quarta" is not "quanta").
PERIOD_WORDS = frozenset(
    "trimestre trimestres semestre semestres bimestre bimestres quinzena quinzenas ano anos anual natal "
    "carnaval pascoa amanha proximo proxima proximos proximas madrugada manha feriadao segunda terca quarta "
    "quinta sexta sabado domingo feira passado passada primeira primeiro ultima ultimo".split()
)
_SINGLE = re.compile(rf"\b{_DATE}\b")
# "a semana de 12/10", "na semana do dia 19/10": that day's Monday-to-Sunday week (how breakdowns label weeks)
_WEEK_OF = re.compile(rf"\b(?:(?:n|d)?a\s+)?semana\s+(?:de|do dia|do)\s+(?:dia\s+)?{_DATE}\b(?!\s+(?:a|ate|ao)\b)")
WEEKDAYS = {"segunda": 0, "terca": 1, "quarta": 2, "quinta": 3, "sexta": 4, "sabado": 5, "domingo": 6}
# "sábado passado", "na sexta", "última segunda", "quinta-feira": that day. A bare "segunda" is also an
# ordinal ("segunda quinzena"), so a weekday needs a preposition, "feira" or "passado" around it.
_WEEKDAY = re.compile(
    r"\b(?P<before>(?:ultim[oa]|n[oa]|d[oa]|desde|dest[ea]|nest[ea]|ness[ea])\s+)?"
    r"(?P<day>segunda|terca|quarta|quinta|sexta|sabado|domingo)(?P<feira>\s*-?\s*feira)?"
    r"(?P<past>\s+passad[oa])?\b(?!\s+(?:quinzena|semana|vez|parte|metade|maior|menor))"
    # "no sábado ou domingo" names weekdays in general, not one date
    r"(?!\s+(?:ou|e)\s+(?:n?[oa]\s+)?(?:segunda|terca|quarta|quinta|sexta|sabado|domingo))"
)
_RECORDING_VERB = re.compile(r"\b(?:apont|trabalh|fez|fiz|fizeram|falt|veio|vieram|bat)\w* $")
# A year is 19xx or 20xx: "outubro 8446" is October and a contract, not the year 8446.
_MONTH_RE = re.compile(
    # "por mês de setembro até hoje" breaks down by month: "mês" is not the period's word there
    rf"\b(?:(?<!por )(?<!cada )mes de\s+|em\s+|no mes de\s+)?({_MONTH})\b"
    rf"(?:\s+(?:de\s+)?((?:19|20)\d{{2}})\b|\s+d?(?:esse|este) ano\b)?"
)
# "set, out e nov", "setembro, outubro e novembro" (commas are gone once the text is prepared)
# "entre setembro e novembro", "de setembro a novembro": one span ("setembro e outubro" alone lists each month)
_MONTH_SPAN = re.compile(rf"\bentre ({_MONTH}) e ({_MONTH})\b|\bde ({_MONTH}) (?:a|ate) ({_MONTH})\b")
_MONTH_LIST = re.compile(rf"\b(?:(?:em|de|nos meses de|meses de)\s+)?(?:(?:{_MONTH})\s+){{2,}}e\s+(?:{_MONTH})\b")
_MONTH_OTHER_YEAR = re.compile(rf"\b(?:em\s+|de\s+)?({_MONTH})\s+(?:d|n)?o ano (passado|anterior|que vem|seguinte)\b")
_MONTH_THIS_YEAR = re.compile(
    rf"\b(?:em\s+|de\s+)?({_MONTH})\s+(?:d|n)?(?:esse|este) ano\b"
    rf"|\b(?:d|n)?(?:esse|este) ano,?\s+(?:em\s+|de\s+|no mes de\s+)?({_MONTH})\b"  # "e esse ano em novembro"
)
# "na primeira quinzena de outubro"; "na 2a quinzena" alone is this month's
_FORTNIGHT = re.compile(
    r"\b(?:n?a\s+|d?a\s+)?(primeira|segunda|1a|2a)\s+quinzena"
    rf"(?:\s+(?:de\s+|do mes de\s+|em\s+)?({_MONTH})\b(?:\s+(?:de\s+)?((?:19|20)\d{{2}})\b)?"
    r"|(?:\s+(?:d|n)?(?:esse|este) mes)?\b)"
)
# "essa quinzena": the half of this month today is in; "a quinzena passada": the half before it
_THIS_FORTNIGHT = re.compile(r"\b(?:(?:n|d)?(?:essa|esta) quinzena|(?:n|d)?a quinzena (?P<past>passada|anterior))\b")
# "e nos últimos 15" after a question about the last 30 days: days, as a bare "os últimos 15" is not (a ranking)
_LAST_DAYS = re.compile(
    r"\bultimos\s+(\d{1,3})\s+dias\b"
    r"|(?<=\b(?:nos|dos) )ultimos\s+(\d{1,3})\b(?!\s*(?:h\b|horas?|apontamentos?|pessoas?|recursos?|colocados?"
    r"|lugares?|do ranking|da lista|meses|semanas|anos|dias uteis|mes|ano))"
)
# "nas 2 últimas semanas completas": whole weeks, Monday to Sunday, before this one
_LAST_FULL_WEEKS = re.compile(
    r"\b(?:(\d{1,2})\s+ultimas|ultimas\s+(\d{1,2}))\s+semanas\s+(?:completas|inteiras|fechadas)\b"
)
_RELATIVE = [
    (re.compile(r"\b(?:mes retrasado|penultimo mes|mes antes do passado)\b"), "month_before_last"),
    (re.compile(r"\b(?:mes passado|ultimo mes|mes anterior)\b"), "last_month"),
    (
        re.compile(
            r"\b(?:este|esse|neste|nesse|desse|deste)\s+mes\b|\bmes atual\b"
            # not "por mês, todo mundo": the breakdown, then who
            r"|\b(?:do|no) mes(?: (?:todo|inteiro))?\b(?!\s+(?:de|passado|anterior|retrasado))"
            r"|\bmes (?:todo|inteiro)\b(?! mundo)"
        ),
        "this_month",
    ),
    (re.compile(r"\b(?:semana retrasada|penultima semana)\b"), "week_before_last"),
    (re.compile(r"\b(?:semana passada|ultima semana|semana anterior)\b"), "last_week"),
    (
        re.compile(r"\b(?:esta|essa|nesta|nessa|desta|dessa)\s+semana\b|\bsemana (?:atual|toda|inteira)\b"),
        "this_week",
    ),
    (re.compile(r"\banteontem\b"), "day_before_yesterday"),
    (re.compile(r"\bontem\b"), "yesterday"),
    (re.compile(r"\bhoje\b"), "today"),
]


# The earliest day an open start ("até ontem") reaches when the caller does not say where its data begins.
EARLIEST = date(2000, 1, 1)

_WEEKDAY_NAME = r"(?:segunda|terca|quarta|quinta|sexta|sabado|domingo)(?:\s*-?\s*feira)?"
# One day, as a range's end or an open period's bound: a date, "dia 5", a weekday, hoje / ontem / anteontem.
_DAY = (
    r"(?:\d{1,2}/\d{1,2}(?:/\d{2,4})?|(?:o\s+)?dia\s+\d{1,2}(?:/\d{1,2}(?:/\d{2,4})?)?"
    rf"|(?:(?:a|o|na|no)\s+)?{_WEEKDAY_NAME}|hoje|ontem|anteontem)"
)
# The week a weekday belongs to: "de segunda a quarta da semana passada", "na sexta desta semana".
_WEEK_NAME = (
    r"(?P<week>(?:da|de|dessa|desta|nessa|nesta)\s+semana(?:\s+(?:passada|retrasada|anterior|atual))?"
    r"|da\s+(?:ultima|penultima)\s+semana)"
)
_IN_WEEK = rf"(?:\s+{_WEEK_NAME})?"
_WEEKDAY_IN_WEEK = re.compile(rf"\b(?:n[oa]\s+|d[oa]\s+)?(?P<day>{_WEEKDAY_NAME})\s+{_WEEK_NAME}\b")
_DAY_RANGE = re.compile(
    rf"\b(?P<lead>de|desde|entre|do|da|dos|das)\s+(?:o\s+)?(?P<first>{_DAY})\s+(?P<joint>a|ate|e|ao|as)\s+"
    rf"(?P<second>{_DAY}){_IN_WEEK}(?![\w/])"
)

_SINCE_WEEKDAY_BEFORE = re.compile(
    rf"\b(?:desde|a partir d[eoa])\s+(?:o\s+|a\s+)?(?P<day>{_WEEKDAY_NAME})\s+(?:{_WEEK_NAME}|passad[oa]\b)"
)
_SINCE_RELATIVE = re.compile(
    r"\b(?:desde|a partir d[eoa])\s+(?:o\s+|a\s+)?(?P<relative>(?:mes|semana)\s+(?:passad|retrasad)[oa])\b"
    r"|\bd[oa]\s+(?P<relative_to_now>(?:mes|semana)\s+(?:passad|retrasad)[oa])\s+(?:pra|para)\s+ca\b"
)
_OPEN_END = re.compile(rf"\b(?:desde|a partir d[eoa])\s+(?:o\s+|a\s+)?(?P<day>{_DAY}|(?P<month>{_MONTH}))(?![\w/])")
_OPEN_START = re.compile(
    rf"\b(?:(?:desde o|do|de) (?:inicio|comeco)(?: dos dados| do periodo)? )?"  # "do início até 15/9"
    rf"ate\s+(?:o\s+|a\s+)?(?P<day>{_DAY}|(?P<month>{_MONTH}))(?![\w/])"
)
# All the data, said in words: "no período todo", "desde o início", "e no geral, …" ("os seniors no geral" is
# every senior, not every day; an explicit period: it is not
# inherited from the conversation, and calendar answers take it instead of this month).
_ALL_DATA = re.compile(
    r"\b(?:(?:n|d)?(?:ess|est)?[eo] )?periodo (?:todo|inteiro)\b|\b(?:em |n)?todo o periodo\b"
    r"|\b(?:desde o|do) (?:inicio|comeco)(?: dos dados)?\b|(?:^|\be )no geral\b|\bde todos os tempos\b"
    r"|\bolhando (?:tudo|todo o periodo)\b|\b(?:n|d)?(?:ess|est)?[eo] periodo (?:dos|de) dados\b|\bem todos os dados\b"
    r"|\b(?:n|d)?o periodo (?:que|q) (?:vc|voce|o bot|vcs|voces) (?:tem|tens|cobre)(?: de dados| dados)?\b"  # all of it
    r"|\bno geral$"  # "quais contratos tem mais gente, no geral?"
    r"|\bdesde (?:que|q) (?:comecou|comecaram|iniciou) (?:a base|os dados|os apontamentos|o sistema)\b"
    r"|\b(?:em |n)?todos os dados\b|\b(?:de |em )?qualquer (?:data|periodo|dia|mes|epoca)\b"
    r"|\bconsiderando tudo\b|\b(?:nos|dos) dados\b"
)
_WORKING_DAYS = re.compile(r"\b(?:n?os\s+)?ultimos\s+(\d{1,3})\s+dias\s+uteis\b|\b(?:n?o\s+)?ultimo\s+dia\s+util\b")
_WEEKEND = re.compile(
    r"\b(?:n[oe]\s+|d[oe]\s+)?(?:(?P<which>ultimo|penultimo|neste|nesse|este|esse|deste|desse)\s+)?"
    r"(?:fim|final)\s+de\s+semana(?:\s+(?P<past>passado|retrasado|anterior))?\b"
)
_QUARTER_NAMES = {"primeiro": 1, "segundo": 2, "terceiro": 3, "quarto": 4, "1o": 1, "2o": 2, "3o": 3, "4o": 4}
_PART_OF_YEAR = re.compile(
    r"\b(?:n?[oe]\s+|d[oe]\s+)?(?:(?P<which>este|esse|neste|nesse|deste|desse|ultimo|penultimo)\s+)?"
    r"(?:(?P<ordinal>primeiro|segundo|terceiro|quarto|[1-4]o)\s+)?(?P<part>trimestre|semestre|ano)"
    r"(?:\s+(?P<after>passado|retrasado|anterior|atual|corrente))?(?:\s+(?:de\s+)?(?P<year>\d{4}))?\b"
)
_YEAR = re.compile(r"\b(?:em|no ano de|do ano de|de)\s+(?P<year>20\d{2})\b(?![/\d])")
_LAST_WEEKS = re.compile(
    r"\b(?:n?as\s+)?(?:ultimas\s+(\d{1,2})|(\d{1,2})\s+ultimas)\s+semanas\b(?!\s+(?:completas|inteiras|fechadas))"
)


@dataclass(frozen=True)
class Found:
    """A period read from the question. `text` is what was consumed, removed before other parsing.

    `open_start` / `open_end`: the words gave only one bound ("até 20/11", "desde segunda"); the period runs
    from the first day with data (the caller's `first_day`) or up to today. `working_days_only`: the words
    ask for working days ("últimos 3 dias úteis") and the span between them holds other days too.
    """

    period: Period
    text: str
    open_start: bool = False
    open_end: bool = False
    working_days_only: bool = False
    months: int = 0  # "set, out e nov": how many months were listed (each one is asked about)


def _year(raw: str | None, default: int) -> int:
    if raw is None:
        return default
    value = int(raw)
    return value + 2000 if value < 100 else value


def _make(day: int, month: int, year: int, original: str) -> date:
    try:
        return date(year, month, day)
    except ValueError as err:
        raise InvalidQuery(f"“{original}” não é uma data válida.") from err


def _most_recent(day: int, month: int, today: date, original: str) -> date:
    candidate = _make(day, month, today.year, original) if (month, day) != (2, 29) else None
    if candidate is None:
        # 29/02 without a year: the most recent leap year up to today.
        year = today.year
        while True:
            try:
                candidate = date(year, 2, 29)
                if candidate <= today:
                    return candidate
            except ValueError:
                pass
            year -= 1
    return candidate if candidate <= today else _make(day, month, today.year - 1, original)


def _date(match: re.Match[str], today: date) -> date:
    """The date a `_DATE` match names; without a year, the most recent one up to today."""
    d, m, y = match.groups()
    if y:
        return _make(int(d), int(m), _year(y, today.year), match.group(0))
    return _most_recent(int(d), int(m), today, match.group(0))


def _range(match: re.Match[str], today: date) -> Period:
    d1, m1, y1, d2, m2, y2 = match.groups()
    original = match.group(0).strip()
    end = (
        _make(int(d2), int(m2), _year(y2, today.year), original)
        if y2
        else _most_recent(int(d2), int(m2), today, original)
    )
    if y1:
        start = _make(int(d1), int(m1), _year(y1, end.year), original)
    else:
        start = _make(int(d1), int(m1), end.year, original)
        if start > end:
            start = _make(int(d1), int(m1), end.year - 1, original)
    return Period(start, end)


def only_working_days(found: Found) -> str:
    """What to say when the words ask for working days only and the engine can only read a span of days."""
    start, end = found.period.start, found.period.end
    return (
        f"Os dias úteis que você pediu vão de {start:%d/%m} a {end:%d/%m}, e esse intervalo tem dias que não são "
        "úteis (fim de semana ou feriado). Ainda não consigo somar só os dias úteis: pergunte pelo intervalo "
        f"todo (“de {start:%d/%m} a {end:%d/%m}”) ou por um dia."
    )


# The words above as a person reads them in the reply (the text here has no accents).
_ACCENTED = {
    "amanha": "amanhã",
    "manha": "manhã",
    "pascoa": "páscoa",
    "feriadao": "feriadão",
    "proximo": "próximo",
    "proxima": "próxima",
    "proximos": "próximos",
    "proximas": "próximas",
    "ultimos": "últimos",
    "ultimas": "últimas",
    "ha": "há",
}


def unreadable_period(text: str) -> str | None:
    """A period word in `text` that find_period does not understand (the caller asks instead of guessing)."""
    match = _UNREADABLE.search(text)
    return " ".join(_ACCENTED.get(word, word) for word in match.group(0).split()) if match else None


def find_period(
    text: str, today: date, *, subdivision: str | None = None, first_day: date | None = None
) -> Found | None:
    """The first period named in `text`, or None. `subdivision` adds a state's holidays to the working days
    ("últimos 3 dias úteis"); `first_day` is where an open start ("até ontem") begins (the data's first day)."""
    if match := _WORKING_DAYS.search(text):
        return _working_days(int(match.group(1) or 1), today, subdivision, match.group(0))
    if match := _MONTH_OTHER_YEAR.search(text):
        # "novembro do ano passado", "janeiro do ano que vem": that month of that year
        shift = -1 if match.group(2) in ("passado", "anterior") else 1
        return Found(month_of(today.year + shift, MONTH_NAMES[match.group(1)]), match.group(0))
    if match := _MONTH_THIS_YEAR.search(text):
        name = match.group(1) or match.group(2)
        return Found(month_of(today.year, MONTH_NAMES[name]), match.group(0))  # "setembro desse ano"
    if (match := _HOLIDAY_NAME.search(text)) and (day := _holiday(match.group(1), today, subdivision)) is not None:
        return Found(Period(day, day), match.group(0))
    if match := _DAY_RANGE.search(text):
        if match.group("joint") != "e" or match.group("lead") == "entre" or "/" in match.group(0):
            return Found(_day_range(match, today), match.group(0))
    if match := _RANGE.search(text):
        return Found(_range(match, today), match.group(0))
    if match := _SHORT_RANGE.search(text):
        d1, d2, m, y = match.groups()
        original = match.group(0).strip()
        end = (
            _make(int(d2), int(m), _year(y, today.year), original)
            if y
            else _most_recent(int(d2), int(m), today, original)
        )
        start = _make(int(d1), end.month, end.year, original)
        return Found(Period(start, end), match.group(0))
    if match := _SINCE_WEEKDAY_BEFORE.search(text):
        # "desde segunda da semana passada", "desde segunda passada": that Monday, not this week's
        week = _week(match.group("week") or "da semana passada", today)
        day = _in_week(match.group("day"), week)
        return Found(Period(day, max(day, today)), match.group(0), open_end=True)
    if match := _SINCE_RELATIVE.search(text):
        # "desde o mês passado", "do mês passado pra cá": from that period's first day to today
        since = find_period(match.group("relative") or match.group("relative_to_now"), today, first_day=first_day)
        if since is not None:
            return Found(Period(since.period.start, today), match.group(0), open_end=True)
    if match := _OPEN_END.search(text):
        bound = _bound(match, today, first=True)
        return Found(Period(bound, max(bound, today)), match.group(0), open_end=True)
    if match := _OPEN_START.search(text):
        bound = _bound(match, today, first=False)
        if re.fullmatch(r"ate\s+(?:o\s+)?dia\s+\d{1,2}", match.group(0).strip()):
            # "quanto eu fiz até dia 15?": a day of the month alone bounds that month, from its first day
            return Found(Period(bound.replace(day=1), bound), match.group(0))
        start = min(first_day or EARLIEST, bound)
        return Found(Period(start, bound), match.group(0), open_start=True)
    if match := _ALL_DATA.search(text):
        return Found(Period(min(first_day or EARLIEST, today), today), match.group(0), open_start=True)
    if match := _WEEKDAY_IN_WEEK.search(text):
        day = _in_week(match.group("day"), _week(match.group("week"), today))
        return Found(Period(day, day), match.group(0))
    if match := _WEEK_OF.search(text):
        day = _date(match, today)
        monday = day - timedelta(days=day.weekday())
        return Found(Period(monday, monday + timedelta(days=6)), match.group(0))
    if match := _SINGLE.search(text):
        day = _date(match, today)
        return Found(Period(day, day), match.group(0))
    if match := _MONTH_SPAN.search(text):
        first, last = (_month(MONTH_NAMES[name], None, today) for name in match.groups() if name)
        if first.start <= last.end:  # "entre setembro e novembro": the three months
            return Found(Period(first.start, last.end), match.group(0))
    if (match := _MONTH_LIST.search(text)) and (listed := _month_list(match, today)) is not None:
        return listed
    if match := _WEEK_OF_DAY.search(text):  # "e na semana do dia 9": that day's week
        monday = (day := _day_of_month(int(match.group(1)), today, match.group(0).strip())) - timedelta(
            days=day.weekday()
        )
        return Found(Period(monday, monday + timedelta(days=6)), match.group(0))
    if match := _DAY_OF_MONTH.search(text):
        day = _day_of_month(int(match.group(1)), today, match.group(0).strip())
        return Found(Period(day, day), match.group(0))
    if match := _FORTNIGHT.search(text):
        half, name, year = match.groups()
        month = _month(MONTH_NAMES[name], year, today) if name else month_of(today.year, today.month)
        middle = month.start + timedelta(days=14)
        first = half in ("primeira", "1a")
        period = Period(month.start, middle) if first else Period(middle + timedelta(days=1), month.end)
        return Found(period, match.group(0))
    if match := _THIS_FORTNIGHT.search(text):
        month = month_of(today.year, today.month)
        second = Period(month.start + timedelta(days=15), month.end)
        first = Period(month.start, month.start + timedelta(days=14))
        if match.group("past"):
            earlier = Period(_months_later(month.start, -1) + timedelta(days=15), month.start - timedelta(days=1))
            return Found(first if today.day > 15 else earlier, match.group(0))
        return Found(second if today.day > 15 else first, match.group(0))
    if (match := _WEEKEND.search(text)) and (weekend := _weekend(match, today)) is not None:
        return Found(weekend, match.group(0))
    if (match := _PART_OF_YEAR.search(text)) and (part := _part_of_year(match, today)) is not None:
        return Found(part, match.group(0))
    if match := _LAST_FULL_WEEKS.search(text):
        count = max(1, min(int(match.group(1) or match.group(2)), 52))
        monday = today - timedelta(days=today.weekday())
        return Found(Period(monday - timedelta(days=7 * count), monday - timedelta(days=1)), match.group(0))
    if match := _LAST_DAYS.search(text):
        count = max(1, min(int(match.group(1) or match.group(2)), 366))
        return Found(Period(today - timedelta(days=count - 1), today), match.group(0))
    if match := _LAST_WEEKS.search(text):
        count = max(1, min(int(match.group(1) or match.group(2)), 52))
        return Found(Period(today - timedelta(days=7 * count - 1), today), match.group(0))
    for match in _WEEKDAY.finditer(text):
        after_verb = _RECORDING_VERB.search(text[: match.start()])  # "quem não apontou segunda?"
        if match.group("before") or match.group("feira") or match.group("past") or after_verb:
            return Found(Period(*[_weekday(match, today)] * 2), match.group(0))
    for pattern, kind in _RELATIVE:
        if match := pattern.search(text):
            return Found(_relative(kind, today), match.group(0))
    if match := _MONTH_RE.search(text):
        name, year = match.groups()
        listed = re.match(rf"\s+(?:e|x|vs|a|ate|ou)\s+(?:{_MONTH})\b", text[match.end() :]) or re.search(
            r"\b(?:e|x|vs|a|ate|ou)\s+$", text[: match.start()]
        )  # "set e out", and "out" once "set" was read
        if name in ("mar", "set", "out") and not year and not match.group(0).startswith(("em ", "mes", "no ")):
            # "horas de out", "esperadas x feitas set", "out" alone: "set" and "out" said as months
            said = name != "mar" and (_AFTER_OF.search(text[: match.start()]) or not text[match.end() :].strip())
            if not listed and not said:
                return None  # "mar", "set" and "out" are too common as plain words to be months alone
        return Found(_month(MONTH_NAMES[name], year, today), match.group(0))
    if match := _YEAR.search(text):
        year = int(match.group("year"))
        if year > today.year:
            return None
        return Found(Period(date(year, 1, 1), min(date(year, 12, 31), today)), match.group(0))
    if (match := LONG_WEEKEND.search(text)) and (days := long_weekend(today, subdivision)) is not None:
        return Found(days, match.group(0))
    return None


# "quem apontou no feriadão?": the last holiday that made a long weekend, with that weekend
LONG_WEEKEND = re.compile(r"\b(?:(?:n|d)?o )?feriadao\b")


def long_weekend(today: date, subdivision: str | None = None) -> Period | None:
    """The days off around the most recent holiday next to a weekend (a Friday: Friday to Sunday; a Monday:
    Saturday to Monday; a Thursday or a Tuesday, with the bridge day), up to `today`; None if none in 60 days."""
    spans = {0: (-2, 0), 1: (-3, 0), 3: (0, 3), 4: (0, 2)}  # weekday: days before and after the holiday
    for day in sorted(holidays_in(Period(today - timedelta(days=60), today), subdivision), reverse=True):
        if day.weekday() in spans:
            before, after = spans[day.weekday()]
            return Period(day + timedelta(days=before), min(day + timedelta(days=after), today))
    return None


def _holiday(name: str, today: date, subdivision: str | None) -> date | None:
    """The most recent day up to `today` of the holiday `name` names ("finados" → 02/11)."""
    key = name.split()[-1][:6]  # "republica", "negra", "trabalhador": a stem its calendar name holds
    last_two_years = Period(date(today.year - 1, 1, 1), today)
    days = [day for day, called in holidays_in(last_two_years, subdivision).items() if key in _plain(called)]
    return max(days) if days else None


def _plain(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text.casefold()) if not unicodedata.combining(c))


def _day_of_month(day: int, reference: date, original: str) -> date:
    """Day `day` of the reference's month, or of the month before when it is still ahead."""
    month_start = reference.replace(day=1)
    if day > reference.day:
        month_start = (month_start - timedelta(days=1)).replace(day=1)
    return _make(day, month_start.month, month_start.year, original)


def _week(name: str | None, today: date) -> Period | None:
    """The week a phrase names ("da semana passada", "desta semana"), or None."""
    if not name:
        return None
    if "retrasada" in name or "penultima" in name:
        return week_of(today - timedelta(days=14))
    if "passada" in name or "anterior" in name or "ultima" in name:
        return week_of(today - timedelta(days=7))
    return week_of(today)


def _weekday_number(expression: str) -> int | None:
    for name, number in WEEKDAYS.items():
        if re.search(rf"\b{name}\b", expression):
            return number
    return None


def _in_week(expression: str, week: Period | None) -> date:
    number = _weekday_number(expression)
    assert number is not None and week is not None
    return week.start + timedelta(days=number)


def _day(expression: str, reference: date, today: date, week: Period | None) -> date:
    """One day named in a range or an open period: its most recent occurrence not after `reference`, or the
    weekday of the given week."""
    expression = expression.strip()
    if expression in ("hoje", "ontem", "anteontem"):
        return today - timedelta(days=("hoje", "ontem", "anteontem").index(expression))
    if (number := _weekday_number(expression)) is not None:
        if week is not None:
            return week.start + timedelta(days=number)
        return reference - timedelta(days=(reference.weekday() - number) % 7)
    if match := re.search(_DATE, expression):
        d, m, y = match.groups()
        if y:
            return _make(int(d), int(m), _year(y, today.year), expression)
        return _most_recent(int(d), int(m), reference, expression)
    day = int(re.findall(r"\d{1,2}", expression)[0])
    return _day_of_month(day, reference, expression)


def _day_range(match: re.Match[str], today: date) -> Period:
    """ "de segunda a quarta (da semana passada)", "de 12/11 até hoje", "do dia 3 ao dia 9": the end read
    against today, the start against the end."""
    week = _week(match.group("week"), today)
    end = _day(match.group("second"), today, today, week)
    start = _day(match.group("first"), end, today, week)
    if start > end:
        raise InvalidQuery(f"“{match.group(0).strip()}” termina antes de começar.")
    return Period(start, end)


def _bound(match: re.Match[str], today: date, *, first: bool) -> date:
    """The one bound of "desde X" (its first day) or "até X" (its last day, not after today)."""
    if name := match.group("month"):
        month = _month(MONTH_NAMES[name], None, today)
        return month.start if first else min(month.end, today)
    return _day(match.group("day"), today, today, None)


def _working_days(count: int, today: date, subdivision: str | None, text: str) -> Found:
    """The last `count` working days up to today (today included when it is one)."""
    count = max(1, min(count, 260))
    back = Period(today - timedelta(days=2 * count + 30), today)
    days = working_days(back, subdivision)[-count:]
    period = Period(days[0], days[-1])
    return Found(period, text, working_days_only=len(days) != period.days)


def _weekend(match: re.Match[str], today: date) -> Period | None:
    """Saturday and Sunday of the weekend named: "fim de semana passado / retrasado", "último fim de semana",
    "neste fim de semana" (the one under way, or the last one); a bare "fim de semana" is a weekday filter."""
    which, past = match.group("which"), match.group("past")
    if not which and not past:
        return None
    # The most recent weekend that has begun: this week's on Saturday and Sunday, else last week's.
    latest = week_of(today if today.weekday() >= 5 else today - timedelta(days=7))
    back = 0
    if past in ("passado", "anterior") or which == "ultimo":
        back = 1 if today.weekday() >= 5 else 0
    elif past == "retrasado" or which == "penultimo":
        back = 2 if today.weekday() >= 5 else 1
    saturday = latest.start + timedelta(days=5 - 7 * back)
    return Period(saturday, min(saturday + timedelta(days=1), today))


def _part_of_year(match: re.Match[str], today: date) -> Period | None:
    """A quarter, half or year: "no trimestre", "trimestre passado", "primeiro semestre de 2026", "este ano".
    "último ano" (the calendar year or twelve months?) is not read, so it is asked back."""
    part, which, after, ordinal, year = (match.group(n) for n in ("part", "which", "after", "ordinal", "year"))
    months = {"trimestre": 3, "semestre": 6, "ano": 12}[part]
    if ordinal:
        number = _QUARTER_NAMES[ordinal]
        if number > 12 // months or which or after:
            return None
        start_month = (number - 1) * months + 1
        chosen = int(year) if year else today.year
        start = date(chosen, start_month, 1)
        if not year and start > today:
            start = date(chosen - 1, start_month, 1)
        return Period(start, _months_later(start, months) - timedelta(days=1))
    if year:
        if part != "ano" or which or after:
            return None
        return Period(date(int(year), 1, 1), min(date(int(year), 12, 31), today))
    if part != "ano" and not which and after not in ("passado", "anterior", "atual", "corrente"):
        return None  # "no trimestre": the calendar's, or the last three months? asked back
    current = date(today.year, (today.month - 1) // months * months + 1, 1)
    if after in ("passado", "anterior") or (which == "ultimo" and part != "ano"):
        start = _months_later(current, -months)
        return Period(start, current - timedelta(days=1))
    if after == "retrasado" or which in ("penultimo", "ultimo"):
        return None  # "último ano", "penúltimo trimestre": asked back
    return Period(current, today)


def _months_later(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


_AFTER_OF = re.compile(r"(?:^|\b(?:de|do|da|desde|ate|a|x|vs|pra|para))\s*$")


def _month(month: int, year: str | None, today: date) -> Period:
    """That month of the given year, or its most recent occurrence that has begun."""
    if year:
        return month_of(int(year), month)
    period = month_of(today.year, month)
    return period if period.start <= today else month_of(today.year - 1, month)


def _month_list(match: re.Match[str], today: date) -> Found | None:
    """Three or more months in a row, as one span; months that skip one are not a span (None)."""
    names = [w for w in match.group(0).split() if w in MONTH_NAMES]
    last = _month(MONTH_NAMES[names[-1]], None, today)
    months = [_months_later(last.start, i - len(names) + 1) for i in range(len(names))]
    if [m.month for m in months] != [MONTH_NAMES[n] for n in names]:
        return None
    return Found(Period(months[0], last.end), match.group(0), months=len(names))


def _weekday(match: re.Match[str], today: date) -> date:
    """The most recent such weekday: before today when it says "último", else up to today; "passado" is
    last week's ("terça passada" on a Wednesday is not yesterday, which would be "ontem" or "terça")."""
    if match.group("past"):
        return week_of(today - timedelta(days=7)).start + timedelta(days=WEEKDAYS[match.group("day")])
    back = (today.weekday() - WEEKDAYS[match.group("day")]) % 7
    if back == 0 and (match.group("past") or (match.group("before") or "").startswith("ultim")):
        back = 7
    return today - timedelta(days=back)


def this_and_last_week(first: Found, second: Found, today: date) -> bool:
    """Whether the two periods are this week so far and last week (what a week comparison names)."""
    return {first.period, second.period} == {_relative("this_week", today), _relative("last_week", today)}


def this_or_last_week(found: Found, today: date) -> bool:
    """Whether the period is this week so far or last week (one side of a week comparison)."""
    return found.period in (_relative("this_week", today), _relative("last_week", today))


# Whether words name a period does not depend on the day: any day will do to ask find_period
ANY_DAY = date(2026, 1, 15)


def apart(first: Found, second: Found, text: str) -> bool:
    """Two closed periods asked about each on its own: "setembro ou outubro", "em setembro e em outubro", and
    "setembro e novembro", which skips October (summing from September to November would count it)."""
    earlier, later = sorted((first.period, second.period), key=lambda p: p.start)
    if first.open_start or second.open_start or earlier.end >= later.start:
        return False
    between = text[text.find(first.text) + len(first.text) : text.find(second.text)].split()
    said_again = second.text.split()[0] if second.text.split()[0] in ("em", "na", "no", "de", "do") else None
    between += [said_again] if said_again else []  # "e em outubro", "semana passada e na retrasada": each
    skips = (later.start - earlier.end).days > 1
    each = (["ou"], ["ou", "em"], ["e", "em"], ["e", "na"], ["e", "no"], ["e", "de"], ["e", "do"], ["e", "o"])
    return between in each or (between == ["e"] and skips)


def joined(first: Found, second: Found, text: str) -> Period | None:
    """Two periods named together: "setembro e outubro", "de agosto a outubro" make one span; anything
    else ("setembro ou outubro", two unrelated periods) is None, and the caller asks."""
    if first.open_start != second.open_start:
        # "em novembro até ontem", "até ontem, em novembro": the closed period cut at the open one's end;
        # "de setembro até hoje": from the closed one's start to the open one's end
        bounded, closed = (first, second) if first.open_start else (second, first)
        day = _weekday_number(bounded.text)
        if closed is first and day is not None and (closed.period.end - closed.period.start).days == 6:
            # "semana passada até quarta": that week's Wednesday, not this week's
            return Period(closed.period.start, closed.period.start + timedelta(days=day))
        if closed.period.start <= bounded.period.end <= closed.period.end:
            return Period(closed.period.start, bounded.period.end)
        if closed is first and closed.period.start <= bounded.period.end:
            return Period(closed.period.start, bounded.period.end)
        return None
    between = text[text.find(first.text) + len(first.text) : text.find(second.text)].split()
    if between not in (["e"], ["a"], ["ate"], ["ao"], ["e", "em"], ["a", "em"], ["e", "da"], ["e", "na"]):
        return None
    if between[0] == "e" and second.period.end + timedelta(days=1) == first.period.start:
        return Period(second.period.start, first.period.end)  # "dessa semana e da passada": both, in a row
    if second.period.end < first.period.start:
        return None
    return Period(first.period.start, second.period.end)


def _relative(kind: str, today: date) -> Period:
    if kind == "today":
        return Period(today, today)
    if kind == "yesterday":
        return Period(today - timedelta(days=1), today - timedelta(days=1))
    if kind == "day_before_yesterday":
        return Period(today - timedelta(days=2), today - timedelta(days=2))
    if kind == "this_week":
        return Period(week_of(today).start, today)
    if kind == "last_week":
        return week_of(today - timedelta(days=7))
    if kind == "week_before_last":
        return week_of(today - timedelta(days=14))
    if kind == "this_month":
        return Period(today.replace(day=1), today)
    first = today.replace(day=1)
    previous = first - timedelta(days=1)
    if kind == "month_before_last":
        previous = previous.replace(day=1) - timedelta(days=1)
    return month_of(previous.year, previous.month)


def the_one_before(period: Period, unit: str | None = None) -> Period:
    """The period of the same kind just before this one ("e no retrasado?" after last weekend): the month before
    a month (or its days so far), the week before a week, the weekend before a weekend, else as many days; with
    a unit said ("e no mês anterior?"), that unit before the one the period starts in."""
    one_month = period.start.day == 1 and (period.end.year, period.end.month) == (period.start.year, period.start.month)
    if unit == "mes" or (unit is None and one_month):
        last = period.start.replace(day=1) - timedelta(days=1)
        return month_of(last.year, last.month)
    if unit == "dia":
        return Period(period.start - timedelta(days=1), period.start - timedelta(days=1))
    if unit == "semana" or (period.start.weekday() == 0 and period.days <= 7):
        monday = period.start - timedelta(days=period.start.weekday())
        return Period(monday - timedelta(days=7), monday - timedelta(days=1))
    if period.start.weekday() == 5 and period.days == 2:
        return Period(period.start - timedelta(days=7), period.end - timedelta(days=7))
    return Period(period.start - timedelta(days=period.days), period.start - timedelta(days=1))
