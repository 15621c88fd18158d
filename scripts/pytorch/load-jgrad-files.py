#!/usr/bin/python3
"""Loads the checkpoints jgrad wrote (backend-cpu's PyTorchExchangeFilesTest, into
backend-cpu/target/pytorch-exchange/) into PyTorch with Debian's python3-torch, strictly:
each weights file into the same architecture with load_state_dict(strict=True), whose eval-mode
output must match jgrad's within 1e-5; the MLP also from BF16 weights (within the rounding); and
each training-state file into torch.optim.Adam through optimizer.load_state_dict, its per-parameter
names (exp_avg, exp_avg_sq, step) and shapes matching what Adam itself keeps. Exits non-zero on
any mismatch.

    /usr/bin/python3 scripts/pytorch/load-jgrad-files.py [DIR]
"""
import os
import sys

import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import models  # noqa: E402
import safetensors_io  # noqa: E402

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
PREFIX = "optimizer.state."


def optimizer_state(training, model):
    """torch.optim.Adam's state_dict from a jgrad training-state file."""
    tensors, metadata = training
    state = {}
    for key, value in tensors.items():
        index, name = key[len(PREFIX):].split(".", 1)
        state.setdefault(int(index), {})[name] = value
    group = {"lr": float(metadata["jgrad.optimizer.group.0.lr"]),
             "betas": (float(metadata["jgrad.optimizer.group.0.beta1"]),
                       float(metadata["jgrad.optimizer.group.0.beta2"])),
             "eps": float(metadata["jgrad.optimizer.group.0.eps"]),
             "weight_decay": float(metadata["jgrad.optimizer.group.0.weightDecay"]),
             "amsgrad": metadata["jgrad.optimizer.group.0.amsgrad"] != "0.0",
             "params": list(range(len(list(model.parameters()))))}
    return {"state": state, "param_groups": [group]}


def check(name, directory, weights_file, tolerance):
    build, _ = models.MODELS[name]
    model = build()
    weights, _ = safetensors_io.load(os.path.join(directory, weights_file))
    model.load_state_dict(weights, strict=True)
    io, _ = safetensors_io.load(os.path.join(directory, name + ".io.safetensors"))
    model.eval()
    with torch.no_grad():
        error = (model(io["input"]) - io["output"]).abs().max().item()
    if error > tolerance:
        raise SystemExit(f"{weights_file}: output differs from jgrad's by {error} > {tolerance}")
    return model, error


def main():
    directory = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "backend-cpu", "target", "pytorch-exchange")
    for name in models.MODELS:
        model, error = check(name, directory, name + ".safetensors", 1e-5)
        training = safetensors_io.load(os.path.join(directory, name + ".training.safetensors"))
        adam = torch.optim.Adam(model.parameters(), lr=0.01)
        model(torch.zeros(models.MODELS[name][1])).pow(2).mean().backward()
        adam.step()
        expected = {i: {k: tuple(v.shape) for k, v in s.items()} for i, s in enumerate(adam.state.values())}
        loaded = optimizer_state(training, model)
        actual = {i: {k: tuple(v.shape) for k, v in s.items()} for i, s in loaded["state"].items()}
        if expected != actual:
            raise SystemExit(f"{name}.training.safetensors: optimizer state {actual}, torch's Adam keeps {expected}")
        adam.load_state_dict(loaded)
        print(f"{name}: weights loaded strictly, output within {error:.2e}; Adam state loaded")
    _, error = check("mlp", directory, "mlp.bf16.safetensors", 0.05)
    print(f"mlp.bf16: weights loaded strictly, output within {error:.2e} of the F32 model's")


if __name__ == "__main__":
    main()
