#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Fails when a file with translatable strings is missing from po/POTFILES.in,
or when POTFILES.in names a file that does not exist."""

import pathlib
import re
import sys

root = pathlib.Path(sys.argv[1])
listed = set()
for line in (root / "po" / "POTFILES.in").read_text().splitlines():
    line = line.strip()
    if line and not line.startswith("#"):
        listed.add(line)

marker = re.compile(r'\b_\(|\bN_\(|\bC_\(|\bNC_\(|\bngettext\s*\(|\bg_dngettext\s*\(|translatable="yes"')
found = set()
for folder in ("src", "data"):
    for path in (root / folder).rglob("*"):
        if path.suffix not in (".c", ".h", ".ui", ".in", ".xml", ".blp"):
            continue
        rel = path.relative_to(root).as_posix()
        text = path.read_text(errors="replace")
        if marker.search(text) or (path.name.endswith((".desktop.in", ".metainfo.xml.in", ".gschema.xml"))):
            found.add(rel)

status = 0
for rel in sorted(found - listed):
    print(f"not in po/POTFILES.in: {rel}")
    status = 1
for rel in sorted(listed):
    if not (root / rel).exists():
        print(f"po/POTFILES.in names a missing file: {rel}")
        status = 1
if status == 0:
    print(f"po/POTFILES.in lists all {len(found)} files with translatable strings")
sys.exit(status)
