"""Target wording: which bound word a page writes next to a target value, and what bound it states.

Python 3.11, stdlib only. Used by curate.py. The file states what was written (`word`) and the
bound it names (`bound`); how a 左右 growth target is *scored* (at least X − tolerance, the band as
a second figure) is the Swift code's business, not the file's.

Mapping (one rule for every region):
- 以上 / 突破 / 不低于 / over / more than / at least / above -> at_least
- 以内 / 以下 / 控制在 / 低于 / 不超过 / within / or lower / below / not exceed -> at_most
- 左右 / 约 / 大约 / 前後 / 上下 / 程度 / about / around / approximately -> around on growth and
  levels; on CPI and unemployment (ceiling indicators) every word -> at_most
- a range a–b (区间, 6.5%-7%, 6到6.5%) -> range (value a, upper b)
- 力争 alone -> at_least (an aspiration; `word` starts with 力争)
- a bare number -> at_least (word 无限定词); on ceiling indicators -> at_most
- wording not shown by the page (a table or a roundup) -> at_least (word 限定词未载); on ceiling
  indicators -> at_most
"""

import re

import quotecheck

CEILING_INDICATORS = {"cpi", "unemployment", "unemployment_registered", "unemployment_yearend"}

# Words written after the number (and its unit), as on the page; Traditional -> Simplified form.
SUFFIX_WORDS = [("左右", "左右", "around"), ("以上", "以上", "at_least"), ("以内", "以内", "at_most"),
                ("以內", "以内", "at_most"), ("以下", "以下", "at_most"), ("前後", "前後", "around"),
                ("前后", "前后", "around"), ("上下", "上下", "around"), ("程度", "程度", "around"),
                ("or more", "or more", "at_least"), ("or lower", "or lower", "at_most"),
                ("or less", "or less", "at_most"), ("or below", "or below", "at_most")]
# Words written before the number.
PREFIX_WORDS = [("控制在", "控制在", "at_most"), ("突破", "突破", "at_least"), ("不低于", "不低于", "at_least"),
                ("不低於", "不低于", "at_least"), ("不超过", "不超过", "at_most"), ("不超過", "不超过", "at_most"),
                ("低于", "低于", "at_most"), ("低於", "低于", "at_most"), ("力争", "力争", "aspiration"),
                ("力爭", "力争", "aspiration"), ("大约", "大约", "around"), ("大約", "大约", "around"),
                ("约", "约", "around"), ("約", "約", "around"),
                ("approximately", "approximately", "around"), ("about", "about", "around"),
                ("around", "around", "around"), ("at least", "at least", "at_least"),
                ("more than", "more than", "at_least"), ("over", "over", "at_least"), ("above", "above", "at_least"),
                ("within", "within", "at_most"), ("no more than", "no more than", "at_most"),
                ("not exceed", "not exceed", "at_most"), ("below", "below", "at_most"), ("under", "under", "at_most")]
UNIT_SKIP = re.compile(r"^\s*(?:%|percent|per cent|pct|個百分點|个百分点|万亿斤|萬億斤|亿斤|億斤|万亿元|萬億元|亿元|億元|万吨|萬噸|"
                       r"万人|萬人|万头|萬頭|亿|億|万|萬|元|人|斤|吨|噸|頭|头|million|billion|trillion|jobs?|\s)*",
                       re.IGNORECASE)
RANGE_JOIN = re.compile(r"^\s*%?\s*(?:-|~|～|—|–|至|到|to)\s*")


def _after(text, end):
    """Text after a number, its unit skipped; a list 'X%、Y%左右' carries on to its last member."""
    rest = text[end:]
    while True:
        rest = rest[UNIT_SKIP.match(rest).end():]
        m = re.match(r"^[、和及与,，]\s*(-?\d+(?:\.\d+)?)", rest)
        if not m:
            return rest
        rest = rest[m.end():]


def occurrences(quote, value, level=False):
    """Bound words written next to each occurrence of `value` in `quote`.

    Returns [(words, upper)] in the page's order: words as [(word, kind)] (empty: a bare
    number), upper the other end of a range starting at the value (None otherwise). An empty
    list when the value is not in the quote.
    """
    text = quotecheck.normalize(quote)
    low = text.lower()
    factors = quotecheck.LEVEL_FACTORS if level else (1.0,)
    out = []
    for v, start, end in quotecheck.numbers(text):
        if not any(quotecheck._close(v * f, value) for f in factors):
            continue
        found = []
        before = low[max(0, start - 10):start]
        for token, word, kind in PREFIX_WORDS:
            if token in before and word not in [w for _, w, _ in found]:
                if token.isascii() and not re.search(r"\b" + re.escape(token) + r"\b", before):
                    continue
                if token == "约" and "约束" in before:
                    continue
                found.append((before.rindex(token), word, kind))
        found = [f for f in found if not any(f[1] != g[1] and f[1] in g[1] for g in found)]   # 低于 inside 不低于
        words = [(w, k) for _, w, k in sorted(found)]
        upper = None
        m = RANGE_JOIN.match(low[end:])
        if m:
            nxt = quotecheck.NUMBER.match(low[end + m.end():])
            if nxt and float(nxt.group(0).replace(",", "")) > v:
                upper = float(nxt.group(0).replace(",", "")) * (value / v if v else 1.0)
                end = end + m.end() + nxt.end()
        after = _after(low, end)[:12]
        for token, word, kind in SUFFIX_WORDS:
            if after.startswith(token):
                words.append((word, kind))
        out.append((words, upper))
    return out


def pick(occs, declared=()):
    """The occurrence whose words include one of the declared words (a roundup quote names several
    regions' targets), else the first one; None when there is none."""
    for words, upper in occs:
        if any(w in declared for w, _ in words) or ("区间" in declared and upper is not None):
            return words, upper
    return occs[0] if occs else None


# Written before a number stated as an outcome, these make it a bound, not a measurement.
OUTCOME_BOUND_PREFIX = ("突破", "超过", "超過", "接近", "不到", "nearly", "almost", "more than", "over",
                        "at least", "above", "près de", "plus de", "exceed")
OUTCOME_BOUND_TIGHT = ("近", "逾", "超")      # only directly before the number
OUTCOME_BOUND_SUFFIX = ("以上", "以内", "以內", "以下", "多", "有余", "or more", "plus")


def outcome_bound(quote, value, level=False):
    """The word that makes a stated outcome a bound (突破X, X以上, 近X, près de X), or None."""
    text = quotecheck.normalize(quote)
    low = text.lower()
    factors = quotecheck.LEVEL_FACTORS if level else (1.0,)
    hits = []
    for v, start, end in quotecheck.numbers(text):
        if not any(quotecheck._close(abs(v) * f, abs(value)) for f in factors):
            continue
        before = low[max(0, start - 8):start].rstrip()
        word = next((w for w in OUTCOME_BOUND_PREFIX if before.endswith(w) or
                     (w in before and not w.isascii())), None)
        if word is None:
            word = next((w for w in OUTCOME_BOUND_TIGHT if before.endswith(w)), None)
        if word is None:
            after = _after(low, end)[:8]
            word = next((w for w in OUTCOME_BOUND_SUFFIX if after.startswith(w)), None)
        hits.append(word)
    if hits and all(h is not None for h in hits):
        return hits[0]
    return None


def bound_of(indicator, kinds, upper, shown=True):
    """The bound named by the words' kinds (see the module doc)."""
    if upper is not None:
        return "range"
    if indicator in CEILING_INDICATORS:
        return "at_most"
    if "at_least" in kinds:
        return "at_least"
    if "at_most" in kinds:
        return "at_most"
    if "around" in kinds:
        return "around"
    return "at_least"


def reading_of(indicator, bound, word, value, upper, tolerance, measure):
    """A sentence saying how the wording was read."""
    if bound == "range":
        return (f"区间 {fmt(value)}–{fmt(upper)}: a stated range (met under the floor reading when the outcome "
                f"is at least {fmt(value)}; the band is the second figure)")
    if indicator in CEILING_INDICATORS:
        return (f"'{word}' on {indicator}: a ceiling (控制在/以内/左右 on prices and unemployment state the level "
                f"not to be exceeded)")
    if bound == "around":
        return (f"'{word}': around {fmt(value)} with tolerance {fmt(tolerance)} as written; the official reading "
                f"scores it as at least {fmt(value)} − {fmt(tolerance)}, the band |y − {fmt(value)}| ≤ {fmt(tolerance)} "
                f"is the second figure")
    if word.startswith("力争") and bound == "at_least":
        return f"'{word}': an aspiration (力争), read as a floor"
    if word == "无限定词":
        return "bare number as the target (no bound word on the page): read as a floor"
    if word == "限定词未载":
        return "the page (a table or roundup) does not show the bound word: read as a floor"
    if bound == "at_least":
        return f"'{word}': a floor"
    return f"'{word}': a ceiling"


def fmt(x):
    if x is None:
        return ""
    text = f"{x:.6f}".rstrip("0").rstrip(".")
    return text if text != "-0" else "0"


VISIBLE = {"左右": ("左右", "about", "around", "approximately", "约", "約", "大约", "前後", "左", "cerca", "ungefähr", "etwa"),
           "以上": ("以上", "or more", "over", "more than", "at least", "above", "不低于", "不低於", "acima", "mais de"),
           "以内": ("以内", "以內", "or less", "or lower", "or below", "within", "not exceed", "below", "under", "控制在", "curb", "no more than", "低于", "低於"),
           "控制在": ("控制在", "curb", "keep", "kept", "within", "以内", "以內"),
           "区间": ("-", "~", "～", "至", "到", " to ", "between", "—", "–"),
           "力争": ("力争", "力爭", "strive", "aim")}


def word_visible(word, quote):
    """Whether the quote shows the bound word (or a translation of it) at all."""
    first = word.split(";")[0].split(" ")[0].strip()
    forms = VISIBLE.get(first)
    if forms is None:
        return True
    low = quote.lower()
    return any(f in low for f in forms)

