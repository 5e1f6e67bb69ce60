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
set arrow from 727649.9725, graph 0 to 727649.9725, graph 1 nohead lc rgb "#d62728" dt 2
set arrow from 744321.2857, graph 0 to 744321.2857, graph 1 nohead lc rgb "#d62728" dt 2
set arrow from 930684.0671, graph 0 to 930684.0671, graph 1 nohead lc rgb "#d62728" dt 2
set arrow from 1293526.447, graph 0 to 1293526.447, graph 1 nohead lc rgb "#d62728" dt 2
set arrow from 1294895.915, graph 0 to 1294895.915, graph 1 nohead lc rgb "#d62728" dt 2
set arrow from 1395130.182, graph 0 to 1395130.182, graph 1 nohead lc rgb "#d62728" dt 2
set arrow from 1396657.004, graph 0 to 1396657.004, graph 1 nohead lc rgb "#d62728" dt 2
set arrow from 1406897.16, graph 0 to 1406897.16, graph 1 nohead lc rgb "#d62728" dt 2
set arrow from 1425974.333, graph 0 to 1425974.333, graph 1 nohead lc rgb "#d62728" dt 2
set arrow from 1466143.739, graph 0 to 1466143.739, graph 1 nohead lc rgb "#d62728" dt 2
set arrow from 1517275.23, graph 0 to 1517275.23, graph 1 nohead lc rgb "#d62728" dt 2
set arrow from 1583149.374, graph 0 to 1583149.374, graph 1 nohead lc rgb "#d62728" dt 2
set arrow from 1586165.318, graph 0 to 1586165.318, graph 1 nohead lc rgb "#d62728" dt 2
set arrow from 1758792.063, graph 0 to 1758792.063, graph 1 nohead lc rgb "#d62728" dt 2
set arrow from 1900459.614, graph 0 to 1900459.614, graph 1 nohead lc rgb "#d62728" dt 2
set arrow from 1901393.218, graph 0 to 1901393.218, graph 1 nohead lc rgb "#d62728" dt 2
set arrow from 1955279.095, graph 0 to 1955279.095, graph 1 nohead lc rgb "#d62728" dt 2
set arrow from 2099586.613, graph 0 to 2099586.613, graph 1 nohead lc rgb "#d62728" dt 2
set arrow from 2253773.909, graph 0 to 2253773.909, graph 1 nohead lc rgb "#d62728" dt 2
set arrow from 2400552.269, graph 0 to 2400552.269, graph 1 nohead lc rgb "#d62728" dt 2
set arrow from 2448418.903, graph 0 to 2448418.903, graph 1 nohead lc rgb "#d62728" dt 2
set arrow from 2457357.672, graph 0 to 2457357.672, graph 1 nohead lc rgb "#d62728" dt 2
set arrow from 2815521.361, graph 0 to 2815521.361, graph 1 nohead lc rgb "#d62728" dt 2
set arrow from 2838247.481, graph 0 to 2838247.481, graph 1 nohead lc rgb "#d62728" dt 2
set arrow from 2871816.607, graph 0 to 2871816.607, graph 1 nohead lc rgb "#d62728" dt 2
set arrow from 2904736.555, graph 0 to 2904736.555, graph 1 nohead lc rgb "#d62728" dt 2
set arrow from 3036221.811, graph 0 to 3036221.811, graph 1 nohead lc rgb "#d62728" dt 2
set arrow from 3049337.909, graph 0 to 3049337.909, graph 1 nohead lc rgb "#d62728" dt 2
set arrow from 3184416.646, graph 0 to 3184416.646, graph 1 nohead lc rgb "#d62728" dt 2
set arrow from 3198242.758, graph 0 to 3198242.758, graph 1 nohead lc rgb "#d62728" dt 2
set arrow from 3200439.213, graph 0 to 3200439.213, graph 1 nohead lc rgb "#d62728" dt 2
set arrow from 3203395.813, graph 0 to 3203395.813, graph 1 nohead lc rgb "#d62728" dt 2
set arrow from 3365550.931, graph 0 to 3365550.931, graph 1 nohead lc rgb "#d62728" dt 2
set arrow from 3385344.442, graph 0 to 3385344.442, graph 1 nohead lc rgb "#d62728" dt 2
set arrow from 3601646.567, graph 0 to 3601646.567, graph 1 nohead lc rgb "#d62728" dt 2
set arrow from 3680657.708, graph 0 to 3680657.708, graph 1 nohead lc rgb "#d62728" dt 2
set arrow from 114791.774, graph 0 to 114791.774, graph 1 nohead lc rgb "#2ca02c" dt 3
set arrow from 137557.4457, graph 0 to 137557.4457, graph 1 nohead lc rgb "#2ca02c" dt 3
set arrow from 415173.2164, graph 0 to 415173.2164, graph 1 nohead lc rgb "#2ca02c" dt 3
set arrow from 622765.3841, graph 0 to 622765.3841, graph 1 nohead lc rgb "#2ca02c" dt 3
set arrow from 730507.3412, graph 0 to 730507.3412, graph 1 nohead lc rgb "#2ca02c" dt 3
set arrow from 746309.5778, graph 0 to 746309.5778, graph 1 nohead lc rgb "#2ca02c" dt 3
set arrow from 933835.3094, graph 0 to 933835.3094, graph 1 nohead lc rgb "#2ca02c" dt 3
set arrow from 1295429.641, graph 0 to 1295429.641, graph 1 nohead lc rgb "#2ca02c" dt 3
set arrow from 1297497.038, graph 0 to 1297497.038, graph 1 nohead lc rgb "#2ca02c" dt 3
set arrow from 1396354.76, graph 0 to 1396354.76, graph 1 nohead lc rgb "#2ca02c" dt 3
set arrow from 1397953.036, graph 0 to 1397953.036, graph 1 nohead lc rgb "#2ca02c" dt 3
set arrow from 1408481.19, graph 0 to 1408481.19, graph 1 nohead lc rgb "#2ca02c" dt 3
set arrow from 1426987.518, graph 0 to 1426987.518, graph 1 nohead lc rgb "#2ca02c" dt 3
set arrow from 1468541.857, graph 0 to 1468541.857, graph 1 nohead lc rgb "#2ca02c" dt 3
set arrow from 1518029.661, graph 0 to 1518029.661, graph 1 nohead lc rgb "#2ca02c" dt 3
set arrow from 1585935.636, graph 0 to 1585935.636, graph 1 nohead lc rgb "#2ca02c" dt 3
set arrow from 1587990.567, graph 0 to 1587990.567, graph 1 nohead lc rgb "#2ca02c" dt 3
set arrow from 1759462.454, graph 0 to 1759462.454, graph 1 nohead lc rgb "#2ca02c" dt 3
set arrow from 1900965.768, graph 0 to 1900965.768, graph 1 nohead lc rgb "#2ca02c" dt 3
set arrow from 1902854.919, graph 0 to 1902854.919, graph 1 nohead lc rgb "#2ca02c" dt 3
set arrow from 1960489.06, graph 0 to 1960489.06, graph 1 nohead lc rgb "#2ca02c" dt 3
set arrow from 2106243.319, graph 0 to 2106243.319, graph 1 nohead lc rgb "#2ca02c" dt 3
set arrow from 2254543.568, graph 0 to 2254543.568, graph 1 nohead lc rgb "#2ca02c" dt 3
set arrow from 2401254.951, graph 0 to 2401254.951, graph 1 nohead lc rgb "#2ca02c" dt 3
set arrow from 2448644.025, graph 0 to 2448644.025, graph 1 nohead lc rgb "#2ca02c" dt 3
set arrow from 2463959.399, graph 0 to 2463959.399, graph 1 nohead lc rgb "#2ca02c" dt 3
set arrow from 2818552.768, graph 0 to 2818552.768, graph 1 nohead lc rgb "#2ca02c" dt 3
set arrow from 2845181.642, graph 0 to 2845181.642, graph 1 nohead lc rgb "#2ca02c" dt 3
set arrow from 2872768.528, graph 0 to 2872768.528, graph 1 nohead lc rgb "#2ca02c" dt 3
set arrow from 2906647.455, graph 0 to 2906647.455, graph 1 nohead lc rgb "#2ca02c" dt 3
set arrow from 3036514.015, graph 0 to 3036514.015, graph 1 nohead lc rgb "#2ca02c" dt 3
set arrow from 3054623.156, graph 0 to 3054623.156, graph 1 nohead lc rgb "#2ca02c" dt 3
set arrow from 3185308.421, graph 0 to 3185308.421, graph 1 nohead lc rgb "#2ca02c" dt 3
set arrow from 3199401.563, graph 0 to 3199401.563, graph 1 nohead lc rgb "#2ca02c" dt 3
set arrow from 3200763.267, graph 0 to 3200763.267, graph 1 nohead lc rgb "#2ca02c" dt 3
set arrow from 3206842.889, graph 0 to 3206842.889, graph 1 nohead lc rgb "#2ca02c" dt 3
set arrow from 3367003.375, graph 0 to 3367003.375, graph 1 nohead lc rgb "#2ca02c" dt 3
set arrow from 3386498.466, graph 0 to 3386498.466, graph 1 nohead lc rgb "#2ca02c" dt 3
set arrow from 3602519.701, graph 0 to 3602519.701, graph 1 nohead lc rgb "#2ca02c" dt 3
set arrow from 3682091.811, graph 0 to 3682091.811, graph 1 nohead lc rgb "#2ca02c" dt 3

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
         "" index 1 using 1:2 with lines lw 2 lc 2 title "tight_x3", \
         "" index 2 using 1:3:4 with filledcurves lc 3 notitle, \
         "" index 2 using 1:2 with lines lw 2 lc 3 title "alb", \
         "" index 3 using 1:3:4 with filledcurves lc 4 notitle, \
         "" index 3 using 1:2 with lines lw 2 lc 4 title "sqs", \
         "" index 4 using 1:3:4 with filledcurves lc 5 notitle, \
         "" index 4 using 1:2 with lines lw 2 lc 5 title "sns", \
         NaN with lines lc rgb "#d62728" dt 2 title "fault start", \
         NaN with lines lc rgb "#2ca02c" dt 3 title "fault end"
    unset output
}
