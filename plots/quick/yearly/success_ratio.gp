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
set arrow from 727649.9658, graph 0 to 727649.9658, graph 1 nohead lc rgb "#d62728" dt 2
set arrow from 1294895.915, graph 0 to 1294895.915, graph 1 nohead lc rgb "#d62728" dt 2
set arrow from 1395130.182, graph 0 to 1395130.182, graph 1 nohead lc rgb "#d62728" dt 2
set arrow from 1406897.16, graph 0 to 1406897.16, graph 1 nohead lc rgb "#d62728" dt 2
set arrow from 1466143.748, graph 0 to 1466143.748, graph 1 nohead lc rgb "#d62728" dt 2
set arrow from 1517275.23, graph 0 to 1517275.23, graph 1 nohead lc rgb "#d62728" dt 2
set arrow from 1583149.374, graph 0 to 1583149.374, graph 1 nohead lc rgb "#d62728" dt 2
set arrow from 1955279.095, graph 0 to 1955279.095, graph 1 nohead lc rgb "#d62728" dt 2
set arrow from 2253774.121, graph 0 to 2253774.121, graph 1 nohead lc rgb "#d62728" dt 2
set arrow from 2400552.316, graph 0 to 2400552.316, graph 1 nohead lc rgb "#d62728" dt 2
set arrow from 2457357.649, graph 0 to 2457357.649, graph 1 nohead lc rgb "#d62728" dt 2
set arrow from 2815521.361, graph 0 to 2815521.361, graph 1 nohead lc rgb "#d62728" dt 2
set arrow from 3184416.646, graph 0 to 3184416.646, graph 1 nohead lc rgb "#d62728" dt 2
set arrow from 3198242.758, graph 0 to 3198242.758, graph 1 nohead lc rgb "#d62728" dt 2
set arrow from 3365550.994, graph 0 to 3365550.994, graph 1 nohead lc rgb "#d62728" dt 2
set arrow from 3385344.442, graph 0 to 3385344.442, graph 1 nohead lc rgb "#d62728" dt 2
set arrow from 3601646.559, graph 0 to 3601646.559, graph 1 nohead lc rgb "#d62728" dt 2
set arrow from 3735191.291, graph 0 to 3735191.291, graph 1 nohead lc rgb "#d62728" dt 2
set arrow from 3790088.221, graph 0 to 3790088.221, graph 1 nohead lc rgb "#d62728" dt 2
set arrow from 3948373.38, graph 0 to 3948373.38, graph 1 nohead lc rgb "#d62728" dt 2
set arrow from 4200220.4, graph 0 to 4200220.4, graph 1 nohead lc rgb "#d62728" dt 2
set arrow from 4298767.22, graph 0 to 4298767.22, graph 1 nohead lc rgb "#d62728" dt 2
set arrow from 4366166.589, graph 0 to 4366166.589, graph 1 nohead lc rgb "#d62728" dt 2
set arrow from 4389833.065, graph 0 to 4389833.065, graph 1 nohead lc rgb "#d62728" dt 2
set arrow from 4490963.175, graph 0 to 4490963.175, graph 1 nohead lc rgb "#d62728" dt 2
set arrow from 4547323.723, graph 0 to 4547323.723, graph 1 nohead lc rgb "#d62728" dt 2
set arrow from 4586382.483, graph 0 to 4586382.483, graph 1 nohead lc rgb "#d62728" dt 2
set arrow from 4986974.236, graph 0 to 4986974.236, graph 1 nohead lc rgb "#d62728" dt 2
set arrow from 5269767.319, graph 0 to 5269767.319, graph 1 nohead lc rgb "#d62728" dt 2
set arrow from 5332578.508, graph 0 to 5332578.508, graph 1 nohead lc rgb "#d62728" dt 2
set arrow from 5443489.529, graph 0 to 5443489.529, graph 1 nohead lc rgb "#d62728" dt 2
set arrow from 5611256.419, graph 0 to 5611256.419, graph 1 nohead lc rgb "#d62728" dt 2
set arrow from 5627983.437, graph 0 to 5627983.437, graph 1 nohead lc rgb "#d62728" dt 2
set arrow from 5758466.575, graph 0 to 5758466.575, graph 1 nohead lc rgb "#d62728" dt 2
set arrow from 5939644.216, graph 0 to 5939644.216, graph 1 nohead lc rgb "#d62728" dt 2
set arrow from 6209626.519, graph 0 to 6209626.519, graph 1 nohead lc rgb "#d62728" dt 2
set arrow from 6804467.962, graph 0 to 6804467.962, graph 1 nohead lc rgb "#d62728" dt 2
set arrow from 114791.7772, graph 0 to 114791.7772, graph 1 nohead lc rgb "#2ca02c" dt 3
set arrow from 415173.1935, graph 0 to 415173.1935, graph 1 nohead lc rgb "#2ca02c" dt 3
set arrow from 622765.3773, graph 0 to 622765.3773, graph 1 nohead lc rgb "#2ca02c" dt 3
set arrow from 730507.3877, graph 0 to 730507.3877, graph 1 nohead lc rgb "#2ca02c" dt 3
set arrow from 1295429.632, graph 0 to 1295429.632, graph 1 nohead lc rgb "#2ca02c" dt 3
set arrow from 1396354.76, graph 0 to 1396354.76, graph 1 nohead lc rgb "#2ca02c" dt 3
set arrow from 1408481.2, graph 0 to 1408481.2, graph 1 nohead lc rgb "#2ca02c" dt 3
set arrow from 1468541.902, graph 0 to 1468541.902, graph 1 nohead lc rgb "#2ca02c" dt 3
set arrow from 1518029.654, graph 0 to 1518029.654, graph 1 nohead lc rgb "#2ca02c" dt 3
set arrow from 1585935.899, graph 0 to 1585935.899, graph 1 nohead lc rgb "#2ca02c" dt 3
set arrow from 1960489.272, graph 0 to 1960489.272, graph 1 nohead lc rgb "#2ca02c" dt 3
set arrow from 2254543.764, graph 0 to 2254543.764, graph 1 nohead lc rgb "#2ca02c" dt 3
set arrow from 2401254.989, graph 0 to 2401254.989, graph 1 nohead lc rgb "#2ca02c" dt 3
set arrow from 2463960.107, graph 0 to 2463960.107, graph 1 nohead lc rgb "#2ca02c" dt 3
set arrow from 2818552.831, graph 0 to 2818552.831, graph 1 nohead lc rgb "#2ca02c" dt 3
set arrow from 3185308.413, graph 0 to 3185308.413, graph 1 nohead lc rgb "#2ca02c" dt 3
set arrow from 3199401.562, graph 0 to 3199401.562, graph 1 nohead lc rgb "#2ca02c" dt 3
set arrow from 3367003.445, graph 0 to 3367003.445, graph 1 nohead lc rgb "#2ca02c" dt 3
set arrow from 3386498.465, graph 0 to 3386498.465, graph 1 nohead lc rgb "#2ca02c" dt 3
set arrow from 3602519.687, graph 0 to 3602519.687, graph 1 nohead lc rgb "#2ca02c" dt 3
set arrow from 3736844.816, graph 0 to 3736844.816, graph 1 nohead lc rgb "#2ca02c" dt 3
set arrow from 3790255.351, graph 0 to 3790255.351, graph 1 nohead lc rgb "#2ca02c" dt 3
set arrow from 3949041.601, graph 0 to 3949041.601, graph 1 nohead lc rgb "#2ca02c" dt 3
set arrow from 4200851.667, graph 0 to 4200851.667, graph 1 nohead lc rgb "#2ca02c" dt 3
set arrow from 4300197.187, graph 0 to 4300197.187, graph 1 nohead lc rgb "#2ca02c" dt 3
set arrow from 4373621.392, graph 0 to 4373621.392, graph 1 nohead lc rgb "#2ca02c" dt 3
set arrow from 4391079.29, graph 0 to 4391079.29, graph 1 nohead lc rgb "#2ca02c" dt 3
set arrow from 4492368.397, graph 0 to 4492368.397, graph 1 nohead lc rgb "#2ca02c" dt 3
set arrow from 4550899.639, graph 0 to 4550899.639, graph 1 nohead lc rgb "#2ca02c" dt 3
set arrow from 4588815.641, graph 0 to 4588815.641, graph 1 nohead lc rgb "#2ca02c" dt 3
set arrow from 4987781.24, graph 0 to 4987781.24, graph 1 nohead lc rgb "#2ca02c" dt 3
set arrow from 5270987.941, graph 0 to 5270987.941, graph 1 nohead lc rgb "#2ca02c" dt 3
set arrow from 5334049.112, graph 0 to 5334049.112, graph 1 nohead lc rgb "#2ca02c" dt 3
set arrow from 5444210.058, graph 0 to 5444210.058, graph 1 nohead lc rgb "#2ca02c" dt 3
set arrow from 5611529.856, graph 0 to 5611529.856, graph 1 nohead lc rgb "#2ca02c" dt 3
set arrow from 5629138.202, graph 0 to 5629138.202, graph 1 nohead lc rgb "#2ca02c" dt 3
set arrow from 5758985.585, graph 0 to 5758985.585, graph 1 nohead lc rgb "#2ca02c" dt 3
set arrow from 5942422.676, graph 0 to 5942422.676, graph 1 nohead lc rgb "#2ca02c" dt 3
set arrow from 6210886.923, graph 0 to 6210886.923, graph 1 nohead lc rgb "#2ca02c" dt 3
set arrow from 6805015.76, graph 0 to 6805015.76, graph 1 nohead lc rgb "#2ca02c" dt 3

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
