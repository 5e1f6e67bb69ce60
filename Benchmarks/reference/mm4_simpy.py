#!/usr/bin/env python3
"""M/M/4 at rho = 0.8 in SimPy: the model of Benchmarks/reference/mm4.yaml and mm4.c.

Poisson arrivals at 3200/s, four servers (a simpy.Resource of capacity 4, FIFO), exponential
service of mean 1 ms, every customer counted (no warm-up). Written as SimPy's own examples write
a queue (a source process and one process per customer), since that is what its users run.

Random numbers: Python's `random` (also MT19937, but seeded its own way) with
`random.expovariate`, which is -log(1 - u) / rate, the same inversion as the C loop and
topobench; GSL is not used here.

Set-up: pip install simpy
Run:    python3 mm4_simpy.py [duration_s=200] [seed=2026]
Prints `key value` lines: customers, wall_s, cpu_s, customers_per_s, mean_response_ms.
"""
import random
import sys
import time

import simpy

ARRIVAL_RATE = 3200.0  # per second
SERVICE_MEAN = 0.001  # seconds
SERVERS = 4


def main() -> None:
    duration = float(sys.argv[1]) if len(sys.argv) > 1 else 200.0
    seed = int(sys.argv[2]) if len(sys.argv) > 2 else 2026
    arrivals = random.Random(seed)
    service = random.Random(seed + 1)
    env = simpy.Environment()
    servers = simpy.Resource(env, capacity=SERVERS)
    stats = {"customers": 0, "completed": 0, "response_sum": 0.0}

    def customer(env: simpy.Environment):
        arrived = env.now
        with servers.request() as req:
            yield req
            yield env.timeout(service.expovariate(1.0 / SERVICE_MEAN))
        stats["completed"] += 1
        stats["response_sum"] += env.now - arrived

    def source(env: simpy.Environment):
        while True:
            yield env.timeout(arrivals.expovariate(ARRIVAL_RATE))
            if env.now >= duration:
                return
            stats["customers"] += 1
            env.process(customer(env))

    env.process(source(env))
    c0, w0 = time.process_time(), time.perf_counter()
    env.run()  # arrivals stop at `duration`; the customers in the system drain
    wall, cpu = time.perf_counter() - w0, time.process_time() - c0

    n = stats["customers"]
    print(f"model M/M/4 rho=0.8, SimPy {simpy.__version__}, random.expovariate")
    print(f"customers {n}")
    print(f"wall_s {wall:.6f}")
    print(f"cpu_s {cpu:.6f}")
    print(f"customers_per_s {n / wall:.0f}")
    print(f"customers_per_cpu_s {n / cpu:.0f}")
    print(f"mean_response_ms {1000 * stats['response_sum'] / stats['completed']:.6f}")


if __name__ == "__main__":
    main()
