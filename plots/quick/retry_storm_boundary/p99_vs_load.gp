# p99 latency against the swept value, one line per topology.
# Written by `topobench plot`; reads p99_vs_load.dat beside it and writes p99_vs_load.png and p99_vs_load.svg.
# Restyle freely, then redraw from this folder with: gnuplot p99_vs_load.gp

set style line 1 lc rgb "#0072B2" lw 2 dt 1 pt 7 ps 1.3
set style line 2 lc rgb "#0072B2" lw 2 dt (10,5) pt 5 ps 1.3
set style line 3 lc rgb "#D55E00" lw 2 dt 1 pt 7 ps 1.3
set style line 4 lc rgb "#D55E00" lw 2 dt (10,5) pt 5 ps 1.3
set style line 5 lc rgb "#009E73" lw 2 dt 1 pt 7 ps 1.3
set style line 6 lc rgb "#009E73" lw 2 dt (10,5) pt 5 ps 1.3
set style line 7 lc rgb "#CC79A7" lw 2 dt 1 pt 7 ps 1.3
set style line 8 lc rgb "#CC79A7" lw 2 dt (10,5) pt 5 ps 1.3
set style line 9 lc rgb "#E69F00" lw 2 dt 1 pt 7 ps 1.3
set style line 10 lc rgb "#E69F00" lw 2 dt (10,5) pt 5 ps 1.3
set style line 11 lc rgb "#56B4E9" lw 2 dt 1 pt 7 ps 1.3
set style line 12 lc rgb "#56B4E9" lw 2 dt (10,5) pt 5 ps 1.3
set style line 13 lc rgb "#000000" lw 2 dt 1 pt 7 ps 1.3
set style line 14 lc rgb "#000000" lw 2 dt (10,5) pt 5 ps 1.3
set style line 15 lc rgb "#F0E442" lw 2 dt 1 pt 7 ps 1.3
set style line 16 lc rgb "#F0E442" lw 2 dt (10,5) pt 5 ps 1.3
set title 'p99 latency against workload.arrival.rate: retry_storm_boundary, mean and 95 % CI over replications'
set xlabel 'workload.arrival.rate (requests/s)'
set ylabel "p99 latency (ms)"
set yrange [0:*]
set grid
set key outside right top Left reverse
set offsets graph 0.03, graph 0.03, graph 0.05, 0

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
         "" index 0 using 1:2 with linespoints ls 1 title 'naive_retries, duration=250ms', \
         "" index 1 using 1:2:3:4 with yerrorbars lc rgb "#0072B2" lw 1 dt solid ps 0 notitle, \
         "" index 1 using 1:2 with linespoints ls 2 title 'retry_budget, duration=250ms', \
         "" index 2 using 1:2:3:4 with yerrorbars lc rgb "#D55E00" lw 1 dt solid ps 0 notitle, \
         "" index 2 using 1:2 with linespoints ls 3 title 'naive_retries, duration=500ms', \
         "" index 3 using 1:2:3:4 with yerrorbars lc rgb "#D55E00" lw 1 dt solid ps 0 notitle, \
         "" index 3 using 1:2 with linespoints ls 4 title 'retry_budget, duration=500ms', \
         "" index 4 using 1:2:3:4 with yerrorbars lc rgb "#009E73" lw 1 dt solid ps 0 notitle, \
         "" index 4 using 1:2 with linespoints ls 5 title 'naive_retries, duration=1s', \
         "" index 5 using 1:2:3:4 with yerrorbars lc rgb "#009E73" lw 1 dt solid ps 0 notitle, \
         "" index 5 using 1:2 with linespoints ls 6 title 'retry_budget, duration=1s', \
         "" index 6 using 1:2:3:4 with yerrorbars lc rgb "#CC79A7" lw 1 dt solid ps 0 notitle, \
         "" index 6 using 1:2 with linespoints ls 7 title 'naive_retries, duration=1500ms', \
         "" index 7 using 1:2:3:4 with yerrorbars lc rgb "#CC79A7" lw 1 dt solid ps 0 notitle, \
         "" index 7 using 1:2 with linespoints ls 8 title 'retry_budget, duration=1500ms', \
         "" index 8 using 1:2:3:4 with yerrorbars lc rgb "#E69F00" lw 1 dt solid ps 0 notitle, \
         "" index 8 using 1:2 with linespoints ls 9 title 'naive_retries, duration=2s', \
         "" index 9 using 1:2:3:4 with yerrorbars lc rgb "#E69F00" lw 1 dt solid ps 0 notitle, \
         "" index 9 using 1:2 with linespoints ls 10 title 'retry_budget, duration=2s', \
         "" index 10 using 1:2:3:4 with yerrorbars lc rgb "#56B4E9" lw 1 dt solid ps 0 notitle, \
         "" index 10 using 1:2 with linespoints ls 11 title 'naive_retries, duration=3s', \
         "" index 11 using 1:2:3:4 with yerrorbars lc rgb "#56B4E9" lw 1 dt solid ps 0 notitle, \
         "" index 11 using 1:2 with linespoints ls 12 title 'retry_budget, duration=3s', \
         "" index 12 using 1:2:3:4 with yerrorbars lc rgb "#000000" lw 1 dt solid ps 0 notitle, \
         "" index 12 using 1:2 with linespoints ls 13 title 'naive_retries, duration=4s', \
         "" index 13 using 1:2:3:4 with yerrorbars lc rgb "#000000" lw 1 dt solid ps 0 notitle, \
         "" index 13 using 1:2 with linespoints ls 14 title 'retry_budget, duration=4s', \
         "" index 14 using 1:2:3:4 with yerrorbars lc rgb "#F0E442" lw 1 dt solid ps 0 notitle, \
         "" index 14 using 1:2 with linespoints ls 15 title 'naive_retries, duration=8s', \
         "" index 15 using 1:2:3:4 with yerrorbars lc rgb "#F0E442" lw 1 dt solid ps 0 notitle, \
         "" index 15 using 1:2 with linespoints ls 16 title 'retry_budget, duration=8s'
    unset output
}
