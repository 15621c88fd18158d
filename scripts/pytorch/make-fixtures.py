#!/usr/bin/python3
"""Writes the PyTorch fixtures jgrad's tests load (core/src/test/resources/org/jgrad/conformance/pytorch/),
once, with
Debian's python3-torch (torch 1.13, CPU): for each model of models.py, NAME.safetensors is its
state_dict exactly as PyTorch holds it (float32, num_batches_tracked int64) and NAME.io.safetensors
its input and eval-mode output; models with BatchNorm also get the training-mode output and the
running statistics after that one training step. mlp is also written in F16 and BF16, with the
outputs of the rounded weights.

    /usr/bin/python3 scripts/pytorch/make-fixtures.py
"""
import os
import sys

import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import models  # noqa: E402
import safetensors_io  # noqa: E402

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "core", "src", "test", "resources", "org", "jgrad",
                   "conformance", "pytorch")


def main():
    os.makedirs(OUT, exist_ok=True)
    torch.manual_seed(0)
    generator = torch.Generator().manual_seed(1)
    for name, (build, shape) in models.MODELS.items():
        model = build()
        models.randomize_norms(model, generator)
        x = torch.empty(shape).uniform_(-2, 2, generator=generator)
        state = model.state_dict()
        safetensors_io.save(os.path.join(OUT, name + ".safetensors"), state, {"format": "pt"})
        model.eval()
        with torch.no_grad():
            io = {"input": x, "output": model(x)}
        if any(isinstance(m, torch.nn.BatchNorm2d) for m in model.modules()):
            model.train()
            with torch.no_grad():
                io["train_output"] = model(x)
            for key, value in model.state_dict().items():
                if "running" in key or "num_batches" in key:
                    io["after." + key] = value.clone()
        safetensors_io.save(os.path.join(OUT, name + ".io.safetensors"), io)
        if name == "mlp":
            for dtype, suffix in ((torch.float16, "f16"), (torch.bfloat16, "bf16")):
                rounded = {k: v.to(dtype) for k, v in state.items()}
                safetensors_io.save(os.path.join(OUT, name + "." + suffix + ".safetensors"), rounded, {"format": "pt"})
                model.load_state_dict({k: v.float() for k, v in rounded.items()}, strict=True)
                model.eval()
                with torch.no_grad():
                    safetensors_io.save(os.path.join(OUT, name + "." + suffix + ".io.safetensors"),
                                        {"input": x, "output": model(x)})
    print("wrote", sorted(os.listdir(OUT)), "with torch", torch.__version__)


if __name__ == "__main__":
    main()
