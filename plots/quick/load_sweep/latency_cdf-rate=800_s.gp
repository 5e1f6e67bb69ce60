# Client latency distribution per topology: the share of requests slower than x (complementary CDF), log-log.
# Written by `topobench plot`; reads latency_cdf-rate=800_s.dat beside it and writes latency_cdf-rate=800_s.png and latency_cdf-rate=800_s.svg.
# Restyle freely, then redraw from this folder with: gnuplot latency_cdf-rate=800_s.gp

set style line 1 lc rgb "#0072B2" lw 2 dt 1 pt 7 ps 1.3
set style line 2 lc rgb "#D55E00" lw 2 dt (10,5) pt 5 ps 1.3
set style line 3 lc rgb "#009E73" lw 2 dt (3,4) pt 9 ps 1.3
set style line 4 lc rgb "#CC79A7" lw 2 dt (12,4,3,4) pt 11 ps 1.3
set style line 5 lc rgb "#E69F00" lw 2 dt (22,6) pt 13 ps 1.3
set title 'Latency tail: load_sweep (workload.arrival.rate=800/s), successful requests, share slower than x (1 - CDF), mean over replications'
set xlabel "latency (ms, log scale)"
set ylabel "share of requests slower (1 - CDF, log scale)"
set logscale xy
set yrange [0.0001:1]
set ytics ("1" 1, '0.1 (p90)' 0.1, '0.01 (p99)' 0.01, '0.001 (p99.9)' 0.001, '0.0001 (p99.99)' 0.0001)
set mxtics 10
set grid xtics ytics mxtics
set key outside right top Left reverse

do for [fmt in "png svg"] {
    if (fmt eq "png") {
        if (strstrt(GPVAL_TERMINALS, " pngcairo ") > 0) {
            set terminal pngcairo size 1000,600 noenhanced font "sans,10"
        } else {
            set terminal png size 1000,600 noenhanced
        }
        set output "latency_cdf-rate=800_s.png"
    } else {
        set terminal svg size 1000,600 noenhanced font "sans,10" background "#ffffff"
        set output "latency_cdf-rate=800_s.svg"
    }
    plot 'latency_cdf-rate=800_s.dat' index 0 using 2:3 with linespoints ls 1 title 'tight', \
         "" index 1 using 2:3 with linespoints ls 2 title 'tight_x3', \
         "" index 2 using 2:3 with linespoints ls 3 title 'alb', \
         "" index 3 using 2:3 with linespoints ls 4 title 'sqs', \
         "" index 4 using 2:3 with linespoints ls 5 title 'sns'
    unset output
}
