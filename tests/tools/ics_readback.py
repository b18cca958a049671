#!/usr/bin/env python3
"""Read refgraph's calendar back with a second parser and check every duty.

    python3 tests/tools/ics_readback.py BINARY CASE_DIR...

For each golden case whose command asks for `--format ics`, the same
command is run twice, once with `--format json`; the calendar is parsed
with python3-icalendar (not libical, which wrote it) and each event is
checked against the JSON row in the same place: its UID (recomputed here
from reason, contact, file and line), its day, its end, its summary (the
action, worked out here from the row) and the place in its description.
The raw text is checked too: CRLF line ends, no line over 75 octets, and
every line valid UTF-8 (folding never cuts a character).

python3-icalendar 4.0.3 reads an escaped backslash before an `n` (`\\n`)
as a backslash and a line break, and loses `\\` before `,` and `;`; RFC
5545 (3.3.11) reads them as the characters written.  So summaries and
descriptions are also read from the unfolded text by the RFC's rule here,
and icalendar's reading is compared with it where no backslash is involved.
"""
import datetime
import json
import os
import re
import shlex
import subprocess
import sys

import icalendar

FNV_OFFSET = 0xCBF29CE484222325
FNV_PRIME = 0x100000001B3
MAX_OCTETS = 75


def fnv(h, data):
    for byte in data:
        h ^= byte
        h = (h * FNV_PRIME) & 0xFFFFFFFFFFFFFFFF
    return h


def uid(row):
    """The UID refgraph(1) documents: FNV-1a of the duty's names."""
    h = fnv(FNV_OFFSET, row["reason"].encode() + b"\0")
    if row["contact"] is None:
        h = fnv(h, b"-")
    else:
        h = fnv(h, b"+" + row["contact"].encode())
    h = fnv(h, b"\0" + row["file"].encode() + b"\0")
    h = fnv(h, str(row["line"]).encode())
    return "%016x@refgraph" % h


def clean(s):
    """Control characters become spaces, as in every refgraph output."""
    return "".join(
        " " if ord(c) < 0x20 or ord(c) == 0x7F or 0x80 <= ord(c) < 0xA0
        or c in "\u2028\u2029" else c for c in s)


def action(row):
    """The action people read, worked out from the row (refgraph(1)).
    A pattern: the referral's date is not among the JSON keys."""
    st = row["status"] or ""
    e = re.escape
    if row["reason"] == "prospect":
        return ("Call %s: introduced by %s on (\\d{4}-\\d\\d-\\d\\d)?, %s, "
                "last touch %s" % (e(row["prospect"]), e(row["source"]),
                                   e(st), e(row["last_touch"] or "")))
    if row["reason"] == "inform":
        went = "went" if st in ("won", "lost") else "is going"
        return e("Tell %s how %s %s (%s)" % (row["source"], row["prospect"],
                                             went, st))
    if row["reason"] == "client":
        if row["last_touch"] is None:
            return e("Catch up with %s: not touched yet" % row["contact"])
        return e("Catch up with %s: last touch %s" % (row["contact"],
                                                      row["last_touch"]))
    return e(row["task"]) if row["task"] else "task"


def rfc_texts(raw):
    """SUMMARY and DESCRIPTION of each VEVENT, unfolded and unescaped by
    RFC 5545 (3.1, 3.3.11)."""
    text = re.sub(r"\r\n[ \t]", "", raw.decode("utf-8"))
    events, cur = [], None
    for line in text.split("\r\n"):
        name, _, value = line.partition(":")
        if line == "BEGIN:VEVENT":
            cur = {}
        elif line == "END:VEVENT":
            events.append(cur)
        elif cur is not None and name in ("SUMMARY", "DESCRIPTION"):
            cur[name] = re.sub(r"\\([\\;,nN])",
                               lambda m: "\n" if m.group(1) in "nN"
                               else m.group(1), value)
    return events


def run(binary, case, args):
    p = subprocess.run([binary] + args, cwd=case, capture_output=True,
                       env=dict(os.environ, TZ="UTC", NO_COLOR="1"))
    return p.stdout


def check_raw(raw, fail):
    if not raw.endswith(b"\r\n"):
        fail("the calendar does not end with CRLF")
    for line in raw.split(b"\r\n"):
        if b"\n" in line or b"\r" in line:
            fail("a bare line break: %r" % line)
        if len(line) > MAX_OCTETS:
            fail("a line of %d octets: %r" % (len(line), line))
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            fail("a fold cuts a character: %r" % line)


def check_event(ev, texts, row, today, fail):
    if str(ev.get("UID")) != uid(row):
        fail("UID %s, expected %s" % (ev.get("UID"), uid(row)))
    due = datetime.date.fromisoformat(row["due"])
    start = ev.decoded("DTSTART")
    if type(start) is not datetime.date or start != due:
        fail("DTSTART %r, expected the day %s" % (start, due))
    if ev.decoded("DTEND") != due + datetime.timedelta(days=1):
        fail("DTEND is not the day after %s" % due)
    stamp = ev.decoded("DTSTAMP")
    if stamp != datetime.datetime.combine(today, datetime.time(),
                                          datetime.timezone.utc):
        fail("DTSTAMP %r is not the report day" % stamp)
    summary = texts["SUMMARY"]
    if "\\" not in summary and str(ev.get("SUMMARY")) != summary:
        fail("icalendar reads SUMMARY %r as %r" % (summary, ev.get("SUMMARY")))
    if not re.fullmatch(clean(action(row)), summary):
        fail("SUMMARY %r is not the action of %r" % (summary, row))
    desc = texts["DESCRIPTION"].split("\n")
    place = clean("Place: %s:%d" % (row["file"], row["line"]))
    if desc[0] != place:
        fail("DESCRIPTION starts %r, expected %r" % (desc[0], place))
    if row["contact"] and clean("Contact: " + row["contact"]) not in desc:
        fail("DESCRIPTION has no contact line: %r" % desc)


def check_case(binary, case):
    errors = []
    fail = errors.append
    with open(os.path.join(case, "cmd")) as f:
        args = shlex.split(f.read())
    raw = run(binary, case, args)
    i = args.index("--format")
    rows = json.loads(run(binary, case, args[:i + 1] + ["json"] +
                          args[i + 2:]))
    today = datetime.date.fromisoformat(rows["today"])
    duties = rows.get("followups", [])
    check_raw(raw, fail)
    cal = icalendar.Calendar.from_ical(raw)
    if str(cal.get("VERSION")) != "2.0" or not cal.get("PRODID"):
        fail("no VERSION 2.0 or no PRODID")
    events = cal.walk("VEVENT")
    if len(events) != len(duties):
        fail("%d events for %d duties" % (len(events), len(duties)))
    texts = rfc_texts(raw)
    for ev, tx, row in zip(events, texts, duties):
        check_event(ev, tx, row, today, fail)
    if len({str(ev.get("UID")) for ev in events}) != len(events):
        fail("two events share a UID")
    return errors, len(events)


def main():
    binary = os.path.abspath(sys.argv[1])
    passed = failed = 0
    for case in sys.argv[2:]:
        with open(os.path.join(case, "cmd")) as f:
            if "--format ics" not in f.read():
                continue
        errors, n = check_case(binary, case)
        name = os.path.basename(case.rstrip("/"))
        if errors:
            failed += 1
            print("FAIL %s:" % name)
            for e in errors[:20]:
                print("    " + e)
        else:
            passed += 1
            print("ok %s: %d events" % (name, n))
    print("ics-readback: %d passed, %d failed" % (passed, failed))
    return 1 if failed or not passed else 0


if __name__ == "__main__":
    sys.exit(main())
