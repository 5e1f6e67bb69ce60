# p99 latency against the swept value, one line per topology.
# Written by `topobench plot`; reads p99_vs_load.dat beside it and writes p99_vs_load.png and p99_vs_load.svg.
# Restyle freely, then redraw from this folder with: gnuplot p99_vs_load.gp

set title "p99 latency against workload.arrival.rate: retry_storm_boundary, mean and 95 % CI over replications"
set xlabel "workload.arrival.rate (requests/s)"
set ylabel "p99 latency (ms)"
set grid
set key top left
set offsets graph 0.03, graph 0.03, 0, 0

do for [fmt in "png svg"] {
    if (fmt eq "png") {
        if (strstrt(GPVAL_TERMINALS, " pngcairo ") > 0) {
            set terminal pngcairo size 1000,600 noenhanced font "sans,10"
        } else {
            set terminal png size 1000,600 noenhanced
        }
        set output "p99_vs_load.png"
    } else {
        set terminal svg size 1000,600 noenhanced font "sans,10" background "#ffffff"
        set output "p99_vs_load.svg"
    }
    plot "p99_vs_load.dat" index 0 using 1:2:3 with yerrorlines lw 2 lc 1 pt 5 title "naive_retries, faults.0.duration=250ms", \
         "" index 1 using 1:2:3 with yerrorlines lw 2 lc 2 pt 6 title "retry_budget, faults.0.duration=250ms", \
         "" index 2 using 1:2:3 with yerrorlines lw 2 lc 3 pt 7 title "naive_retries, faults.0.duration=500ms", \
         "" index 3 using 1:2:3 with yerrorlines lw 2 lc 4 pt 8 title "retry_budget, faults.0.duration=500ms", \
         "" index 4 using 1:2:3 with yerrorlines lw 2 lc 5 pt 9 title "naive_retries, faults.0.duration=1s", \
         "" index 5 using 1:2:3 with yerrorlines lw 2 lc 6 pt 10 title "retry_budget, faults.0.duration=1s", \
         "" index 6 using 1:2:3 with yerrorlines lw 2 lc 7 pt 5 title "naive_retries, faults.0.duration=1500ms", \
         "" index 7 using 1:2:3 with yerrorlines lw 2 lc 8 pt 6 title "retry_budget, faults.0.duration=1500ms", \
         "" index 8 using 1:2:3 with yerrorlines lw 2 lc 9 pt 7 title "naive_retries, faults.0.duration=2s", \
         "" index 9 using 1:2:3 with yerrorlines lw 2 lc 10 pt 8 title "retry_budget, faults.0.duration=2s", \
         "" index 10 using 1:2:3 with yerrorlines lw 2 lc 11 pt 9 title "naive_retries, faults.0.duration=3s", \
         "" index 11 using 1:2:3 with yerrorlines lw 2 lc 12 pt 10 title "retry_budget, faults.0.duration=3s", \
         "" index 12 using 1:2:3 with yerrorlines lw 2 lc 13 pt 5 title "naive_retries, faults.0.duration=4s", \
         "" index 13 using 1:2:3 with yerrorlines lw 2 lc 14 pt 6 title "retry_budget, faults.0.duration=4s", \
         "" index 14 using 1:2:3 with yerrorlines lw 2 lc 15 pt 7 title "naive_retries, faults.0.duration=8s", \
         "" index 15 using 1:2:3 with yerrorlines lw 2 lc 16 pt 8 title "retry_budget, faults.0.duration=8s"
    unset output
}
