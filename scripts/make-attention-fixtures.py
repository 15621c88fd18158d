#!/usr/bin/python3
"""Writes the PyTorch reference fixtures for jgrad's attention layers (issue 12).

Run once with Debian's python3-torch (torch 1.13, CPU):
    /usr/bin/python3 scripts/make-attention-fixtures.py
Each case becomes core/src/test/resources/org/jgrad/conformance/pytorch/<case>.safetensors holding
float32 tensors: "param.<name>" (the module's state dict), "input.<name>", "mask.<name>" (bool masks
as 1.0 = True), "grad_output" (the gradient fed to backward), "output.<name>" and "grad.<name>"
(gradients of the inputs and parameters). AttentionPyTorchConformance reads them strictly.
"""
import json
import os
import struct

import torch

OUT = os.path.join(os.path.dirname(__file__), "..", "core", "src", "test", "resources", "org", "jgrad",
                   "conformance", "pytorch")


def write_safetensors(path, tensors):
    header, blobs, offset = {}, [], 0
    for name in sorted(tensors):
        data = tensors[name].detach().to(torch.float32).contiguous().numpy().tobytes()
        header[name] = {"dtype": "F32", "shape": list(tensors[name].shape), "data_offsets": [offset, offset + len(data)]}
        blobs.append(data)
        offset += len(data)
    header["__metadata__"] = {"generator": "scripts/make-attention-fixtures.py", "torch": torch.__version__}
    text = json.dumps(header, separators=(",", ":")).encode()
    text += b" " * (-len(text) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(text)) + text + b"".join(blobs))


def run_case(name, module, inputs, masks, call):
    """call(module, inputs, masks) returns a dict of outputs; the first is the one backward starts from."""
    for t in inputs.values():
        t.requires_grad_(True)
    outputs = call(module, inputs, masks)
    first = next(iter(outputs.values()))
    grad_output = torch.randn(first.shape)
    first.backward(grad_output)
    tensors = {"grad_output": grad_output}
    for key, value in module.state_dict().items():
        tensors["param." + key] = value
    for key, value in module.named_parameters():
        tensors["grad.param." + key] = value.grad
    for key, value in inputs.items():
        tensors["input." + key] = value
        tensors["grad." + key] = value.grad
    for key, value in masks.items():
        tensors["mask." + key] = value.to(torch.float32)
    for key, value in outputs.items():
        tensors["output." + key] = value
    write_safetensors(os.path.join(OUT, name + ".safetensors"), tensors)
    print(name, {k: list(v.shape) for k, v in tensors.items()})


def causal(length):
    return torch.triu(torch.ones(length, length, dtype=torch.bool), diagonal=1)


def padding(batch, keys, padded):
    mask = torch.zeros(batch, keys, dtype=torch.bool)
    for b, count in enumerate(padded):
        if count:
            mask[b, keys - count:] = True
    return mask


def main():
    os.makedirs(OUT, exist_ok=True)
    torch.manual_seed(12)

    # Self-attention, batch first, key padding and a causal mask, head-averaged weights.
    mha = torch.nn.MultiheadAttention(8, 2, batch_first=True)
    run_case("mha_self_causal_padding", mha, {"x": torch.randn(2, 5, 8)},
             {"key_padding": padding(2, 5, [0, 2]), "attn": causal(5)},
             lambda m, i, k: dict(zip(["out", "weights"], m(i["x"], i["x"], i["x"], key_padding_mask=k["key_padding"],
                                                            need_weights=True, attn_mask=k["attn"]))))

    # Separate query, key and value, sequence first, a float (additive) 3-D attention mask, per-head weights.
    mha = torch.nn.MultiheadAttention(8, 4)
    additive = torch.randn(3 * 4, 4, 6)
    run_case("mha_cross_additive", mha, {"q": torch.randn(4, 3, 8), "k": torch.randn(6, 3, 8), "v": torch.randn(6, 3, 8)},
             {"key_padding": padding(3, 6, [1, 0, 3]), "attn_additive": additive},
             lambda m, i, k: dict(zip(["out", "weights"], m(i["q"], i["k"], i["v"], key_padding_mask=k["key_padding"],
                                                            need_weights=True, attn_mask=k["attn_additive"],
                                                            average_attn_weights=False))))

    # Encoder layers, dropout 0: post-norm ReLU (batch first) and pre-norm GELU (sequence first).
    for norm_first, activation, batch_first in [(False, "relu", True), (True, "gelu", False)]:
        layer = torch.nn.TransformerEncoderLayer(8, 2, dim_feedforward=16, dropout=0.0, activation=activation,
                                                 batch_first=batch_first, norm_first=norm_first)
        x = torch.randn(2, 5, 8) if batch_first else torch.randn(5, 2, 8)
        run_case("encoder_layer_norm_first_%s" % str(norm_first).lower(), layer, {"x": x},
                 {"key_padding": padding(2, 5, [1, 0]), "attn": causal(5)},
                 lambda m, i, k: {"out": m(i["x"], src_mask=k["attn"], src_key_padding_mask=k["key_padding"])})


if __name__ == "__main__":
    main()
