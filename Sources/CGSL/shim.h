// shim.h — the part of GSL that topobench uses, made importable by Swift.
//
// Swift 6 rejects GSL's generator-type globals (`gsl_rng_mt19937` is declared
// as a mutable `extern const gsl_rng_type *`), so they are returned from
// `static inline` accessors. The `cgsl_mt_*` functions below are the hot
// path's draws, which Swift inlines: the uniforms return exactly what GSL's
// `gsl_rng_get`, `gsl_rng_uniform`, `gsl_rng_uniform_pos` and
// `gsl_rng_uniform_int` return for the same mt19937 generator.
#ifndef TOPOBENCH_CGSL_SHIM_H
#define TOPOBENCH_CGSL_SHIM_H

#include <gsl/gsl_errno.h>
#include <gsl/gsl_rng.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_sf_erf.h>
#include <gsl/gsl_sf_gamma.h>

/// The Mersenne Twister MT19937 generator type (Matsumoto & Nishimura, 1998).
static inline const gsl_rng_type *cgsl_rng_type_mt19937(void) {
    return gsl_rng_mt19937;
}

#include <math.h>
#include <stdint.h>
#include "ziggurat.h"

// ---------------------------------------------------------------------------------------------
// The hot path's draws, inlined into Swift.
//
// Every stream is a gsl_rng of type gsl_rng_mt19937. Calling GSL for each draw costs an indirect
// call through r->type (and, for a normal, a call into the library) per number. The functions
// below advance the same generator in place: GSL's MT19937 state is the 624-word array of the
// reference algorithm, each word in an unsigned long, followed by the index of the next word
// (gsl/rng/mt.c), and cgsl_mt_next is the reference algorithm over it (M. Matsumoto and
// T. Nishimura, "Mersenne Twister", ACM TOMACS 8(1), 1998). It returns exactly what
// gsl_rng_get would, and draws through GSL and through it interleave freely on one generator;
// RandomStream checks the type and the state size once, and RandomStreamTests compares millions
// of outputs with GSL's.

typedef struct {
    unsigned long mt[624];
    int mti;
} cgsl_mt_state;

/// Regenerates the 624 words (the twist), as the reference algorithm does every 624 outputs.
static inline void cgsl_mt_twist(unsigned long *mt) {
    const unsigned long upper = 0x80000000UL, lower = 0x7fffffffUL, matrix = 0x9908b0dfUL;
    int k;
    for (k = 0; k < 624 - 397; k++) {
        unsigned long y = (mt[k] & upper) | (mt[k + 1] & lower);
        mt[k] = mt[k + 397] ^ (y >> 1) ^ ((y & 1UL) ? matrix : 0UL);
    }
    for (; k < 623; k++) {
        unsigned long y = (mt[k] & upper) | (mt[k + 1] & lower);
        mt[k] = mt[k + 397 - 624] ^ (y >> 1) ^ ((y & 1UL) ? matrix : 0UL);
    }
    unsigned long y = (mt[623] & upper) | (mt[0] & lower);
    mt[623] = mt[396] ^ (y >> 1) ^ ((y & 1UL) ? matrix : 0UL);
}

/// The next 32-bit output of an mt19937 gsl_rng (what gsl_rng_get returns).
static inline unsigned long cgsl_mt_next(const gsl_rng *r) {
    cgsl_mt_state *s = (cgsl_mt_state *) r->state;
    if (__builtin_expect(s->mti >= 624, 0)) {
        cgsl_mt_twist(s->mt);
        s->mti = 0;
    }
    unsigned long k = s->mt[s->mti++];
    k ^= (k >> 11);
    k ^= (k << 7) & 0x9d2c5680UL;
    k ^= (k << 15) & 0xefc60000UL;
    k ^= (k >> 18);
    return k;
}

/// Whether r is an mt19937 generator whose state has the layout above.
static inline int cgsl_rng_is_mt19937(const gsl_rng *r) {
    return r->type == gsl_rng_mt19937 && gsl_rng_size(r) == sizeof(cgsl_mt_state);
}

/// What gsl_rng_uniform returns for an mt19937 generator: a double in [0, 1).
static inline double cgsl_mt_uniform(const gsl_rng *r) {
    return cgsl_mt_next(r) / 4294967296.0;
}

/// What gsl_rng_uniform_pos returns for an mt19937 generator: a double in (0, 1).
static inline double cgsl_mt_uniform_pos(const gsl_rng *r) {
    double x;
    do {
        x = cgsl_mt_uniform(r);
    } while (x == 0);
    return x;
}

/// What gsl_rng_uniform_int returns for an mt19937 generator, for 1 <= n <= 2^32 - 1.
static inline unsigned long cgsl_mt_uniform_int(const gsl_rng *r, unsigned long n) {
    // Both operands fit in 32 bits: a 32-bit division (several times faster than a 64-bit
    // one on x86-64) gives the same quotient.
    uint32_t scale = (uint32_t) (0xffffffffUL / n);
    unsigned long k;
    do {
        k = (uint32_t) cgsl_mt_next(r) / scale;
    } while (k >= n);
    return k;
}

/// A normal variate N(0, sigma^2) by the ziggurat method (Marsaglia and Tsang, "The Ziggurat
/// Method for Generating Random Variables", J. Stat. Software 5(8), 2000), 128 layers, with the
/// tables of ziggurat.h; Marsaglia's method for the tail beyond R. One 32-bit draw gives the
/// layer (low 7 bits), the sign (bit 7) and a 24-bit abscissa; about 99 % of draws are
/// accepted at once.
static inline double cgsl_mt_gaussian_ziggurat(const gsl_rng *r, double sigma) {
    for (;;) {
        unsigned long k = cgsl_mt_next(r);
        unsigned long i = k & 0x7fUL;
        double sign = (k & 0x80UL) ? 1.0 : -1.0;
        unsigned long j = (k >> 8) & 0xffffffUL;
        double x = (double) j * cgsl_zig_wtab[i];
        if (__builtin_expect(j < cgsl_zig_ktab[i], 1)) return sign * sigma * x;
        double y;
        if (i < 127) {
            double u = cgsl_mt_uniform(r);
            y = cgsl_zig_ytab[i + 1] + (cgsl_zig_ytab[i] - cgsl_zig_ytab[i + 1]) * u;
        } else {
            double u1 = 1.0 - cgsl_mt_uniform(r);
            double u2 = cgsl_mt_uniform(r);
            x = CGSL_ZIGGURAT_R - log(u1) / CGSL_ZIGGURAT_R;
            y = exp(-CGSL_ZIGGURAT_R * (x - 0.5 * CGSL_ZIGGURAT_R)) * u2;
        }
        if (y < exp(-0.5 * x * x)) return sign * sigma * x;
    }
}

#endif
