# Success ratio over time per topology, with fault starts and ends.
# Written by `topobench plot`; reads success_ratio.dat beside it and writes success_ratio.png and success_ratio.svg.
# Restyle freely, then redraw from this folder with: gnuplot success_ratio.gp

set title "Success ratio: retry_storm, mean and 95 % interval over replications"
set xlabel "time (s)"
set ylabel "succeeded / offered"
set yrange [0:1.05]
set grid
set key bottom left
set style fill transparent solid 0.2 noborder
set arrow from 75, graph 0 to 75, graph 1 nohead lc rgb "#d62728" dt 2
set arrow from 82.5, graph 0 to 82.5, graph 1 nohead lc rgb "#2ca02c" dt 3

do for [fmt in "png svg"] {
    if (fmt eq "png") {
        if (strstrt(GPVAL_TERMINALS, " pngcairo ") > 0) {
            set terminal pngcairo size 1000,600 noenhanced font "sans,10"
        } else {
            set terminal png size 1000,600 noenhanced
        }
        set output "success_ratio.png"
    } else {
        set terminal svg size 1000,600 noenhanced font "sans,10" background "#ffffff"
        set output "success_ratio.svg"
    }
    plot "success_ratio.dat" index 0 using 1:3:4 with filledcurves lc 1 notitle, \
         "" index 0 using 1:2 with lines lw 2 lc 1 title "no_retries", \
         "" index 1 using 1:3:4 with filledcurves lc 2 notitle, \
         "" index 1 using 1:2 with lines lw 2 lc 2 title "naive_retries", \
         "" index 2 using 1:3:4 with filledcurves lc 3 notitle, \
         "" index 2 using 1:2 with lines lw 2 lc 3 title "sdk_quota", \
         "" index 3 using 1:3:4 with filledcurves lc 4 notitle, \
         "" index 3 using 1:2 with lines lw 2 lc 4 title "retry_budget", \
         "" index 4 using 1:3:4 with filledcurves lc 5 notitle, \
         "" index 4 using 1:2 with lines lw 2 lc 5 title "circuit_breaker", \
         "" index 5 using 1:3:4 with filledcurves lc 6 notitle, \
         "" index 5 using 1:2 with lines lw 2 lc 6 title "lifo_queue_timeout", \
         "" index 6 using 1:3:4 with filledcurves lc 7 notitle, \
         "" index 6 using 1:2 with lines lw 2 lc 7 title "sqs", \
         NaN with lines lc rgb "#d62728" dt 2 title "fault start", \
         NaN with lines lc rgb "#2ca02c" dt 3 title "fault end"
    unset output
}
