# Success ratio over time per topology, with the faults shaded and labelled.
# Written by `topobench plot`; reads success_ratio-rate=300_s.dat beside it and writes success_ratio-rate=300_s.png and success_ratio-rate=300_s.svg.
# Restyle freely, then redraw from this folder with: gnuplot success_ratio-rate=300_s.gp

set style line 1 lc rgb "#0072B2" lw 2 dt 1 pt 7 ps 1.3
set style line 2 lc rgb "#D55E00" lw 2 dt (10,5) pt 5 ps 1.3
set style line 3 lc rgb "#009E73" lw 2 dt (3,4) pt 9 ps 1.3
set style line 4 lc rgb "#CC79A7" lw 2 dt (12,4,3,4) pt 11 ps 1.3
set style line 5 lc rgb "#E69F00" lw 2 dt (22,6) pt 13 ps 1.3
set title 'Success ratio: load_sweep (workload.arrival.rate=300/s), mean and 95 % interval over replications'
set xlabel "time (s)"
set ylabel "succeeded / offered"
set yrange [0:1.05]
set grid
set key outside right top Left reverse
set style fill transparent solid 0.15 noborder
set ytics 0, 0.1, 1

do for [fmt in "png svg"] {
    if (fmt eq "png") {
        if (strstrt(GPVAL_TERMINALS, " pngcairo ") > 0) {
            set terminal pngcairo size 1000,600 noenhanced font "sans,10"
        } else {
            set terminal png size 1000,600 noenhanced
        }
        set output "success_ratio-rate=300_s.png"
    } else {
        set terminal svg size 1000,600 noenhanced font "sans,10" background "#ffffff"
        set output "success_ratio-rate=300_s.svg"
    }
    plot 'success_ratio-rate=300_s.dat' index 0 using 1:3:4 with filledcurves fillcolor rgb "#0072B2" notitle, \
         "" index 0 using 1:2 with lines ls 1 title 'tight', \
         "" index 1 using 1:3:4 with filledcurves fillcolor rgb "#D55E00" notitle, \
         "" index 1 using 1:2 with lines ls 2 title 'tight_x3', \
         "" index 2 using 1:3:4 with filledcurves fillcolor rgb "#009E73" notitle, \
         "" index 2 using 1:2 with lines ls 3 title 'alb', \
         "" index 3 using 1:3:4 with filledcurves fillcolor rgb "#CC79A7" notitle, \
         "" index 3 using 1:2 with lines ls 4 title 'sqs', \
         "" index 4 using 1:3:4 with filledcurves fillcolor rgb "#E69F00" notitle, \
         "" index 4 using 1:2 with lines ls 5 title 'sns'
    unset output
}
