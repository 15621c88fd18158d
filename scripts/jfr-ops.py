#!/usr/bin/env python3
"""Where a jgrad training step spends its time, from a JFR recording's execution samples.

    scripts/jfr-ops.py RECORDING.jfr [--after HH:MM:SS] [--before HH:MM:SS]

Prints the share of samples per (phase, op, kernel): phase is forward, backward or optimizer
(the stack holds Autograd.backward or org.jgrad.optim); op is the innermost frame of a
differentiable op or layer class (ops.Im2Col, ops.MatMul, ops.BatchNormalization, ...); kernel is
the innermost class of the CPU backend (org.jgrad.cpu...). Samples from pool workers carry no op
(their stacks start at the pool), so they are listed as phase "worker". --after drops samples
taken before a time of day (e.g. the first epoch's JIT warm-up), --before those from that time on
(e.g. the test-set evaluation after the timed epochs). Needs the JDK's jfr tool.
"""
import collections
import re
import subprocess
import sys

OP_PACKAGES = ("org.jgrad.ops.", "org.jgrad.nn.", "org.jgrad.loss.", "org.jgrad.optim.")
# helpers that are not an op of their own: keep looking outward
HELPERS = ("org.jgrad.ops.Kernels.", "org.jgrad.ops.Gemm.", "org.jgrad.nn.Module.", "org.jgrad.nn.Sequential.")


def samples(path):
    text = subprocess.run(["jfr", "print", "--events", "jdk.ExecutionSample", "--stack-depth", "96", path],
                          capture_output=True, text=True, check=True).stdout
    for block in text.split("jdk.ExecutionSample {")[1:]:
        time = re.search(r"startTime = (\d\d:\d\d:\d\d)", block).group(1)
        thread = re.search(r'sampledThread = "([^"]*)"', block).group(1)
        frames = [line.strip() for line in block.split("stackTrace = [", 1)[1].split("\n")[1:]
                  if line.strip() and not line.strip().startswith("]")]
        yield time, thread, [f.split("(")[0] for f in frames]


def classify(thread, frames):
    kernel = next((f.rsplit(".", 1)[0].replace("org.jgrad.cpu.", "cpu.") for f in frames
                   if f.startswith("org.jgrad.cpu.") and not f.startswith("org.jgrad.cpu.Parallel")), "-")
    if thread != "main":
        return "worker", "-", kernel
    op = next((f.replace("org.jgrad.", "") for f in frames
               if f.startswith(OP_PACKAGES) and not f.startswith(HELPERS)), "-")
    if any(f.startswith("org.jgrad.optim.") for f in frames):
        phase = "optimizer"
    elif any(f.startswith("org.jgrad.Autograd.backward") for f in frames):
        phase = "backward"
    elif any(f.startswith("org.jgrad.nn.") for f in frames):
        phase = "forward"
    else:
        phase = "other"
    return phase, op, kernel


def main():
    path = sys.argv[1]
    after = sys.argv[sys.argv.index("--after") + 1] if "--after" in sys.argv else "00:00:00"
    before = sys.argv[sys.argv.index("--before") + 1] if "--before" in sys.argv else "99:99:99"
    counts = collections.Counter()
    phases = collections.Counter()
    total = 0
    for time, thread, frames in samples(path):
        if time < after or time >= before:
            continue
        key = classify(thread, frames)
        counts[key] += 1
        phases[key[0]] += 1
        total += 1
    print(f"{total} samples from {after} to {before}")
    for phase, n in phases.most_common():
        print(f"  {phase:10s} {100 * n / total:5.1f}%")
    print("share  phase      op                                   kernel")
    for (phase, op, kernel), n in counts.most_common():
        if 100 * n / total >= 0.5:
            print(f"{100 * n / total:5.1f}% {phase:10s} {op:36s} {kernel}")


if __name__ == "__main__":
    main()
