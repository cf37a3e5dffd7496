#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes the fuzz targets' seed corpora in tests/fuzz/seeds/: the inputs
written inline in the unit tests, and the few written here. Files that
already are files in the tree (fixtures of tests/data and data/) are never
copied: tests/fuzz/meson.build gives their directories to the fuzzers in
place (fuzz_fixtures), and so is the shared corpus (../shared/corpus),
which build-aux/dev fuzz reads in place. Run it again when the unit tests'
inputs change."""

import hashlib
import json
import os
import re
import shutil
import sys

top = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..'))
seeds = os.path.join(top, 'tests', 'fuzz', 'seeds')
MAX_SEED = 32 * 1024

# "..." "..." sequences of C string literals, decoded.
literal = re.compile(r'"((?:[^"\\\n]|\\.)*)"')
sequence = re.compile(r'(?:"(?:[^"\\\n]|\\.)*"\s*)+')


def c_strings(path):
    text = open(os.path.join(top, path), encoding='utf-8').read()
    for match in sequence.finditer(text):
        raw = ''.join(literal.findall(match.group(0)))
        yield decode_c(raw)


def decode_c(raw):
    out = bytearray()
    i = 0
    while i < len(raw):
        c = raw[i]
        if c != '\\':
            out += c.encode('utf-8')
            i += 1
            continue
        n = raw[i + 1]
        i += 2
        if n == 'n':
            out += b'\n'
        elif n == 't':
            out += b'\t'
        elif n == 'r':
            out += b'\r'
        elif n == '0':
            out += b'\0'
        elif n == 'x':
            m = re.match(r'[0-9a-fA-F]{1,2}', raw[i:])
            out.append(int(m.group(0), 16))
            i += len(m.group(0))
        elif n == 'u':
            out += chr(int(raw[i:i + 4], 16)).encode('utf-8')
            i += 4
        else:
            out += n.encode('utf-8')
    return bytes(out)


def write(target, name, data):
    if isinstance(data, str):
        data = data.encode('utf-8')
    if len(data) > MAX_SEED:
        return
    d = os.path.join(seeds, target)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, name), 'wb') as f:
        f.write(data)


def inline(target, path, predicate, limit=40):
    n = 0
    for data in c_strings(path):
        if predicate(data) and n < limit:
            digest = hashlib.sha1(data).hexdigest()[:12]
            write(target, f'{os.path.basename(path)[:-2]}-{digest}', data)
            n += 1


def main():
    shutil.rmtree(seeds, ignore_errors=True)

    inline('feed-xml', 'tests/test-feed-parser.c',
           lambda d: d.lstrip().startswith((b'<rss', b'<rdf', b'<feed', b'<?xml', b'<channel')) and len(d) > 40)
    inline('feed-json', 'tests/test-feed-parser.c',
           lambda d: d.lstrip().startswith(b'{') and b'version' in d)

    inline('page-extractor', 'tests/test-page-extractor.c',
           lambda d: b'<' in d and len(d) > 60, limit=20)

    inline('listing-parser', 'tests/test-listing-parser.c',
           lambda d: b'<a' in d and len(d) > 40, limit=20)

    inline('sanitizer', 'tests/test-sanitizer.c', lambda d: b'<' in d and len(d) > 12, limit=120)

    inline('edition', 'tests/test-edition.c', lambda d: d.lstrip().startswith(b'{'), limit=20)

    inline('bookmarks-import', 'tests/test-bookmarks.c',
           lambda d: d.lstrip().startswith((b'{', b'<opml', b'<?xml')) and len(d) > 10)

    # The export format as BulletinBookmarks writes it (serialize_opml).
    write('bookmarks-import', 'export.opml',
          '<?xml version="1.0" encoding="UTF-8"?>\n<opml version="2.0">\n  <head>\n'
          '    <title>Bulletin bookmarks</title>\n    <dateCreated>Sat, 28 Nov 2026 09:00:00 GMT</dateCreated>\n'
          '  </head>\n  <body>\n'
          '    <outline type="link" text="Harbour &amp; ferry" url="https://example.org/a"'
          ' created="Sat, 28 Nov 2026 08:00:00 GMT" category="/politics" edition="demo"/>\n'
          '    <outline text="Folder"><outline type="link" text="Nested" url="https://example.org/b"/></outline>\n'
          '  </body>\n</opml>\n')

    # Saved articles as BulletinLibrary writes them (see build_manifest in
    # src/core/bulletin-library.c), around articles of the demo feeds.
    image_url = 'https://example.com/img/a.png'
    image_file = 'images/' + hashlib.sha256(image_url.encode()).hexdigest() + '.png'
    demo = open(os.path.join(top, 'data/demo/breaking.xml'), encoding='utf-8').read()
    titles = re.findall(r'<title>([^<]*)</title>', demo)[1:4] or ['A title']
    for i, title in enumerate(titles):
        article = {
            'url': 'https://example.com/news/a', 'title': title,
            'summary': 'A summary &amp; more', 'author': 'Demo Desk',
            'body': '<p>First <a href="/x">link</a></p><figure><img src="/img/a.png" srcset="/img/a.png 2x" alt="A">'
                    '<figcaption>Cap</figcaption></figure><p>Last</p>',
            'image': '/img/a.png', 'gallery': ['/img/a.png', 'https://example.com/img/b.jpg'],
            'published': '2026-11-28T08:15:00Z', 'tags': ['politics', 'demo'],
            'enclosures': [{'url': 'https://example.com/v.mp4', 'type': 'video/mp4', 'length': 42}],
            'kind': ['article', 'video', 'gallery'][i % 3], 'reading-minutes': 3, 'language': 'en',
            'direction': 'ltr',
        }
        manifest = {'format': 1, 'url': 'https://example.com/news/a', 'saved-at': '2026-11-28T09:00:00Z',
                    'article': article,
                    'images': [{'url': image_url, 'file': image_file, 'type': 'image/png', 'size': 70}]}
        write('saved-article', f'manifest-{i}.json', json.dumps(manifest, ensure_ascii=False, indent=1))
    inline('saved-article', 'tests/test-article.c', lambda d: d.lstrip().startswith(b'{'), limit=10)

    for target in sorted(os.listdir(seeds)):
        files = os.listdir(os.path.join(seeds, target))
        size = sum(os.path.getsize(os.path.join(seeds, target, f)) for f in files)
        print(f'{target}: {len(files)} seeds, {size} bytes')


if __name__ == '__main__':
    sys.exit(main())
