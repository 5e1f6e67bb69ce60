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
set arrow from 415075.2131, graph 0 to 415075.2131, graph 1 nohead lc rgb "#d62728" dt 2
set arrow from 622160.1604, graph 0 to 622160.1604, graph 1 nohead lc rgb "#d62728" dt 2
set arrow from 727649.9725, graph 0 to 727649.9725, graph 1 nohead lc rgb "#d62728" dt 2
set arrow from 1294895.915, graph 0 to 1294895.915, graph 1 nohead lc rgb "#d62728" dt 2
set arrow from 1395130.182, graph 0 to 1395130.182, graph 1 nohead lc rgb "#d62728" dt 2
set arrow from 1406897.16, graph 0 to 1406897.16, graph 1 nohead lc rgb "#d62728" dt 2
set arrow from 1466143.739, graph 0 to 1466143.739, graph 1 nohead lc rgb "#d62728" dt 2
set arrow from 1517275.23, graph 0 to 1517275.23, graph 1 nohead lc rgb "#d62728" dt 2
set arrow from 1583149.374, graph 0 to 1583149.374, graph 1 nohead lc rgb "#d62728" dt 2
set arrow from 1955279.095, graph 0 to 1955279.095, graph 1 nohead lc rgb "#d62728" dt 2
set arrow from 2253773.909, graph 0 to 2253773.909, graph 1 nohead lc rgb "#d62728" dt 2
set arrow from 2400552.269, graph 0 to 2400552.269, graph 1 nohead lc rgb "#d62728" dt 2
set arrow from 2457357.672, graph 0 to 2457357.672, graph 1 nohead lc rgb "#d62728" dt 2
set arrow from 2815521.361, graph 0 to 2815521.361, graph 1 nohead lc rgb "#d62728" dt 2
set arrow from 3184416.646, graph 0 to 3184416.646, graph 1 nohead lc rgb "#d62728" dt 2
set arrow from 3198242.758, graph 0 to 3198242.758, graph 1 nohead lc rgb "#d62728" dt 2
set arrow from 3365550.931, graph 0 to 3365550.931, graph 1 nohead lc rgb "#d62728" dt 2
set arrow from 3385344.442, graph 0 to 3385344.442, graph 1 nohead lc rgb "#d62728" dt 2
set arrow from 3601646.567, graph 0 to 3601646.567, graph 1 nohead lc rgb "#d62728" dt 2
set arrow from 3735191.291, graph 0 to 3735191.291, graph 1 nohead lc rgb "#d62728" dt 2
set arrow from 3790088.221, graph 0 to 3790088.221, graph 1 nohead lc rgb "#d62728" dt 2
set arrow from 3948373.387, graph 0 to 3948373.387, graph 1 nohead lc rgb "#d62728" dt 2
set arrow from 4200220.414, graph 0 to 4200220.414, graph 1 nohead lc rgb "#d62728" dt 2
set arrow from 4298767.182, graph 0 to 4298767.182, graph 1 nohead lc rgb "#d62728" dt 2
set arrow from 4366166.393, graph 0 to 4366166.393, graph 1 nohead lc rgb "#d62728" dt 2
set arrow from 4389833.065, graph 0 to 4389833.065, graph 1 nohead lc rgb "#d62728" dt 2
set arrow from 4490963.175, graph 0 to 4490963.175, graph 1 nohead lc rgb "#d62728" dt 2
set arrow from 4547323.722, graph 0 to 4547323.722, graph 1 nohead lc rgb "#d62728" dt 2
set arrow from 4586382.497, graph 0 to 4586382.497, graph 1 nohead lc rgb "#d62728" dt 2
set arrow from 4986974.244, graph 0 to 4986974.244, graph 1 nohead lc rgb "#d62728" dt 2
set arrow from 5269767.291, graph 0 to 5269767.291, graph 1 nohead lc rgb "#d62728" dt 2
set arrow from 5332578.487, graph 0 to 5332578.487, graph 1 nohead lc rgb "#d62728" dt 2
set arrow from 5443489.529, graph 0 to 5443489.529, graph 1 nohead lc rgb "#d62728" dt 2
set arrow from 5611256.434, graph 0 to 5611256.434, graph 1 nohead lc rgb "#d62728" dt 2
set arrow from 5627983.475, graph 0 to 5627983.475, graph 1 nohead lc rgb "#d62728" dt 2
set arrow from 5758466.312, graph 0 to 5758466.312, graph 1 nohead lc rgb "#d62728" dt 2
set arrow from 5939643.491, graph 0 to 5939643.491, graph 1 nohead lc rgb "#d62728" dt 2
set arrow from 6209626.557, graph 0 to 6209626.557, graph 1 nohead lc rgb "#d62728" dt 2
set arrow from 6804467.998, graph 0 to 6804467.998, graph 1 nohead lc rgb "#d62728" dt 2
set arrow from 114791.774, graph 0 to 114791.774, graph 1 nohead lc rgb "#2ca02c" dt 3
set arrow from 415173.2164, graph 0 to 415173.2164, graph 1 nohead lc rgb "#2ca02c" dt 3
set arrow from 622765.3841, graph 0 to 622765.3841, graph 1 nohead lc rgb "#2ca02c" dt 3
set arrow from 730507.3412, graph 0 to 730507.3412, graph 1 nohead lc rgb "#2ca02c" dt 3
set arrow from 1295429.641, graph 0 to 1295429.641, graph 1 nohead lc rgb "#2ca02c" dt 3
set arrow from 1396354.76, graph 0 to 1396354.76, graph 1 nohead lc rgb "#2ca02c" dt 3
set arrow from 1408481.19, graph 0 to 1408481.19, graph 1 nohead lc rgb "#2ca02c" dt 3
set arrow from 1468541.857, graph 0 to 1468541.857, graph 1 nohead lc rgb "#2ca02c" dt 3
set arrow from 1518029.661, graph 0 to 1518029.661, graph 1 nohead lc rgb "#2ca02c" dt 3
set arrow from 1585935.636, graph 0 to 1585935.636, graph 1 nohead lc rgb "#2ca02c" dt 3
set arrow from 1960489.06, graph 0 to 1960489.06, graph 1 nohead lc rgb "#2ca02c" dt 3
set arrow from 2254543.568, graph 0 to 2254543.568, graph 1 nohead lc rgb "#2ca02c" dt 3
set arrow from 2401254.951, graph 0 to 2401254.951, graph 1 nohead lc rgb "#2ca02c" dt 3
set arrow from 2463959.399, graph 0 to 2463959.399, graph 1 nohead lc rgb "#2ca02c" dt 3
set arrow from 2818552.768, graph 0 to 2818552.768, graph 1 nohead lc rgb "#2ca02c" dt 3
set arrow from 3185308.421, graph 0 to 3185308.421, graph 1 nohead lc rgb "#2ca02c" dt 3
set arrow from 3199401.563, graph 0 to 3199401.563, graph 1 nohead lc rgb "#2ca02c" dt 3
set arrow from 3367003.375, graph 0 to 3367003.375, graph 1 nohead lc rgb "#2ca02c" dt 3
set arrow from 3386498.466, graph 0 to 3386498.466, graph 1 nohead lc rgb "#2ca02c" dt 3
set arrow from 3602519.701, graph 0 to 3602519.701, graph 1 nohead lc rgb "#2ca02c" dt 3
set arrow from 3736844.788, graph 0 to 3736844.788, graph 1 nohead lc rgb "#2ca02c" dt 3
set arrow from 3790255.375, graph 0 to 3790255.375, graph 1 nohead lc rgb "#2ca02c" dt 3
set arrow from 3949041.615, graph 0 to 3949041.615, graph 1 nohead lc rgb "#2ca02c" dt 3
set arrow from 4200851.689, graph 0 to 4200851.689, graph 1 nohead lc rgb "#2ca02c" dt 3
set arrow from 4300197.142, graph 0 to 4300197.142, graph 1 nohead lc rgb "#2ca02c" dt 3
set arrow from 4373620.667, graph 0 to 4373620.667, graph 1 nohead lc rgb "#2ca02c" dt 3
set arrow from 4391079.289, graph 0 to 4391079.289, graph 1 nohead lc rgb "#2ca02c" dt 3
set arrow from 4492368.393, graph 0 to 4492368.393, graph 1 nohead lc rgb "#2ca02c" dt 3
set arrow from 4550899.545, graph 0 to 4550899.545, graph 1 nohead lc rgb "#2ca02c" dt 3
set arrow from 4588815.62, graph 0 to 4588815.62, graph 1 nohead lc rgb "#2ca02c" dt 3
set arrow from 4987781.255, graph 0 to 4987781.255, graph 1 nohead lc rgb "#2ca02c" dt 3
set arrow from 5270987.912, graph 0 to 5270987.912, graph 1 nohead lc rgb "#2ca02c" dt 3
set arrow from 5334049.08, graph 0 to 5334049.08, graph 1 nohead lc rgb "#2ca02c" dt 3
set arrow from 5444210.07, graph 0 to 5444210.07, graph 1 nohead lc rgb "#2ca02c" dt 3
set arrow from 5611529.894, graph 0 to 5611529.894, graph 1 nohead lc rgb "#2ca02c" dt 3
set arrow from 5629138.24, graph 0 to 5629138.24, graph 1 nohead lc rgb "#2ca02c" dt 3
set arrow from 5758985.331, graph 0 to 5758985.331, graph 1 nohead lc rgb "#2ca02c" dt 3
set arrow from 5942421.899, graph 0 to 5942421.899, graph 1 nohead lc rgb "#2ca02c" dt 3
set arrow from 6210886.959, graph 0 to 6210886.959, graph 1 nohead lc rgb "#2ca02c" dt 3
set arrow from 6805015.803, graph 0 to 6805015.803, graph 1 nohead lc rgb "#2ca02c" dt 3

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
