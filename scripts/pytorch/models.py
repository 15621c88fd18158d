"""The architectures jgrad's tests exchange with PyTorch, built as in jgrad's PyTorchModels (same
module names, so state dicts match key for key)."""
import torch
from torch import nn


class BasicBlock(nn.Module):
    """torchvision.models.resnet.BasicBlock (torchvision is not in Debian's python3-torch)."""

    def __init__(self, inplanes, planes, stride=1):
        super().__init__()
        self.conv1 = nn.Conv2d(inplanes, planes, 3, stride, 1, bias=False)
        self.bn1 = nn.BatchNorm2d(planes)
        self.relu = nn.ReLU(inplace=True)
        self.conv2 = nn.Conv2d(planes, planes, 3, 1, 1, bias=False)
        self.bn2 = nn.BatchNorm2d(planes)
        self.downsample = None
        if stride != 1 or inplanes != planes:
            self.downsample = nn.Sequential(nn.Conv2d(inplanes, planes, 1, stride, bias=False), nn.BatchNorm2d(planes))

    def forward(self, x):
        out = self.relu(self.bn1(self.conv1(x)))
        out = self.bn2(self.conv2(out))
        identity = x if self.downsample is None else self.downsample(x)
        return self.relu(out + identity)


def mlp():
    return nn.Sequential(nn.Linear(6, 16), nn.ReLU(), nn.Linear(16, 8), nn.Tanh(), nn.Linear(8, 3))


def conv_bn():
    return nn.Sequential(nn.Conv2d(3, 8, 3, padding=1), nn.BatchNorm2d(8), nn.ReLU(), nn.MaxPool2d(2), nn.Flatten(),
                         nn.Linear(8 * 4 * 4, 5))


def basic_block():
    return BasicBlock(4, 8, stride=2)


def layer_norm_gelu():
    return nn.Sequential(nn.Linear(6, 12), nn.LayerNorm(12), nn.GELU(), nn.Linear(12, 4))


def grouped_conv():
    return nn.Conv2d(4, 6, 3, stride=2, padding=2, dilation=2, groups=2)


# name -> (builder, input shape)
MODELS = {
    "mlp": (mlp, (5, 6)),
    "conv_bn": (conv_bn, (2, 3, 8, 8)),
    "basic_block": (basic_block, (2, 4, 8, 8)),
    "layer_norm_gelu": (layer_norm_gelu, (3, 5, 6)),
    "grouped_conv": (grouped_conv, (2, 4, 9, 9)),
}


def randomize_norms(model, generator):
    """Non-trivial BatchNorm/LayerNorm state, so that loading it is tested, not the defaults."""
    with torch.no_grad():
        for m in model.modules():
            if isinstance(m, (nn.BatchNorm2d, nn.LayerNorm)):
                m.weight.uniform_(0.5, 1.5, generator=generator)
                m.bias.uniform_(-0.5, 0.5, generator=generator)
            if isinstance(m, nn.BatchNorm2d):
                m.running_mean.uniform_(-0.5, 0.5, generator=generator)
                m.running_var.uniform_(0.5, 2.0, generator=generator)
                m.num_batches_tracked.fill_(7)
