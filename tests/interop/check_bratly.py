"""bratly (a brat standoff library) reads our .ann files.

1. Unzips the export, reads the folder with bratly, checks every entity's
   fragments and covered text against the .txt (bratly's own
   check_ann_compatibility_with_txt, and ours), and the notes.
2. Round trip: bratly writes the .ann files back (its own writer, after
   its own sorting and renumbering); our import of the folder gives back
   every annotation.

usage: check_bratly.py EXPORT.zip OURS.json WORKDIR"""

import os
import shutil
import sys
import zipfile

from bratly import EntityAnnotation, NoteAnnotation
from bratly.io import read_document_collection_from_folder, write_ann_files_in_folder

from common import check, cli, done, load, same_annotations, NOW


def main(export_zip, ours_path, work):
    ours = load(ours_path)
    text = ours["document"]["text"]
    folder = os.path.join(work, "brat")
    shutil.rmtree(folder, ignore_errors=True)
    with zipfile.ZipFile(export_zip) as z:
        z.extractall(folder)
    check(os.path.exists(os.path.join(folder, "annotation.conf")), "annotation.conf is there")
    collection = read_document_collection_from_folder(folder)
    check(collection is not None and len(collection.documents) == 1, "bratly reads one document")
    document = collection.documents[0]
    check(document.get_txt_content() == text, "the .txt is our text")
    check(document.check_ann_compatibility_with_txt(), "bratly: every span matches the .txt")
    annotations = document.annotation_collections[0].get_annotations()
    entities = [a for a in annotations if isinstance(a, EntityAnnotation)]
    check(len(entities) == len(ours["annotations"]), "one entity per annotation")
    want = sorted((a["start"], a["end"], a["exact"]) for a in ours["annotations"])
    got = sorted((e.get_start(), e.get_end(), text[e.get_start():e.get_end()]) for e in entities)
    check(got == want, f"entities cover our spans: {got[:2]} vs {want[:2]}")
    for e in entities:
        joined = " ".join(text[f.start:f.end] for f in e.fragments)
        check(e.content == joined, f"{e.id}: covered text {e.content!r}")
    notes = [a for a in annotations if isinstance(a, NoteAnnotation)]
    want_notes = sum(len([l for l in a["note"].split("\n") if l.strip()]) for a in ours["annotations"])
    check(len(notes) == want_notes, f"{len(notes)} notes, expected {want_notes}")

    out = os.path.join(work, "brat-back")
    shutil.rmtree(out, ignore_errors=True)
    write_ann_files_in_folder(collection, out)
    for conf in ("annotation.conf", "visual.conf"):
        shutil.copy(os.path.join(folder, conf), out)
    shutil.copy(document.fullpath, out)
    files = [os.path.join(out, f) for f in sorted(os.listdir(out))]
    back_path = os.path.join(work, "from-bratly.annotations.json")
    cli("import", *files, "-o", back_path, "--now", NOW)
    same_annotations(ours, load(back_path), "bratly")
    done("bratly")


if __name__ == "__main__":
    main(*sys.argv[1:])
