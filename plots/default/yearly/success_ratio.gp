# Success ratio over time per topology, with fault starts and ends.
# Written by `topobench plot`; reads success_ratio.dat beside it and writes success_ratio.png and success_ratio.svg.
# Restyle freely, then redraw from this folder with: gnuplot success_ratio.gp

set title "Success ratio: yearly, mean and 95 % interval over replications"
set xlabel "time (s)"
set ylabel "succeeded / offered"
set yrange [0:1.05]
set grid
set key bottom left
set style fill transparent solid 0.2 noborder
set arrow from 113437.5477, graph 0 to 113437.5477, graph 1 nohead lc rgb "#d62728" dt 2
set arrow from 135803.4928, graph 0 to 135803.4928, graph 1 nohead lc rgb "#d62728" dt 2
set arrow from 415075.2131, graph 0 to 415075.2131, graph 1 nohead lc rgb "#d62728" dt 2
set arrow from 622160.1604, graph 0 to 622160.1604, graph 1 nohead lc rgb "#d62728" dt 2
set arrow from 727649.9658, graph 0 to 727649.9658, graph 1 nohead lc rgb "#d62728" dt 2
set arrow from 744321.2857, graph 0 to 744321.2857, graph 1 nohead lc rgb "#d62728" dt 2
set arrow from 930684.0671, graph 0 to 930684.0671, graph 1 nohead lc rgb "#d62728" dt 2
set arrow from 1293526.467, graph 0 to 1293526.467, graph 1 nohead lc rgb "#d62728" dt 2
set arrow from 1294895.915, graph 0 to 1294895.915, graph 1 nohead lc rgb "#d62728" dt 2
set arrow from 1395130.182, graph 0 to 1395130.182, graph 1 nohead lc rgb "#d62728" dt 2
set arrow from 1396657.152, graph 0 to 1396657.152, graph 1 nohead lc rgb "#d62728" dt 2
set arrow from 1406897.16, graph 0 to 1406897.16, graph 1 nohead lc rgb "#d62728" dt 2
set arrow from 1425974.333, graph 0 to 1425974.333, graph 1 nohead lc rgb "#d62728" dt 2
set arrow from 1466143.748, graph 0 to 1466143.748, graph 1 nohead lc rgb "#d62728" dt 2
set arrow from 1517275.23, graph 0 to 1517275.23, graph 1 nohead lc rgb "#d62728" dt 2
set arrow from 1583149.374, graph 0 to 1583149.374, graph 1 nohead lc rgb "#d62728" dt 2
set arrow from 1586165.378, graph 0 to 1586165.378, graph 1 nohead lc rgb "#d62728" dt 2
set arrow from 1758792.063, graph 0 to 1758792.063, graph 1 nohead lc rgb "#d62728" dt 2
set arrow from 1900459.614, graph 0 to 1900459.614, graph 1 nohead lc rgb "#d62728" dt 2
set arrow from 1901393.292, graph 0 to 1901393.292, graph 1 nohead lc rgb "#d62728" dt 2
set arrow from 1955279.095, graph 0 to 1955279.095, graph 1 nohead lc rgb "#d62728" dt 2
set arrow from 2099586.601, graph 0 to 2099586.601, graph 1 nohead lc rgb "#d62728" dt 2
set arrow from 2253774.121, graph 0 to 2253774.121, graph 1 nohead lc rgb "#d62728" dt 2
set arrow from 2400552.316, graph 0 to 2400552.316, graph 1 nohead lc rgb "#d62728" dt 2
set arrow from 2448418.903, graph 0 to 2448418.903, graph 1 nohead lc rgb "#d62728" dt 2
set arrow from 2457357.649, graph 0 to 2457357.649, graph 1 nohead lc rgb "#d62728" dt 2
set arrow from 2815521.361, graph 0 to 2815521.361, graph 1 nohead lc rgb "#d62728" dt 2
set arrow from 2838247.459, graph 0 to 2838247.459, graph 1 nohead lc rgb "#d62728" dt 2
set arrow from 2871816.602, graph 0 to 2871816.602, graph 1 nohead lc rgb "#d62728" dt 2
set arrow from 2904736.544, graph 0 to 2904736.544, graph 1 nohead lc rgb "#d62728" dt 2
set arrow from 3036221.801, graph 0 to 3036221.801, graph 1 nohead lc rgb "#d62728" dt 2
set arrow from 3049338.061, graph 0 to 3049338.061, graph 1 nohead lc rgb "#d62728" dt 2
set arrow from 3184416.646, graph 0 to 3184416.646, graph 1 nohead lc rgb "#d62728" dt 2
set arrow from 3198242.758, graph 0 to 3198242.758, graph 1 nohead lc rgb "#d62728" dt 2
set arrow from 3200439.222, graph 0 to 3200439.222, graph 1 nohead lc rgb "#d62728" dt 2
set arrow from 3203396.236, graph 0 to 3203396.236, graph 1 nohead lc rgb "#d62728" dt 2
set arrow from 3365550.994, graph 0 to 3365550.994, graph 1 nohead lc rgb "#d62728" dt 2
set arrow from 3385344.442, graph 0 to 3385344.442, graph 1 nohead lc rgb "#d62728" dt 2
set arrow from 3601646.559, graph 0 to 3601646.559, graph 1 nohead lc rgb "#d62728" dt 2
set arrow from 3680657.708, graph 0 to 3680657.708, graph 1 nohead lc rgb "#d62728" dt 2
set arrow from 114791.7772, graph 0 to 114791.7772, graph 1 nohead lc rgb "#2ca02c" dt 3
set arrow from 137557.456, graph 0 to 137557.456, graph 1 nohead lc rgb "#2ca02c" dt 3
set arrow from 415173.1935, graph 0 to 415173.1935, graph 1 nohead lc rgb "#2ca02c" dt 3
set arrow from 622765.3773, graph 0 to 622765.3773, graph 1 nohead lc rgb "#2ca02c" dt 3
set arrow from 730507.3877, graph 0 to 730507.3877, graph 1 nohead lc rgb "#2ca02c" dt 3
set arrow from 746309.5977, graph 0 to 746309.5977, graph 1 nohead lc rgb "#2ca02c" dt 3
set arrow from 933835.3693, graph 0 to 933835.3693, graph 1 nohead lc rgb "#2ca02c" dt 3
set arrow from 1295429.632, graph 0 to 1295429.632, graph 1 nohead lc rgb "#2ca02c" dt 3
set arrow from 1297497.186, graph 0 to 1297497.186, graph 1 nohead lc rgb "#2ca02c" dt 3
set arrow from 1396354.76, graph 0 to 1396354.76, graph 1 nohead lc rgb "#2ca02c" dt 3
set arrow from 1397953.187, graph 0 to 1397953.187, graph 1 nohead lc rgb "#2ca02c" dt 3
set arrow from 1408481.2, graph 0 to 1408481.2, graph 1 nohead lc rgb "#2ca02c" dt 3
set arrow from 1426987.514, graph 0 to 1426987.514, graph 1 nohead lc rgb "#2ca02c" dt 3
set arrow from 1468541.902, graph 0 to 1468541.902, graph 1 nohead lc rgb "#2ca02c" dt 3
set arrow from 1518029.654, graph 0 to 1518029.654, graph 1 nohead lc rgb "#2ca02c" dt 3
set arrow from 1585935.899, graph 0 to 1585935.899, graph 1 nohead lc rgb "#2ca02c" dt 3
set arrow from 1587990.641, graph 0 to 1587990.641, graph 1 nohead lc rgb "#2ca02c" dt 3
set arrow from 1759462.442, graph 0 to 1759462.442, graph 1 nohead lc rgb "#2ca02c" dt 3
set arrow from 1900965.758, graph 0 to 1900965.758, graph 1 nohead lc rgb "#2ca02c" dt 3
set arrow from 1902854.997, graph 0 to 1902854.997, graph 1 nohead lc rgb "#2ca02c" dt 3
set arrow from 1960489.272, graph 0 to 1960489.272, graph 1 nohead lc rgb "#2ca02c" dt 3
set arrow from 2106243.742, graph 0 to 2106243.742, graph 1 nohead lc rgb "#2ca02c" dt 3
set arrow from 2254543.764, graph 0 to 2254543.764, graph 1 nohead lc rgb "#2ca02c" dt 3
set arrow from 2401254.989, graph 0 to 2401254.989, graph 1 nohead lc rgb "#2ca02c" dt 3
set arrow from 2448644.004, graph 0 to 2448644.004, graph 1 nohead lc rgb "#2ca02c" dt 3
set arrow from 2463960.107, graph 0 to 2463960.107, graph 1 nohead lc rgb "#2ca02c" dt 3
set arrow from 2818552.831, graph 0 to 2818552.831, graph 1 nohead lc rgb "#2ca02c" dt 3
set arrow from 2845182.193, graph 0 to 2845182.193, graph 1 nohead lc rgb "#2ca02c" dt 3
set arrow from 2872768.517, graph 0 to 2872768.517, graph 1 nohead lc rgb "#2ca02c" dt 3
set arrow from 2906647.464, graph 0 to 2906647.464, graph 1 nohead lc rgb "#2ca02c" dt 3
set arrow from 3036513.996, graph 0 to 3036513.996, graph 1 nohead lc rgb "#2ca02c" dt 3
set arrow from 3054623.571, graph 0 to 3054623.571, graph 1 nohead lc rgb "#2ca02c" dt 3
set arrow from 3185308.413, graph 0 to 3185308.413, graph 1 nohead lc rgb "#2ca02c" dt 3
set arrow from 3199401.562, graph 0 to 3199401.562, graph 1 nohead lc rgb "#2ca02c" dt 3
set arrow from 3200763.25, graph 0 to 3200763.25, graph 1 nohead lc rgb "#2ca02c" dt 3
set arrow from 3206843.45, graph 0 to 3206843.45, graph 1 nohead lc rgb "#2ca02c" dt 3
set arrow from 3367003.445, graph 0 to 3367003.445, graph 1 nohead lc rgb "#2ca02c" dt 3
set arrow from 3386498.465, graph 0 to 3386498.465, graph 1 nohead lc rgb "#2ca02c" dt 3
set arrow from 3602519.687, graph 0 to 3602519.687, graph 1 nohead lc rgb "#2ca02c" dt 3
set arrow from 3682091.815, graph 0 to 3682091.815, graph 1 nohead lc rgb "#2ca02c" dt 3

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
         "" index 2 using 1:2 with lines lw 2 lc 3 title "sqs", \
         "" index 3 using 1:3:4 with filledcurves lc 4 notitle, \
         "" index 3 using 1:2 with lines lw 2 lc 4 title "sns", \
         NaN with lines lc rgb "#d62728" dt 2 title "fault start", \
         NaN with lines lc rgb "#2ca02c" dt 3 title "fault end"
    unset output
}
