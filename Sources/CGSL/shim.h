// shim.h — the part of GSL that topobench uses, made importable by Swift.
//
// Swift 6 rejects GSL's generator-type globals (`gsl_rng_mt19937` is declared
// as a mutable `extern const gsl_rng_type *`), so they are returned from
// `static inline` accessors. The `cgsl_rng_*` helpers are the bodies of
// GSL's own `gsl_rng_uniform`, `gsl_rng_uniform_pos` and `gsl_rng_get`
// (gsl_rng.h, under HAVE_INLINE), copied here so Swift can inline them into
// the hot path without defining HAVE_INLINE for every includer; they return
// exactly what the library functions return.
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

/// Same as gsl_rng_get: the next raw 32-bit output (mt19937: 0 ... 2^32-1).
static inline unsigned long cgsl_rng_get(const gsl_rng *r) {
    return (r->type->get)(r->state);
}

/// Same as gsl_rng_uniform: a double in [0, 1).
static inline double cgsl_rng_uniform(const gsl_rng *r) {
    return (r->type->get_double)(r->state);
}

/// Same as gsl_rng_uniform_pos: a double in (0, 1).
static inline double cgsl_rng_uniform_pos(const gsl_rng *r) {
    double x;
    do {
        x = (r->type->get_double)(r->state);
    } while (x == 0);
    return x;
}

/// Same as gsl_rng_uniform_int without its error branch: an integer in
/// [0, n). The caller guarantees 1 <= n <= max - min of the generator
/// (2^32 - 1 for mt19937). Same rejection scheme, so the same values.
static inline unsigned long cgsl_rng_uniform_int(const gsl_rng *r, unsigned long n) {
    unsigned long offset = r->type->min;
    unsigned long range = r->type->max - offset;
    unsigned long scale = range / n;
    unsigned long k;
    do {
        k = (((r->type->get)(r->state)) - offset) / scale;
    } while (k >= n);
    return k;
}

#endif
