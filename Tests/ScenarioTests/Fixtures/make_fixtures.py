"""Writes the CSV fixtures whose bytes matter (BOM, CRLF, GBK, empty) and the small bad tables.

Run from this directory: python3 make_fixtures.py
"""
import pathlib

HEADER = "indicator,year,value,measure,unit,source\n"
out = pathlib.Path(__file__).parent / "csv"
out.mkdir(exist_ok=True)

def write(name, text, encoding="utf-8", bom=False, crlf=False):
    if crlf:
        text = text.replace("\n", "\r\n")
    data = text.encode(encoding)
    if bom:
        data = b"\xef\xbb\xbf" + data
    (out / name).write_bytes(data)

# What Excel writes ("CSV UTF-8"): a byte-order mark and CRLF line ends; a quoted field with a line break.
write("bom-crlf.csv", HEADER
      + "gdp,2020,3.9,growth_pct,%,https://example.org/2020\n"
      + "gdp,2021,8.8,growth_pct,%,\"bulletin 2021,\nsecond line\"\n"
      + "grain,2021,19.2,level,万吨,https://example.org/2021\n", bom=True, crlf=True)
# A duplicate row after a field spanning two lines: the duplicate is on line 5.
write("duplicate.csv", HEADER
      + "gdp,2020,3.9,growth_pct,%,\"two\nlines\"\n"
      + "gdp,2021,8.8,growth_pct,%,a\n"
      + "gdp,2020,4.1,growth_pct,%,b\n")
write("non-numeric.csv", HEADER
      + "gdp,2019,n/a,growth_pct,%,a\n"
      + "gdp,2020,nan,growth_pct,%,a\n"
      + "gdp,2021,inf,growth_pct,%,a\n"
      + "gdp,20x2,8.0,growth_pct,%,a\n")
write("unknown-unit.csv", HEADER
      + "grain,2021,19.2,level,亿,a\n"
      + "gdp,2021,8.8,growth_pct,percent,a\n")
write("unknown-measure.csv", HEADER + "gdp,2021,8.8,growth,%,a\n")
write("not-utf8.csv", HEADER + "gdp,2021,8.8,growth_pct,%,瑞金市统计公报\n", encoding="gbk")
write("empty.csv", "")
write("missing-column.csv", "indicator,year,value,measure,source\ngdp,2021,8.8,growth_pct,a\n")
write("unknown-column.csv", "indicater,year,value,measure,unit,source\ngdp,2021,8.8,growth_pct,%,a\n")
write("bad-targets.csv", "indicator,year,measure,bound,value,tolerance,quote,reading,source\n"
      + "fdi,2019,growth_pct,around,7,-0.5,增长7%左右,,a\n"
      + "gdp,2019,growth_pct,atleast,8.5,,增长8.5%以上,,a\n")
