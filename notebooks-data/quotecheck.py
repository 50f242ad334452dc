"""Does a quote state a value? Shared by curate.py and scripts/check_data.py (Python 3.11, stdlib).

A row's `quote` is the phrase read on the page; its `value` must be one of the numbers the phrase
states, written in any of the forms pages use:
- ASCII, full-width (８．５％) or Chinese numerals (百分之八点五, 五点零一五億, 一千二百零六万),
  Simplified or Traditional (點, 萬, 億, 兩);
- a decimal mark that is a point, a full-width point, an ideographic full stop (5。5 on a
  machine-reworded page), a katakana middle dot (3・4) or a comma before "%" (9,1%);
- a negative value as the magnitude next to a stated fall (下降0.2%, "down 1.8 percent");
- zero as 持平 / "flat" / "unchanged".
Levels may be restated in the unit of the curated table by a stated unit conversion only:
x 10^4 (万亿 -> 亿, trillion -> 亿), x 10 (billion -> 亿, 亿公斤 -> 万吨), x 100 (million -> 万),
x 5 (亿斤 -> 万吨), x 5 x 10^4 (万亿斤 -> 万吨). Nothing else is accepted: a value computed from two
numbers of the quote never matches.
"""

import re
import unicodedata

DIGITS = {"零": 0, "〇": 0, "○": 0, "一": 1, "二": 2, "两": 2, "兩": 2, "三": 3, "四": 4, "五": 5,
          "六": 6, "七": 7, "八": 8, "九": 9}
SMALL_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
BIG_UNITS = {"万": 10 ** 4, "萬": 10 ** 4, "亿": 10 ** 8, "億": 10 ** 8}
POINTS = "点點"
NUMERAL_CHARS = "".join(DIGITS) + "".join(SMALL_UNITS) + "".join(BIG_UNITS) + POINTS
LEVEL_FACTORS = (1.0, 10.0, 100.0, 5.0, 1.0e4, 5.0e4)
NEGATIVE_MARKERS = ("下降", "下跌", "减少", "減少", "负增长", "負增長", "降低", "回落", "萎缩", "萎縮", "下滑",
                    "decline", "declin", "down", "fell", "fall", "drop", "contract", "shrank", "shrink",
                    "negative", "minus", "queda", "recuo", "slump", "decreas", "plummet", "plung", "dip", "slid", "tumbl",
                    "sank", "감소", "하락", "減")
ENGLISH_NUMBERS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty".split())}
ZERO_WORDS = ("持平", "flat", "unchanged", "零增长", "零增長")


def _chinese_to_number(run):
    """Value of a Chinese numeral run such as 一千二百零六, 五点零一五, 二〇〇七, 十二, or None."""
    if not run or not any(ch in DIGITS for ch in run + "十拾"):
        return None
    integer, _, decimals = run.partition("点") if "点" in run else run.partition("點")
    if decimals and not all(ch in DIGITS for ch in decimals):
        return None
    if integer and all(ch in DIGITS for ch in integer):          # digit by digit: 二〇〇七
        value = float("".join(str(DIGITS[ch]) for ch in integer))
    else:
        total, section, digit = 0, 0, None
        for ch in integer:
            if ch in DIGITS:
                digit = DIGITS[ch]
            elif ch in SMALL_UNITS:
                section += (1 if digit is None else digit) * SMALL_UNITS[ch]
                digit = None
            elif ch in BIG_UNITS:
                section += digit or 0
                total += section * BIG_UNITS[ch]
                section, digit = 0, None
            else:
                return None
        value = float(total + section + (digit or 0))
    if decimals:
        value += float("0." + "".join(str(DIGITS[ch]) for ch in decimals))
    return value


def _format(x):
    text = f"{x:.10f}".rstrip("0").rstrip(".")
    return text


def normalize(text):
    """NFKC (full-width -> ASCII), decimal marks unified, Chinese numerals rewritten in digits."""
    t = unicodedata.normalize("NFKC", text)
    t = re.sub(r"(?<=\d)[。・·](?=\d)", ".", t)
    t = re.sub(r"(?<=\d),(?=\d{1,2}\s*(%|por cento|per cent|percent|pct|prozent|pour cent))", ".", t, flags=re.IGNORECASE)
    t = re.sub(f"百分之([{re.escape(NUMERAL_CHARS)}]+)",
               lambda m: (_format(v) + "%") if (v := _chinese_to_number(m.group(1))) is not None else m.group(0), t)
    t = t.replace("百分之", "")
    # composite numerals: 5兆3950億 / 13조 6515억 (in 亿), 24萬6619億, 2万167 (in units); 28, 844 (a spaced thousands group)
    t = re.sub(r"(\d+)\s*(?:兆|조)\s*(\d{1,4})\s*(億|亿|억)", lambda m: f"{int(m.group(1)) * 10000 + int(m.group(2))}{m.group(3)}", t)
    t = re.sub(r"(?<![\d.])(\d+)(?:万|萬|만)(\d{1,4})(?![\d.])", lambda m: str(int(m.group(1)) * 10000 + int(m.group(2))), t)
    t = re.sub(r"(?<![\d.])(\d{1,3}), (\d{3})(?![\d.])", r"\1\2", t)
    t = re.sub(r"\b(" + "|".join(ENGLISH_NUMBERS) + r")(?=[\s-]+(million|billion|trillion|percent|per cent)\b)",
               lambda m: str(ENGLISH_NUMBERS[m.group(1).lower()]), t, flags=re.IGNORECASE)

    def repl(m):
        run = m.group(0)
        tail = ""
        while run and run[-1] in BIG_UNITS and len(run) > 1:
            tail = run[-1] + tail
            run = run[:-1]
        if len(run) < 2 and not m.group(0).endswith(tuple(BIG_UNITS)):
            return m.group(0)
        value = _chinese_to_number(run)
        return m.group(0) if value is None else _format(value) + tail

    return re.sub(f"[{re.escape(NUMERAL_CHARS)}]+", repl, t)


NUMBER = re.compile(r"(?<![\d.%])-?\d+(?:,\d{3})*(?:\.\d+)?")


def numbers(text):
    """[(value, start, end)] of the numbers stated in the normalized text."""
    out = []
    for m in NUMBER.finditer(text):
        raw = m.group(0).replace(",", "")
        try:
            out.append((float(raw), m.start(), m.end()))
        except ValueError:
            pass
    return out


def _close(a, b):
    return abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))


def value_in_quote(value, quote, level=False):
    """True when `quote` states `value` (see the module doc for the forms allowed)."""
    text = normalize(quote)
    low = text.lower()
    if value == 0 and any(w in low for w in ZERO_WORDS):
        return True
    factors = LEVEL_FACTORS if level else (1.0,)
    found = [v for v, _, _ in numbers(text)]
    for v in found:
        for f in factors:
            if _close(v * f, value):
                return True
            if value < 0 and _close(v * f, -value) and any(w in low for w in NEGATIVE_MARKERS):
                return True
    return False
