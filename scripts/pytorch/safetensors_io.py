"""A minimal safetensors reader and writer for torch tensors (Debian's python3-torch 1.13 has no
safetensors package). Follows the format's reference writer: entries sorted by dtype (I64, F64,
F32, I32, BF16, F16) then by name, compact JSON with __metadata__ first, padded with spaces to a
multiple of 8."""
import json
import struct

import torch

CODES = {torch.float32: "F32", torch.float64: "F64", torch.float16: "F16", torch.bfloat16: "BF16",
         torch.int32: "I32", torch.int64: "I64"}
DTYPES = {code: dtype for dtype, code in CODES.items()}
ORDER = ["F16", "BF16", "I32", "F32", "F64", "I64"]


def _raw(tensor):
    t = tensor.detach().contiguous().cpu()
    if t.dtype in (torch.float16, torch.bfloat16):
        t = t.view(torch.int16)
    return t.numpy().tobytes()


def save(path, tensors, metadata=None):
    items = sorted(tensors.items(), key=lambda kv: (-ORDER.index(CODES[kv[1].dtype]), kv[0].encode()))
    header, data, offset = {}, [], 0
    if metadata:
        header["__metadata__"] = dict(sorted(metadata.items()))
    for name, tensor in items:
        raw = _raw(tensor)
        header[name] = {"dtype": CODES[tensor.dtype], "shape": list(tensor.shape),
                        "data_offsets": [offset, offset + len(raw)]}
        data.append(raw)
        offset += len(raw)
    text = json.dumps(header, separators=(",", ":")).encode()
    text += b" " * (-len(text) % 8)
    with open(path, "wb") as out:
        out.write(struct.pack("<Q", len(text)) + text + b"".join(data))


def load(path):
    """The tensors (in the file's dtypes) and the metadata of a safetensors file."""
    with open(path, "rb") as f:
        blob = f.read()
    (length,) = struct.unpack("<Q", blob[:8])
    header = json.loads(blob[8:8 + length])
    metadata = header.pop("__metadata__", {})
    data = blob[8 + length:]
    tensors = {}
    for name, entry in header.items():
        begin, end = entry["data_offsets"]
        dtype = DTYPES[entry["dtype"]]
        storage = torch.int16 if dtype in (torch.float16, torch.bfloat16) else dtype
        t = torch.frombuffer(bytearray(data[begin:end]), dtype=storage) if end > begin else torch.empty(0, dtype=storage)
        tensors[name] = t.view(dtype).reshape(entry["shape"]).clone()
    return tensors, metadata
