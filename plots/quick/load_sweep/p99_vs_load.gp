# p99 latency against the swept value, one line per topology.
# Written by `topobench plot`; reads p99_vs_load.dat beside it and writes p99_vs_load.png and p99_vs_load.svg.
# Restyle freely, then redraw from this folder with: gnuplot p99_vs_load.gp

set title "p99 latency against workload.arrival.rate: load_sweep, mean and 95 % CI over replications"
set xlabel "workload.arrival.rate (requests/s)"
set ylabel "p99 latency (ms)"
set grid
set key top left
set offsets graph 0.03, graph 0.03, 0, 0
set logscale x

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
    plot "p99_vs_load.dat" index 0 using 1:2:3 with yerrorlines lw 2 lc 1 pt 5 title "tight", \
         "" index 1 using 1:2:3 with yerrorlines lw 2 lc 2 pt 6 title "tight_x3", \
         "" index 2 using 1:2:3 with yerrorlines lw 2 lc 3 pt 7 title "alb", \
         "" index 3 using 1:2:3 with yerrorlines lw 2 lc 4 pt 8 title "sqs", \
         "" index 4 using 1:2:3 with yerrorlines lw 2 lc 5 pt 9 title "sns"
    unset output
}
