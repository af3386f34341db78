"""A doccano server imports our JSONL through its API, and its export comes
back through our import unchanged.

Starts doccano (webserver and its Celery task worker) on 127.0.0.1 with its
own SQLite database in WORKDIR, makes a sequence-labelling project that
allows overlapping spans, uploads the JSONL the way doccano's web page
does (filepond upload, then the import task), and checks:
1. the example's text is ours and the spans doccano returns through its
   REST API (start_offset, end_offset, label type) are ours;
2. our notes survive as the example's metadata;
3. doccano's own JSONL export (downloaded through the API) read by our
   import gives back every annotation, tag, span and note.

usage: check_doccano.py DOCCANO_BIN_DIR EXPORT.jsonl OURS.json WORKDIR"""

import io
import json
import os
import sys
import time
import zipfile

import requests

import servers
from common import check, cli, done, load, same_annotations, NOW

USER, PASSWORD = "rapporteur", "interop-check-1"


def main(bin_dir, export_path, ours_path, work):
    ours = load(ours_path)
    names = {t["id"]: t["name"] for t in ours["tags"]}
    data = os.path.join(work, "doccano-data")
    os.makedirs(data, exist_ok=True)
    env = dict(os.environ,
               DATABASE_URL=f"sqlite:///{os.path.join(data, 'doccano.db')}",
               MEDIA_ROOT=os.path.join(data, "media"),
               HOME=data)
    doccano = os.path.join(bin_dir, "doccano")
    log = os.path.join(work, "doccano.log")
    for args in (["init"], ["createuser", "--username", USER, "--password", PASSWORD]):
        proc = servers.start([doccano, *args], env, log)
        check(proc.wait(timeout=300) == 0, f"doccano {args[0]} (log: {log})")
    port = servers.free_port()
    web = servers.start([doccano, "webserver", "--port", str(port), "--workers", "1"], env, log)
    base = f"http://127.0.0.1:{port}"
    servers.wait_for(f"{base}/v1/health", web, log, 180)
    # The task worker only once the webserver is up: started together, both
    # create Celery's queue table in the one SQLite file and one of them can
    # fail on the UNIQUE constraint (seen on a loaded machine).
    servers.start([doccano, "task", "--concurrency", "1"], env, log)

    s = requests.Session()
    r = s.post(f"{base}/v1/auth/login/", json={"username": USER, "password": PASSWORD})
    check(r.ok, f"login: {r.status_code} {r.text[:200]}")
    key = r.json()["key"]
    # Token authentication only: a session cookie would make Django ask for CSRF.
    s = requests.Session()
    s.headers["Authorization"] = f"Token {key}"
    r = s.post(f"{base}/v1/projects", json={
        "name": "Rapporteur interop", "description": "check", "guideline": "",
        "project_type": "SequenceLabeling", "resourcetype": "SequenceLabelingProject",
        "allow_overlapping": True, "grapheme_mode": False, "use_relation": False,
        "random_order": False, "collaborative_annotation": True, "tags": [],
    })
    check(r.ok, f"create project: {r.status_code} {r.text[:300]}")
    project = r.json()["id"]

    with open(export_path, "rb") as f:
        r = s.post(f"{base}/v1/fp/process/", files={"filepond": ("sc.doccano.jsonl", f, "application/octet-stream")})
    check(r.ok, f"upload: {r.status_code} {r.text[:200]}")
    upload_id = r.text.strip()
    r = s.post(f"{base}/v1/projects/{project}/upload", json={
        "uploadIds": [upload_id], "format": "JSONL", "task": "SequenceLabeling",
        "column_data": "text", "column_label": "label", "delimiter": "", "encoding": "utf_8",
    })
    check(r.ok, f"import: {r.status_code} {r.text[:200]}")
    status = wait_task(s, base, r.json()["task_id"])
    check(not status.get("result", {}).get("error"), f"doccano import errors: {status}")

    examples = s.get(f"{base}/v1/projects/{project}/examples").json()["results"]
    check(len(examples) == 1, f"one example, got {len(examples)}")
    example = examples[0]
    check(example["text"] == ours["document"]["text"], "doccano keeps our text exactly")
    notes = example["meta"].get("notes")
    check(isinstance(notes, list) and len(notes) == sum(1 for a in ours["annotations"] if a["note"]),
          f"our notes are kept in the example's metadata: {str(example['meta'])[:200]}")
    types = {t["id"]: t["text"] for t in s.get(f"{base}/v1/projects/{project}/span-types").json()}
    got = sorted((types[x["label"]], x["start_offset"], x["end_offset"])
                 for x in s.get(f"{base}/v1/projects/{project}/examples/{example['id']}/spans").json())
    want = sorted((names[a["tag"]], a["start"], a["end"]) for a in ours["annotations"])
    check(got == want, f"doccano's spans are ours: {got[:3]} vs {want[:3]}")

    r = s.post(f"{base}/v1/projects/{project}/download", json={"format": "JSONL", "exportApproved": False})
    check(r.ok, f"export: {r.status_code} {r.text[:200]}")
    task_id = r.json()["task_id"]
    wait_task(s, base, task_id)
    r = s.get(f"{base}/v1/projects/{project}/download", params={"taskId": task_id})
    check(r.ok and r.content[:2] == b"PK", f"download: {r.status_code} {r.content[:100]!r}")
    with zipfile.ZipFile(io.BytesIO(r.content)) as z:
        names_in_zip = z.namelist()
        check(len(names_in_zip) == 1, f"one JSONL in doccano's export: {names_in_zip}")
        exported = z.read(names_in_zip[0])
    back_in = os.path.join(work, "from-doccano.jsonl")
    with open(back_in, "wb") as f:
        f.write(exported)
    first = json.loads(exported.decode("utf-8").splitlines()[0])
    check("label" in first and "id" in first, f"doccano's export line: {list(first)}")
    back_path = os.path.join(work, "from-doccano.annotations.json")
    cli("import", back_in, "-o", back_path, "--now", NOW)
    same_annotations(ours, load(back_path), "doccano")
    done("doccano")


def wait_task(s, base, task_id, seconds=180):
    deadline = time.time() + seconds
    while time.time() < deadline:
        status = s.get(f"{base}/v1/tasks/status/{task_id}").json()
        if status.get("ready"):
            return status
        time.sleep(1)
    check(False, f"doccano task {task_id} finished within {seconds} s")


if __name__ == "__main__":
    try:
        main(*sys.argv[1:])
    finally:
        servers.stop_all()
