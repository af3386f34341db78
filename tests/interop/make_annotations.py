"""Writes our annotations export (rapporteur-annotations/1) for the test
release: tags with spaces, accents and a colour each; spans over emoji,
combining accents, Arabic and Hebrew, a flag and a ZWJ sequence, one
across a paragraph break, nested and overlapping ones; notes with accents,
emoji and a line break. Offsets are Python string indices: code points
into the text with CRLF made LF, as ours are."""

import hashlib
import json
import sys

from common import NOW, RELEASE

TAGS = [
    {"id": "claim", "name": "Claim", "color": "#56b4e9"},
    {"id": "commitment", "name": "Commitment", "color": "#009e73"},
    {"id": "press", "name": "Press freedom", "color": "#e69f00"},
    {"id": "concern", "name": "Préoccupation", "color": "#d55e00"},
    {"id": "quote", "name": "Quote / RTL", "color": "#cc79a7"},
]

# (tag, text to find, occurrence, note)
SPANS = [
    ("claim", "the Council must act now 🙏", 0, "Strong wording 💪 — check the verbatim."),
    ("commitment", "Rene\u0301 Dubois of the relief fund had pledged $12 million", 0, "Pledge by René (e + U+0301)."),
    ("commitment", "$12 million", 0, ""),
    ("concern", "40 per cent of the basin’s wells had run dry 💧", 0, "Line one\nline two"),
    ("quote", "«مرحبا بالسلام»", 0, "Arabic greeting, right to left"),
    ("quote", "“שלום עכשיו”", 0, "Hebrew: peace now"),
    ("press", "👩\u200d🔬 hydrologists 🇸🇪", 0, ""),
    ("claim", "the Council should fund the wells.\n\nJOSE\u0301 MARTI\u0301NEZ (Spain) said", 0, "Crosses a paragraph break"),
    ("concern", "The situation is dire", 0, "Overlaps the next one"),
    ("press", "dire, and the pledges must be honoured", 0, "Quotes \"…\" & <markup>"),
]


def main(out_path):
    raw = open(RELEASE, encoding="utf-8", newline="").read()
    text = raw.replace("\r\n", "\n")
    annotations = []
    for n, (tag, needle, occurrence, note) in enumerate(SPANS, start=1):
        start = -1
        for _ in range(occurrence + 1):
            start = text.index(needle, start + 1)
        end = start + len(needle)
        annotations.append({
            "id": f"a-{n}", "tag": tag, "note": note, "start": start, "end": end,
            "exact": text[start:end], "created": NOW, "modified": NOW,
        })
    export = {
        "format": "rapporteur-annotations/1",
        "exported": NOW,
        "document": {"text": text, "text_sha256": hashlib.sha256(text.encode()).hexdigest(),
                     "text_length": len(text)},
        "tags": TAGS,
        "annotations": annotations,
        "orphans": [],
    }
    with open(out_path, "w", encoding="utf-8") as f:
        json.dump(export, f, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main(sys.argv[1])
