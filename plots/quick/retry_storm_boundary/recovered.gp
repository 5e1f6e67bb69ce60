# Share of replications recovered after the trigger, by the two swept values.
# Written by `topobench plot`; reads recovered.dat beside it and writes recovered.png and recovered.svg.
# Restyle freely, then redraw from this folder with: gnuplot recovered.gp

set xlabel 'faults.0.duration (s)'
set ylabel 'workload.arrival.rate (per second)'
set palette defined (0 "#d62728", 0.5 "#ffbf00", 1 "#2ca02c")
set cbrange [0:1]
set cblabel "recovered"
set grid
unset key
set offsets graph 0.06, graph 0.06, graph 0.08, graph 0.08
set logscale x 2

do for [fmt in "png svg"] {
    if (fmt eq "png") {
        if (strstrt(GPVAL_TERMINALS, " pngcairo ") > 0) {
            set terminal pngcairo size 1000,600 noenhanced font "sans,10"
        } else {
            set terminal png size 1000,600 noenhanced
        }
        set output "recovered.png"
    } else {
        set terminal svg size 1000,600 noenhanced font "sans,10" background "#ffffff"
        set output "recovered.svg"
    }
    set multiplot layout 1,2 title 'Metastable failures: retry_storm_boundary, share of replications back at the SLO after the trigger (green: all, red: none)'
    set title 'naive_retries'
    plot 'recovered.dat' index 0 using 1:2:3 with points pt 5 ps 2.5 lc palette notitle
    set title 'retry_budget'
    plot 'recovered.dat' index 1 using 1:2:3 with points pt 5 ps 2.5 lc palette notitle
    unset multiplot
    unset output
}
