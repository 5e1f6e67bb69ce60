# Success ratio over time per topology, with fault starts and ends.
# Written by `topobench plot`; reads success_ratio-1.dat beside it and writes success_ratio-1.png and success_ratio-1.svg.
# Restyle freely, then redraw from this folder with: gnuplot success_ratio-1.gp

set title "Success ratio: load_sweep (workload.arrival.rate=100/s), mean and 95 % interval over replications"
set xlabel "time (s)"
set ylabel "succeeded / offered"
set yrange [0:1.05]
set grid
set key bottom left
set style fill transparent solid 0.2 noborder

do for [fmt in "png svg"] {
    if (fmt eq "png") {
        if (strstrt(GPVAL_TERMINALS, " pngcairo ") > 0) {
            set terminal pngcairo size 1000,600 noenhanced font "sans,10"
        } else {
            set terminal png size 1000,600 noenhanced
        }
        set output "success_ratio-1.png"
    } else {
        set terminal svg size 1000,600 noenhanced font "sans,10" background "#ffffff"
        set output "success_ratio-1.svg"
    }
    plot "success_ratio-1.dat" index 0 using 1:3:4 with filledcurves lc 1 notitle, \
         "" index 0 using 1:2 with lines lw 2 lc 1 title "tight", \
         "" index 1 using 1:3:4 with filledcurves lc 2 notitle, \
         "" index 1 using 1:2 with lines lw 2 lc 2 title "tight_x3", \
         "" index 2 using 1:3:4 with filledcurves lc 3 notitle, \
         "" index 2 using 1:2 with lines lw 2 lc 3 title "alb", \
         "" index 3 using 1:3:4 with filledcurves lc 4 notitle, \
         "" index 3 using 1:2 with lines lw 2 lc 4 title "sqs", \
         "" index 4 using 1:3:4 with filledcurves lc 5 notitle, \
         "" index 4 using 1:2 with lines lw 2 lc 5 title "sns"
    unset output
}
