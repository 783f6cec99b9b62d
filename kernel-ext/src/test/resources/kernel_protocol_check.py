#!/usr/bin/python3
"""Checks the parts of the Jupyter message protocol that front ends rely on, through jupyter_client.

status on every reply, history_request (tail, range, search), queued execute requests aborted after an error, an
interrupt or a failing magic (stop_on_error), heavy printing delivered whole with the idle status after it, an
interrupt sent while idle that must not stop the next cell, and clear_output. Run by kernel-ext's KernelIT:

    JUPYTER_DATA_DIR=... /usr/bin/python3 kernel_protocol_check.py KERNEL_NAME FLAG_DIR

Exits 0 when every check passes, 1 with the failed checks listed otherwise.
"""
import os
import sys

from jupyter_client.manager import start_new_kernel

from kernel_checks import check, collect, replies, run, summary

KERNEL = sys.argv[1] if len(sys.argv) > 1 else "arclab"
FLAGS = sys.argv[2] if len(sys.argv) > 2 else "/tmp"


def wait_running(kc, msg_id):
    while True:
        msg = kc.get_iopub_msg(timeout=60)
        if msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "execute_input":
            return


def stream_text(messages, name="stdout"):
    return "".join(m["content"]["text"] for m in messages if m["msg_type"] == "stream" and m["content"]["name"] == name)


def flag(name):
    return os.path.join(FLAGS, name)


def waiting_cell(name, then):
    """A cell that spins until the test creates the flag file, then does `then`."""
    return ('while (!java.nio.file.Files.exists(java.nio.file.Path.of("%s"))) { Thread.onSpinWait(); }\n%s'
            % (flag(name), then))


def aborts_after(kc, name, first, then):
    """Sends `first` (which waits for a flag), queues two printing cells, releases the flag; returns the statuses."""
    ids = [kc.execute(waiting_cell(name, first))]
    wait_running(kc, ids[0])
    ids.append(kc.execute('System.out.println("queued 1");'))
    ids.append(kc.execute('System.out.println("queued 2");'))
    with open(flag(name), "w"):
        pass
    then(ids[0])
    out = collect(kc, ids)
    got = replies(kc, ids)
    printed = "".join(stream_text(out[i]) for i in ids[1:])
    return [got[i]["status"] for i in ids], printed


def main():
    km, kc = start_new_kernel(kernel_name=KERNEL, startup_timeout=120)
    try:
        info = kc.kernel_info(reply=True, timeout=30)["content"]
        check("kernel_info_reply has status ok", info.get("status") == "ok", info)

        # history: tail, range, search (glob, unique, n)
        for code in ["int h1 = 1;", "int h2 = 2;", "int h1 = 1;", "h1 + h2"]:
            run(kc, code)
        tail = kc.history(hist_access_type="tail", n=3, reply=True, timeout=30)["content"]
        inputs = [h[2] for h in tail.get("history", [])]
        check("history tail", tail.get("status") == "ok" and inputs == ["int h2 = 2;", "int h1 = 1;", "h1 + h2"],
              tail)
        cells = [h[1] for h in tail.get("history", [])]
        if cells:
            rng = kc.history(hist_access_type="range", session=0, start=cells[0], stop=cells[-1] + 1, raw=True,
                             output=False, reply=True, timeout=30)["content"]
            check("history range", [h[2] for h in rng.get("history", [])] == inputs, rng)
        found = kc.history(hist_access_type="search", pattern="int h*", unique=True, reply=True,
                           timeout=30)["content"]
        check("history search, unique", [h[2] for h in found.get("history", [])] == ["int h2 = 2;", "int h1 = 1;"],
              found)
        found = kc.history(hist_access_type="search", pattern="int h?", n=1, reply=True, timeout=30)["content"]
        check("history search, no match with ?", found.get("history") == [], found)
        found = kc.history(hist_access_type="search", pattern="*h2*", n=1, reply=True, timeout=30)["content"]
        check("history search, n", [h[2] for h in found.get("history", [])] == ["h1 + h2"], found)

        # after an interrupt, an exception and a failing magic, queued cells are aborted (stop_on_error)
        statuses, printed = aborts_after(kc, "interrupt", "while (true) { }", lambda first: km.interrupt_kernel())
        check("queued cells aborted after an interrupt", statuses == ["error", "aborted", "aborted"]
              and printed == "", (statuses, printed))
        statuses, printed = aborts_after(kc, "throw", 'throw new IllegalStateException("stop");', lambda first: None)
        check("queued cells aborted after an exception", statuses == ["error", "aborted", "aborted"]
              and printed == "", (statuses, printed))
        statuses, printed = aborts_after(kc, "magic", "%threads 0", lambda first: None)
        check("queued cells aborted after a failing magic", statuses == ["error", "aborted", "aborted"]
              and printed == "", (statuses, printed))
        reply, out = run(kc, 'System.out.println("after");')
        check("cells run again after the aborted ones", reply["status"] == "ok" and stream_text(out) == "after\n",
              (reply, out))

        # heavy printing: every line arrives, in batches, and the idle status follows
        reply, out = run(kc, 'for (int i = 0; i < 30000; i++) { System.out.println("line " + i); }\n'
                             'System.err.println("done");', timeout=300)
        text = stream_text(out)
        lines = text.splitlines()
        check("30,000 printed lines all arrive, in order", reply["status"] == "ok" and len(lines) == 30000
              and lines == ["line %d" % i for i in range(30000)] and stream_text(out, "stderr") == "done\n",
              "%d lines" % len(lines))
        streams = [m for m in out if m["msg_type"] == "stream"]
        check("printed lines are batched", len(streams) < 3000, "%d stream messages" % len(streams))
        check("stderr after stdout keeps its place", streams and streams[-1]["content"]["name"] == "stderr",
              streams[-1:] if streams else out)

        # an interrupt sent while idle does not stop the next cell
        statuses = []
        for _ in range(15):
            km.interrupt_kernel()
            reply, out = run(kc, "1 + 1")
            statuses.append(reply["status"])
        check("an interrupt sent while idle does not stop the next cell", statuses == ["ok"] * 15, statuses)

        # clear_output, at once and when the next output arrives
        reply, out = run(kc, 'System.out.println("before");\nclearOutput(true);\nSystem.out.println("after");')
        kinds = [(m["msg_type"], m["content"].get("text", m["content"].get("wait"))) for m in out
                 if m["msg_type"] in ("stream", "clear_output")]
        check("clear_output(wait) between two outputs", kinds == [("stream", "before\n"), ("clear_output", True),
                                                                 ("stream", "after\n")], kinds)
        reply, out = run(kc, "clearOutput();")
        check("clear_output at once", [m["content"]["wait"] for m in out if m["msg_type"] == "clear_output"]
              == [False], out)
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=False)

    return summary("kernel protocol check")


if __name__ == "__main__":
    sys.exit(main())
