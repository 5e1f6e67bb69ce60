# Queue depth and age of the oldest message over time, with the faults shaded.
# Written by `topobench plot`; reads queues.dat beside it and writes queues.png and queues.svg.
# Restyle freely, then redraw from this folder with: gnuplot queues.gp

set style line 1 lc rgb "#0072B2" lw 2 dt 1 pt 7 ps 1.3
set style line 2 lc rgb "#D55E00" lw 2 dt (10,5) pt 5 ps 1.3
set style line 3 lc rgb "#009E73" lw 2 dt (3,4) pt 9 ps 1.3
set style line 4 lc rgb "#CC79A7" lw 2 dt (12,4,3,4) pt 11 ps 1.3
set style line 5 lc rgb "#E69F00" lw 2 dt (22,6) pt 13 ps 1.3
set grid
set key outside right top Left reverse
set yrange [0:*]
set lmargin 12
set rmargin 26

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
    set multiplot layout 2,1 title 'Queues: yearly, mean over replications'
    set object 1 rect from first 1.31293458, graph 0 to first 1.328608495, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
    set object 2 rect from first 4.804111263, graph 0 to first 4.80524556, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
    set object 3 rect from first 7.200927782, graph 0 to first 7.207932686, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
    set object 4 rect from first 8.421874682, graph 0 to first 8.454946079, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
    set object 5 rect from first 14.98722124, graph 0 to first 14.99339862, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
    set object 6 rect from first 16.14734007, graph 0 to first 16.16151343, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
    set object 7 rect from first 16.28353194, graph 0 to first 16.30186562, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
    set object 8 rect from first 16.96925624, graph 0 to first 16.99701223, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
    set object 9 rect from first 17.5610559, graph 0 to first 17.56978774, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
    set object 10 rect from first 18.32348813, graph 0 to first 18.35573653, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
    set object 11 rect from first 22.63054508, graph 0 to first 22.6908456, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
    set object 12 rect from first 26.08534617, graph 0 to first 26.09425426, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
    set object 13 rect from first 27.78416978, graph 0 to first 27.79230267, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
    set object 14 rect from first 28.44163972, graph 0 to first 28.5180486, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
    set object 15 rect from first 32.58705279, graph 0 to first 32.62213852, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
    set object 16 rect from first 36.85667414, graph 0 to first 36.86699561, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
    set object 17 rect from first 37.01669859, graph 0 to first 37.03011068, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
    set object 18 rect from first 38.95313578, graph 0 to first 38.96994647, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
    set object 19 rect from first 39.18222734, graph 0 to first 39.1955841, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
    set object 20 rect from first 41.68572416, graph 0 to first 41.69582987, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
    set object 21 rect from first 43.23138068, graph 0 to first 43.25051838, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
    set object 22 rect from first 43.86676182, graph 0 to first 43.86869647, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
    set object 23 rect from first 45.69876605, graph 0 to first 45.70650017, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
    set object 24 rect from first 48.6136622, graph 0 to first 48.62096862, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
    set object 25 rect from first 49.75424979, graph 0 to first 49.77080025, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
    set object 26 rect from first 50.53433325, graph 0 to first 50.62060957, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
    set object 27 rect from first 50.80825307, graph 0 to first 50.82267696, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
    set object 28 rect from first 51.97874045, graph 0 to first 51.99500455, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
    set object 29 rect from first 52.6310616, graph 0 to first 52.67244844, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
    set object 30 rect from first 53.08313075, graph 0 to first 53.1112919, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
    set object 31 rect from first 57.71960931, graph 0 to first 57.72894971, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
    set object 32 rect from first 60.99267698, graph 0 to first 61.00680454, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
    set object 33 rect from first 61.71965841, graph 0 to first 61.73667917, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
    set object 34 rect from first 63.00335103, graph 0 to first 63.01169062, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
    set object 35 rect from first 64.94509762, graph 0 to first 64.94826266, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
    set object 36 rect from first 65.13869763, graph 0 to first 65.15206296, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
    set object 37 rect from first 66.64891565, graph 0 to first 66.65492281, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
    set object 38 rect from first 68.74587374, graph 0 to first 68.77803124, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
    set object 39 rect from first 71.87067774, graph 0 to first 71.88526573, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
    set object 40 rect from first 78.75541664, graph 0 to first 78.76175698, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
    set object 41 rect from first 78.76741704, graph 0 to first 78.8022941, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
    set object 42 rect from first 79.11147534, graph 0 to first 79.14468918, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
    set object 43 rect from first 83.78274605, graph 0 to first 83.78649947, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
    set object 44 rect from first 84.51308492, graph 0 to first 84.64141866, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
    set object 45 rect from first 85.28396149, graph 0 to first 85.3167392, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
    set object 46 rect from first 85.76231866, graph 0 to first 85.76476699, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
    set object 47 rect from first 86.64047834, graph 0 to first 86.6596619, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
    set object 48 rect from first 87.04798617, graph 0 to first 87.05855581, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
    set ylabel "queue depth (messages)"
    unset xlabel
    plot 'queues.dat' index 0 using ($1/86400):2 with lines ls 1 title 'tight', \
         "" index 1 using ($1/86400):2 with lines ls 2 title 'tight_x3', \
         "" index 2 using ($1/86400):2 with lines ls 3 title 'alb', \
         "" index 3 using ($1/86400):2 with lines ls 4 title 'sqs', \
         "" index 4 using ($1/86400):2 with lines ls 5 title 'sns', \
         keyentry with filledcurves fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 title '48 faults (faults.csv)'
    unset label
    set tmargin
    set ylabel "oldest message age (s)"
    set xlabel "time (days)"
    plot 'queues.dat' index 0 using ($1/86400):3 with lines ls 1 title 'tight', \
         "" index 1 using ($1/86400):3 with lines ls 2 title 'tight_x3', \
         "" index 2 using ($1/86400):3 with lines ls 3 title 'alb', \
         "" index 3 using ($1/86400):3 with lines ls 4 title 'sqs', \
         "" index 4 using ($1/86400):3 with lines ls 5 title 'sns', \
         keyentry with filledcurves fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 title '48 faults (faults.csv)'
    unset multiplot
    unset output
}
