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
    set multiplot layout 2,1 title 'Queues: off_hours_backend, mean over replications'
    set ylabel "queue depth (messages)"
    unset xlabel
    plot 'queues.dat' index 0 using ($1/3600):2 with lines ls 1 title 'tight', \
         "" index 1 using ($1/3600):2 with lines ls 2 title 'alb', \
         "" index 2 using ($1/3600):2 with lines ls 3 title 'sqs_backlog', \
         "" index 3 using ($1/3600):2 with lines ls 4 title 'sqs_office_hours', \
         "" index 4 using ($1/3600):2 with lines ls 5 title 'sqs_lambda'
    unset label
    set tmargin
    set ylabel "oldest message age (s)"
    set xlabel "time (h)"
    plot 'queues.dat' index 0 using ($1/3600):3 with lines ls 1 title 'tight', \
         "" index 1 using ($1/3600):3 with lines ls 2 title 'alb', \
         "" index 2 using ($1/3600):3 with lines ls 3 title 'sqs_backlog', \
         "" index 3 using ($1/3600):3 with lines ls 4 title 'sqs_office_hours', \
         "" index 4 using ($1/3600):3 with lines ls 5 title 'sqs_lambda'
    unset multiplot
    unset output
}
