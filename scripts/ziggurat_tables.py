#!/usr/bin/env python3
"""Computes the tables of the 128-layer ziggurat for the standard normal density
(Marsaglia and Tsang, "The Ziggurat Method for Generating Random Variables", Journal of
Statistical Software 5(8), 2000) and prints them as the C arrays of Sources/CGSL/ziggurat.h.

Layout (the one GSL's gsl_ran_gaussian_ziggurat uses): a 32-bit draw k gives the layer
i = k & 0x7f, the sign from bit 7 and a 24-bit j = (k >> 8) & 0xffffff.
  x_0 = 0 < x_1 < ... < x_127 = R, each of the 127 upper layers and the base strip
  (the rectangle [0, R] x [0, f(R)] plus the tail beyond R) having area V;
  ytab[i] = f(x_i), f(x) = exp(-x^2 / 2);
  wtab[i] = x_{i+1} / 2^24 (i < 127), wtab[127] = (V / f(R)) / 2^24;
  ktab[i] = floor(2^24 x_i / x_{i+1}) (i < 127), ktab[127] = floor(2^24 R f(R) / V).
A draw in layer i is x = j * wtab[i], accepted at once when j < ktab[i].

R is the root that makes x_0 = 0 exactly, solved here to 40 digits with mpmath, so the
tables are correct to the last bit of a double. Needs mpmath (`pip install mpmath`); only for
regenerating ziggurat.h, not for building. Run: python3 scripts/ziggurat_tables.py > table text
"""
import mpmath as mp

mp.mp.dps = 50
N = 128


def f(x):
    return mp.exp(-x * x / 2)


def area(r):
    # base strip: rectangle plus tail, integral of f from r to infinity = sqrt(pi/2) erfc(r/sqrt 2)
    return r * f(r) + mp.sqrt(mp.pi / 2) * mp.erfc(r / mp.sqrt(2))


def residual(r):
    # f(x_1) + V / x_1 - 1: zero when the top layer ends exactly at x_0 = 0
    v = area(r)
    x = r
    for _ in range(N - 2):
        y = f(x) + v / x
        if y >= 1:
            return y  # the layers overshoot 0 before the top: r is too small
        x = mp.sqrt(-2 * mp.log(y))
    return f(x) + v / x - 1


def main():
    r = mp.findroot(residual, mp.mpf("3.442619855899"))
    v = area(r)
    xs = [mp.mpf(0)] * N
    xs[N - 1] = r
    for i in range(N - 2, 0, -1):
        xs[i] = mp.sqrt(-2 * mp.log(f(xs[i + 1]) + v / xs[i + 1]))
    two24 = mp.mpf(2) ** 24
    ytab = [mp.mpf(1)] + [f(xs[i]) for i in range(1, N)]
    wtab = [xs[i + 1] / two24 for i in range(N - 1)] + [v / f(r) / two24]
    ktab = [int(mp.floor(two24 * xs[i] / xs[i + 1])) for i in range(N - 1)] + [int(mp.floor(two24 * r * f(r) / v))]

    def doubles(name, values):
        # repr of a float is the shortest decimal that reads back as the same double
        body = ",\n".join("    " + ", ".join(repr(float(v)) for v in values[k:k + 4]) for k in range(0, N, 4))
        return f"static const double {name}[{N}] = {{\n{body}\n}};"

    print(f"/* R = {mp.nstr(r, 20)}, V = {mp.nstr(v, 20)} (scripts/ziggurat_tables.py) */")
    print(f"#define CGSL_ZIGGURAT_R {repr(float(r))}")
    print(doubles("cgsl_zig_ytab", ytab))
    print(doubles("cgsl_zig_wtab", wtab))
    body = ",\n".join("    " + ", ".join(str(k) for k in ktab[k0:k0 + 4]) for k0 in range(0, N, 4))
    print(f"static const unsigned long cgsl_zig_ktab[{N}] = {{\n{body}\n}};")


if __name__ == "__main__":
    main()
