"""Starting a tool's server for one check run and stopping it afterwards,
whatever happens: each server runs in its own process group on 127.0.0.1,
with its data in the run's own directory."""

import atexit
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request

_started = []


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(args, env, log_path):
    """Starts `args` in a new process group; it is stopped at exit."""
    log = open(log_path, "ab")
    proc = subprocess.Popen(args, env=env, stdout=log, stderr=subprocess.STDOUT,
                            stdin=subprocess.DEVNULL, start_new_session=True)
    _started.append(proc)
    return proc


def stop_all():
    for proc in reversed(_started):
        if proc.poll() is None:
            try:
                os.killpg(proc.pid, signal.SIGTERM)
            except ProcessLookupError:
                continue
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()
    _started.clear()


atexit.register(stop_all)
for _sig in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
    signal.signal(_sig, lambda *_: sys.exit(1))


def wait_for(url, proc, log_path, seconds):
    """Waits until `url` answers (any HTTP status), or fails with the log."""
    deadline = time.time() + seconds
    while time.time() < deadline:
        if proc.poll() is not None:
            break
        try:
            urllib.request.urlopen(url, timeout=5)
            return
        except urllib.error.HTTPError:
            return
        except Exception:
            time.sleep(1)
    tail = open(log_path, errors="replace").read()[-3000:]
    print(f"FAIL: {url} did not answer within {seconds} s; server log:\n{tail}", file=sys.stderr)
    sys.exit(1)
