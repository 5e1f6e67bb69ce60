# Cost per month against availability and p99 latency, one point per topology.
# Written by `topobench plot`; reads cost.dat beside it and writes cost.png and cost.svg.
# Restyle freely, then redraw from this folder with: gnuplot cost.gp

set ylabel "cost per month (USD)"
set grid
set key top left
set offsets graph 0.08, graph 0.25, graph 0.1, graph 0.1

do for [fmt in "png svg"] {
    if (fmt eq "png") {
        if (strstrt(GPVAL_TERMINALS, " pngcairo ") > 0) {
            set terminal pngcairo size 1000,600 noenhanced font "sans,10"
        } else {
            set terminal png size 1000,600 noenhanced
        }
        set output "cost.png"
    } else {
        set terminal svg size 1000,600 noenhanced font "sans,10" background "#ffffff"
        set output "cost.svg"
    }
    set multiplot layout 1,2 title "What it costs: retry_storm, cost per month at the run's rates (on-demand prices)"
    unset logscale x
    set xrange [0:104.1654265]
    set xlabel "availability (%)"
    plot "cost.dat" index 0 using 1:2:3 with yerrorbars pt 7 ps 1.5 lw 1.5 lc rgb "#1f77b4" title "mean, 95 % CI", \
         "" index 0 using 1:2:5 with labels offset char 1,char 0.8 left font ",9" notitle, \
         "" index 1 using 1:2 with points pt 6 ps 4 lw 2 lc rgb "#d62728" title "cheapest at ≥ 99.9 % available"
    set autoscale x
    set logscale x
    set xlabel "p99 latency (ms, log scale)"
    plot "cost.dat" index 0 using 4:2:3 with yerrorbars pt 7 ps 1.5 lw 1.5 lc rgb "#1f77b4" title "mean, 95 % CI", \
         "" index 0 using 4:2:5 with labels offset char 1,char 0.8 left font ",9" notitle, \
         "" index 1 using 4:2 with points pt 6 ps 4 lw 2 lc rgb "#d62728" title "cheapest at ≥ 99.9 % available"
    unset multiplot
    unset output
}
