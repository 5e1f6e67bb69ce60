# Queue depth and age of the oldest message over time, with the faults shaded.
# Written by `topobench plot`; reads queues.dat beside it and writes queues.png and queues.svg.
# Restyle freely, then redraw from this folder with: gnuplot queues.gp

set style line 1 lc rgb "#0072B2" lw 2 dt 1 pt 7 ps 1.3
set style line 2 lc rgb "#D55E00" lw 2 dt (10,5) pt 5 ps 1.3
set style line 3 lc rgb "#009E73" lw 2 dt (3,4) pt 9 ps 1.3
set style line 4 lc rgb "#CC79A7" lw 2 dt (12,4,3,4) pt 11 ps 1.3
set style line 5 lc rgb "#E69F00" lw 2 dt (22,6) pt 13 ps 1.3
set grid
set key outside right top Left reverse
set yrange [0:*]
set lmargin 12
set rmargin 26

do for [fmt in "png svg"] {
    if (fmt eq "png") {
        if (strstrt(GPVAL_TERMINALS, " pngcairo ") > 0) {
            set terminal pngcairo size 1000,600 noenhanced font "sans,10"
        } else {
            set terminal png size 1000,600 noenhanced
        }
        set output "queues.png"
    } else {
        set terminal svg size 1000,600 noenhanced font "sans,10" background "#ffffff"
        set output "queues.svg"
    }
    set multiplot layout 2,1 title 'Queues: zombie, mean over replications'
    set object 1 rect from first 225, graph 0 to first 375, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
    set label 1 'zombie web[0]' at first 225, graph 1 offset 0, char 0.9 left font ",9" tc rgb "#404040"
    set tmargin 4.3
    set title offset 0, char 1.3
    set ylabel "queue depth (messages)"
    unset xlabel
    plot 'queues.dat' index 0 using 1:2 with lines ls 1 title 'tight', \
         "" index 1 using 1:2 with lines ls 2 title 'tight_x3', \
         "" index 2 using 1:2 with lines ls 3 title 'alb', \
         "" index 3 using 1:2 with lines ls 4 title 'sqs', \
         "" index 4 using 1:2 with lines ls 5 title 'sns', \
         keyentry with filledcurves fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 title 'fault (faults.csv)'
    unset label
    set tmargin
    set ylabel "oldest message age (s)"
    set xlabel "time (s)"
    plot 'queues.dat' index 0 using 1:3 with lines ls 1 title 'tight', \
         "" index 1 using 1:3 with lines ls 2 title 'tight_x3', \
         "" index 2 using 1:3 with lines ls 3 title 'alb', \
         "" index 3 using 1:3 with lines ls 4 title 'sqs', \
         "" index 4 using 1:3 with lines ls 5 title 'sns', \
         keyentry with filledcurves fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 title 'fault (faults.csv)'
    unset multiplot
    unset output
}
