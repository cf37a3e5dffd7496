#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Feed conformance: bulletin-cli parse-feed against feedparser's test corpus.

Usage: feeds.py [--illformed] BULLETIN_CLI CORPUS_FEEDS_DIR

Each file of CORPUS_FEEDS_DIR/wellformed/<family>/*.xml starts with a comment
whose `Expect:` line is a Python expression over feedparser's result. The
output of `bulletin-cli parse-feed` is mapped into a feedparser-like dict and
the expression evaluated over it.

Which cases are in scope (the rule, decided from the expression alone):

* The keys the expression reads must be ones Bulletin's parse-feed contract
  carries: feed title/link/subtitle (tagline, description)/language/updated,
  and entry title, link(s), id/guid, summary/description, content, author,
  published/updated (and their *_parsed), tags (term), category, enclosures
  (url/href/type/length), plus `bozo` and `version`.
* `*_detail` and `content[i]` may only be read for 'value';
  `author_detail` only for 'name'; `links[i]` only for 'href'; `tags[i]`
  only for 'term'. Detail type/language/base, emails, URIs, rel, scheme,
  label and the like are feedparser's bookkeeping, not ours; so is a whole
  link dictionary (rel, type) compared at once.
* Families that test other vocabularies or an HTTP harness are out: itunes,
  geo, psc, cdf, http. Cases with a `SkipUnless:` line or an HTTP `Header:`
  other than Content-Location are out (headers are not part of the CLI).
  Expectations that keep inline SVG/MathML are out (Bulletin's sanitizer
  drops both by policy).

Comparisons: titles and authors are plain text by Bulletin's contract, so an
expected title matches when it is equal to ours either as it stands or once
reduced to text (tags dropped, entities decoded, white space collapsed).
Dates are ISO 8601 in UTC: an expected date string matches when it names
the same instant. Summaries and content are sanitized HTML, compared as parsed HTML (same
elements, attributes and text; `<img />` and `<img>` are equal), or, when
feedparser gives plain text (text/plain content), by our HTML's text.

The base URL passed with --base-url is the case's Content-Location header,
else the URL feedparser's harness serves it from
(http://127.0.0.1:8097/tests/wellformed/<family>/<file>).

The test fails when fewer than 90% of the in-scope cases pass. With
--illformed it runs the ill-formed files and JSON Feed samples instead: every
one must give JSON on stdout and exit 0, or one line on stderr and exit 1
(never a crash, never a hang); their Expect results are reported only.

Exit 77 (skipped) when the corpus is absent.
"""

import ast
import calendar
import datetime
import email.utils
import html
import html.parser
import json
import os
import re
import subprocess
import sys
import time

SKIP = 77
THRESHOLD = 0.90
OUT_OF_SCOPE_FAMILIES = {'itunes', 'geo', 'psc', 'cdf', 'http'}
HARNESS = 'http://127.0.0.1:8097/tests/'

FEED_KEYS = {'title', 'title_detail', 'link', 'links', 'subtitle',
             'subtitle_detail', 'tagline', 'tagline_detail', 'description',
             'language', 'updated', 'updated_parsed', 'modified',
             'modified_parsed', 'date', 'date_parsed'}
ENTRY_KEYS = {'title', 'title_detail', 'link', 'links', 'id', 'guid',
              'summary', 'summary_detail', 'description', 'content',
              'author', 'author_detail', 'published', 'published_parsed',
              'updated', 'updated_parsed', 'issued', 'issued_parsed',
              'modified', 'modified_parsed', 'date', 'date_parsed',
              'tags', 'category', 'enclosures'}
TOP_KEYS = {'feed', 'entries', 'bozo', 'version'}
SUBKEYS = {
    'content': {'value'},
    'author_detail': {'name'},
    'links': {'href'},
    'tags': {'term'},
    'enclosures': {'url', 'href', 'type', 'length'},
}


# ---------------------------------------------------------------- the cases

def read_header(path):
    with open(path, 'rb') as f:
        head = f.read(8192).decode('utf-8', 'replace')
    fields = {'Header': []}
    start = head.find('<!--')
    end = head.find('-->', start + 4)
    if start < 0 or end < 0:
        return fields
    for line in head[start + 4:end].splitlines():
        m = re.match(r'\s*([A-Za-z]+):\s?(.*)$', line)
        if not m:
            continue
        key, value = m.group(1), m.group(2).strip()
        if key == 'Header':
            fields['Header'].append(value)
        else:
            fields.setdefault(key, value)
    return fields


def key_chains(expression):
    """The subscript chains of the expression, e.g. [['entries', 'title']],
    or None when it reads something other than names and constant keys."""
    tree = ast.parse(expression, mode='eval')
    inner = set()
    chains = []
    for node in ast.walk(tree):
        if isinstance(node, (ast.Subscript, ast.Attribute)):
            inner.add(id(node.value))
    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and id(node) not in inner:
            chains.append([node.id])
        if not isinstance(node, (ast.Subscript, ast.Attribute)) or id(node) in inner:
            continue
        keys = []
        while isinstance(node, (ast.Subscript, ast.Attribute)):
            if isinstance(node, ast.Attribute):
                keys.append(node.attr)
            else:
                index = node.slice
                if isinstance(index, ast.Constant) and isinstance(index.value, str):
                    keys.append(index.value)
                elif isinstance(index, ast.Constant) and isinstance(index.value, int):
                    pass
                elif isinstance(index, ast.UnaryOp) and isinstance(index.operand, ast.Constant):
                    pass
                else:
                    return None
            node = node.value
        if not isinstance(node, ast.Name):
            return None
        keys.append(node.id)
        chains.append(list(reversed(keys)))
    return chains


def in_scope(family, fields):
    expect = fields.get('Expect')
    if not expect:
        return False, 'no Expect'
    if family in OUT_OF_SCOPE_FAMILIES:
        return False, 'family'
    if 'SkipUnless' in fields:
        return False, 'SkipUnless'
    if any(not h.lower().startswith('content-location:') for h in fields['Header']):
        return False, 'HTTP header'
    if re.search(r'<(svg|math)\b', expect):
        return False, 'SVG/MathML'
    if re.search(r"\['links'\]\[\d+\]\s*==", expect):
        return False, 'whole link'   # compares rel and type too
    try:
        chains = key_chains(expect)
    except SyntaxError:
        return False, 'syntax'
    if chains is None:
        return False, 'computed key'
    for chain in chains:
        head = chain[0]
        if head == 'len' and len(chain) == 1:
            continue
        if head not in TOP_KEYS:
            return False, 'uses ' + head
        if head in ('bozo', 'version'):
            if len(chain) > 1:
                return False, 'key ' + chain[1]
            continue
        if len(chain) < 2:
            continue
        allowed = FEED_KEYS if head == 'feed' else ENTRY_KEYS
        first = chain[1]
        if first not in allowed:
            return False, 'key ' + first
        for previous, key in zip(chain[1:], chain[2:]):
            if previous.endswith('_detail') and previous != 'author_detail':
                if key != 'value':
                    return False, previous + '.' + key
            elif previous in SUBKEYS:
                if key not in SUBKEYS[previous]:
                    return False, previous + '.' + key
            else:
                return False, previous + '.' + key
    return True, ''


def base_url_for(family, name, fields, kind='wellformed'):
    for header in fields['Header']:
        key, _, value = header.partition(':')
        value = value.strip()
        if key.strip().lower() == 'content-location' and re.match(r'https?://', value):
            return value
    return '%s%s/%s/%s' % (HARNESS, kind, family, name)


# ----------------------------------------------------------- the comparison

class _TextExtractor(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts = []
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ('script', 'style'):
            self.skip += 1

    def handle_endtag(self, tag):
        if tag in ('script', 'style') and self.skip:
            self.skip -= 1

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)


def html_to_text(value):
    extractor = _TextExtractor()
    extractor.feed(value)
    extractor.close()
    return ' '.join(''.join(extractor.parts).split())


VOID = {'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link',
        'meta', 'param', 'source', 'track', 'wbr'}


class _Canonical(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tokens = []
        self.text = []

    def _flush(self):
        text = ' '.join(''.join(self.text).split())
        if text:
            self.tokens.append(('text', text))
        self.text = []

    def handle_starttag(self, tag, attrs):
        self._flush()
        self.tokens.append(('start', tag, tuple(sorted((k, v or '') for k, v in attrs))))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        self._flush()
        self.tokens.append(('end', tag))

    def handle_data(self, data):
        self.text.append(data)

    def close(self):
        super().close()
        self._flush()


def canonical_html(value):
    parser = _Canonical()
    parser.feed(value)
    parser.close()
    return parser.tokens


class TextValue(str):
    """A plain-text field: equal to a string as is, or to its text."""

    def __eq__(self, other):
        if not isinstance(other, str):
            return NotImplemented
        mine = ' '.join(str(self).split())
        return str.__eq__(self, other) or mine == ' '.join(other.split()) \
            or mine == html_to_text(other)

    def __ne__(self, other):
        result = self.__eq__(other)
        return result if result is NotImplemented else not result

    __hash__ = str.__hash__


class HtmlValue(str):
    """A sanitized-HTML field: equal to HTML that parses the same."""

    def __eq__(self, other):
        if not isinstance(other, str):
            return NotImplemented
        # An expected plain-text value (feedparser keeps text/plain as is)
        # matches when it is the text of our HTML.
        return str.__eq__(self, other) or canonical_html(self) == canonical_html(other) \
            or html_to_text(self) == ' '.join(other.split())

    def __ne__(self, other):
        result = self.__eq__(other)
        return result if result is NotImplemented else not result

    __hash__ = str.__hash__


class DateValue(str):
    """An ISO 8601 UTC date: equal to the same instant written otherwise
    (feedparser keeps the feed's own text, e.g. RFC 822)."""

    def __eq__(self, other):
        if not isinstance(other, str):
            return NotImplemented
        if str.__eq__(self, other):
            return True
        mine = calendar.timegm(time.strptime(str(self), '%Y-%m-%dT%H:%M:%SZ'))
        parsed = email.utils.parsedate_tz(other)
        if parsed is not None:
            return email.utils.mktime_tz(parsed) == mine
        try:
            theirs = datetime.datetime.fromisoformat(other.replace('Z', '+00:00'))
        except ValueError:
            return False
        if theirs.tzinfo is None:
            theirs = theirs.replace(tzinfo=datetime.timezone.utc)
        return theirs.timestamp() == mine

    def __ne__(self, other):
        result = self.__eq__(other)
        return result if result is NotImplemented else not result

    __hash__ = str.__hash__


class FeedParserDict(dict):
    def __getattr__(self, name):
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name)


def date_value(value):
    return DateValue(value) if value else None


def parse_date(value):
    if not value:
        return None
    parsed = time.strptime(value, '%Y-%m-%dT%H:%M:%SZ')
    return time.gmtime(calendar.timegm(parsed))   # tm_isdst 0, as feedparser


VERSIONS = {'rss091': 'rss091u'}


def text_value(value):
    return None if value is None else TextValue(value)


def html_value(value):
    return None if value is None else HtmlValue(value)


def put(d, key, value):
    if value is not None:
        d[key] = value


def to_feedparser(result):
    feed = FeedParserDict()
    # Bulletin leaves empty values out; feedparser has '' for an element
    # that is there but empty (a title that was only an <img>).
    title = text_value(result.get('title') or '')
    put(feed, 'title', title)
    if title is not None:
        feed['title_detail'] = FeedParserDict(value=title)
    link = result.get('link')
    put(feed, 'link', link)
    if link:
        feed['links'] = [FeedParserDict(href=link, rel='alternate')]
    subtitle = text_value(result.get('subtitle') or '')
    for key in ('subtitle', 'tagline', 'description'):
        put(feed, key, subtitle)
    if subtitle is not None:
        feed['subtitle_detail'] = feed['tagline_detail'] = FeedParserDict(value=subtitle)
    put(feed, 'language', result.get('language'))
    updated = result.get('updated')
    for key in ('updated', 'modified', 'date'):
        put(feed, key, date_value(updated))
        put(feed, key + '_parsed', parse_date(updated))

    entries = []
    for item in result.get('items', []):
        e = FeedParserDict()
        title = text_value(item.get('title') or '')
        put(e, 'title', title)
        if title is not None:
            e['title_detail'] = FeedParserDict(value=title)
        link = item.get('link')
        put(e, 'link', link)
        links = []
        if link:
            links.append(FeedParserDict(href=link, rel='alternate'))
        put(e, 'id', item.get('id'))
        put(e, 'guid', item.get('id'))
        content = html_value(item.get('content'))
        summary = html_value(item.get('summary'))
        if summary is None:
            summary = content   # feedparser fills the summary from the content
        for key in ('summary', 'description'):
            put(e, key, summary)
        if summary is not None:
            e['summary_detail'] = FeedParserDict(value=summary)
        if content is not None:
            e['content'] = [FeedParserDict(value=content)]
        author = text_value(item.get('author'))
        put(e, 'author', author)
        if author is not None:
            e['author_detail'] = FeedParserDict(name=author)
        published = item.get('published')
        updated = item.get('updated') or published
        for key in ('published', 'issued'):
            put(e, key, date_value(published))
            put(e, key + '_parsed', parse_date(published))
        for key in ('updated', 'modified', 'date'):
            put(e, key, date_value(updated))
            put(e, key + '_parsed', parse_date(updated))
        tags = [FeedParserDict(term=t, scheme=None, label=None) for t in item.get('categories') or []]
        if tags:
            e['tags'] = tags
            e['category'] = tags[0]['term']
        enclosures = []
        for enc in item.get('enclosures') or []:
            length = enc.get('length')
            d = FeedParserDict(href=enc.get('url'), url=enc.get('url'),
                               type=enc.get('type') or '',
                               length=str(length) if length is not None else '')
            enclosures.append(d)
            links.append(FeedParserDict(d, rel='enclosure'))
        if enclosures:
            e['enclosures'] = enclosures
        if links:
            e['links'] = links
        entries.append(e)

    fmt = result.get('format') or ''
    return {
        'feed': feed,
        'entries': entries,
        'bozo': 1 if result.get('bozo') else 0,
        'version': VERSIONS.get(fmt, fmt),
    }


# ------------------------------------------------------------- the running

def run_cli(cli, path, base_url=None):
    args = [cli, 'parse-feed']
    if base_url:
        args += ['--base-url', base_url]
    args.append(path)
    try:
        proc = subprocess.run(args, capture_output=True, timeout=60)
    except subprocess.TimeoutExpired:
        return None, 'timed out', None
    return proc.returncode, proc.stdout.decode('utf-8', 'replace'), proc.stderr.decode('utf-8', 'replace')


def evaluate(expect, result):
    env = to_feedparser(result)
    return bool(eval(expect, {'__builtins__': {'len': len}}, env))


def wellformed(cli, corpus):
    root = os.path.join(corpus, 'wellformed')
    families = {}
    failures = []
    out_of_scope = 0
    for family in sorted(os.listdir(root)):
        directory = os.path.join(root, family)
        if not os.path.isdir(directory):
            continue
        for name in sorted(os.listdir(directory)):
            if not name.endswith('.xml'):
                continue
            path = os.path.join(directory, name)
            fields = read_header(path)
            scoped, why = in_scope(family, fields)
            if not scoped:
                out_of_scope += 1
                continue
            stats = families.setdefault(family, [0, 0])
            stats[1] += 1
            code, stdout, stderr = run_cli(cli, path, base_url_for(family, name, fields))
            if code is None or code < 0:
                failures.append((family, name, 'CRASH or hang (%s)' % code))
                continue
            if code != 0:
                failures.append((family, name, 'exit %d: %s' % (code, stderr.strip())))
                continue
            try:
                ok = evaluate(fields['Expect'], json.loads(stdout))
                detail = ''
            except Exception as e:  # a missing key is a failure, not a crash
                ok = False
                detail = '%s: %s' % (type(e).__name__, e)
            if ok:
                stats[0] += 1
            else:
                failures.append((family, name, detail or fields['Expect'][:150]))

    passed = sum(s[0] for s in families.values())
    total = sum(s[1] for s in families.values())
    print('# in-scope pass counts by family')
    for family, (p, t) in sorted(families.items()):
        print('%-16s %4d / %4d' % (family, p, t))
    print('# failing cases')
    for family, name, why in failures:
        print('FAIL %s/%s: %s' % (family, name, why))
    rate = passed / total if total else 0.0
    print('# total in scope: %d / %d passed (%.1f%%); %d cases out of scope'
          % (passed, total, 100 * rate, out_of_scope))
    if any('CRASH' in why for _, _, why in failures):
        print('# a case crashed or hung')
        return 1
    if rate < THRESHOLD:
        print('# below the %.0f%% threshold' % (100 * THRESHOLD))
        return 1
    return 0


def illformed(cli, corpus):
    cases = []
    for sub in ('illformed', 'json'):
        directory = os.path.join(corpus, sub)
        if not os.path.isdir(directory):
            continue
        for dirpath, _, names in os.walk(directory):
            for name in sorted(names):
                if name.endswith(('.xml', '.json')):
                    cases.append((sub, dirpath, name))
    if not cases:
        print('# no ill-formed or JSON cases')
        return SKIP

    bad = 0
    parsed = refused = expect_pass = expect_total = 0
    for sub, dirpath, name in sorted(cases):
        path = os.path.join(dirpath, name)
        rel = os.path.relpath(path, corpus)
        fields = read_header(path) if name.endswith('.xml') else {'Header': []}
        family = os.path.basename(dirpath)
        code, stdout, stderr = run_cli(cli, path, base_url_for(family, name, fields, sub))
        if code == 0:
            try:
                result = json.loads(stdout)
            except ValueError:
                print('FAIL %s: exit 0 without a JSON document' % rel)
                bad += 1
                continue
            parsed += 1
            status = 'parsed (%d items, bozo %s)' % (len(result.get('items', [])), result.get('bozo'))
            expect = fields.get('Expect')
            if expect:
                expect_total += 1
                try:
                    if evaluate(expect, result):
                        expect_pass += 1
                        status += ', Expect holds'
                    else:
                        status += ', Expect does not hold'
                except Exception as e:
                    status += ', Expect: %s' % type(e).__name__
            print('ok   %s: %s' % (rel, status))
        elif code == 1 and stderr.count('\n') == 1 and stderr.strip():
            refused += 1
            print('ok   %s: refused: %s' % (rel, stderr.strip()))
        else:
            bad += 1
            print('FAIL %s: exit %s, stderr %r' % (rel, code, (stderr or '')[:200]))

    print('# %d cases: %d parsed, %d refused cleanly, %d bad; Expect held in %d of %d parsed'
          % (len(cases), parsed, refused, bad, expect_pass, expect_total))
    return 1 if bad else 0


def main(argv):
    args = [a for a in argv[1:] if not a.startswith('--')]
    if len(args) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    cli, corpus = args
    if not os.path.isdir(os.path.join(corpus, 'wellformed')):
        print('# corpus not found at %s: skipping' % corpus)
        return SKIP
    if '--illformed' in argv:
        return illformed(cli, corpus)
    return wellformed(cli, corpus)


if __name__ == '__main__':
    sys.exit(main(sys.argv))
