# Success ratio over time per topology, with fault starts and ends.
# Written by `topobench plot`; reads dns_shift.dat beside it and writes dns_shift.png and dns_shift.svg.
# Restyle freely, then redraw from this folder with: gnuplot dns_shift.gp

set title "Through the DNS shift: region_outage, success ratio per window"
set xlabel "time (s)"
set ylabel "succeeded / offered"
set yrange [0:1.05]
set grid
set key bottom left
set style fill transparent solid 0.2 noborder
set arrow from 600, graph 0 to 600, graph 1 nohead lc rgb "#d62728" dt 2
set arrow from 2400, graph 0 to 2400, graph 1 nohead lc rgb "#2ca02c" dt 3
set xrange [540:870]
set arrow from 690, graph 0 to 690, graph 1 nohead lc rgb "#7f7f7f" dt 4
set label "interval x threshold (90 s)" at 690, graph 0.5 rotate left offset -1,0 tc rgb "#7f7f7f"
set arrow from 750, graph 0 to 750, graph 1 nohead lc rgb "#7f7f7f" dt 4
set label "+ TTL (60 s)" at 750, graph 0.5 rotate left offset -1,0 tc rgb "#7f7f7f"

do for [fmt in "png svg"] {
    if (fmt eq "png") {
        if (strstrt(GPVAL_TERMINALS, " pngcairo ") > 0) {
            set terminal pngcairo size 1000,600 noenhanced font "sans,10"
        } else {
            set terminal png size 1000,600 noenhanced
        }
        set output "dns_shift.png"
    } else {
        set terminal svg size 1000,600 noenhanced font "sans,10" background "#ffffff"
        set output "dns_shift.svg"
    }
    plot "dns_shift.dat" index 0 using 1:3:4 with filledcurves lc 1 notitle, \
         "" index 0 using 1:2 with lines lw 2 lc 1 title "alb", \
         "" index 1 using 1:3:4 with filledcurves lc 2 notitle, \
         "" index 1 using 1:2 with lines lw 2 lc 2 title "failover", \
         "" index 2 using 1:3:4 with filledcurves lc 3 notitle, \
         "" index 2 using 1:2 with lines lw 2 lc 3 title "failover_fast", \
         NaN with lines lc rgb "#d62728" dt 2 title "fault start", \
         NaN with lines lc rgb "#2ca02c" dt 3 title "fault end"
    unset output
}
