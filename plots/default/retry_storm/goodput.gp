# Success ratio over time per topology, with the faults shaded and labelled.
# Written by `topobench plot`; reads goodput.dat beside it and writes goodput.png and goodput.svg.
# Restyle freely, then redraw from this folder with: gnuplot goodput.gp

set style line 1 lc rgb "#0072B2" lw 2 dt 1 pt 7 ps 1.3
set style line 2 lc rgb "#D55E00" lw 2 dt (10,5) pt 5 ps 1.3
set style line 3 lc rgb "#009E73" lw 2 dt (3,4) pt 9 ps 1.3
set style line 4 lc rgb "#CC79A7" lw 2 dt (12,4,3,4) pt 11 ps 1.3
set style line 5 lc rgb "#E69F00" lw 2 dt (22,6) pt 13 ps 1.3
set style line 6 lc rgb "#56B4E9" lw 2 dt (6,3,2,3,2,3) pt 15 ps 1.3
set style line 7 lc rgb "#000000" lw 2 dt (3,9) pt 6 ps 1.3
set title 'Goodput: retry_storm, mean and 95 % interval over replications; the trigger shaded'
set xlabel "time (s)"
set ylabel "successful requests per second"
set yrange [0:*]
set grid
set key outside right top Left reverse
set style fill transparent solid 0.15 noborder
set object 1 rect from first 300, graph 0 to first 330, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set label 1 'latency backend' at first 300, graph 1 offset 0, char 0.9 left font ",9" tc rgb "#404040"
set tmargin 4.3
set title offset 0, char 1.3

do for [fmt in "png svg"] {
    if (fmt eq "png") {
        if (strstrt(GPVAL_TERMINALS, " pngcairo ") > 0) {
            set terminal pngcairo size 1000,600 noenhanced font "sans,10"
        } else {
            set terminal png size 1000,600 noenhanced
        }
        set output "goodput.png"
    } else {
        set terminal svg size 1000,600 noenhanced font "sans,10" background "#ffffff"
        set output "goodput.svg"
    }
    plot 'goodput.dat' index 0 using 1:3:4 with filledcurves fillcolor rgb "#0072B2" notitle, \
         "" index 0 using 1:2 with lines ls 1 title 'no_retries', \
         "" index 1 using 1:3:4 with filledcurves fillcolor rgb "#D55E00" notitle, \
         "" index 1 using 1:2 with lines ls 2 title 'naive_retries', \
         "" index 2 using 1:3:4 with filledcurves fillcolor rgb "#009E73" notitle, \
         "" index 2 using 1:2 with lines ls 3 title 'sdk_quota', \
         "" index 3 using 1:3:4 with filledcurves fillcolor rgb "#CC79A7" notitle, \
         "" index 3 using 1:2 with lines ls 4 title 'retry_budget', \
         "" index 4 using 1:3:4 with filledcurves fillcolor rgb "#E69F00" notitle, \
         "" index 4 using 1:2 with lines ls 5 title 'circuit_breaker', \
         "" index 5 using 1:3:4 with filledcurves fillcolor rgb "#56B4E9" notitle, \
         "" index 5 using 1:2 with lines ls 6 title 'lifo_queue_timeout', \
         "" index 6 using 1:3:4 with filledcurves fillcolor rgb "#000000" notitle, \
         "" index 6 using 1:2 with lines ls 7 title 'sqs', \
         keyentry with filledcurves fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 title 'fault (faults.csv)'
    unset output
}
