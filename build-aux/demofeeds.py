# SPDX-License-Identifier: GPL-3.0-or-later
#
# The writer shared by the scripts that make the bundled demo editions'
# feeds: build-aux/make-demo.py (English, data/demo/) and
# build-aux/make-demo-lang.py (Arabic and Spanish, data/demo/ar/ and
# data/demo/es/).  A script describes its outlet with an Outlet, adds its
# articles with Outlet.A and its breaking items with Outlet.B, then calls
# Outlet.main.  The feeds are RSS 2.0, one per section and per region,
# latest.xml with every item and breaking.xml with the breaking strip.
#
# The output is deterministic (fixed dates, stable order), so running a
# script again without changing its text changes no file.
#
# Body markup, kept small so the text stays readable in the scripts:
#   a blank line separates paragraphs; "## " starts a subheading; "> " starts
#   a blockquote; [words](@slug) links to another article of the same outlet
#   by its slug; "| a | b |" lines make a table (first line is the header).

import datetime
import email.utils
import html
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DEMO_DIR = os.path.normpath(os.path.join(HERE, "..", "data", "demo"))
IMAGES_DIR = os.path.join(DEMO_DIR, "images")
IMAGES_RES = "resource:///io/github/bulletinapp/Bulletin/demo/images"

LINK_RE = re.compile(r"\[([^\]]+)\]\(@([a-z0-9-]+)\)")

# The words of an outlet's channels, in English; an outlet in another
# language passes its own.  %(site)s is the outlet's name, %(title)s a
# section's or region's title.
ENGLISH = {
    "section-title": "%(site)s: %(title)s",
    "section-description": "%(title)s from %(site)s, an invented outlet.",
    "region-description": "News from %(title)s, from %(site)s, an invented outlet.",
    "latest-title": "%(site)s: Latest",
    "latest-description": "The latest from %(site)s, an invented outlet.",
    "breaking-title": "%(site)s: Breaking",
    "breaking-description": "Breaking news from %(site)s, an invented outlet.",
    "copyright": "Invented sample content for the Bulletin demo edition",
    # How a caption ends: "(Photo: Demo Wire/Name)"; the group is the credit.
    "credit": r"\((?:Photo|Graphic): ([^)]+)\)\s*$",
}


class Article:
    def __init__(self, outlet, section, region, slug, title, lede, by, date,
                 image, caption, tags, body, video=None, duration=None,
                 gallery=None):
        assert section in outlet.section_group, section
        assert region in dict(outlet.regions), region
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", slug) and len(slug) <= 60, slug
        self.outlet = outlet
        self.section = section
        self.region = region
        self.slug = slug
        self.title = title
        self.lede = lede
        self.by = by
        self.date = parse_date(date)
        self.image = image
        self.caption = caption
        self.tags = tags
        self.body = body
        self.video = video
        self.duration = duration
        self.gallery = gallery or []

    @property
    def kind(self):
        if self.video:
            return "video"
        if self.gallery:
            return "gallery"
        if self.section == "live":
            return "live"
        return "article"

    @property
    def link(self):
        site = self.outlet.site
        group = self.outlet.section_group[self.section]
        if group == "news":
            return "%s/news/%s/%s" % (site, self.section, self.slug)
        if group == "articles":
            return "%s/articles/%s/%s" % (site, self.section, self.slug)
        if group == "videos":
            return "%s/videos/%s" % (site, self.slug)
        return "%s/%s/%s" % (site, self.section, self.slug)


def parse_date(date):
    return datetime.datetime.strptime(date, "%Y-%m-%d %H:%M").replace(
        tzinfo=datetime.timezone.utc)


def esc(text):
    return html.escape(text, quote=False)


def attr(text):
    return html.escape(text, quote=True)


def rfc822(date):
    return email.utils.format_datetime(date)


def image_url(name):
    return "%s/%s.jpg" % (IMAGES_RES, name)


def newest_first(articles):
    return sorted(articles, key=lambda a: (a.date, a.slug), reverse=True)


def write(outdir, name, text):
    with open(os.path.join(outdir, name), "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    return name


class Outlet:
    """One demo outlet in one language: its site, its sections and regions
    (the ids of data/editions/demo.json, with titles in its language), its
    articles and its breaking items."""

    def __init__(self, script, site, site_name, language, groups, regions,
                 build_date, words=ENGLISH, min_words=150, max_words=350,
                 min_per_section=3, min_per_region=3, breaking_id_prefix="demo"):
        self.script = script
        self.breaking_id_prefix = breaking_id_prefix
        self.site = site
        self.site_name = site_name
        self.language = language
        self.groups = groups
        self.regions = regions
        self.build_date = build_date
        self.words = words
        self.min_words = min_words
        self.max_words = max_words
        self.min_per_section = min_per_section
        self.min_per_region = min_per_region
        self.section_group = {sid: gid for gid, _, secs in groups for sid, _ in secs}
        self.titles = dict([(sid, t) for _, _, secs in groups for sid, t in secs] + regions)
        self.articles = []
        self.breaking = []
        self.by_slug = {}

    # -------------------------------------------------------- Adding text

    def A(self, section, region, slug, **kw):
        article = Article(self, section, region, slug, **kw)
        self.articles.append(article)
        self.by_slug.setdefault(slug, article)

    def B(self, date, text, slug=None):
        self.breaking.append((date, text, slug))

    # ------------------------------------------------------------ Markup

    def inline(self, text):
        def link(m):
            target = self.by_slug.get(m.group(2))
            if target is None:
                raise SystemExit("unknown link target @%s" % m.group(2))
            return '<a href="%s">%s</a>' % (attr(target.link), m.group(1))
        return LINK_RE.sub(link, esc(" ".join(text.split())))

    def body_html(self, article):
        inline = self.inline
        out = []
        for block in article.body.strip().split("\n\n"):
            block = block.strip()
            if block.startswith("## "):
                out.append("<h2>%s</h2>" % inline(block[3:]))
            elif block.startswith("> "):
                out.append("<blockquote><p>%s</p></blockquote>" % inline(block[2:]))
            elif block.startswith("|"):
                rows = [[c.strip() for c in line.strip().strip("|").split("|")]
                        for line in block.splitlines()]
                head = "".join("<th>%s</th>" % inline(c) for c in rows[0])
                body = "".join("<tr>%s</tr>" % "".join("<td>%s</td>" % inline(c) for c in r)
                               for r in rows[1:])
                out.append("<table><thead><tr>%s</tr></thead><tbody>%s</tbody></table>" % (head, body))
            else:
                out.append("<p>%s</p>" % inline(block))
        return "\n".join(out)

    @staticmethod
    def word_count(article):
        text = LINK_RE.sub(r"\1", article.body)
        return len([w for w in re.split(r"\s+", text) if re.search(r"\w", w)])

    def credit(self, caption):
        m = re.search(self.words["credit"], caption)
        return m.group(1) if m else self.site_name

    def media_image(self, name, caption, indent="      "):
        return (indent + '<media:content url="%s" type="image/jpeg" medium="image" width="800" height="450">\n'
                % attr(image_url(name)) +
                indent + '  <media:description type="plain">%s</media:description>\n' % esc(caption) +
                indent + '  <media:credit role="photographer">%s</media:credit>\n' % esc(self.credit(caption)) +
                indent + '</media:content>\n')

    def item_xml(self, a):
        body = self.body_html(a)
        assert "]]>" not in body
        x = ["    <item>\n",
             "      <title>%s</title>\n" % esc(a.title),
             "      <link>%s</link>\n" % esc(a.link),
             '      <guid isPermaLink="true">%s</guid>\n' % esc(a.link),
             "      <description>%s</description>\n" % esc(a.lede),
             "      <content:encoded><![CDATA[%s]]></content:encoded>\n" % body,
             "      <dc:creator>%s</dc:creator>\n" % esc(a.by),
             "      <pubDate>%s</pubDate>\n" % rfc822(a.date)]
        for c in [a.section, a.region] + a.tags:
            x.append("      <category>%s</category>\n" % esc(c))
        x.append(self.media_image(a.image, a.caption))
        for name, caption in a.gallery:
            x.append(self.media_image(name, caption))
        if a.video:
            url = "%s/media/%s.mp4" % (self.site, a.video)
            # A plausible size for the enclosure: about 2.5 Mbit/s of video.
            length = a.duration * 312500
            x.append('      <media:content url="%s" type="video/mp4" medium="video" duration="%d" width="1280" height="720">\n'
                     % (attr(url), a.duration))
            x.append('        <media:thumbnail url="%s" width="800" height="450"/>\n' % attr(image_url(a.image)))
            x.append('        <media:title type="plain">%s</media:title>\n' % esc(a.title))
            x.append("      </media:content>\n")
            x.append('      <enclosure url="%s" length="%d" type="video/mp4"/>\n' % (attr(url), length))
        x.append("    </item>\n")
        return "".join(x)

    def channel(self, title, link, description, items_xml, updated):
        return ('<?xml version="1.0" encoding="UTF-8"?>\n'
                "<!-- %s: an invented outlet for Bulletin's offline demo edition.\n" % self.site_name +
                "     Written by %s; edit that, not this file. -->\n" % self.script +
                '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"'
                ' xmlns:dc="http://purl.org/dc/elements/1.1/"'
                ' xmlns:media="http://search.yahoo.com/mrss/">\n'
                "  <channel>\n"
                "    <title>%s</title>\n" % esc(title) +
                "    <link>%s</link>\n" % esc(link) +
                "    <description>%s</description>\n" % esc(description) +
                "    <language>%s</language>\n" % esc(self.language) +
                "    <copyright>%s</copyright>\n" % esc(self.words["copyright"]) +
                "    <lastBuildDate>%s</lastBuildDate>\n" % rfc822(updated) +
                "".join(items_xml) +
                "  </channel>\n"
                "</rss>\n")

    # ------------------------------------------------------------ Checks

    def check(self):
        problems = []
        seen_dates = set()
        # A tag that names a section or region would file the item there.
        names = {n.casefold() for n in list(self.titles) + list(self.titles.values())}
        for a in self.articles:
            n = self.word_count(a)
            if not self.min_words <= n <= self.max_words:
                problems.append("%s: %d words" % (a.slug, n))
            if not 3 <= len(a.tags) <= 6:
                problems.append("%s: %d tags" % (a.slug, len(a.tags)))
            if "## " not in a.body or not ("> " in a.body or "“" in a.body):
                problems.append("%s: needs a subheading and a quotation" % a.slug)
            for tag in a.tags:
                if tag.casefold() in names:
                    problems.append("%s: tag %r names a section or region" % (a.slug, tag))
            if a.date > self.build_date:
                problems.append("%s: dated after the build date" % a.slug)
            if a.date in seen_dates:
                problems.append("%s: shares its date with another item" % a.slug)
            seen_dates.add(a.date)
            for name in [a.image] + [g[0] for g in a.gallery]:
                if not os.path.exists(os.path.join(IMAGES_DIR, name + ".jpg")):
                    problems.append("%s: no image %s" % (a.slug, name))
            if not self.credit(a.caption) or not re.search(self.words["credit"], a.caption):
                problems.append("%s: the caption names no agency" % a.slug)
        if len(self.by_slug) != len(self.articles):
            problems.append("duplicate slugs")
        for sid in self.section_group:
            if sum(a.section == sid for a in self.articles) < self.min_per_section:
                problems.append("section %s has fewer than %d items" % (sid, self.min_per_section))
        for rid, _ in self.regions:
            if sum(a.region == rid for a in self.articles) < self.min_per_region:
                problems.append("region %s has fewer than %d items" % (rid, self.min_per_region))
        for date, text, slug in self.breaking:
            if slug is not None and slug not in self.by_slug:
                problems.append("breaking item links to unknown @%s" % slug)
            if parse_date(date) > self.build_date:
                problems.append("breaking item %r dated after the build date" % text)
        if problems:
            raise SystemExit("%s: %s" % (os.path.basename(self.script),
                                         "\n  ".join(["problems:"] + problems)))

    # ----------------------------------------------------------- Writing

    def write_feeds(self, outdir):
        """Checks the text, then writes every feed into outdir; returns the
        names of the files written."""
        os.makedirs(outdir, exist_ok=True)
        self.check()
        words = self.words
        written = []

        def feed(name, title, link, description, articles):
            articles = newest_first(articles)
            written.append(write(outdir, name, self.channel(
                title, link, description, [self.item_xml(a) for a in articles], articles[0].date)))

        for gid, gtitle, sections in self.groups:
            for sid, stitle in sections:
                path = "%s/%s" % (gid, sid) if gid in ("news", "articles", "videos") else sid
                names = {"site": self.site_name, "title": stitle}
                feed(sid + ".xml", words["section-title"] % names, "%s/%s" % (self.site, path),
                     words["section-description"] % names,
                     [a for a in self.articles if a.section == sid])
        for rid, rtitle in self.regions:
            names = {"site": self.site_name, "title": rtitle}
            feed(rid + ".xml", words["section-title"] % names, "%s/region/%s" % (self.site, rid),
                 words["region-description"] % names,
                 [a for a in self.articles if a.region == rid])
        names = {"site": self.site_name}
        feed("latest.xml", words["latest-title"] % names, self.site + "/",
             words["latest-description"] % names, self.articles)

        items = []
        for date, text, slug in sorted(self.breaking, reverse=True):
            when = parse_date(date)
            x = ["    <item>\n", "      <title>%s</title>\n" % esc(text)]
            if slug:
                x.append("      <link>%s</link>\n" % esc(self.by_slug[slug].link))
            x.append('      <guid isPermaLink="false">%s-breaking-%s</guid>\n'
                     % (self.breaking_id_prefix, when.strftime("%Y%m%dT%H%M")))
            x.append("      <pubDate>%s</pubDate>\n" % rfc822(when))
            x.append("      <category>breaking</category>\n")
            x.append("    </item>\n")
            items.append("".join(x))
        latest = max(parse_date(d) for d, _, _ in self.breaking)
        written.append(write(outdir, "breaking.xml", self.channel(
            words["breaking-title"] % names, self.site + "/",
            words["breaking-description"] % names, items, latest)))
        return written

    def summary(self, written, outdir):
        counts = [self.word_count(a) for a in self.articles]
        return ("%d articles (%d-%d words, %d in all), %d breaking items, %d feeds in %s"
                % (len(self.articles), min(counts), max(counts), sum(counts),
                   len(self.breaking), len(written), os.path.relpath(outdir)))

    def main(self, argv=None):
        """The command line of a script with one outlet: SCRIPT [OUTDIR]."""
        argv = sys.argv if argv is None else argv
        outdir = argv[1] if len(argv) > 1 else DEMO_DIR
        written = self.write_feeds(outdir)
        print("%s: %s" % (os.path.basename(self.script).replace(".py", ""),
                          self.summary(written, outdir)))
