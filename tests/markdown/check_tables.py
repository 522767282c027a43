#!/usr/bin/env python3
"""Checks that Markdown files render as their writer meant, through cmark-gfm (GitHub's parser).

  check_tables.py [--cmark PATH] FILE...

Python 3 standard library only. For each file:
  - tables: every table in the source (outside fenced code blocks) -- a header row starting with
    '|', a delimiter row such as |---|--:|, then the body rows starting with '|' -- must come out of
    `cmark-gfm -e table --unsafe` as an HTML table, in the same order, with as many rows (header
    plus body) and as many cells (<th>/<td>, counted with html.parser) in each row as the header.
    The source rows are counted too, split on the pipes that are not escaped as GFM does (a '|'
    right after a '\\' never splits, in a code span too): cmark silently drops the cells of a row
    that has more than the header and pads one that has fewer, so a name with an unescaped '|'
    shows only in the source count. A line right after a table that does not start with '|' but
    joins the table (GFM continues a table until a blank line) shows as an extra row;
  - escaping: the rendered HTML holds no <script tag, no on...= event-handler attribute, no
    javascript:, vbscript: or data: (but data:image/ in src) URL in href or src, no iframe,
    object, embed, style, link, meta, base or form element; and the source holds no raw HTML at
    all (cmark-gfm's html_inline and html_block nodes in `-t xml`) but for a line break <br>,
    since every '<' of a name must be written as &lt;.
Prints, per file, the tables and rows checked and every failure; exits 1 when anything failed,
2 on a usage error (no file, a file that cannot be read, no cmark-gfm).
"""

import argparse
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

LEAD = re.compile(r"^ {0,3}")
ROW = re.compile(r"^ {0,3}\|")
DELIMITER = re.compile(r"^ {0,3}\|?[ \t]*:?-+:?[ \t]*(\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$")
FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})(.*)$")
SCRIPT = re.compile(r"<\s*script", re.IGNORECASE)
ACTIVE_TAGS = {"script", "iframe", "frame", "frameset", "object", "embed", "style", "link",
               "meta", "base", "form", "svg", "math"}
ALLOWED_RAW = re.compile(r"^<br\s*/?>$", re.IGNORECASE)


def split_cells(line):
    """The cells of a table row as GFM splits them: an optional leading and trailing pipe, then
    every pipe that does not follow a backslash."""
    s = line.strip()
    if s.startswith("|"):
        s = s[1:]
    if s.endswith("|") and not s.endswith("\\|"):
        s = s[:-1]
    cells, start = [], 0
    for i, ch in enumerate(s):
        if ch == "|" and (i == 0 or s[i - 1] != "\\"):
            cells.append(s[start:i])
            start = i + 1
    cells.append(s[start:])
    return cells


class SourceTable:
    def __init__(self, line_no, header):
        self.line_no = line_no
        self.header = header
        self.rows = []  # (line number, text) of the body rows


def source_tables(text):
    """The tables of the Markdown source, outside fenced code blocks."""
    lines = text.split("\n")
    tables = []
    fence = None
    i = 0
    while i < len(lines):
        line = lines[i]
        m = FENCE.match(line)
        if fence is None and m and not (m.group(1)[0] == "`" and "`" in m.group(2)):
            fence = m.group(1)
            i += 1
            continue
        if fence is not None:
            if m and m.group(1)[0] == fence[0] and len(m.group(1)) >= len(fence) \
                    and not m.group(2).strip():
                fence = None
            i += 1
            continue
        if ROW.match(line) and i + 1 < len(lines) and DELIMITER.match(lines[i + 1]) \
                and "|" in lines[i + 1]:
            table = SourceTable(i + 1, line)
            table.delimiter_cells = len(split_cells(lines[i + 1]))
            i += 2
            while i < len(lines) and ROW.match(lines[i]):
                table.rows.append((i + 1, lines[i]))
                i += 1
            tables.append(table)
            continue
        i += 1
    return tables


class HtmlScan(HTMLParser):
    """The tables of cmark's HTML (rows of cell tags) and anything active in it."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tables = []
        self.row = None
        self.depth = 0
        self.problems = []

    def handle_starttag(self, tag, attrs):
        self.check_tag(tag, attrs)
        if tag == "table":
            self.depth += 1
            if self.depth == 1:
                pos = dict(attrs).get("data-sourcepos") or "0"
                self.tables.append((int(pos.split(":", 1)[0]), []))
        elif tag == "tr" and self.depth == 1:
            self.row = []
            self.tables[-1][1].append(self.row)
        elif tag in ("th", "td") and self.depth == 1 and self.row is not None:
            self.row.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.check_tag(tag, attrs)

    def handle_endtag(self, tag):
        if tag == "table":
            self.depth -= 1
        elif tag == "tr":
            self.row = None

    def check_tag(self, tag, attrs):
        if tag in ACTIVE_TAGS:
            self.problems.append("a <%s> element in the rendered HTML" % tag)
        for name, value in attrs:
            name = name.lower()
            if name.startswith("on"):
                self.problems.append("an event-handler attribute <%s %s=...> in the rendered HTML"
                                     % (tag, name))
            if name in ("href", "src", "xlink:href", "action", "formaction") and value:
                v = re.sub(r"[\x00-\x20\x7f]+", "", value).lower()
                if v.startswith(("javascript:", "vbscript:")) or \
                        (v.startswith("data:") and not (name == "src" and v.startswith("data:image/"))):
                    self.problems.append("an active URL <%s %s=\"%s\"> in the rendered HTML"
                                         % (tag, name, value[:80]))


def run_cmark(cmark, path, *args):
    done = subprocess.run([cmark, "-e", "table", *args, path], stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, timeout=60)
    if done.returncode != 0:
        raise RuntimeError("%s exited with %d: %s" % (cmark, done.returncode,
                                                      done.stderr.decode("utf-8", "replace")))
    return done.stdout.decode("utf-8", "replace")


def raw_html(xml_text):
    """The raw HTML that cmark found in the source: (line, text) of html_inline/html_block."""
    found = []

    def walk(el, line):
        # Blocks carry sourcepos="LINE:COL-LINE:COL"; inlines take their block's line.
        line = el.get("sourcepos", line).split(":", 1)[0]
        tag = el.tag.rsplit("}", 1)[-1]
        if tag in ("html_inline", "html_block"):
            found.append((line, (el.text or "").strip()))
        for child in el:
            walk(child, line)

    # A control character of the source would make the XML ill-formed; it is no HTML either.
    walk(ET.fromstring(re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f]", "", xml_text)), "?")
    return found


def check_file(cmark, path):
    failures = []
    with open(path, encoding="utf-8", errors="replace") as f:
        text = f.read()
    src = source_tables(text.replace("\r\n", "\n"))
    # --sourcepos: each rendered <table> carries the line it starts on, which pairs it with its
    # source table even when another one is missing.
    html = run_cmark(cmark, path, "--unsafe", "--sourcepos")
    scan = HtmlScan()
    scan.feed(html)
    scan.close()
    rendered_at = dict(scan.tables)

    rows_checked = 0
    for n, table in enumerate(src, 1):
        where = "table %d (line %d)" % (n, table.line_no)
        columns = len(split_cells(table.header))
        if table.delimiter_cells != columns:
            failures.append("%s: the header has %d cells, the delimiter row %d"
                            % (where, columns, table.delimiter_cells))
        for line_no, row in table.rows:
            cells = len(split_cells(row))
            if cells != columns:
                failures.append("%s: line %d has %d cells, the header %d (an unescaped '|'?): %s"
                                % (where, line_no, cells, columns, row[:160]))
        rendered = rendered_at.pop(table.line_no, None)
        if rendered is None:
            failures.append("%s: cmark-gfm renders no table there" % where)
            continue
        if len(rendered) != 1 + len(table.rows):
            failures.append("%s: %d rows in the source (header and body), %d rendered%s"
                            % (where, 1 + len(table.rows), len(rendered),
                               " (a line after the table joined it?)"
                               if len(rendered) > 1 + len(table.rows) else ""))
        header = len(rendered[0]) if rendered else 0
        if header != columns:
            failures.append("%s: the header has %d cells in the source, %d rendered"
                            % (where, columns, header))
        for r, cells in enumerate(rendered[1:], 2):
            if len(cells) != header:
                failures.append("%s: rendered row %d has %d cells, the header %d"
                                % (where, r, len(cells), header))
        rows_checked += len(rendered)
    for line in sorted(rendered_at):
        failures.append("cmark-gfm renders a table at line %d that is not of the form checked here"
                        " (a header row starting with '|' in the first columns)" % line)

    if SCRIPT.search(html):
        failures.append("a <script tag in the rendered HTML")
    failures += sorted(set(scan.problems), key=scan.problems.index)
    for line, raw in raw_html(run_cmark(cmark, path, "--sourcepos", "-t", "xml")):
        if not ALLOWED_RAW.match(raw):
            failures.append("raw HTML at line %s (write '<' as &lt;): %s" % (line, raw[:120]))
    return len(src), rows_checked, failures


def main(argv):
    ap = argparse.ArgumentParser(description="Checks Markdown tables and escaping with cmark-gfm.")
    ap.add_argument("--cmark", default="cmark-gfm", help="cmark-gfm executable (cmark-gfm)")
    ap.add_argument("files", nargs="+", metavar="FILE")
    args = ap.parse_args(argv)
    cmark = shutil.which(args.cmark)
    if not cmark:
        print("check_tables: %s not found (Debian's cmark-gfm package)" % args.cmark, file=sys.stderr)
        return 2
    failed = 0
    for path in args.files:
        try:
            tables, rows, failures = check_file(cmark, path)
        except OSError as e:
            print("check_tables: cannot read %s: %s" % (path, e.strerror or e), file=sys.stderr)
            return 2
        except (RuntimeError, ET.ParseError, subprocess.TimeoutExpired) as e:
            tables, rows, failures = 0, 0, ["cmark-gfm: %s" % e]
        status = "FAIL" if failures else "ok"
        print("%s: %s: %d table%s, %d rows checked"
              % (status, path, tables, "" if tables == 1 else "s", rows))
        for f in failures:
            print("  " + f)
        failed += bool(failures)
    print("markdown: %d passed, %d failed" % (len(args.files) - failed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
