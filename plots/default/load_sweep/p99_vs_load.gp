# p99 latency against the swept value, one line per topology.
# Written by `topobench plot`; reads p99_vs_load.dat beside it and writes p99_vs_load.png and p99_vs_load.svg.
# Restyle freely, then redraw from this folder with: gnuplot p99_vs_load.gp

set style line 1 lc rgb "#0072B2" lw 2 dt 1 pt 7 ps 1.3
set style line 2 lc rgb "#D55E00" lw 2 dt (10,5) pt 5 ps 1.3
set style line 3 lc rgb "#009E73" lw 2 dt (3,4) pt 9 ps 1.3
set style line 4 lc rgb "#CC79A7" lw 2 dt (12,4,3,4) pt 11 ps 1.3
set style line 5 lc rgb "#E69F00" lw 2 dt (22,6) pt 13 ps 1.3
set title 'p99 latency against workload.arrival.rate: load_sweep, mean and 95 % CI over replications'
set xlabel 'workload.arrival.rate (requests/s)'
set ylabel "p99 latency (ms)"
set yrange [0:*]
set grid
set key outside right top Left reverse
set offsets graph 0.03, graph 0.03, graph 0.05, 0
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
    plot 'p99_vs_load.dat' index 0 using 1:2:3:4 with yerrorbars lc rgb "#0072B2" lw 1 dt solid ps 0 notitle, \
         "" index 0 using 1:2 with linespoints ls 1 title 'tight', \
         "" index 1 using 1:2:3:4 with yerrorbars lc rgb "#D55E00" lw 1 dt solid ps 0 notitle, \
         "" index 1 using 1:2 with linespoints ls 2 title 'tight_x3', \
         "" index 2 using 1:2:3:4 with yerrorbars lc rgb "#009E73" lw 1 dt solid ps 0 notitle, \
         "" index 2 using 1:2 with linespoints ls 3 title 'alb', \
         "" index 3 using 1:2:3:4 with yerrorbars lc rgb "#CC79A7" lw 1 dt solid ps 0 notitle, \
         "" index 3 using 1:2 with linespoints ls 4 title 'sqs', \
         "" index 4 using 1:2:3:4 with yerrorbars lc rgb "#E69F00" lw 1 dt solid ps 0 notitle, \
         "" index 4 using 1:2 with linespoints ls 5 title 'sns'
    unset output
}
