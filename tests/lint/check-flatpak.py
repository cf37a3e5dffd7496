#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks the Flatpak manifest: valid JSON, the app ID of the metainfo, a
GNOME runtime, finish-args no wider than Bulletin needs, and no module that
bundles what the runtime already has."""

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

for p in problems:
    print(p)
if not problems:
    print(f"{manifest_path.name}: {app_id} on {manifest.get('runtime')} {manifest.get('runtime-version')}, "
          f"finish-args {', '.join(manifest.get('finish-args', []))}")
sys.exit(1 if problems else 0)
