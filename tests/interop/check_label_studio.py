"""A Label Studio server imports our tasks (with the labelling config we
export, and our predictions), and its export comes back through our import
unchanged.

Starts Label Studio on 127.0.0.1 with its own data directory in WORKDIR,
signs in the way its web page does (a session; the legacy API token is
disabled in this version), makes a project from our config, imports the
tasks through the API, and checks:
1. the task's text is ours; its annotation has our spans, labels and
   covered text, and a per-region note for each note; the predictions
   (turns, speakers, facts) are there;
2. Label Studio's own JSON export read by our import gives back every
   annotation: tag, span and note.

usage: check_label_studio.py LS_BIN_DIR TASKS.json CONFIG.xml OURS.json PARSED.json WORKDIR"""

import os
import sys

import requests

import servers
from common import check, cli, done, load, same_annotations, NOW

EMAIL, PASSWORD = "rapporteur@example.org", "interop-check-1"


def main(bin_dir, tasks_path, config_path, ours_path, parsed_path, work):
    ours = load(ours_path)
    parsed = load(parsed_path)
    names = {t["id"]: t["name"] for t in ours["tags"]}
    data = os.path.join(work, "label-studio-data")
    os.makedirs(data, exist_ok=True)
    env = dict(os.environ, LABEL_STUDIO_BASE_DATA_DIR=data, HOME=data,
               LABEL_STUDIO_DISABLE_SIGNUP_WITHOUT_LINK="true")
    port = servers.free_port()
    log = os.path.join(work, "label-studio.log")
    proc = servers.start([os.path.join(bin_dir, "label-studio"), "start", "--port", str(port),
                          "--host", "", "--internal-host", "127.0.0.1", "--no-browser",
                          "--username", EMAIL, "--password", PASSWORD], env, log)
    base = f"http://127.0.0.1:{port}"
    servers.wait_for(f"{base}/health", proc, log, 300)

    s = requests.Session()
    s.get(f"{base}/user/login/")
    r = s.post(f"{base}/user/login/", data={
        "email": EMAIL, "password": PASSWORD, "csrfmiddlewaretoken": s.cookies.get("csrftoken", ""),
    }, headers={"Referer": f"{base}/user/login/"})
    check(r.ok and "sessionid" in s.cookies, f"sign in: {r.status_code}")
    s.headers["X-CSRFToken"] = s.cookies.get("csrftoken", "")
    s.headers["Referer"] = base

    config = open(config_path, encoding="utf-8").read()
    r = s.post(f"{base}/api/projects", json={"title": "Rapporteur interop", "label_config": config})
    check(r.ok, f"create project with our config: {r.status_code} {r.text[:300]}")
    project = r.json()["id"]
    with open(tasks_path, "rb") as f:
        r = s.post(f"{base}/api/projects/{project}/import", data=f.read(),
                   headers={"Content-Type": "application/json"})
    check(r.ok, f"import: {r.status_code} {r.text[:300]}")
    summary = r.json()
    check(summary.get("task_count") == 1, f"one task imported: {summary}")
    check(summary.get("annotation_count") == 1, f"one annotation imported: {summary}")
    check(summary.get("prediction_count") == 1, f"one prediction imported: {summary}")

    r = s.get(f"{base}/api/projects/{project}/export", params={"exportType": "JSON"})
    check(r.ok, f"export: {r.status_code} {r.text[:200]}")
    exported_bytes = r.content
    exported = r.json()
    check(len(exported) == 1, "one task in Label Studio's export")
    task = exported[0]
    text = task["data"]["text"]
    check(text == ours["document"]["text"], "Label Studio keeps our text exactly")
    results = task["annotations"][0]["result"]
    labels = [x for x in results if x["type"] == "labels"]
    got = sorted((x["value"]["labels"][0], x["value"]["start"], x["value"]["end"], x["value"]["text"])
                 for x in labels)
    want = sorted((names[a["tag"]], a["start"], a["end"], a["exact"]) for a in ours["annotations"])
    check(got == want, f"Label Studio's spans and labels are ours: {got[:2]} vs {want[:2]}")
    for x in labels:
        v = x["value"]
        check(text[v["start"]:v["end"]] == v["text"], f"covered text of {v['labels']} in code points")
    notes = sorted(x["value"]["text"][0] for x in results if x["type"] == "textarea")
    check(notes == sorted(a["note"] for a in ours["annotations"] if a["note"]), "per-region notes")
    # The export names predictions by id; the predictions API gives them whole.
    r = s.get(f"{base}/api/predictions/", params={"task": task["id"]})
    check(r.ok, f"predictions: {r.status_code} {r.text[:200]}")
    predictions = [x for p in r.json() for x in p["result"] if x["type"] == "labels"]
    facts = sorted((f["start"], f["end"]) for f in parsed["facts"])
    predicted = sorted((x["value"]["start"], x["value"]["end"]) for x in predictions
                       if x["value"]["labels"][0] not in ("Turn", "Speaker"))
    check(predicted == facts, "every fact is a prediction")
    turns = [x for x in predictions if x["value"]["labels"][0] == "Turn"]
    check(len(turns) == len(parsed["speakers"]), "one predicted turn per speaker")

    back_in = os.path.join(work, "from-label-studio.json")
    with open(back_in, "wb") as f:
        f.write(exported_bytes)
    back_path = os.path.join(work, "from-label-studio.annotations.json")
    cli("import", back_in, "-o", back_path, "--now", NOW)
    same_annotations(ours, load(back_path), "Label Studio")
    done("Label Studio")


if __name__ == "__main__":
    try:
        main(*sys.argv[1:])
    finally:
        servers.stop_all()
