# Queue depth and age of the oldest message over time.
# Written by `topobench plot`; reads queues.dat beside it and writes queues.png and queues.svg.
# Restyle freely, then redraw from this folder with: gnuplot queues.gp

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
        set output "queues.png"
    } else {
        set terminal svg size 1000,600 noenhanced font "sans,10" background "#ffffff"
        set output "queues.svg"
    }
    set multiplot layout 2,1 title "Queues: retry_storm, mean over replications"
    set ylabel "queue depth (messages)"
    unset xlabel
    plot "queues.dat" index 0 using 1:2 with lines lw 2 lc 1 title "no_retries", \
         "" index 1 using 1:2 with lines lw 2 lc 2 title "naive_retries", \
         "" index 2 using 1:2 with lines lw 2 lc 3 title "sdk_quota", \
         "" index 3 using 1:2 with lines lw 2 lc 4 title "retry_budget", \
         "" index 4 using 1:2 with lines lw 2 lc 5 title "circuit_breaker", \
         "" index 5 using 1:2 with lines lw 2 lc 6 title "lifo_queue_timeout", \
         "" index 6 using 1:2 with lines lw 2 lc 7 title "sqs"
    set ylabel "oldest message age (s)"
    set xlabel "time (s)"
    plot "queues.dat" index 0 using 1:3 with lines lw 2 lc 1 title "no_retries", \
         "" index 1 using 1:3 with lines lw 2 lc 2 title "naive_retries", \
         "" index 2 using 1:3 with lines lw 2 lc 3 title "sdk_quota", \
         "" index 3 using 1:3 with lines lw 2 lc 4 title "retry_budget", \
         "" index 4 using 1:3 with lines lw 2 lc 5 title "circuit_breaker", \
         "" index 5 using 1:3 with lines lw 2 lc 6 title "lifo_queue_timeout", \
         "" index 6 using 1:3 with lines lw 2 lc 7 title "sqs"
    unset multiplot
    unset output
}
