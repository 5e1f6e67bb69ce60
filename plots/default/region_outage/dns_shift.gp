# Success ratio over time per topology, with the faults shaded and labelled.
# Written by `topobench plot`; reads dns_shift.dat beside it and writes dns_shift.png and dns_shift.svg.
# Restyle freely, then redraw from this folder with: gnuplot dns_shift.gp

set style line 1 lc rgb "#0072B2" lw 2 dt 1 pt 7 ps 1.3
set style line 2 lc rgb "#D55E00" lw 2 dt (10,5) pt 5 ps 1.3
set style line 3 lc rgb "#009E73" lw 2 dt (3,4) pt 9 ps 1.3
set title 'Through the DNS shift: region_outage, success ratio per window'
set xlabel "time (s)"
set ylabel "succeeded / offered"
set yrange [0:1.05]
set grid
set key outside right top Left reverse
set style fill transparent solid 0.15 noborder
set object 1 rect from first 600, graph 0 to first 870, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set label 1 'region_outage region us-east-1' at first 600, graph 1 offset 0, char 0.9 left font ",9" tc rgb "#404040"
set tmargin 4.3
set title offset 0, char 1.3
set ytics 0, 0.1, 1
set xrange [540:870]
set arrow 1001 from 690, graph 0 to 690, graph 1 nohead front lc rgb "#404040" dt 4
set label 1001 'interval x threshold (90 s)' at 690, graph 0.5 rotate left offset -1,0 front tc rgb "#404040"
set arrow 1002 from 750, graph 0 to 750, graph 1 nohead front lc rgb "#404040" dt 4
set label 1002 '+ TTL (60 s)' at 750, graph 0.5 rotate left offset -1,0 front tc rgb "#404040"

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
    plot 'dns_shift.dat' index 0 using 1:3:4 with filledcurves fillcolor rgb "#0072B2" notitle, \
         "" index 0 using 1:2 with lines ls 1 title 'alb', \
         "" index 1 using 1:3:4 with filledcurves fillcolor rgb "#D55E00" notitle, \
         "" index 1 using 1:2 with lines ls 2 title 'failover', \
         "" index 2 using 1:3:4 with filledcurves fillcolor rgb "#009E73" notitle, \
         "" index 2 using 1:2 with lines ls 3 title 'failover_fast', \
         keyentry with filledcurves fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 title 'fault (faults.csv)'
    unset output
}
