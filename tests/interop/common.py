"""Shared helpers for the interop checks: our CLI, the test release, the
annotations we expect back, and counting checks so that a run that checks
nothing fails."""

import json
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CLI = os.environ.get("RAPPORTEUR_CLI", os.path.join(ROOT, "target", "debug", "rapporteur-cli"))
RELEASE = os.path.join(ROOT, "tests", "fixtures", "exchange", "release-crlf.txt")
NOW = "2026-03-12T09:00:00.000Z"

_checks = 0


def check(condition, what):
    """One assertion; a failure stops the run with what was expected."""
    global _checks
    if not condition:
        print(f"FAIL: {what}", file=sys.stderr)
        sys.exit(1)
    _checks += 1


def done(tool):
    check(_checks > 0, f"{tool}: at least one check ran")
    print(f"PASS {tool}: {_checks} checks")


def cli(*args, stdin=None):
    """Runs rapporteur-cli; returns stdout bytes, stops the run on failure."""
    proc = subprocess.run([CLI, *args], input=stdin, capture_output=True)
    if proc.returncode != 0:
        print(f"FAIL: rapporteur-cli {' '.join(args)}:\n{proc.stderr.decode()}", file=sys.stderr)
        sys.exit(1)
    return proc.stdout


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def spans(export):
    """(tag name, start, end, note) of each annotation of our export, sorted."""
    names = {t["id"]: t["name"] for t in export["tags"]}
    return sorted((names[a["tag"]], a["start"], a["end"], a["note"]) for a in export["annotations"])


def same_annotations(ours, back, tool):
    """The round trip gave back every annotation: tag, span and note."""
    want, got = spans(ours), spans(back)
    missing = [s for s in want if s not in got]
    extra = [s for s in got if s not in want]
    check(not missing and not extra,
          f"{tool} round trip: missing {missing[:3]} extra {extra[:3]}")
    check(back["document"]["text"] == ours["document"]["text"], f"{tool} round trip: same text")
    check(not back["orphans"], f"{tool} round trip: nothing left unplaced")
