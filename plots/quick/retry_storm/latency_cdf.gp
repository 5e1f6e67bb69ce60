# Client latency CDF per topology.
# Written by `topobench plot`; reads latency_cdf.dat beside it and writes latency_cdf.png and latency_cdf.svg.
# Restyle freely, then redraw from this folder with: gnuplot latency_cdf.gp

set title "Latency CDF: retry_storm, successful requests, mean over replications"
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
        set output "latency_cdf.png"
    } else {
        set terminal svg size 1000,600 noenhanced font "sans,10" background "#ffffff"
        set output "latency_cdf.svg"
    }
    plot "latency_cdf.dat" index 0 using 2:1 with lines lw 2 lc 1 title "no_retries", \
         "" index 1 using 2:1 with lines lw 2 lc 2 title "naive_retries", \
         "" index 2 using 2:1 with lines lw 2 lc 3 title "sdk_quota", \
         "" index 3 using 2:1 with lines lw 2 lc 4 title "retry_budget", \
         "" index 4 using 2:1 with lines lw 2 lc 5 title "circuit_breaker", \
         "" index 5 using 2:1 with lines lw 2 lc 6 title "lifo_queue_timeout", \
         "" index 6 using 2:1 with lines lw 2 lc 7 title "sqs"
    unset output
}
