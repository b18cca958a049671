#!/usr/bin/env python3
"""The HTML dashboard in a real browser: headless Chromium, offline.

    python3 tests/browser/run.py BINARY

Loads the demo report (examples/notes on 2026-11-22) at 1200 and 400 px
wide and checks that every report's rows are on the page as in the JSON
report, that no element is wider than the viewport, and that the page
needs no sideways scrolling; then loads a report of hostile notes whose
names, places, organisations and task text would each set a marker if
they ran as script, and checks that none did.  A copy of each page gets
a small script that measures the page once it has loaded and writes what
it found into the DOM, which --dump-dom prints.  Screenshots of the demo
at both widths go to build/browser-1200.png and build/browser-400.png.

Without chromium the test is skipped, unless CI=true: then it fails.
Ends with "browser: N passed, M failed".  Python's standard library only.
"""
import html
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

TOP = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
TODAY = "2026-11-22"
WIDTHS = (1200, 400)
# Tall enough for the measuring runs; screenshots use the page's height.
PROBE_HEIGHT = 900
MAX_SHOT_HEIGHT = 12000
# Seconds one browser run may take before it is stopped.
RUN_TIMEOUT = 90
# Virtual milliseconds the page may run (timers, image errors) before
# the DOM is printed.
TIME_BUDGET = 3000

CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
    "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--hide-scrollbars",
    "--disable-extensions", "--mute-audio",
]

# Measures the page and sends a JSON summary to the harness around it.
PROBE = r"""
<script>
(function () {
  function measure() {
    var vw = document.documentElement.clientWidth;
    var wide = [];
    var all = document.body.getElementsByTagName('*');
    for (var i = 0; i < all.length; i++) {
      var e = all[i], r = e.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      if (r.right > vw + 0.5 || r.left < -0.5)
        wide.push(e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') +
                  (e.className && e.className.baseVal === undefined ?
                   '.' + e.className : '') +
                  ' [' + Math.round(r.left) + ',' + Math.round(r.right) + ']');
    }
    var rows = {};
    var secs = document.querySelectorAll('section[id]');
    for (var j = 0; j < secs.length; j++)
      rows[secs[j].id] = secs[j].querySelectorAll('table tbody tr').length;
    var handlers = 0, links = 0;
    for (var k = 0; k < all.length; k++) {
      var at = all[k].attributes;
      for (var m = 0; m < at.length; m++) {
        if (/^on/i.test(at[m].name)) handlers++;
        if (/^(href|src|xlink:href|action|formaction)$/i.test(at[m].name))
          links++;
      }
    }
    var cards = document.querySelector('table.rows tbody tr');
    var out = {
      viewport: vw,
      scrollWidth: document.documentElement.scrollWidth,
      height: document.documentElement.scrollHeight,
      wide: wide.slice(0, 20), nwide: wide.length,
      rows: rows,
      scripts: document.getElementsByTagName('script').length,
      handlers: handlers, links: links,
      marker: window.rgPwned || 0,
      title: document.title,
      cardDisplay: cards ? getComputedStyle(cards).display : '',
      svg: document.querySelectorAll('svg.net').length
    };
    parent.postMessage(JSON.stringify(out), '*');
  }
  window.addEventListener('load', function () { setTimeout(measure, 500); });
})();
</script>
"""

# The frame around the page under test, and the narrowest window.
WINDOW_MIN = 500
HARNESS = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><style>
body{margin:0;background:#777}iframe{display:block;border:0;background:#fff}
</style></head><body>
<iframe src="%s" width="%d" height="%d"></iframe>
<script>
window.addEventListener('message', function (e) {
  var p = document.createElement('pre');
  p.id = 'rg-results';
  p.textContent = e.data;
  document.body.appendChild(p);
});
</script></body></html>
"""

passed = 0
failed = 0


def check(ok, what):
    global passed, failed
    if ok:
        passed += 1
    else:
        failed += 1
        print("FAIL browser: " + what)


def chromium():
    for name in ("chromium", "chromium-browser"):
        path = shutil.which(name)
        if path:
            return path
    return None


def browse(exe, url, width, height, extra):
    profile = tempfile.mkdtemp(prefix="rg-chromium-")
    try:
        cmd = [exe] + CHROMIUM_FLAGS + [
            "--user-data-dir=" + profile,
            "--window-size=%d,%d" % (width, height)] + extra + [url]
        p = subprocess.run(cmd, stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, timeout=RUN_TIMEOUT,
                           stdin=subprocess.DEVNULL)
        return p.returncode, p.stdout.decode("utf-8", "replace")
    finally:
        shutil.rmtree(profile, ignore_errors=True)


def harness(tmp, inner, width, height):
    """A page holding inner in a frame width px wide: Chromium's window is
    never narrower than WINDOW_MIN px, a frame can be.  What the probe in
    the frame sends is written into <pre id="rg-results">."""
    path = os.path.join(tmp, "harness-%d.html" % width)
    with open(path, "w", encoding="utf-8") as f:
        f.write(HARNESS % (os.path.basename(inner), width, height))
    return "file://" + path


def probe(exe, page, width, tmp):
    """Load a copy of page with the probe; returns its findings."""
    with open(page, encoding="utf-8") as f:
        text = f.read()
    copy = os.path.join(tmp, "probe-%d.html" % width)
    with open(copy, "w", encoding="utf-8") as f:
        f.write(text.replace("</body>", PROBE + "</body>", 1))
    url = harness(tmp, copy, width, PROBE_HEIGHT)
    rc, dom = browse(exe, url, max(width, WINDOW_MIN), PROBE_HEIGHT,
                     ["--dump-dom", "--virtual-time-budget=%d" % TIME_BUDGET])
    m = re.search(r'<pre id="rg-results">(.*?)</pre>', dom, re.S)
    if rc != 0 or not m:
        check(False, "%s at %d px: no results (status %d)" %
              (os.path.basename(page), width, rc))
        return None
    return json.loads(html.unescape(m.group(1)))


def refgraph(binary, fmt, notes, out):
    with open(out, "w", encoding="utf-8") as f:
        p = subprocess.run([binary, "report", "--format", fmt, "--today",
                            TODAY, notes], stdout=f, stderr=subprocess.PIPE)
    # 1: the notes have errors (the demo has two on purpose)
    check(p.returncode in (0, 1), "refgraph %s on %s exited %d: %s" %
          (fmt, notes, p.returncode, p.stderr.decode()[:300]))


def check_layout(res, width, name):
    check(res["viewport"] == width, "%s: viewport %d px, not %d" %
          (name, res["viewport"], width))
    check(res["scrollWidth"] <= res["viewport"],
          "%s: the page scrolls sideways (%d px wide)" %
          (name, res["scrollWidth"]))
    check(res["nwide"] == 0, "%s: %d elements wider than the viewport: %s" %
          (name, res["nwide"], "; ".join(res["wide"])))


def check_rows(res, report, name):
    for key, val in report.items():
        if isinstance(val, list):
            check(res["rows"].get(key) == len(val),
                  "%s: %s has %s rows, the JSON %d" %
                  (name, key, res["rows"].get(key), len(val)))
        elif isinstance(val, dict):
            check(key in res["rows"], "%s: no %s section" % (name, key))


def demo(exe, binary, tmp):
    page = os.path.join(tmp, "demo.html")
    data = os.path.join(tmp, "demo.json")
    notes = os.path.join(TOP, "examples", "notes")
    refgraph(binary, "html", notes, page)
    refgraph(binary, "json", notes, data)
    with open(data, encoding="utf-8") as f:
        report = json.load(f)
    for width in WIDTHS:
        name = "demo at %d px" % width
        res = probe(exe, page, width, tmp)
        if res is None:
            continue
        check_layout(res, width, name)
        check_rows(res, report, name)
        check(res["marker"] == 0 and res["handlers"] == 0 and
              res["scripts"] == 1, "%s: a script or handler besides the "
              "probe" % name)
        # rows are cards on a phone, table rows on a desktop
        want = "block" if width < 640 else "table-row"
        check(res["cardDisplay"] == want, "%s: rows display as %r, not %r" %
              (name, res["cardDisplay"], want))
        shot = os.path.join(TOP, "build", "browser-%d.png" % width)
        height = min(max(res["height"], PROBE_HEIGHT), MAX_SHOT_HEIGHT)
        rc, _ = browse(exe, harness(tmp, page, width, height),
                       max(width, WINDOW_MIN), height,
                       ["--screenshot=" + shot])
        check(rc == 0 and os.path.getsize(shot) > 0,
              "%s: no screenshot" % name)
        print("browser: %s: %s (%d px tall), %s" % (
            name, os.path.relpath(shot, TOP), height,
            ", ".join("%s %d" % kv for kv in sorted(res["rows"].items()))))


# Each would set window.rgPwned if a browser ran it.
PAYLOADS = [
    "<script>window.rgPwned=1</script>",
    "<img src=x onerror=\"window.rgPwned=2\">",
    "x\" autofocus onfocus=\"window.rgPwned=3\" y=\"",
    "<svg onload=\"window.rgPwned=4\">",
    "javascript:window.rgPwned=5",
    "</style><script>window.rgPwned=6</script>",
    "</title><script>window.rgPwned=7</script>",
]


def yq(s):
    """A YAML single-quoted scalar."""
    return "'" + s.replace("'", "''") + "'"


def hostile_notes(root):
    """Notes whose every field people can write holds a payload."""
    os.makedirs(os.path.join(root, "people"))
    os.makedirs(os.path.join(root, "referrals"))
    with open(os.path.join(root, ".refgraph.yaml"), "w") as f:
        f.write("me: Pat Owner\n")
    tasks = []
    log = []
    for i, p in enumerate(PAYLOADS):
        name = "%s %d" % (p, i)
        fname = re.sub(r"[/\x00]", "_", name)[:100] + ".md"
        with open(os.path.join(root, "people", fname), "w") as f:
            f.write("---\ntype: person\nname: %s\nrole: client\n"
                    "org: %s\nsince: 2026-01-0%d\nlast_contact: 2026-02-01\n"
                    "---\n# %s\n" % (yq(name), yq(p), 1 + i % 9, p))
        log.append("---\ntype: referral\nfrom: %s\nprospect: %s\n"
                   "date: 2026-09-0%d\nkind: introduction\nstatus: new\n"
                   % (yq("[[%s]]" % name), yq("Prospect " + p), 1 + i % 9))
        tasks.append("- [ ] call [[%s]] about %s due:2026-11-0%d\n"
                     % (name, p, 1 + i % 9))
    with open(os.path.join(root, "referrals", "log.yaml"), "w") as f:
        f.write("".join(log))
    with open(os.path.join(root, "todo.md"), "w") as f:
        f.write("# To do\n\n" + "".join(tasks))


def hostile(exe, binary, tmp):
    notes = os.path.join(tmp, "hostile")
    hostile_notes(notes)
    page = os.path.join(tmp, "hostile.html")
    data = os.path.join(tmp, "hostile.json")
    refgraph(binary, "html", notes, page)
    refgraph(binary, "json", notes, data)
    with open(data, encoding="utf-8") as f:
        report = json.load(f)
    check(len(report.get("followups", [])) >= len(PAYLOADS),
          "hostile: fewer follow-ups than payloads: the notes were not read")
    for width in WIDTHS:
        name = "hostile notes at %d px" % width
        res = probe(exe, page, width, tmp)
        if res is None:
            continue
        check(res["marker"] == 0, "%s: a payload ran (marker %s)" %
              (name, res["marker"]))
        check(res["scripts"] == 1, "%s: %d script elements, only the probe "
              "expected" % (name, res["scripts"]))
        check(res["handlers"] == 0, "%s: %d event-handler attributes" %
              (name, res["handlers"]))
        check(res["links"] == 0, "%s: %d link or source attributes" %
              (name, res["links"]))
        check(res["title"].startswith("refgraph report"),
              "%s: the title is %r" % (name, res["title"]))
        check_rows(res, report, name)
        check_layout(res, width, name)


def main():
    if len(sys.argv) != 2:
        print("usage: python3 tests/browser/run.py BINARY", file=sys.stderr)
        return 2
    binary = os.path.abspath(sys.argv[1])
    exe = chromium()
    if exe is None:
        if os.environ.get("CI") == "true":
            print("FAIL browser: chromium is not installed "
                  "(make deps, or apt-get install chromium)")
            print("browser: 0 passed, 1 failed")
            return 1
        print("browser: skipped, chromium is not installed "
              "(make deps, or apt-get install chromium)")
        return 0
    os.makedirs(os.path.join(TOP, "build"), exist_ok=True)
    tmp = tempfile.mkdtemp(prefix="rg-browser-")
    try:
        demo(exe, binary, tmp)
        hostile(exe, binary, tmp)
    except subprocess.TimeoutExpired as e:
        check(False, "chromium took more than %d s: %s" % (RUN_TIMEOUT, e))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print("browser: %d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
