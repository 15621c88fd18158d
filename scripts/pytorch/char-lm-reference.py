#!/usr/bin/python3
"""The char-lm LSTM training loop in PyTorch, to check that jgrad's learning curve is PyTorch's and
not a bug's (docs/RECURRENT.md): the same text, split (last 5% held out), streams read side by
side, embedding 64, one LSTM layer, linear read-out, Adam with a cosine over all steps, gradient
norm clipped at 1, the final state of a chunk (detached) starting the next; prints the mean
training bits per character every 100 steps and the validation bits per character at the end.
The initial weights differ from jgrad's (each framework's own seed), so curves agree, bits do not.

    /usr/bin/python3 scripts/pytorch/char-lm-reference.py LR BATCH SEQ_LEN HIDDEN TRAIN_CHARS [TEXT]

Debian's python3-torch 1.13 took about 8 s a step on the 2-core VM at hidden 256, batch 32,
sequence 64, so compare at small sizes, e.g. 1e-2 16 32 64 102416 (200 steps) against
./jgrad char-lm --epochs 1 --lr 1e-2 --batch-size 16 --seq-len 32 --hidden 64 --train-chars 102416.
"""
import math
import os
import sys

import torch
import torch.nn as nn

lr, batch, seq, hidden, train_chars = float(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
path = sys.argv[6] if len(sys.argv) > 6 else os.path.expanduser("~/.cache/jgrad/fortunes/fortunes.txt")
torch.manual_seed(0)
torch.set_num_threads(1)  # the figure in docs/RECURRENT.md came from one thread
text = open(path, encoding="utf-8").read()
vocabulary = sorted(set(text))
index = {c: i for i, c in enumerate(vocabulary)}
ids = torch.tensor([index[c] for c in text])
split = int(len(ids) * 0.95)


def streams(start, end, n):
    """(length, n): column b is the b-th of n equal consecutive pieces of ids[start:end]."""
    length = (end - start) // n
    return ids[start:start + n * length].view(n, length).t().contiguous()


class CharLstm(nn.Module):
    def __init__(self):
        super().__init__()
        self.embedding = nn.Embedding(len(vocabulary), 64)
        self.lstm = nn.LSTM(64, hidden)
        self.readout = nn.Linear(hidden, len(vocabulary))

    def forward(self, x, state):
        y, state = self.lstm(self.embedding(x), state)
        return self.readout(y), state


train = streams(0, min(split, train_chars), batch)
validation = streams(split, len(ids), 64)
model = CharLstm()
optimizer = torch.optim.Adam(model.parameters(), lr)
steps = (train.shape[0] - 1) // seq
schedule = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, steps)
state, total = None, 0.0
for step in range(steps):
    x, y = train[step * seq:(step + 1) * seq], train[step * seq + 1:(step + 1) * seq + 1]
    logits, state = model(x, state)
    state = tuple(s.detach() for s in state)
    loss = nn.functional.cross_entropy(logits.reshape(-1, len(vocabulary)), y.reshape(-1))
    optimizer.zero_grad()
    loss.backward()
    nn.utils.clip_grad_norm_(model.parameters(), 1.0)
    optimizer.step()
    schedule.step()
    total += loss.item()
    if (step + 1) % 100 == 0:
        print(f"step {step + 1}: train_bpc {total / 100 / math.log(2):.3f}", flush=True)
        total = 0.0
with torch.no_grad():
    state, nats, count = None, 0.0, 0
    for start in range(0, validation.shape[0] - 1, seq):
        n = min(seq, validation.shape[0] - 1 - start)
        logits, state = model(validation[start:start + n], state)
        nats += nn.functional.cross_entropy(logits.reshape(-1, len(vocabulary)),
                                            validation[start + 1:start + n + 1].reshape(-1)).item() * n
        count += n
print(f"steps {steps} val_bpc {nats / count / math.log(2):.3f}")
