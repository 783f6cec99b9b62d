#!/usr/bin/python3
"""Drives the ARC Lab kernel through jupyter_client, as a notebook front end would.

Checks kernel_info, completion, inspection, is_complete, output, a compile error, a runtime error, an interrupt
of a tight loop after which the kernel still answers, and an interrupt of a running pipeline (its progress bar
updated in place, the run kept marked partial, the kernel usable after); then shuts the kernel down.
Run by kernel-ext's KernelIT with JUPYTER_DATA_DIR pointing at a freshly installed kernelspec:

    JUPYTER_DATA_DIR=... /usr/bin/python3 kernel_client_check.py [KERNEL_NAME]

Exits 0 when every check passes, 1 with the failed checks listed otherwise.
"""
import queue
import re
import sys
import time

from jupyter_client.manager import start_new_kernel

from kernel_checks import check, is_complete, of_type, run, shell_reply, summary

KERNEL = sys.argv[1] if len(sys.argv) > 1 else "arclab"
ANSI = re.compile(r"\x1b\[[0-9;]*m")


def main():
    km, kc = start_new_kernel(kernel_name=KERNEL, startup_timeout=120)
    try:
        info = kc.kernel_info(reply=True, timeout=30)["content"]
        check("kernel_info says java", info["language_info"]["name"] == "java", info)

        reply, out = run(kc, "int answer = 6 * 7;\nanswer")
        results = of_type(out, "execute_result")
        check("value", reply["status"] == "ok" and results and results[0]["data"]["text/plain"] == "42", out)

        reply, out = run(kc, 'System.out.println("streamed");')
        streams = of_type(out, "stream")
        check("stdout", streams and streams[0]["name"] == "stdout" and streams[0]["text"] == "streamed\n", out)
        check("trailing ';' hides the result", not of_type(out, "execute_result"), out)

        c = kc.complete("Math.ab", 7, reply=True, timeout=30)["content"]
        check("complete Math.ab", c["status"] == "ok" and "abs(" in c["matches"] and c["cursor_start"] == 5, c)
        c = kc.complete("answ", 4, reply=True, timeout=30)["content"]
        check("complete a variable", "answer" in c["matches"], c)
        c = kc.complete("%thr", 4, reply=True, timeout=30)["content"]
        check("complete a magic name", c["matches"] == ["threads"] and c["cursor_start"] == 1, c)

        i = kc.inspect("Math.abs", 6, reply=True, timeout=30)["content"]
        check("inspect Math.abs", i["status"] == "ok" and i["found"]
              and "int Math.abs(int a)" in i["data"].get("text/plain", ""), i)
        i = kc.inspect("answer", 3, reply=True, timeout=30)["content"]
        check("inspect a variable", i["found"] and i["data"]["text/plain"] == "int answer = 42", i)

        r = is_complete(kc, "for (int i = 0; i < 3; i++) {")
        check("is_complete incomplete", r["status"] == "incomplete" and r.get("indent") == "    ", r)
        r = is_complete(kc, "int y = 1;")
        check("is_complete complete", r["status"] == "complete", r)
        r = is_complete(kc, "}}}")
        check("is_complete invalid", r["status"] == "invalid", r)

        reply, out = run(kc, "int ok = 1;\nString s = 42;")
        errors = of_type(out, "error")
        text = ANSI.sub("", "\n".join(errors[0]["traceback"])) if errors else ""
        check("compile error", reply["status"] == "error" and errors and errors[0]["ename"] == "CompilationException"
              and "line 2" in text and "int cannot be converted to java.lang.String" in text
              and "String s = 42;" in text and "^" in text, errors)

        reply, out = run(kc, "int zero = 0;\nint r = 10 / zero;")
        errors = of_type(out, "error")
        text = ANSI.sub("", "\n".join(errors[0]["traceback"])) if errors else ""
        check("runtime error", reply["status"] == "error" and errors
              and errors[0]["evalue"] == "java.lang.ArithmeticException: / by zero"
              and "at line 2" in text and "jdk.jshell" not in text and "dev.arclab.kernel" not in text, errors)

        reply, out = run(kc, "%threads 0")
        errors = of_type(out, "error")
        text = ANSI.sub("", "\n".join(errors[0]["traceback"])) if errors else ""
        check("magic usage error", errors and text.startswith("UsageError: %threads: threads must be at least 1")
              and "Usage: %threads" in text, errors)

        # Interrupt a tight loop: the reply must come back soon, and the kernel must still answer.
        msg_id = kc.execute("long spins = 0;\nwhile (true) { spins++; }")
        busy_deadline = time.time() + 60
        busy = False
        while time.time() < busy_deadline and not busy:
            try:
                msg = kc.get_iopub_msg(timeout=5)
            except queue.Empty:
                continue
            busy = (msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "execute_input")
        time.sleep(1.5)
        started = time.time()
        km.interrupt_kernel()
        reply = shell_reply(kc, msg_id)
        took = time.time() - started
        check("interrupt stops a tight loop", reply["status"] == "error"
              and reply.get("ename") == "CellInterruptedException" and took < 10,
              "%s after %.1f s" % (reply, took))
        reply, out = run(kc, "1 + 1", timeout=30)
        results = of_type(out, "execute_result")
        check("kernel answers after the interrupt", results and results[0]["data"]["text/plain"] == "2", out)

        # Interrupt a running pipeline (1000 iterations on the 400 bundled tasks): its progress bar is shown once and
        # updated in place; the interrupt cancels it, the run is kept marked partial, and the kernel stays usable.
        reply, out = run(kc, "%tasks bundled\n%solvers", timeout=180)
        check("pipeline set-up", reply["status"] == "ok", reply)
        msg_id = kc.execute("%iterate 1000")
        shown, updated, bar_ids = False, 0, set()
        deadline = time.time() + 180
        while time.time() < deadline and updated < 3:
            try:
                msg = kc.get_iopub_msg(timeout=5)
            except queue.Empty:
                continue
            if msg["parent_header"].get("msg_id") != msg_id:
                continue
            display_id = msg["content"].get("transient", {}).get("display_id")
            if msg["msg_type"] == "display_data" and display_id:
                shown = True
                bar_ids.add(display_id)
            elif msg["msg_type"] == "update_display_data" and display_id in bar_ids:
                updated += 1
        check("progress bar shown once and updated in place", shown and updated >= 3 and len(bar_ids) == 1,
              "shown %s, %d updates, ids %s" % (shown, updated, bar_ids))
        time.sleep(1.0)
        started = time.time()
        km.interrupt_kernel()
        reply = shell_reply(kc, msg_id, timeout=120)
        took = time.time() - started
        errors = []
        while True:
            msg = kc.get_iopub_msg(timeout=30)
            if msg["parent_header"].get("msg_id") != msg_id:
                continue
            if msg["msg_type"] == "error":
                errors.append(msg["content"])
            if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
                break
        text = ANSI.sub("", "\n".join(errors[0]["traceback"])) if errors else ""
        check("interrupt stops a running pipeline", reply["status"] == "error"
              and reply.get("ename") == "CellInterruptedException" and took < 10
              and "kept what had finished (marked partial)" in text, "%s %s after %.1f s" % (reply, text, took))
        reply, out = run(kc, 'Session.current().history().get(0).summary().get("partial")', timeout=30)
        results = of_type(out, "execute_result")
        check("the cancelled run is kept, marked partial", results and results[0]["data"]["text/plain"] == "1", out)
        reply, out = run(kc, "%tasks --limit 5\n%run", timeout=120)
        results = of_type(out, "execute_result")
        check("kernel runs the pipeline after the interrupt", reply["status"] == "ok" and results
              and "run-2" in results[0]["data"].get("text/html", ""), out)
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=False)
    check("kernel ends on shutdown", not km.is_alive())

    return summary("kernel client check")


if __name__ == "__main__":
    sys.exit(main())
