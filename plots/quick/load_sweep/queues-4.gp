# Queue depth and age of the oldest message over time.
# Written by `topobench plot`; reads queues-4.dat beside it and writes queues-4.png and queues-4.svg.
# Restyle freely, then redraw from this folder with: gnuplot queues-4.gp

set grid
set key top right
set yrange [0:*]

do for [fmt in "png svg"] {
    if (fmt eq "png") {
        if (strstrt(GPVAL_TERMINALS, " pngcairo ") > 0) {
            set terminal pngcairo size 1000,600 noenhanced font "sans,10"
        } else {
            set terminal png size 1000,600 noenhanced
        }
        set output "queues-4.png"
    } else {
        set terminal svg size 1000,600 noenhanced font "sans,10" background "#ffffff"
        set output "queues-4.svg"
    }
    set multiplot layout 2,1 title "Queues: load_sweep (workload.arrival.rate=400/s), mean over replications"
    set ylabel "queue depth (messages)"
    unset xlabel
    plot "queues-4.dat" index 0 using 1:2 with lines lw 2 lc 1 title "tight", \
         "" index 1 using 1:2 with lines lw 2 lc 2 title "tight_x3", \
         "" index 2 using 1:2 with lines lw 2 lc 3 title "alb", \
         "" index 3 using 1:2 with lines lw 2 lc 4 title "sqs", \
         "" index 4 using 1:2 with lines lw 2 lc 5 title "sns"
    set ylabel "oldest message age (s)"
    set xlabel "time (s)"
    plot "queues-4.dat" index 0 using 1:3 with lines lw 2 lc 1 title "tight", \
         "" index 1 using 1:3 with lines lw 2 lc 2 title "tight_x3", \
         "" index 2 using 1:3 with lines lw 2 lc 3 title "alb", \
         "" index 3 using 1:3 with lines lw 2 lc 4 title "sqs", \
         "" index 4 using 1:3 with lines lw 2 lc 5 title "sns"
    unset multiplot
    unset output
}
