# Success ratio over time per topology, with fault starts and ends.
# Written by `topobench plot`; reads success_ratio.dat beside it and writes success_ratio.png and success_ratio.svg.
# Restyle freely, then redraw from this folder with: gnuplot success_ratio.gp

set title "Success ratio: off_hours_backend, mean and 95 % interval over replications"
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
        set output "success_ratio.png"
    } else {
        set terminal svg size 1000,600 noenhanced font "sans,10" background "#ffffff"
        set output "success_ratio.svg"
    }
    plot "success_ratio.dat" index 0 using 1:3:4 with filledcurves lc 1 notitle, \
         "" index 0 using 1:2 with lines lw 2 lc 1 title "tight", \
         "" index 1 using 1:3:4 with filledcurves lc 2 notitle, \
         "" index 1 using 1:2 with lines lw 2 lc 2 title "alb", \
         "" index 2 using 1:3:4 with filledcurves lc 3 notitle, \
         "" index 2 using 1:2 with lines lw 2 lc 3 title "sqs_backlog", \
         "" index 3 using 1:3:4 with filledcurves lc 4 notitle, \
         "" index 3 using 1:2 with lines lw 2 lc 4 title "sqs_office_hours", \
         "" index 4 using 1:3:4 with filledcurves lc 5 notitle, \
         "" index 4 using 1:2 with lines lw 2 lc 5 title "sqs_lambda"
    unset output
}
