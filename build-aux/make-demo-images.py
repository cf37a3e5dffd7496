#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Draws the pictures of the bundled demo edition into data/demo/images/:
# simple editorial scenes (a harbour, a skyline, a stadium, a field...) made
# of gradients, shapes and a little grain, so the app has something that
# reads as a photograph in every screenshot without shipping anyone's photos.
#
# Deterministic: every random choice comes from a seeded generator and
# ImageMagick's noise from -seed, and metadata is stripped, so running it
# twice writes the same bytes.  Needs ImageMagick's `convert`.
#
#   build-aux/make-demo-images.py [OUTDIR]

import math
import os
import random
import subprocess
import sys

W, H = 800, 450


class Scene:
    """A list of MVG drawing primitives over a vertical gradient."""

    def __init__(self, name, top, bottom, seed):
        self.name = name
        self.top = top
        self.bottom = bottom
        self.seed = seed
        self.rng = random.Random(seed)
        self.ops = []

    def fill(self, color, opacity=1.0):
        self.ops.append("fill '%s' fill-opacity %.2f stroke none" % (color, opacity))

    def stroke(self, color, width, opacity=1.0):
        self.ops.append("fill none stroke '%s' stroke-width %.1f stroke-opacity %.2f" % (color, width, opacity))

    def rect(self, x0, y0, x1, y1):
        self.ops.append("rectangle %d,%d %d,%d" % (x0, y0, x1, y1))

    def rrect(self, x0, y0, x1, y1, r):
        self.ops.append("roundrectangle %d,%d %d,%d %d,%d" % (x0, y0, x1, y1, r, r))

    def circle(self, x, y, r):
        self.ops.append("circle %d,%d %d,%d" % (x, y, x + r, y))

    def ellipse(self, x, y, rx, ry, a0=0, a1=360):
        self.ops.append("ellipse %d,%d %d,%d %d,%d" % (x, y, rx, ry, a0, a1))

    def poly(self, pts):
        self.ops.append("polygon " + " ".join("%d,%d" % p for p in pts))

    def line(self, x0, y0, x1, y1):
        self.ops.append("line %d,%d %d,%d" % (x0, y0, x1, y1))

    def ridge(self, base, amp, step, color, opacity=1.0, rough=0.5):
        """A filled skyline of hills or mountains from left to right."""
        self.fill(color, opacity)
        pts = [(0, H)]
        y = base
        for x in range(0, W + step, step):
            y += self.rng.uniform(-amp, amp) * rough
            y = min(max(y, base - amp), base + amp)
            pts.append((x, y))
        pts.append((W, H))
        self.poly(pts)

    def sun(self, x, y, r, color, glow):
        for i in range(6, 0, -1):
            self.fill(glow, 0.06)
            self.circle(x, y, r + i * r * 0.5)
        self.fill(color)
        self.circle(x, y, r)

    def people(self, y0, y1, n, palette, scale=1.0):
        """Heads and shoulders seen from behind, rows further back smaller."""
        for i in range(n):
            t = self.rng.random()
            y = y0 + (y1 - y0) * t
            s = (0.5 + t) * scale
            x = self.rng.uniform(-10, W + 10)
            self.fill(self.rng.choice(palette))
            self.ellipse(x, y + 26 * s, 22 * s, 26 * s, 180, 360)
            self.rect(x - 22 * s, y + 26 * s, x + 22 * s, y + 60 * s)
            self.fill(self.rng.choice(["#3b2a20", "#1f1a17", "#5a4030", "#2a2a2a", "#6b5040"]))
            self.circle(x, y, 11 * s)

    def render(self, outdir, grain=0.3, blur=0.5):
        # Passed inline: the usual ImageMagick security policy refuses "@file".
        mvg = "\n".join(self.ops)
        out = os.path.join(outdir, self.name + ".jpg")
        # Tools that look for translatable strings with grep (`_(`) also
        # read binary files; a picture whose compressed bytes happen to hold
        # that sequence is encoded again one quality step lower.
        for quality in range(70, 55, -1):
            self.encode(out, mvg, grain, blur, quality)
            with open(out, "rb") as f:
                if b"_(" not in f.read():
                    break
        return out

    def encode(self, out, mvg, grain, blur, quality):
        subprocess.run(
            ["convert", "-size", "%dx%d" % (W, H),
             "gradient:%s-%s" % (self.top, self.bottom),
             "-draw", mvg,
             "-blur", "0x%.2f" % blur,
             # A soft vignette, as a lens gives.
             "(", "-size", "%dx%d" % (W, H), "radial-gradient:white-#8a8a8a",
             "-level", "0%,70%", ")",
             "-compose", "multiply", "-composite",
             "-seed", str(self.seed), "-attenuate", "%.2f" % grain,
             "+noise", "Gaussian",
             "-sampling-factor", "4:2:0", "-quality", str(quality),
             "-interlace", "none", "-strip",
             out],
            check=True)


def harbour(s, night=False):
    s.ridge(250, 14, 40, "#5d6d7a" if not night else "#1c2230", 1.0, 0.4)
    s.fill("#2f5f7f" if not night else "#0d1a2a")
    s.rect(0, 300, W, H)
    # Cranes.
    for x in (120, 300, 470):
        s.fill("#c0392b" if not night else "#3a2a30")
        s.rect(x, 120, x + 10, 300)
        s.rect(x - 60, 120, x + 120, 130)
        s.stroke("#7a2a20" if not night else "#222", 2)
        s.line(x + 5, 90, x - 60, 125)
        s.line(x + 5, 90, x + 120, 125)
        s.fill("#c0392b" if not night else "#3a2a30")
        s.rect(x + 2, 90, x + 8, 120)
    # Container stacks.
    colours = ["#b03a2e", "#1f618d", "#d4ac0d", "#117a65", "#ca6f1e", "#7d3c98", "#839192"]
    for col in range(24):
        for row in range(s.rng.randint(1, 4)):
            s.fill(s.rng.choice(colours), 0.95 if not night else 0.5)
            x = 20 + col * 32
            y = 300 - (row + 1) * 16
            s.rect(x, y, x + 30, y + 14)
    # A ship.
    s.fill("#20262e")
    s.poly([(520, 330), (790, 330), (770, 370), (540, 370)])
    s.fill("#e8e8e8" if not night else "#f5d76e", 1.0 if not night else 0.8)
    s.rect(700, 300, 760, 330)
    for i in range(14):
        s.fill(s.rng.choice(colours), 0.9)
        s.rect(550 + i * 11, 318, 560 + i * 11, 330)
    # Reflections.
    for i in range(40):
        s.fill("#ffffff" if not night else "#f5d76e", 0.12)
        x = s.rng.uniform(0, W)
        y = s.rng.uniform(380, H)
        s.rect(x, y, x + s.rng.uniform(20, 90), y + 2)
    if night:
        for i in range(60):
            s.fill("#ffe9a0", 0.8)
            s.circle(s.rng.uniform(0, W), s.rng.uniform(200, 300), 2)


def skyline(s, dusk=True):
    for layer, (col, hmin, hmax, op) in enumerate([
            ("#6d7b96", 120, 260, 0.7), ("#3d4860", 80, 220, 0.9), ("#222a3a", 60, 180, 1.0)]):
        x = -10
        while x < W:
            w = s.rng.randint(30, 80)
            h = s.rng.randint(hmin, hmax)
            s.fill(col, op)
            s.rect(x, 400 - h, x + w, H)
            if layer == 2 and s.rng.random() < 0.3:
                s.rect(x + w // 2 - 2, 400 - h - 40, x + w // 2 + 2, 400 - h)
            if layer >= 1:
                for wy in range(400 - h + 8, 400, 14):
                    for wx in range(x + 5, x + w - 8, 12):
                        if s.rng.random() < (0.45 if dusk else 0.15):
                            s.fill("#ffd98a" if dusk else "#cfe3f3", 0.75)
                            s.rect(wx, wy, wx + 5, wy + 7)
            x += w + s.rng.randint(2, 12)
    s.fill("#151a24")
    s.rect(0, 400, W, H)


def stadium(s):
    s.fill("#2c3e50")
    s.poly([(0, 130), (W, 130), (W, 260), (0, 260)])
    for i in range(900):
        s.fill(s.rng.choice(["#e74c3c", "#f1c40f", "#ecf0f1", "#3498db", "#e67e22", "#95a5a6"]), 0.7)
        x = s.rng.uniform(0, W)
        y = s.rng.uniform(140, 255)
        s.circle(x, y, 2)
    s.fill("#2e8b3a")
    s.poly([(0, 260), (W, 260), (W, H), (0, H)])
    for i in range(8):
        s.fill("#3aa046" if i % 2 == 0 else "#2e8b3a")
        s.poly([(i * 100, 260), (i * 100 + 100, 260), (i * 140 - 60 + 140, H), (i * 140 - 60, H)])
    s.stroke("#f4f4f4", 3, 0.9)
    s.line(0, 300, W, 300)
    s.ellipse(400, 370, 120, 45)
    s.line(400, 260, 400, H)
    for x in (60, 740):
        s.fill("#444")
        s.rect(x - 3, 20, x + 3, 130)
        s.fill("#fffbe6")
        s.rect(x - 30, 10, x + 30, 30)
        s.sun(x, 20, 4, "#ffffff", "#fffbe6")
    for x in (250, 330, 480, 560):
        s.fill(s.rng.choice(["#c0392b", "#1f4e99"]))
        s.rect(x, 330, x + 12, 360)
        s.fill("#f0c8a0")
        s.circle(x + 6, 324, 6)


def lab(s):
    s.fill("#d9e2e8")
    s.rect(0, 0, W, 280)
    for x in range(0, W, 160):
        s.fill("#c6d2da")
        s.rect(x + 20, 30, x + 140, 200)
        s.fill("#eaf4fb", 0.8)
        s.rect(x + 26, 36, x + 134, 194)
    s.fill("#f3f6f8")
    s.rect(0, 280, W, 300)
    s.fill("#4f5d68")
    s.rect(0, 300, W, H)
    for i, x in enumerate(range(60, 760, 95)):
        colour = ["#2e86c1", "#28b463", "#f39c12", "#8e44ad", "#17a589"][i % 5]
        s.fill("#ffffff", 0.55)
        s.rect(x, 200, x + 26, 280)
        s.fill(colour, 0.75)
        s.rect(x + 2, 240 - (i % 3) * 10, x + 24, 278)
        s.fill("#ffffff", 0.55)
        s.poly([(x + 40, 280), (x + 70, 280), (x + 60, 240), (x + 60, 215), (x + 50, 215), (x + 50, 240)])
    s.fill("#263238")
    s.rect(560, 120, 760, 240)
    s.stroke("#4dd0e1", 2)
    pts = [(570 + i * 9, 200 - 30 * math.sin(i / 2.5)) for i in range(21)]
    s.ops.append("polyline " + " ".join("%d,%d" % p for p in pts))
    s.fill("#ffffff")
    s.ellipse(200, 350, 60, 80, 180, 360)
    s.rect(140, 350, 260, H)
    s.fill("#5d4037")
    s.circle(200, 300, 30)


def field(s, crop="#c9a43a"):
    s.sun(620, 110, 30, "#fff3c4", "#ffe7a0")
    s.ridge(230, 25, 50, "#7a8f6a", 0.8, 0.5)
    s.ridge(260, 15, 60, "#5f7f45", 1.0, 0.4)
    for i in range(14):
        s.fill(crop if i % 2 == 0 else "#b08d2c")
        y0 = 270 + i * i * 1.0
        s.poly([(0, 270 + i * 13), (W, 270 + i * 9), (W, 280 + i * 9 + i * 1.5), (0, 283 + i * 13 + i * 2)])
    for i in range(6):
        x = s.rng.uniform(40, 760)
        s.fill("#3d5a2a")
        s.rect(x - 2, 230, x + 2, 262)
        s.circle(x, 225, 14)
    s.fill("#8e3b2a")
    s.rect(150, 225, 200, 262)
    s.poly([(145, 225), (175, 205), (205, 225)])


def market(s):
    s.fill("#e8d9bf")
    s.rect(0, 0, W, 200)
    for i in range(6):
        x = i * 140 - 20
        col = ["#c0392b", "#2980b9", "#27ae60", "#e67e22", "#8e44ad", "#16a085"][i]
        for k in range(5):
            s.fill(col if k % 2 == 0 else "#f5f0e6")
            s.poly([(x + k * 26, 120), (x + k * 26 + 26, 120), (x + k * 26 + 30, 170), (x + k * 26 - 4, 170)])
        s.fill("#6e4b2a")
        s.rect(x + 4, 170, x + 10, 300)
        s.rect(x + 120, 170, x + 126, 300)
        s.fill("#8b5a2b")
        s.rect(x, 260, x + 130, 300)
        for k in range(16):
            s.fill(s.rng.choice(["#e74c3c", "#f39c12", "#f1c40f", "#27ae60", "#d35400", "#a93226"]))
            s.circle(x + 10 + (k % 8) * 15, 250 + (k // 8) * 8, 7)
    s.fill("#b9a27d")
    s.rect(0, 300, W, H)
    s.people(300, 420, 26, ["#34495e", "#7f8c8d", "#c0392b", "#2c3e50", "#d4ac0d", "#1abc9c", "#6c3483"], 1.5)


def crowd(s):
    s.fill("#c8ccd0")
    s.rect(0, 120, W, 250)
    for x in range(20, W, 60):
        s.fill("#b4b9be")
        s.rect(x, 130, x + 40, 250)
    s.people(180, 430, 110, ["#2c3e50", "#7f8c8d", "#c0392b", "#34495e", "#d4ac0d", "#1f618d", "#6e2c00", "#196f3d"], 1.3)
    for i in range(5):
        x = s.rng.uniform(60, 740)
        s.stroke("#5d4037", 3)
        s.line(x, 240, x, 120)
        s.fill(s.rng.choice(["#f4f6f7", "#f9e79f", "#aed6f1"]))
        s.rect(x - 40, 90, x + 40, 130)


def parliament(s):
    s.fill("#e6dccb")
    s.poly([(150, 150), (650, 150), (650, 380), (150, 380)])
    s.fill("#d8ccb6")
    s.poly([(130, 150), (400, 80), (670, 150)])
    s.fill("#cfc2a9")
    s.ellipse(400, 80, 70, 60, 180, 360)
    s.rect(392, 0, 408, 22)
    for x in range(180, 640, 45):
        s.fill("#f4efe4")
        s.rect(x, 160, x + 18, 360)
        s.fill("#bfb29a", 0.5)
        s.rect(x + 14, 160, x + 18, 360)
    s.fill("#d0c4ae")
    for i in range(6):
        s.rect(120 - i * 10, 360 + i * 10, 680 + i * 10, 370 + i * 10)
    s.fill("#8c8c8c")
    s.rect(0, 420, W, H)
    for x in (80, 720):
        s.stroke("#555", 3)
        s.line(x, 420, x, 150)
        s.fill("#2e86c1")
        s.rect(x, 150, x + 50, 180)


def rail(s):
    s.ridge(240, 20, 60, "#7d8f9b", 0.7, 0.4)
    s.fill("#8d8a84")
    s.poly([(300, 250), (500, 250), (W, H), (0, H)])
    s.stroke("#5a4a3a", 6)
    for i in range(18):
        t = (i / 18.0) ** 2
        y = 250 + t * 200
        s.line(400 - 110 - t * 250, y, 400 + 110 + t * 250, y)
    s.stroke("#c9ccd1", 4)
    s.line(370, 250, 180, H)
    s.line(430, 250, 620, H)
    s.fill("#c0392b")
    s.poly([(365, 200), (435, 200), (440, 260), (360, 260)])
    s.fill("#1c2833")
    s.rect(372, 208, 428, 228)
    s.fill("#fdfefe")
    s.circle(378, 248, 4)
    s.circle(422, 248, 4)
    for x in range(0, W, 90):
        s.stroke("#444", 2)
        s.line(x, 300 - abs(400 - x) * 0.05, x, 170)
    s.stroke("#444", 1)
    s.line(0, 175, W, 175)


def mountains(s):
    s.ridge(170, 60, 70, "#8aa0b8", 0.8, 0.9)
    s.ridge(220, 40, 50, "#5b6f86", 0.9, 0.8)
    s.ridge(270, 25, 40, "#35495e", 1.0, 0.6)
    s.fill("#6e8fb0")
    s.rect(0, 320, W, H)
    for i in range(40):
        s.fill("#ffffff", 0.15)
        x = s.rng.uniform(0, W)
        y = s.rng.uniform(330, H)
        s.rect(x, y, x + s.rng.uniform(30, 120), y + 2)
    s.fill("#24382a")
    for i in range(30):
        x = s.rng.uniform(0, W)
        h = s.rng.uniform(30, 70)
        s.poly([(x, 320 - h), (x - 12, 322), (x + 12, 322)])


def solar(s):
    s.sun(680, 70, 28, "#fffbe0", "#ffeeb0")
    s.ridge(230, 15, 60, "#9aa78a", 1.0, 0.4)
    s.fill("#b8a77f")
    s.rect(0, 245, W, H)
    for row in range(6):
        y = 250 + row * row * 6 + row * 20
        h = 10 + row * 6
        n = 10 - row
        w = W / n
        for k in range(n + 1):
            x = k * w - (row % 2) * w / 2
            s.fill("#1b2f5a")
            s.poly([(x + 4, y), (x + w - 4, y), (x + w, y + h), (x, y + h)])
            s.fill("#8fb3ff", 0.25)
            s.poly([(x + 6, y + 1), (x + w * 0.45, y + 1), (x + w * 0.35, y + h - 1), (x + 2, y + h - 1)])


def turbines(s):
    s.ridge(300, 30, 60, "#6f8f5a", 1.0, 0.5)
    s.ridge(340, 20, 50, "#4f7040", 1.0, 0.4)
    for (x, base, size) in [(150, 300, 1.0), (330, 290, 0.7), (480, 300, 0.5), (620, 295, 0.85), (740, 305, 0.4)]:
        top = base - 220 * size
        s.fill("#f4f6f7")
        s.poly([(x - 4 * size, base), (x + 4 * size, base), (x + 2, top), (x - 2, top)])
        a0 = s.rng.uniform(0, 120)
        for k in range(3):
            a = math.radians(a0 + k * 120)
            ex = x + math.cos(a) * 110 * size
            ey = top + math.sin(a) * 110 * size
            nx = math.cos(a + math.pi / 2) * 5 * size
            ny = math.sin(a + math.pi / 2) * 5 * size
            s.poly([(x + nx, top + ny), (ex, ey), (x - nx, top - ny)])
        s.circle(x, top, 5 * size + 1)


def clinic(s):
    s.fill("#eef2f3")
    s.poly([(0, 0), (W, 0), (W, 300), (0, 300)])
    s.fill("#cfd8dc")
    s.poly([(0, 300), (W, 300), (W, H), (0, H)])
    s.fill("#dfe6e9")
    s.poly([(250, 60), (550, 60), (550, 300), (250, 300)])
    s.fill("#b0bec5")
    s.poly([(300, 90), (500, 90), (500, 300), (300, 300)])
    for x in (0, 600):
        for k in range(3):
            s.fill("#90a4ae")
            s.rect(x + 30 + k * 60, 80, x + 70 + k * 60, 270)
            s.fill("#e3f2fd", 0.6)
            s.rect(x + 34 + k * 60, 84, x + 66 + k * 60, 160)
    s.fill("#ffffff", 0.5)
    for i in range(6):
        s.rect(i * 140, 20, i * 140 + 100, 30)
    s.fill("#4db6ac")
    s.ellipse(180, 330, 40, 70, 180, 360)
    s.rect(140, 330, 220, H)
    s.fill("#f5cba7")
    s.circle(180, 240, 22)
    s.fill("#ffffff")
    s.ellipse(620, 330, 42, 70, 180, 360)
    s.rect(578, 330, 662, H)
    s.fill("#5d4037")
    s.circle(620, 240, 22)
    s.stroke("#37474f", 2)
    s.ops.append("polyline 605,270 600,300 612,320 626,318")


def stage(s):
    for i in range(7):
        x = 60 + i * 115
        s.fill(["#ff4f8b", "#7b61ff", "#21d4fd", "#ffd166", "#ff4f8b", "#7b61ff", "#21d4fd"][i], 0.18)
        s.poly([(x - 8, 0), (x + 8, 0), (x + 130 - i * 30, 330), (x - 110 + i * 20, 330)])
    s.fill("#1d1a2b")
    s.rect(0, 330, W, 360)
    for x in (260, 400, 540):
        s.fill("#0d0b14")
        s.rect(x - 16, 260, x + 16, 330)
        s.circle(x, 248, 13)
    s.people(360, 440, 60, ["#0b0a10", "#14121c", "#1c1926"], 1.3)


def library(s):
    s.fill("#5d4030")
    s.rect(0, 0, W, H)
    for row in range(5):
        y = 20 + row * 82
        s.fill("#3e2a1f")
        s.rect(0, y + 70, W, y + 80)
        x = 10
        while x < W - 10:
            w = s.rng.randint(10, 22)
            h = s.rng.randint(45, 68)
            s.fill(s.rng.choice(["#7b241c", "#1a5276", "#145a32", "#7d6608", "#4a235a", "#873600", "#212f3c", "#a04000"]))
            s.rect(x, y + 70 - h, x + w, y + 70)
            s.fill("#e5d3a1", 0.5)
            s.rect(x + 2, y + 70 - h + 8, x + w - 2, y + 70 - h + 11)
            x += w + s.rng.randint(1, 3)
    s.fill("#ffe0a3", 0.18)
    s.poly([(500, 0), (800, 0), (800, 450), (300, 450)])


def desert(s):
    s.sun(160, 120, 34, "#fff6d5", "#ffd9a0")
    s.ridge(260, 30, 80, "#d8a06a", 1.0, 0.6)
    s.ridge(300, 20, 70, "#c98a52", 1.0, 0.5)
    s.fill("#b57a45")
    s.rect(0, 330, W, H)
    s.fill("#4a4a4a")
    s.poly([(395, 290), (405, 290), (560, H), (240, H)])
    s.fill("#f7dc6f")
    for i in range(8):
        t = i / 8.0
        y = 295 + t * t * 160
        s.rect(399 - t * 3, y, 401 + t * 3, y + 3 + t * 14)
    s.fill("#2d4a2b")
    for x in (620, 680):
        s.rect(x - 4, 250, x + 4, 310)
        s.ellipse(x, 250, 30, 10)


def forest(s):
    for layer, (col, n, y0, size) in enumerate([
            ("#6e8f7a", 50, 230, 0.6), ("#3f6b4f", 40, 280, 0.9), ("#1f3d2b", 25, 350, 1.4)]):
        for i in range(n):
            x = s.rng.uniform(-20, W + 20)
            h = s.rng.uniform(80, 140) * size
            s.fill(col)
            s.poly([(x, y0 - h), (x - 26 * size, y0 + 20), (x + 26 * size, y0 + 20)])
        s.fill(col)
        s.rect(0, y0 + 15, W, H)
    s.fill("#fffbe6", 0.12)
    for i in range(5):
        x = 420 + i * 50
        s.poly([(x, 0), (x + 20, 0), (x - 150, H), (x - 200, H)])


def bridge(s):
    s.ridge(230, 20, 60, "#7a8d99", 0.8, 0.4)
    s.fill("#3e6a88")
    s.rect(0, 280, W, H)
    s.fill("#566573")
    s.rect(0, 230, W, 242)
    for x in (220, 580):
        s.rect(x - 10, 90, x + 10, 300)
    s.stroke("#566573", 3)
    pts = [(x, 100 + 130 * (((x - 400) / 180.0) ** 2) if abs(x - 400) <= 180 else 230) for x in range(0, W + 1, 20)]
    s.ops.append("polyline " + " ".join("%d,%d" % (x, min(y, 232)) for x, y in pts))
    for x in range(40, W, 20):
        s.line(x, 232, x, min(232, 100 + 130 * (((x - 400) / 180.0) ** 2)))
    for i in range(50):
        s.fill("#ffffff", 0.14)
        x = s.rng.uniform(0, W)
        y = s.rng.uniform(300, H)
        s.rect(x, y, x + s.rng.uniform(20, 100), y + 2)


def bokeh(s):
    for i in range(70):
        s.fill(s.rng.choice(["#ffcf70", "#ff8a5c", "#ffe7b3", "#9ad0ff", "#ff6f91"]), s.rng.uniform(0.12, 0.4))
        s.circle(s.rng.uniform(0, W), s.rng.uniform(0, 330), s.rng.uniform(8, 40))
    s.fill("#0b0d14")
    s.rect(0, 330, W, H)
    s.people(320, 420, 40, ["#0d1018", "#141823", "#1a1f2c"], 1.4)


def studio(s):
    s.fill("#10223d")
    s.rect(0, 0, W, 300)
    for i in range(8):
        s.fill("#1f4e99", 0.4)
        s.rect(i * 100 + 10, 20, i * 100 + 90, 180)
    s.fill("#2c7be5", 0.35)
    s.ellipse(400, 110, 300, 60)
    s.fill("#0c1628")
    s.rect(0, 300, W, H)
    s.fill("#d9dee7")
    s.poly([(220, 260), (580, 260), (620, 320), (180, 320)])
    s.fill("#8a97ab")
    s.rect(180, 320, 620, 340)
    for x in (320, 480):
        s.fill("#1c2a44")
        s.ellipse(x, 260, 36, 60, 180, 360)
        s.rect(x - 36, 240, x + 36, 262)
        s.fill("#c58c5e" if x == 320 else "#f1c6a0")
        s.circle(x, 175, 20)
    s.fill("#222")
    s.rect(40, 330, 110, 380)
    s.rect(110, 345, 140, 365)
    s.stroke("#222", 4)
    s.line(75, 380, 40, H)
    s.line(75, 380, 110, H)


def coast(s):
    s.fill("#3a8fb7")
    s.rect(0, 230, W, 330)
    s.fill("#e9d8a6")
    s.poly([(0, 330), (W, 300), (W, H), (0, H)])
    s.stroke("#ffffff", 3, 0.7)
    s.ops.append("polyline 0,332 100,326 200,322 300,318 400,313 500,310 600,306 700,303 800,300")
    for i in range(30):
        s.fill("#ffffff", 0.2)
        x = s.rng.uniform(0, W)
        y = s.rng.uniform(240, 320)
        s.rect(x, y, x + s.rng.uniform(20, 80), y + 2)
    for x in (90, 140):
        s.stroke("#6e4b2a", 6)
        s.line(x, 400, x + 30, 200)
        s.fill("#2e7d32")
        for k in range(5):
            a = math.radians(k * 40 + 190)
            s.ellipse(x + 30 + math.cos(a) * 40, 200 + math.sin(a) * 20, 45, 10)
    s.fill("#ffffff")
    s.poly([(560, 260), (600, 260), (590, 270), (565, 270)])
    s.poly([(578, 200), (578, 258), (600, 258)])


def factory(s):
    s.ridge(280, 10, 60, "#7e7e7e", 0.6, 0.4)
    for x, h in [(140, 180), (210, 220), (600, 200)]:
        s.fill("#5c5c5c")
        s.poly([(x - 16, 330), (x + 16, 330), (x + 11, 330 - h), (x - 11, 330 - h)])
        s.fill("#b03a2e")
        s.rect(x - 11, 330 - h + 10, x + 11, 330 - h + 22)
        for k in range(6):
            s.fill("#e5e7e9", 0.35 - k * 0.05)
            s.circle(x + k * 30, 330 - h - 20 - k * 18, 18 + k * 8)
    s.fill("#7b7d7d")
    s.rect(60, 250, 740, 340)
    for x in range(60, 740, 60):
        s.fill("#909497")
        s.poly([(x, 250), (x + 30, 225), (x + 60, 250)])
    for x in range(80, 720, 40):
        s.fill("#fcf3cf", 0.5)
        s.rect(x, 275, x + 22, 300)
    s.fill("#4d5656")
    s.rect(0, 340, W, H)


def podium(s):
    s.fill("#0f2f4f")
    s.rect(0, 0, W, H)
    for x in range(0, W, 120):
        s.fill("#f5f5f5", 0.08)
        s.rect(x + 10, 40, x + 100, 300)
    s.fill("#1f618d", 0.9)
    for x in (100, 700):
        s.rect(x - 40, 60, x + 40, 300)
        s.fill("#f4d03f", 0.9)
        s.circle(x, 110, 14)
        s.fill("#1f618d", 0.9)
    s.fill("#333f4f")
    s.ellipse(400, 300, 60, 90, 180, 360)
    s.rect(340, 300, 460, 380)
    s.fill("#d0a582")
    s.circle(400, 190, 28)
    s.fill("#2b2b2b")
    s.ellipse(400, 176, 28, 16, 180, 360)
    s.fill("#6e5a44")
    s.poly([(310, 300), (490, 300), (470, H), (330, H)])
    s.fill("#d4c19c")
    s.rect(365, 340, 435, 380)
    s.stroke("#111", 3)
    for dx in (-24, 0, 22):
        s.line(400 + dx, 300, 400 + dx * 0.5, 240)
    for dx in (-24, 0, 22):
        s.fill("#111")
        s.circle(400 + dx * 0.5, 236, 6)
    s.people(380, 440, 18, ["#101418", "#1b2026", "#222831"], 1.6)


def rain(s):
    s.fill("#4a535c")
    for x in range(0, W, 110):
        s.rect(x, 40 + (x % 70), x + 90, 300)
        for wy in range(60 + (x % 70), 290, 26):
            for wx in (x + 10, x + 50):
                s.fill("#f9e79f", 0.35 if s.rng.random() < 0.5 else 0.1)
                s.rect(wx, wy, wx + 28, wy + 16)
        s.fill("#4a535c")
    s.fill("#2e3338")
    s.rect(0, 300, W, H)
    for i in range(12):
        x = s.rng.uniform(40, 760)
        y = s.rng.uniform(320, 400)
        col = s.rng.choice(["#c0392b", "#f1c40f", "#2980b9", "#1c1c1c", "#8e44ad", "#16a085"])
        s.fill("#1a1a1a")
        s.rect(x - 8, y, x + 8, y + 60)
        s.fill(col)
        s.ellipse(x, y, 36, 22, 180, 360)
        s.fill("#ffffff", 0.08)
        s.rect(x - 8, y + 60, x + 8, y + 90)
    s.stroke("#d6eaf8", 1, 0.3)
    for i in range(180):
        x = s.rng.uniform(0, W)
        y = s.rng.uniform(0, H)
        s.line(x, y, x - 4, y + 18)


def chart(s):
    s.fill("#ffffff", 0.9)
    s.rrect(40, 40, 760, 410, 16)
    s.stroke("#cfd8dc", 1)
    for y in range(100, 380, 40):
        s.line(90, y, 730, y)
    vals = [s.rng.uniform(0.25, 0.95) for i in range(10)]
    for i, v in enumerate(vals):
        x = 110 + i * 62
        s.fill(["#1f77b4", "#ff7f0e"][i >= 7])
        s.rect(x, 380 - v * 270, x + 38, 380)
    s.stroke("#263238", 3)
    pts = [(129 + i * 62, 380 - v * 270 - 20) for i, v in enumerate(vals)]
    s.ops.append("polyline " + " ".join("%d,%d" % p for p in pts))
    for p in pts:
        s.fill("#263238")
        s.circle(p[0], p[1], 5)
    s.fill("#263238")
    s.rect(90, 60, 300, 76)
    s.fill("#90a4ae")
    s.rect(90, 84, 240, 92)


def water(s):
    s.fill("#b3c7d6")
    s.rect(0, 0, W, 200)
    s.ridge(200, 15, 60, "#6e7f6a", 1.0, 0.4)
    s.fill("#5b7f95")
    s.rect(0, 240, W, H)
    s.fill("#8d6e63")
    s.poly([(0, 300), (330, 260), (360, 270), (0, 340)])
    s.fill("#9e9e9e")
    s.rect(420, 150, 700, 250)
    for x in range(430, 700, 30):
        s.fill("#757575")
        s.rect(x, 170, x + 18, 240)
    s.fill("#e0f2f1", 0.5)
    s.rect(420, 250, 700, 300)
    for i in range(60):
        s.fill("#ffffff", 0.25)
        x = s.rng.uniform(400, 720)
        y = s.rng.uniform(250, 330)
        s.rect(x, y, x + s.rng.uniform(10, 40), y + 2)


def lagoon(s):
    s.fill("#2e9cc4")
    s.rect(0, 200, W, H)
    for x, w in ((120, 160), (560, 220)):
        s.fill("#e9d8a6")
        s.ellipse(x, 205, w / 2, 10)
        s.fill("#2e7d32")
        s.ellipse(x, 195, w / 2.6, 16, 180, 360)
    for i in range(40):
        s.fill("#ffffff", 0.18)
        x = s.rng.uniform(0, W)
        y = s.rng.uniform(215, H)
        s.rect(x, y, x + s.rng.uniform(20, 90), y + 2)
    for k, (x, y, scale) in enumerate(((90, 400, 1.3), (420, 330, 1.0), (250, 270, 0.7), (640, 290, 0.8))):
        hull = ["#7a3b1e", "#1f4e79", "#8b1e1e", "#3d5a2a"][k]
        s.fill(hull)
        s.poly([(x - 130 * scale, y), (x + 130 * scale, y), (x + 110 * scale, y + 12 * scale), (x - 110 * scale, y + 12 * scale)])
        s.stroke("#5a3a20", 3 * scale)
        s.line(x - 40 * scale, y, x - 50 * scale, y + 36 * scale)
        s.line(x + 40 * scale, y, x + 30 * scale, y + 36 * scale)
        s.fill("#5a3a20")
        s.rect(x - 110 * scale, y + 34 * scale, x + 60 * scale, y + 40 * scale)
        for j in range(6):
            px = x - 95 * scale + j * 36 * scale
            s.fill(["#f4d03f", "#e74c3c", "#ecf0f1"][k % 3])
            s.rect(px - 7 * scale, y - 26 * scale, px + 7 * scale, y)
            s.fill("#5d4037")
            s.circle(px, y - 32 * scale, 6 * scale)
            s.stroke("#d7b377", 2 * scale)
            s.line(px + 4 * scale, y - 20 * scale, px + 22 * scale, y + 18 * scale)


SCENES = [
    ("harbour", "#7fb3d5", "#fbe5c8", harbour, {}),
    ("harbour-night", "#0b1630", "#3b3550", harbour, {"night": True}),
    ("skyline-dusk", "#2c3e70", "#f0a868", skyline, {}),
    ("skyline-day", "#7fb8e6", "#dbe9f4", skyline, {"dusk": False}),
    ("stadium", "#0f1b33", "#3a4e7a", stadium, {}),
    ("lab", "#dfe7ec", "#c9d3da", lab, {}),
    ("field", "#8ec5e8", "#f7e3b5", field, {}),
    ("field-green", "#9ccbe8", "#e6f0d0", field, {"crop": "#7fae3f"}),
    ("market", "#f5e6c8", "#e2c99a", market, {}),
    ("crowd", "#a9c4d9", "#e7edf2", crowd, {}),
    ("parliament", "#8fb9dc", "#edf3f8", parliament, {}),
    ("rail", "#a7c3d9", "#eef1f3", rail, {}),
    ("mountains", "#9ab7d3", "#f2e4d0", mountains, {}),
    ("solar", "#7cb7e8", "#f3ecd6", solar, {}),
    ("turbines", "#6fa8dc", "#e8f1f8", turbines, {}),
    ("clinic", "#eef2f3", "#d8e0e3", clinic, {}),
    ("stage", "#0a0815", "#2a1d3f", stage, {}),
    ("library", "#5d4030", "#3e2a1f", library, {}),
    ("desert", "#f6b26b", "#fde9c9", desert, {}),
    ("forest", "#b9d3c2", "#eef4ea", forest, {}),
    ("bridge", "#c4d7e4", "#f0e6d8", bridge, {}),
    ("night-lights", "#0a0d18", "#2a1c30", bokeh, {}),
    ("studio", "#0a1426", "#1b2f52", studio, {}),
    ("coast", "#7ec8e3", "#e7f6fb", coast, {}),
    ("factory", "#b7b9bb", "#e4e2dc", factory, {}),
    ("podium", "#0f2f4f", "#123a5f", podium, {}),
    ("rain", "#5b6770", "#8a959e", rain, {}),
    ("chart", "#1f3b57", "#335d82", chart, {}),
    ("reservoir", "#b3c7d6", "#e6eef3", water, {}),
    ("lagoon", "#8fd0ec", "#eaf7fb", lagoon, {}),
]


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    outdir = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "..", "data", "demo", "images")
    os.makedirs(outdir, exist_ok=True)
    for seed, (name, top, bottom, draw, kwargs) in enumerate(SCENES, start=11):
        scene = Scene(name, top, bottom, seed)
        draw(scene, **kwargs)
        out = scene.render(outdir)
        print("%-40s %6d bytes" % (os.path.relpath(out), os.path.getsize(out)))


if __name__ == "__main__":
    main()
