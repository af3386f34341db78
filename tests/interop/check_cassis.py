"""dkpro-cassis (INCEpTION's Python library for UIMA CAS) reads our XMI.

1. Loads each .xmi of the export with its TypeSystem.xml and checks the
   sofa is our text, every RapporteurTag has the label, note and covered
   text we exported (cassis converts XMI's UTF-16 offsets to code points:
   the covered text of spans after emoji proves both sides count alike),
   and the turns, speaker mentions and facts cover what our parser found.
2. Round trip: cassis writes the CAS back as XMI (its own export), with one
   span added in cassis after the emoji; our import reads it and gives back
   every annotation, and the added one at the right code points.

usage: check_cassis.py EXPORT.zip OURS.json PARSED.json WORKDIR"""

import json
import os
import sys
import zipfile

from cassis import load_cas_from_xmi, load_typesystem

from common import check, cli, done, load, same_annotations, NOW

TAG = "webanno.custom.RapporteurTag"


def main(export_zip, ours_path, parsed_path, work):
    ours = load(ours_path)
    parsed = load(parsed_path)
    text = ours["document"]["text"]
    names = {t["id"]: t["name"] for t in ours["tags"]}
    with zipfile.ZipFile(export_zip) as z:
        members = z.namelist()
        check("TypeSystem.xml" in members, "the zip holds TypeSystem.xml")
        xmis = [m for m in members if m.endswith(".xmi")]
        check(len(xmis) == 1, f"one .xmi in the zip, found {xmis}")
        typesystem = load_typesystem(z.read("TypeSystem.xml").decode("utf-8"))
        cas = load_cas_from_xmi(z.read(xmis[0]).decode("utf-8"), typesystem=typesystem)

    check(cas.sofa_string == text, "the sofa is our text exactly")
    found = sorted((a.label, a.begin, a.end, a.note, a.get_covered_text()) for a in cas.select(TAG))
    want = sorted((names[a["tag"]], a["start"], a["end"], a["note"], a["exact"])
                  for a in ours["annotations"])
    check(found == want, f"cassis reads our tags: {found[:2]} vs {want[:2]}")
    for label, begin, end, note, covered in found:
        check(covered == text[begin:end], f"covered text of {label} {begin}-{end}")

    facts = sorted((f["start"], f["end"], f["text"]) for f in parsed["facts"])
    cas_facts = sorted((a.begin, a.end, a.get_covered_text())
                       for a in cas.select("webanno.custom.RapporteurFact"))
    check(cas_facts == facts, f"facts: {cas_facts[:3]} vs {facts[:3]}")
    turns = cas.select("webanno.custom.RapporteurTurn")
    check(len(turns) == len(parsed["speakers"]), "one turn per speaker in this release")
    for turn, speaker in zip(sorted(turns, key=lambda a: a.begin), parsed["speakers"]):
        first = parsed["paragraphs"][speaker["paragraphs"][0]]
        check(turn.begin == first["start"], f"turn of {speaker['name']} starts at its paragraph")
        check(turn.speaker.startswith(speaker["name"]), f"turn names {speaker['name']}")

    # Round trip through cassis' own XMI writer, with a span added in cassis.
    Tag = typesystem.get_type(TAG)
    start = text.index("hydrologists")
    cas.add(Tag(begin=start, end=start + len("hydrologists"), label="Added in cassis",
                note="après 👩‍🔬", identifier="cassis-1"))
    back_zip = os.path.join(work, "from-cassis.zip")
    with zipfile.ZipFile(back_zip, "w") as z:
        z.writestr("from-cassis.xmi", cas.to_xmi())
        z.writestr("TypeSystem.xml", typesystem.to_xml())
    back_path = os.path.join(work, "from-cassis.annotations.json")
    cli("import", back_zip, "-o", back_path, "--now", NOW)
    back = load(back_path)
    added = [a for a in back["annotations"] if a["note"] == "après 👩‍🔬"]
    check(len(added) == 1 and (added[0]["start"], added[0]["end"]) == (start, start + 12),
          "the span added in cassis after the emoji lands on the same code points")
    back["annotations"] = [a for a in back["annotations"] if a["note"] != "après 👩‍🔬"]
    same_annotations(ours, back, "cassis")
    done("dkpro-cassis")


if __name__ == "__main__":
    main(*sys.argv[1:])
