"""What the kernel checks run through jupyter_client share: a named check that records its outcome, running a cell
to its idle status with its reply, and the closing line. Imported by kernel_client_check.py and
kernel_protocol_check.py (both run by kernel-ext's KernelIT), which sit beside it.
"""
import queue
import time

failures = []
passed = []


def check(name, condition, detail=""):
    if condition:
        passed.append(name)
        print("ok    " + name, flush=True)
    else:
        failures.append(name)
        print("FAIL  " + name + (": " + str(detail)[:2000] if detail else ""), flush=True)


def collect(kc, msg_ids, timeout=120):
    """Reads iopub until every msg_id has had its idle status; returns {msg_id: [messages]}."""
    out = {m: [] for m in msg_ids}
    idle = set()
    deadline = time.time() + timeout
    while len(idle) < len(msg_ids):
        remaining = deadline - time.time()
        if remaining <= 0:
            raise TimeoutError("no idle status for %s" % (set(msg_ids) - idle))
        try:
            msg = kc.get_iopub_msg(timeout=remaining)
        except queue.Empty:
            continue
        parent = msg["parent_header"].get("msg_id")
        if parent not in out:
            continue
        if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
            idle.add(parent)
        else:
            out[parent].append(msg)
    return out


def replies(kc, msg_ids, timeout=60):
    got = {}
    while len(got) < len(msg_ids):
        reply = kc.get_shell_msg(timeout=timeout)
        parent = reply["parent_header"].get("msg_id")
        if parent in msg_ids:
            got[parent] = reply["content"]
    return got


def run(kc, code, timeout=120):
    msg_id = kc.execute(code)
    out = collect(kc, [msg_id], timeout)[msg_id]
    return replies(kc, [msg_id])[msg_id], out


def shell_reply(kc, msg_id, timeout=30):
    reply = kc.get_shell_msg(timeout=timeout)
    while reply["parent_header"].get("msg_id") != msg_id:
        reply = kc.get_shell_msg(timeout=timeout)
    return reply["content"]


def is_complete(kc, code):
    return shell_reply(kc, kc.is_complete(code))


def of_type(outputs, msg_type):
    return [m["content"] for m in outputs if m["msg_type"] == msg_type]


def summary(name):
    """Prints the closing line ('NAME: N ok, M failing') and returns the exit code: 0 when every check passed."""
    print("%s: %d ok, %d failing" % (name, len(passed), len(failures)))
    return 1 if failures else 0
