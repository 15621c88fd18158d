#!/usr/bin/env python3
"""Prints the Chebyshev coefficients FloatMath uses for erfc on [0.5, 12].

erfc(a) = exp(-a^2) * S(u) / (1 + 2a), where t = (a - K) / (a + K), u maps t's range on
[0.5, 12] to [-1, 1], and S is interpolated at Chebyshev nodes from scipy's erfcx (the scaled
complementary error function). Needs numpy and scipy; run once, paste the output into
backend-cpu's FloatMath. Prints the largest relative error of the fit on a fine grid.
"""
import numpy as np
from numpy.polynomial import chebyshev as C
from scipy.special import erfcx

LO, HI, K, DEGREE = 0.5, 12.0, 3.0, 12
T_LO, T_HI = (LO - K) / (LO + K), (HI - K) / (HI + K)


def u_of(a):
    t = (a - K) / (a + K)
    return (2 * t - T_LO - T_HI) / (T_HI - T_LO)


n = DEGREE + 1
nodes = np.cos(np.pi * (np.arange(n) + 0.5) / n)
t_nodes = (nodes * (T_HI - T_LO) + T_LO + T_HI) / 2
a_nodes = K * (1 + t_nodes) / (1 - t_nodes)
coefficients = C.chebfit(nodes, erfcx(a_nodes) * (1 + 2 * a_nodes), DEGREE)
grid = np.linspace(LO, HI, 400001)
error = np.max(np.abs(C.chebval(u_of(grid), coefficients) / (erfcx(grid) * (1 + 2 * grid)) - 1))
print(f"// u = t * {2 / (T_HI - T_LO)!r} + {-(T_LO + T_HI) / (T_HI - T_LO)!r}; max relative error {error:.2e}")
for c in coefficients:
    print(f"{float(c)!r},")
