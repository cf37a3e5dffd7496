#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Conformance of `bulletin-cli extract` with Mozilla Readability's test pages.

Usage: articles.py BULLETIN_CLI CORPUS_DIR

For every <page>/ in CORPUS_DIR/articles (source.html, expected-metadata.json,
expected.html) it runs `bulletin-cli extract --url http://fakehost/test/page.html
source.html` (the base URL of Readability's tests), prints a table and asserts:
the title right on >= 90% of pages; byline, excerpt, site name and published
time each right on >= 75% of the pages where the expected value is not empty;
a word-level F1 of the body text against expected.html of >= 0.85 as the
median and >= 0.9 on at least 60% of the pages. Exits 77 when the corpus is
absent.
"""

import collections
import datetime
import html.parser
import json
import os
import re
import statistics
import subprocess
import sys

BASE_URL = "http://fakehost/test/page.html"


class TextExtractor(html.parser.HTMLParser):
    BLOCKS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td",
              "th", "pre", "blockquote", "figure", "figcaption", "section", "article",
              "table", "ul", "ol", "dl", "dt", "dd", "hr"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts = []
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self.skip += 1
        if tag in self.BLOCKS:
            self.parts.append(" ")

    def handle_endtag(self, tag):
        if tag in ("script", "style") and self.skip:
            self.skip -= 1
        if tag in self.BLOCKS:
            self.parts.append(" ")

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)


def html_text(markup):
    parser = TextExtractor()
    parser.feed(markup)
    parser.close()
    return "".join(parser.parts)


def words(text):
    return re.findall(r"\w+", (text or "").lower())


def f1(got, expected):
    g = collections.Counter(words(got))
    e = collections.Counter(words(expected))
    if not g and not e:
        return 1.0
    common = sum((g & e).values())
    if common == 0:
        return 0.0
    precision = common / sum(g.values())
    recall = common / sum(e.values())
    return 2 * precision * recall / (precision + recall)


def norm(value):
    if value is None:
        return ""
    return re.sub(r"\s+", " ", str(value)).strip()


def instant(value):
    value = norm(value)
    if not value:
        return None
    v = value.replace(" ", "T", 1) if re.match(r"^\d{4}-\d\d-\d\d \d", value) else value
    v = re.sub(r"Z$", "+00:00", v)
    v = re.sub(r"([+-]\d\d)(\d\d)$", r"\1:\2", v)
    m = re.match(r"^(.*T\d\d:\d\d:\d\d)\.(\d+)(.*)$", v)
    if m:
        v = m.group(1) + "." + (m.group(2) + "000000")[:6] + m.group(3)
    try:
        d = datetime.datetime.fromisoformat(v)
    except ValueError:
        return value
    if d.tzinfo is None:
        d = d.replace(tzinfo=datetime.timezone.utc)
    return d.astimezone(datetime.timezone.utc).replace(microsecond=0)


def main():
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    cli, corpus = sys.argv[1], sys.argv[2]
    articles = os.path.join(corpus, "articles")
    if not os.path.isdir(articles):
        print("corpus not found at %s: skipping" % articles)
        return 77

    pages = sorted(d for d in os.listdir(articles)
                   if os.path.isfile(os.path.join(articles, d, "source.html")))
    if not pages:
        print("no pages in %s: skipping" % articles)
        return 77

    fields = [("title", "title"), ("byline", "byline"), ("excerpt", "excerpt"),
              ("site_name", "siteName"), ("published", "publishedTime")]
    right = collections.Counter()
    counted = collections.Counter()
    scores = []
    failures = []

    print("%-34s %5s %5s %5s %5s %5s %6s" % ("page", "title", "bylin", "exrpt", "site", "publ", "F1"))
    for page in pages:
        folder = os.path.join(articles, page)
        with open(os.path.join(folder, "expected-metadata.json"), encoding="utf-8") as f:
            expected = json.load(f)
        with open(os.path.join(folder, "expected.html"), encoding="utf-8") as f:
            expected_text = html_text(f.read())

        proc = subprocess.run([cli, "extract", "--url", BASE_URL, os.path.join(folder, "source.html")],
                              capture_output=True, timeout=120)
        try:
            got = json.loads(proc.stdout.decode("utf-8")) if proc.returncode == 0 else {}
        except ValueError:
            got = {}
        if proc.returncode != 0:
            failures.append("%s: exit %d: %s" % (page, proc.returncode, proc.stderr.decode(errors="replace").strip()))

        marks = []
        for ours, theirs in fields:
            want = expected.get(theirs)
            have = got.get(ours)
            if ours == "published":
                ok = instant(have) == instant(want)
            else:
                ok = norm(have) == norm(want)
            if ours == "title" or norm(want):
                counted[ours] += 1
                right[ours] += ok
                marks.append("ok" if ok else "FAIL")
            else:
                marks.append("-")
            if norm(want) and not ok:
                failures.append("%s: %s: want %r, got %r" % (page, ours, norm(want)[:80], norm(have)[:80]))

        score = f1(got.get("text") or html_text(got.get("content") or ""), expected_text)
        scores.append(score)
        print("%-34s %5s %5s %5s %5s %5s %6.3f" % (page[:34], *marks, score))

    print()
    for line in failures:
        print("  " + line)
    print()

    ok = True
    for ours, _ in fields:
        share = right[ours] / counted[ours] if counted[ours] else 1.0
        need = 0.9 if ours == "title" else 0.75
        print("%-10s %3d/%-3d = %5.1f%% (need %d%%)" % (ours, right[ours], counted[ours], 100 * share, 100 * need))
        ok = ok and share >= need
    median = statistics.median(scores)
    high = sum(1 for s in scores if s >= 0.9) / len(scores)
    print("F1 median %.3f (need 0.85); F1 >= 0.9 on %.1f%% of pages (need 60%%)" % (median, 100 * high))
    ok = ok and median >= 0.85 and high >= 0.6

    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
