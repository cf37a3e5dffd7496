#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks the Flatpak manifest: valid JSON, the app ID of the metainfo, a
GNOME runtime, finish-args no wider than Bulletin needs, and no module that
bundles what the runtime already has; and the parts of the metainfo that
Flathub's review checks beyond appstreamcli."""

import json
import pathlib
import sys
import xml.etree.ElementTree as ET

root = pathlib.Path(sys.argv[1])
manifest_path = root / "flatpak" / "io.github.bulletinapp.Bulletin.json"
metainfo_path = root / "data" / "io.github.bulletinapp.Bulletin.metainfo.xml.in"

ALLOWED_ARGS = {
    "--share=network",
    "--share=ipc",
    "--socket=wayland",
    "--socket=fallback-x11",
    "--device=dri",
}
# What the GNOME runtime ships and a manifest must not build again.
RUNTIME_MODULES = {"webkitgtk", "webkit", "libsoup", "json-glib", "libadwaita", "gtk", "glib", "libxml2"}

problems = []
try:
    manifest = json.loads(manifest_path.read_text())
except (OSError, ValueError) as e:
    print(f"{manifest_path}: {e}")
    sys.exit(1)

app_id = manifest.get("id") or manifest.get("app-id")
metainfo_id = ET.parse(metainfo_path).getroot().findtext("id")
if app_id != metainfo_id:
    problems.append(f"app ID {app_id!r} differs from the metainfo's {metainfo_id!r}")
if manifest.get("runtime") != "org.gnome.Platform" or manifest.get("sdk") != "org.gnome.Sdk":
    problems.append("the runtime must be org.gnome.Platform with org.gnome.Sdk")
if manifest.get("command") != "bulletin":
    problems.append("the command must be bulletin")

for arg in manifest.get("finish-args", []):
    if arg.startswith("--talk-name="):
        problems.append(f"finish-arg {arg}: no D-Bus name is needed (notifications go through the portal)")
    elif arg not in ALLOWED_ARGS:
        problems.append(f"finish-arg {arg} is wider than Bulletin needs")

for module in manifest.get("modules", []):
    name = module if isinstance(module, str) else module.get("name", "")
    if name.lower() in RUNTIME_MODULES:
        problems.append(f"module {name} is in the GNOME runtime already")

# What Flathub's review asks of the metainfo: a short summary, a developer,
# an OARS rating, a release, and screenshots with captions whose files are in
# the tree at the path their URL names.
metainfo = ET.parse(metainfo_path).getroot()
summary = (metainfo.findtext("summary") or "").strip()
if not summary or len(summary) > 35 or summary.endswith("."):
    problems.append(f"summary {summary!r}: Flathub wants 35 characters at most and no final period")
developer = metainfo.find("developer")
if developer is None or not developer.get("id") or not (developer.findtext("name") or "").strip():
    problems.append("the metainfo needs a <developer id=...> with a <name>")
if metainfo.find("content_rating[@type='oars-1.1']") is None:
    problems.append("the metainfo needs an OARS 1.1 content rating")
if metainfo.find("releases/release") is None:
    problems.append("the metainfo needs at least one release")
if metainfo.find("launchable[@type='desktop-id']") is None:
    problems.append("the metainfo needs a desktop-id launchable")
screenshots = metainfo.findall("screenshots/screenshot")
if not screenshots:
    problems.append("the metainfo has no screenshots")
if sum(1 for s in screenshots if s.get("type") == "default") != 1:
    problems.append("exactly one screenshot must be the default")
PREFIX = "https://raw.githubusercontent.com/bulletinapp/bulletin/main/"
for shot in screenshots:
    url = (shot.findtext("image") or "").strip()
    if not (shot.findtext("caption") or "").strip():
        problems.append(f"screenshot {url} has no caption")
    if not url.startswith(PREFIX):
        problems.append(f"screenshot {url} is not in this repository's main branch")
    elif not (root / url[len(PREFIX):]).is_file():
        problems.append(f"screenshot {url} names a file that is not in the tree")
    elif (root / url[len(PREFIX):]).stat().st_size > 1024 * 1024:
        problems.append(f"screenshot {url} is over 1 MiB")

# Icons Flathub installs: the scalable application icon and its symbolic one
for icon in ("data/icons/hicolor/scalable/apps/io.github.bulletinapp.Bulletin.svg",
             "data/icons/hicolor/symbolic/apps/io.github.bulletinapp.Bulletin-symbolic.svg"):
    if not (root / icon).is_file():
        problems.append(f"{icon} is missing")

for p in problems:
    print(p)
if not problems:
    print(f"{manifest_path.name}: {app_id} on {manifest.get('runtime')} {manifest.get('runtime-version')}, "
          f"finish-args {', '.join(manifest.get('finish-args', []))}")
sys.exit(1 if problems else 0)
