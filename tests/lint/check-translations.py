#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks that the Arabic and Spanish translations are complete.

Extracts the strings of the sources afresh (xgettext over po/POTFILES.in,
with the arguments meson's glib preset gives it), merges each checked .po
against them into a temporary directory, and fails on any string that is
untranslated or fuzzy there, on format or plural errors (msgfmt --check),
and on a wrong Plural-Forms header. The .po files in the tree are never
written."""

import pathlib
import re
import subprocess
import sys
import tempfile

# The languages whose translation must be whole, with their plural count.
CHECKED = {"ar": 6, "es": 2}

XGETTEXT_ARGS = [
    "--from-code=UTF-8",
    "--add-comments",
    "--keyword=_",
    "--keyword=N_",
    "--keyword=C_:1c,2",
    "--keyword=NC_:1c,2",
    "--keyword=g_dcgettext:2",
    "--keyword=g_dngettext:2,3",
    "--keyword=g_dpgettext2:2c,3",
    "--flag=N_:1:pass-c-format",
    "--flag=C_:2:pass-c-format",
    "--flag=NC_:2:pass-c-format",
    "--flag=g_dngettext:2:pass-c-format",
    "--flag=g_strdup_printf:1:c-format",
    "--flag=g_string_printf:2:c-format",
    "--flag=g_string_append_printf:2:c-format",
    "--flag=g_error_new:3:c-format",
    "--flag=g_set_error:4:c-format",
]


def run(args, **kwargs):
    return subprocess.run(args, capture_output=True, text=True, **kwargs)


def entries(po_text):
    """Yields (msgctxt, msgid, flags, msgstrs) of each live entry of a .po."""
    entry = None
    field = None

    def finish(e):
        if e is not None and "msgid" in e:
            return (e.get("msgctxt"), e["msgid"], e["flags"], e["msgstr"])
        return None

    for line in po_text.splitlines() + [""]:
        if line.startswith("#~"):
            continue
        if not line.strip():
            done = finish(entry)
            if done:
                yield done
            entry, field = None, None
            continue
        if entry is None:
            entry = {"flags": set(), "msgstr": {}}
        if line.startswith("#,"):
            entry["flags"].update(f.strip() for f in line[2:].split(","))
            continue
        if line.startswith("#"):
            continue
        m = re.match(r'^(msgctxt|msgid|msgid_plural|msgstr(?:\[(\d+)\])?)\s+"(.*)"$', line)
        if m:
            key, index, value = m.group(1), m.group(2), m.group(3)
            if key.startswith("msgstr"):
                field = ("msgstr", int(index) if index is not None else 0)
                entry["msgstr"][field[1]] = value
            else:
                field = (key, None)
                entry[key] = value
            continue
        m = re.match(r'^"(.*)"$', line)
        if m and field is not None:
            if field[0] == "msgstr":
                entry["msgstr"][field[1]] += m.group(1)
            else:
                entry[field[0]] += m.group(1)


def main():
    root = pathlib.Path(sys.argv[1])
    po_dir = root / "po"
    problems = []

    for tool in ("xgettext", "msgmerge", "msgfmt"):
        if run(["sh", "-c", f"command -v {tool}"]).returncode != 0:
            print(f"{tool} is missing (install gettext)")
            return 77

    with tempfile.TemporaryDirectory(prefix="check-translations-") as tmp:
        tmp = pathlib.Path(tmp)
        pot = tmp / "bulletin.pot"
        result = run(["xgettext", "--package-name=bulletin", "-f", str(po_dir / "POTFILES.in"),
                      "-D", str(root), "-o", str(pot)] + XGETTEXT_ARGS)
        if result.returncode != 0 or not pot.exists():
            print(f"xgettext failed:\n{result.stderr}")
            return 1
        n_source = sum(1 for e in entries(pot.read_text()) if e[1] != "")

        for language, nplurals in CHECKED.items():
            po = po_dir / f"{language}.po"
            if not po.exists():
                problems.append(f"{po.name} is missing")
                continue
            linguas = (po_dir / "LINGUAS").read_text().split()
            if language not in linguas:
                problems.append(f"{language} is not in po/LINGUAS")

            merged = tmp / f"{language}.po"
            result = run(["msgmerge", "--quiet", "--no-fuzzy-matching", "-o", str(merged), str(po), str(pot)])
            if result.returncode != 0:
                problems.append(f"{po.name}: msgmerge failed: {result.stderr.strip()}")
                continue
            text = merged.read_text()

            m = re.search(r"Plural-Forms:\s*nplurals=(\d+);", text)
            if m is None or int(m.group(1)) != nplurals:
                problems.append(f"{po.name}: Plural-Forms must say nplurals={nplurals}")

            result = run(["msgfmt", "--check", "--statistics", "-o", "/dev/null", str(merged)],
                         env={"LC_ALL": "C", "PATH": "/usr/bin:/bin"})
            if result.returncode != 0:
                problems.append(f"{po.name}: msgfmt --check failed:\n{result.stderr.strip()}")

            # Fuzzy entries in the file itself count too: msgmerge keeps them.
            for msgctxt, msgid, flags, msgstrs in entries(text):
                if msgid == "":
                    continue
                where = f"{po.name}: " + (f"[{msgctxt}] " if msgctxt else "") + repr(msgid)
                if "fuzzy" in flags:
                    problems.append(f"{where} is fuzzy")
                elif not msgstrs or any(v == "" for v in msgstrs.values()):
                    problems.append(f"{where} is untranslated")
                elif "msgid_plural" in text and len(msgstrs) > 1 and len(msgstrs) != nplurals:
                    problems.append(f"{where} has {len(msgstrs)} plural forms, not {nplurals}")

            if not any(p.startswith(po.name) for p in problems):
                print(f"{po.name}: all {n_source} strings translated")

    for p in problems:
        print(p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
