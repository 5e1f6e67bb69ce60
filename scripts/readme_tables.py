#!/usr/bin/env python3
"""Prints the README's result tables (Markdown) from results/default/*/summary.csv.

Run after `make run`; paste its output into README.md's "Results" section, so that every
figure in the README comes from the committed results.
"""
import csv, os, sys

root = sys.argv[1] if len(sys.argv) > 1 else "results/default"
order = ["instance_crash", "az_outage", "slow_backend", "backend_outage", "zombie", "yearly", "load_sweep", "region_outage", "database_failover", "off_hours_backend", "retry_storm", "retry_storm_boundary"]


def f(row, key, digits=1, scale=1.0):
    v = row.get(key, "")
    if v == "":
        return "–"
    return f"{float(v) * scale:.{digits}f}"


def ci(row, key, digits=1, scale=1.0):
    base = f(row, key, digits, scale)
    c = row.get(key + "_ci95", "")
    return base if c == "" or base == "–" else f"{base} ± {float(c) * scale:.{digits}f}"


def nines(a):
    import math
    if a == "" or float(a) >= 1:
        return "≥ 6"
    return f"{-math.log10(1 - float(a)):.1f}"


for name in order:
    path = os.path.join(root, name, "summary.csv")
    if not os.path.exists(path):
        continue
    rows = list(csv.DictReader(open(path)))
    print(f"#### {name}\n")
    if name == "load_sweep":
        print("| topology | offered load | availability % | p99 ms | $/month | p99 all ms | e2e p99 ms |")
        print("|---|---:|---:|---:|---:|---:|---:|")
        for r in rows:
            print(f"| {r['topology']} | {r['workload.arrival.rate']} | {ci(r, 'availability', 3, 100)} | {ci(r, 'latency_p99_ms')} | {f(r, 'cost_usd_month', 0)} | {ci(r, 'latency_all_p99_ms')} | {f(r, 'e2e_p99_ms')} |")
    elif name == "yearly":
        print("| topology | availability % | nines | $/month | 5xx / year | timeouts / year | sessions lost / year | messages lost / year |")
        print("|---|---:|---:|---:|---:|---:|---:|---:|")
        for r in rows:
            print(f"| {r['topology']} | {ci(r, 'availability', 4, 100)} | {nines(r['availability'])} | {f(r, 'cost_usd_month', 0)} | {f(r, 'errors_5xx')} | {f(r, 'timeouts')} | {f(r, 'sessions_lost')} | {f(r, 'messages_lost')} |")
    elif name == "retry_storm":
        print("| topology | availability % | goodput /s | recovered | recovery s | wasted work % | 5xx | 429/503 | $/month |")
        print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
        for r in rows:
            rej = float(r.get("throttled") or 0) + float(r.get("rejected") or 0)
            print(f"| {r['topology']} | {ci(r, 'availability', 2, 100)} | {ci(r, 'goodput_per_s', 0)} | {f(r, 'recovered', 1)} | {ci(r, 'recovery_s')} | {f(r, 'wasted_work', 1, 100)} | {f(r, 'errors_5xx', 0)} | {rej:.0f} | {f(r, 'cost_usd_month', 0)} |")
    elif name == "retry_storm_boundary":
        rates = []
        lengths = []
        for r in rows:
            if r["workload.arrival.rate"] not in rates: rates.append(r["workload.arrival.rate"])
            if r["faults.0.duration"] not in lengths: lengths.append(r["faults.0.duration"])
        for t in dict.fromkeys(r["topology"] for r in rows):
            print(f"Share of replications recovered, **{t}** (rows: offered load; columns: length of the 10x slowdown):\n")
            print("| load | " + " | ".join(lengths) + " |")
            print("|---|" + "---:|" * len(lengths))
            cell = {(r["workload.arrival.rate"], r["faults.0.duration"]): r for r in rows if r["topology"] == t}
            for rate in rates:
                print(f"| {rate} | " + " | ".join(f(cell[(rate, l)], "recovered", 2) for l in lengths) + " |")
            print()
    elif name == "off_hours_backend":
        print("| topology | $/month | availability % | p99 ms | e2e p99 | messages lost | duplicates | $ per million orders |")
        print("|---|---:|---:|---:|---:|---:|---:|---:|")
        for r in rows:
            e2e = r.get("e2e_p99_ms", "")
            e2e = "–" if e2e == "" else (f"{float(e2e) / 3.6e6:.1f} h" if float(e2e) >= 3.6e6 else (f"{float(e2e) / 6e4:.1f} min" if float(e2e) >= 6e4 else f"{float(e2e):.0f} ms"))
            print(f"| {r['topology']} | {ci(r, 'cost_usd_month', 0)} | {ci(r, 'availability', 2, 100)} | {ci(r, 'latency_p99_ms')} | {e2e} | {f(r, 'messages_lost', 0)} | {f(r, 'duplicates', 0)} | {f(r, 'cost_per_million_requests', 2)} |")
    else:
        print("| topology | availability % | p99 ms | $/month | p99 all ms | e2e p99 ms | 5xx | timeouts | sessions lost | messages lost | duplicates | recovery s |")
        print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
        for r in rows:
            print(f"| {r['topology']} | {ci(r, 'availability', 2, 100)} | {ci(r, 'latency_p99_ms')} | {f(r, 'cost_usd_month', 0)} | {ci(r, 'latency_all_p99_ms')} | {f(r, 'e2e_p99_ms')} | {f(r, 'errors_5xx', 0)} | {f(r, 'timeouts', 0)} | {f(r, 'sessions_lost', 0)} | {f(r, 'messages_lost', 0)} | {f(r, 'duplicates', 0)} | {ci(r, 'recovery_s')} |")
    ignored = [r for r in rows if float(r.get("faults_ignored") or 0) > 0]
    if ignored:
        print()
        print("Faults ignored (they act on nothing there): " + ", ".join(f"{r['topology']} {f(r, 'faults_ignored', 0)}" for r in ignored) + ".")
    print()
