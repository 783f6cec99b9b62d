#!/usr/bin/python3
"""Kernel cold start: from starting the ARC Lab kernel to the result of its first cell, for each kernelspec
given (e.g. one with the AppCDS archive and one without), interleaved round by round; median and min seconds, and the
median CPU seconds the kernel's process had used by then (all its threads: JIT and GC too; on a shared machine it
says more than the wall time, which waits for the other processes).

    kernel-ext/first-result.py [--rounds N] [--code CELL] PREFIX:NAME [PREFIX:NAME ...]

PREFIX is a Jupyter data prefix holding share/jupyter/kernels/NAME (install-kernelspec.sh --prefix DIR).
"""
import argparse, os, statistics, time
from jupyter_client.kernelspec import KernelSpecManager
from jupyter_client.manager import KernelManager

ap = argparse.ArgumentParser()
ap.add_argument("--rounds", type=int, default=5)
ap.add_argument("--code", default='dev.arclab.task.TaskLoader.bundled().size()')
ap.add_argument("specs", nargs="+")
a = ap.parse_args()
times = {s: [] for s in a.specs}
cpus = {s: [] for s in a.specs}


def process_cpu(km):
    """CPU seconds (user + system) of the kernel's process so far, from /proc; None where that cannot be read."""
    try:
        pid = km.provisioner.process.pid
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (AttributeError, OSError, ValueError, IndexError):
        return None


for r in range(a.rounds):
    for s in a.specs:
        prefix, name = s.rsplit(":", 1)
        ksm = KernelSpecManager(kernel_dirs=[os.path.join(prefix, "share", "jupyter", "kernels")])
        km = KernelManager(kernel_name=name, kernel_spec_manager=ksm)
        t0 = time.monotonic()
        km.start_kernel()
        kc = km.client()
        kc.start_channels()
        try:
            kc.wait_for_ready(timeout=120)
            reply = kc.execute_interactive(a.code, timeout=120, output_hook=lambda m: None)
            dt = time.monotonic() - t0
            cpu = process_cpu(km)
            assert reply["content"]["status"] == "ok", reply["content"]
            times[s].append(dt)
            if cpu is not None:
                cpus[s].append(cpu)
        finally:
            kc.stop_channels()
            km.shutdown_kernel(now=True)
print(f"{'kernelspec':40} {'median s':>9} {'min s':>7} {'CPU s':>7}   (start to first cell result, {a.rounds} interleaved rounds; load average {os.getloadavg()[0]:.1f})")
for s, t in times.items():
    cpu = f"{statistics.median(cpus[s]):7.2f}" if cpus[s] else f"{'-':>7}"
    print(f"{s:40} {statistics.median(t):9.2f} {min(t):7.2f} {cpu}")
