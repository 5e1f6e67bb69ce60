# Client latency CDF per topology.
# Written by `topobench plot`; reads latency_cdf-1.dat beside it and writes latency_cdf-1.png and latency_cdf-1.svg.
# Restyle freely, then redraw from this folder with: gnuplot latency_cdf-1.gp

set title "Latency CDF: load_sweep (workload.arrival.rate=100/s), successful requests, mean over replications"
set xlabel "latency (ms, log scale)"
set ylabel "percentile"
set logscale x
set yrange [0:100]
set grid
set key bottom right

do for [fmt in "png svg"] {
    if (fmt eq "png") {
        if (strstrt(GPVAL_TERMINALS, " pngcairo ") > 0) {
            set terminal pngcairo size 1000,600 noenhanced font "sans,10"
        } else {
            set terminal png size 1000,600 noenhanced
        }
        set output "latency_cdf-1.png"
    } else {
        set terminal svg size 1000,600 noenhanced font "sans,10" background "#ffffff"
        set output "latency_cdf-1.svg"
    }
    plot "latency_cdf-1.dat" index 0 using 2:1 with lines lw 2 lc 1 title "tight", \
         "" index 1 using 2:1 with lines lw 2 lc 2 title "tight_x3", \
         "" index 2 using 2:1 with lines lw 2 lc 3 title "alb", \
         "" index 3 using 2:1 with lines lw 2 lc 4 title "sqs", \
         "" index 4 using 2:1 with lines lw 2 lc 5 title "sns"
    unset output
}
