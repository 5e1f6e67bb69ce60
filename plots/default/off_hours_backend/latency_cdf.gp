# Client latency CDF per topology.
# Written by `topobench plot`; reads latency_cdf.dat beside it and writes latency_cdf.png and latency_cdf.svg.
# Restyle freely, then redraw from this folder with: gnuplot latency_cdf.gp

set title "Latency CDF: off_hours_backend, successful requests, mean over replications"
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
    plot "latency_cdf.dat" index 0 using 2:1 with lines lw 2 lc 1 title "tight", \
         "" index 1 using 2:1 with lines lw 2 lc 2 title "alb", \
         "" index 2 using 2:1 with lines lw 2 lc 3 title "sqs_backlog", \
         "" index 3 using 2:1 with lines lw 2 lc 4 title "sqs_office_hours", \
         "" index 4 using 2:1 with lines lw 2 lc 5 title "sqs_lambda"
    unset output
}
