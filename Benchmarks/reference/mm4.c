/*
 * mm4.c: the C reference for topobench's speed, an M/M/4 queue written by hand.
 *
 * The model is Benchmarks/reference/mm4.yaml: Poisson arrivals at 3200/s, four servers with
 * exponential service of mean 1 ms (rho = 0.8), one unbounded FIFO queue, every customer counted
 * (no warm-up). The loop is what a careful programmer writes for this one model: a binary
 * min-heap of events keyed by (time, sequence) with integer-nanosecond times, as in topobench,
 * a ring buffer of waiting customers' arrival times, and no allocation in the loop.
 *
 * Random numbers: GSL's MT19937 (gsl_rng_mt19937), one generator for arrivals and one for
 * service times, and exponential variates by inversion of one gsl_rng_uniform draw u:
 * -mean * log(1 - u). That is the formula topobench's RandomStream.exponential uses;
 * gsl_ran_exponential computes -mean * log1p(-u) from the same u, which agrees to within an ulp
 * but costs more (glibc's log1p is slower than log). Times are rounded to whole nanoseconds as
 * topobench does.
 *
 * Build: cc -O2 -o mm4 mm4.c $(pkg-config --cflags --libs gsl)
 * Run:   ./mm4 [duration_s=2000] [seed=2026]
 * Prints `key value` lines: customers, wall_s, cpu_s, customers_per_s, mean_response_ms and
 * the exact Erlang C value for comparison.
 */
#include <gsl/gsl_rng.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

enum { SERVERS = 4 };
static const double ARRIVAL_RATE = 3200.0;  /* per second */
static const double SERVICE_MEAN = 0.001;   /* seconds */

enum kind { ARRIVAL, DEPARTURE };

typedef struct {
    int64_t time; /* ns */
    uint64_t seq;
    int kind;
    int server;
} event;

/* The event list: a binary min-heap on (time, seq). At most 1 + SERVERS events are pending. */
static event heap[16];
static int heap_n = 0;
static uint64_t next_seq = 0;

static inline int precedes(const event *a, const event *b) {
    return a->time < b->time || (a->time == b->time && a->seq < b->seq);
}

static inline void schedule(int64_t time, int kind, int server) {
    event e = {time, next_seq++, kind, server};
    int i = heap_n++;
    while (i > 0) {
        int parent = (i - 1) / 2;
        if (!precedes(&e, &heap[parent])) break;
        heap[i] = heap[parent];
        i = parent;
    }
    heap[i] = e;
}

static inline event pop(void) {
    event top = heap[0];
    event last = heap[--heap_n];
    int i = 0;
    for (;;) {
        int c = 2 * i + 1;
        if (c >= heap_n) break;
        if (c + 1 < heap_n && precedes(&heap[c + 1], &heap[c])) c++;
        if (!precedes(&heap[c], &last)) break;
        heap[i] = heap[c];
        i = c;
    }
    heap[i] = last;
    return top;
}

/* -mean * log(1 - u), rounded to nanoseconds. */
static inline int64_t exponential_ns(gsl_rng *r, double mean) {
    double s = -mean * log(1.0 - gsl_rng_uniform(r));
    return (int64_t)llround(s * 1e9);
}

/* FIFO queue of waiting customers' arrival times: a growable ring buffer. */
static int64_t *fifo = NULL;
static size_t fifo_cap = 0, fifo_head = 0, fifo_len = 0;

static void fifo_grow(void) {
    size_t cap = fifo_cap ? 2 * fifo_cap : 1024;
    int64_t *b = malloc(cap * sizeof *b);
    if (!b) { perror("malloc"); exit(70); }
    for (size_t k = 0; k < fifo_len; k++) b[k] = fifo[(fifo_head + k) % fifo_cap];
    free(fifo);
    fifo = b;
    fifo_cap = cap;
    fifo_head = 0;
}

static double erlang_c_response(double lambda, double mu, int c) {
    double a = lambda / mu, rho = a / c, term = 1, sum = 1;
    for (int k = 1; k < c; k++) { term *= a / k; sum += term; }
    term *= a / c;
    double pc = term / (1 - rho);
    double C = pc / (sum + pc);
    return C / (c * mu - lambda) + 1 / mu;
}

int main(int argc, char **argv) {
    double duration_s = argc > 1 ? atof(argv[1]) : 2000.0;
    unsigned long seed = argc > 2 ? strtoul(argv[2], NULL, 10) : 2026;
    const int64_t end = (int64_t)(duration_s * 1e9);

    gsl_rng *arrivals = gsl_rng_alloc(gsl_rng_mt19937);
    gsl_rng *service = gsl_rng_alloc(gsl_rng_mt19937);
    gsl_rng_set(arrivals, seed);
    gsl_rng_set(service, seed + 1);
    fifo_grow();

    int64_t in_service_since[SERVERS]; /* arrival time of the customer each server holds */
    int busy[SERVERS] = {0};
    int idle = SERVERS;
    uint64_t customers = 0, completed = 0;
    double response_sum_ns = 0;

    struct timespec w0, w1;
    clock_t c0 = clock();
    clock_gettime(CLOCK_MONOTONIC, &w0);

    schedule(exponential_ns(arrivals, 1.0 / ARRIVAL_RATE), ARRIVAL, -1);
    while (heap_n > 0) {
        event e = pop();
        int64_t now = e.time;
        if (e.kind == ARRIVAL) {
            if (now >= end) continue; /* arrivals stop at the end; the busy servers drain */
            customers++;
            schedule(now + exponential_ns(arrivals, 1.0 / ARRIVAL_RATE), ARRIVAL, -1);
            if (idle > 0) {
                int s = 0;
                while (busy[s]) s++;
                busy[s] = 1;
                idle--;
                in_service_since[s] = now;
                schedule(now + exponential_ns(service, SERVICE_MEAN), DEPARTURE, s);
            } else {
                if (fifo_len == fifo_cap) fifo_grow();
                fifo[(fifo_head + fifo_len) % fifo_cap] = now;
                fifo_len++;
            }
        } else {
            int s = e.server;
            response_sum_ns += (double)(now - in_service_since[s]);
            completed++;
            if (fifo_len > 0) {
                in_service_since[s] = fifo[fifo_head];
                fifo_head = (fifo_head + 1) % fifo_cap;
                fifo_len--;
                schedule(now + exponential_ns(service, SERVICE_MEAN), DEPARTURE, s);
            } else {
                busy[s] = 0;
                idle++;
            }
        }
    }

    clock_gettime(CLOCK_MONOTONIC, &w1);
    double cpu = (double)(clock() - c0) / CLOCKS_PER_SEC;
    double wall = (double)(w1.tv_sec - w0.tv_sec) + 1e-9 * (double)(w1.tv_nsec - w0.tv_nsec);

    printf("model M/M/4 rho=0.8, C event loop, gsl_rng_mt19937, exponential = -mean*log(1-gsl_rng_uniform)\n");
    printf("customers %llu\n", (unsigned long long)customers);
    printf("wall_s %.6f\n", wall);
    printf("cpu_s %.6f\n", cpu);
    printf("customers_per_s %.0f\n", customers / wall);
    printf("customers_per_cpu_s %.0f\n", customers / cpu);
    printf("mean_response_ms %.6f\n", response_sum_ns / (double)completed / 1e6);
    printf("erlang_c_response_ms %.6f\n", 1000 * erlang_c_response(ARRIVAL_RATE, 1 / SERVICE_MEAN, SERVERS));

    gsl_rng_free(arrivals);
    gsl_rng_free(service);
    free(fifo);
    return 0;
}
