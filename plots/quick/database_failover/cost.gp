# Cost per month against availability and p99 latency, one point per topology and sweep point.
# Written by `topobench plot`; reads cost.dat beside it and writes cost.png and cost.svg.
# Restyle freely, then redraw from this folder with: gnuplot cost.gp

set offsets graph 0.08, graph 0.25, graph 0.12, graph 0.1

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
    set multiplot title 'What it costs: database_failover, cost per month at the run''s rates (on-demand prices), mean and 95 % CI'
    set border 31
    set tics
    set grid
    unset key
    set ylabel "cost per month (USD)"
    set yrange [0<*:*]
    set bmargin at screen 0.1843333333
    set tmargin at screen 0.92
    set lmargin at screen 0.08
    set rmargin at screen 0.48
    unset logscale x
    set xrange [77.26155539:100.9095378]
    set xlabel "availability (%)"
    plot 'cost.dat' index 0 using 1:2:3 with yerrorbars pt 7 ps 1.5 lw 1.5 lc rgb "#0072B2" notitle, \
         "" index 0 using 1:6:5 with labels offset char 1.6,char 0.9 left font ",9" tc rgb "#303030" notitle, \
         "" index 1 using 1:2:3 with yerrorbars pt 5 ps 1.5 lw 1.5 lc rgb "#D55E00" notitle, \
         "" index 1 using 1:6:5 with labels offset char 1.6,char 0.9 left font ",9" tc rgb "#303030" notitle, \
         "" index 2 using 1:2:3 with yerrorbars pt 9 ps 1.5 lw 1.5 lc rgb "#009E73" notitle, \
         "" index 2 using 1:6:5 with labels offset char 1.6,char 0.9 left font ",9" tc rgb "#303030" notitle, \
         "" index 3 using 1:2:3 with yerrorbars pt 11 ps 1.5 lw 1.5 lc rgb "#CC79A7" notitle, \
         "" index 3 using 1:6:5 with labels offset char 1.6,char 0.9 left font ",9" tc rgb "#303030" notitle, \
         "" index 4 using 1:2:3 with yerrorbars pt 13 ps 1.5 lw 1.5 lc rgb "#E69F00" notitle, \
         "" index 4 using 1:6:5 with labels offset char 1.6,char 0.9 left font ",9" tc rgb "#303030" notitle, \
         "" index 5 using 1:2 with points pt 6 ps 4 lw 2 lc rgb "#D55E00" notitle
    set lmargin at screen 0.58
    set rmargin at screen 0.98
    set autoscale x
    set logscale x
    set xlabel "p99 latency (ms, log scale)"
    plot 'cost.dat' index 0 using 4:2:3 with yerrorbars pt 7 ps 1.5 lw 1.5 lc rgb "#0072B2" notitle, \
         "" index 0 using 4:7:5 with labels offset char 1.6,char 0.9 left font ",9" tc rgb "#303030" notitle, \
         "" index 1 using 4:2:3 with yerrorbars pt 5 ps 1.5 lw 1.5 lc rgb "#D55E00" notitle, \
         "" index 1 using 4:7:5 with labels offset char 1.6,char 0.9 left font ",9" tc rgb "#303030" notitle, \
         "" index 2 using 4:2:3 with yerrorbars pt 9 ps 1.5 lw 1.5 lc rgb "#009E73" notitle, \
         "" index 2 using 4:7:5 with labels offset char 1.6,char 0.9 left font ",9" tc rgb "#303030" notitle, \
         "" index 3 using 4:2:3 with yerrorbars pt 11 ps 1.5 lw 1.5 lc rgb "#CC79A7" notitle, \
         "" index 3 using 4:7:5 with labels offset char 1.6,char 0.9 left font ",9" tc rgb "#303030" notitle, \
         "" index 4 using 4:2:3 with yerrorbars pt 13 ps 1.5 lw 1.5 lc rgb "#E69F00" notitle, \
         "" index 4 using 4:7:5 with labels offset char 1.6,char 0.9 left font ",9" tc rgb "#303030" notitle, \
         "" index 5 using 4:2 with points pt 6 ps 4 lw 2 lc rgb "#D55E00" notitle
    unset logscale x
    set border 0
    unset tics
    unset xlabel
    unset ylabel
    unset grid
    set xrange [0:1]
    set yrange [0:1]
    set lmargin at screen 0.02
    set rmargin at screen 0.98
    set bmargin at screen 0
    set tmargin at screen 0.1143333333
    set key center center horizontal Left reverse maxcols 5 samplen 1 width 1
    plot NaN notitle, \
         keyentry with yerrorbars pt 7 ps 1.5 lw 1.5 lc rgb "#0072B2" title 'tight', \
         keyentry with yerrorbars pt 5 ps 1.5 lw 1.5 lc rgb "#D55E00" title 'tight_x3', \
         keyentry with yerrorbars pt 9 ps 1.5 lw 1.5 lc rgb "#009E73" title 'alb', \
         keyentry with yerrorbars pt 11 ps 1.5 lw 1.5 lc rgb "#CC79A7" title 'sqs', \
         keyentry with yerrorbars pt 13 ps 1.5 lw 1.5 lc rgb "#E69F00" title 'sns', \
         keyentry with points pt 6 ps 3 lw 2 lc rgb "#D55E00" title 'the cheapest at ≥ 99.9 % available'
    unset multiplot
    unset output
}
