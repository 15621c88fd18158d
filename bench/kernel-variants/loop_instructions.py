#!/usr/bin/env python3
"""Instructions in the innermost FMA loop of each C2-compiled method in a -XX:CompileCommand=print log.

Without hsdis, HotSpot prints compiled code as hex words; this reassembles each tier-4 (C2),
non-OSR method's bytes, disassembles them with objdump and finds the shortest backward branch whose
body holds vfmadd instructions. Usage: loop_instructions.py PRINT_LOG
"""
import re
import subprocess
import sys
import tempfile

HEADER = re.compile(r"^Compiled method \(c2\)\s+\d+\s+\d+\s+4\s+(\S+)")
HEX_LINE = re.compile(r"^\s*0x([0-9a-f]+): ([0-9a-f]{2,8}(?:\s*\|?\s*[0-9a-f]{2,8})*)\s*$")


def methods(log):
    name, code, base = None, bytearray(), None
    for line in open(log, errors="replace"):
        m = HEADER.match(line)
        if m or line.startswith("Compiled method"):
            if name and code:
                yield name, base, bytes(code)
            name, code, base = (m.group(1) if m else None), bytearray(), None
            continue
        h = HEX_LINE.match(line)
        if name and h:
            address = int(h.group(1), 16)
            data = bytes.fromhex(re.sub(r"[^0-9a-f]", "", h.group(2)))
            base = address if base is None else base
            code[len(code):] = b"\x90" * max(0, address - base - len(code))
            code[address - base:address - base + len(data)] = data
    if name and code:
        yield name, base, bytes(code)


def disassemble(base, code):
    with tempfile.NamedTemporaryFile(suffix=".bin") as f:
        f.write(code)
        f.flush()
        text = subprocess.run(["objdump", "-D", "-b", "binary", "-mi386:x86-64", "-M", "intel",
                               f"--adjust-vma={base:#x}", f.name], capture_output=True, text=True, check=True).stdout
    out = []
    for line in text.splitlines():
        m = re.match(r"\s*([0-9a-f]+):\s+(?:[0-9a-f]{2} )+\s*\t(\S+)\s*(.*)", line)
        if m:
            out.append((int(m.group(1), 16), m.group(2), m.group(3)))
    return out


def kind(op, args):
    if op.startswith("vfmadd"):
        return "fma"
    if "broadcast" in op:
        return "broadcast"
    if op.startswith("vmov") and "PTR" in args and args.startswith(("ymm", "zmm", "xmm")):
        return "vector load"
    return "vector other" if op.startswith("v") else "integer"


def innermost_fma_loop(ins):
    best = None
    for address, op, args in ins:
        target = re.match(r"0x([0-9a-f]+)", args)
        if op.startswith("j") and op != "jmp" and target and int(target.group(1), 16) < address:
            body = [i for i in ins if int(target.group(1), 16) <= i[0] <= address]
            if any(i[1].startswith("vfmadd") for i in body) and (best is None or len(body) < len(best)):
                best = body
    return best


def main():
    for name, base, code in methods(sys.argv[1]):
        body = innermost_fma_loop(disassemble(base, code))
        if not body:
            continue
        counts = {}
        for _, op, args in body:
            counts[kind(op, args)] = counts.get(kind(op, args), 0) + 1
        fmas = counts.get("fma", 0)
        detail = ", ".join(f"{k} {v}" for k, v in sorted(counts.items()))
        print(f"{name}: loop of {len(body)} instructions for {fmas} FMAs ({len(body) / fmas:.2f} each): {detail}")


if __name__ == "__main__":
    main()
