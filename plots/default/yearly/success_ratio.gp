# Success ratio over time per topology, with the faults shaded and labelled.
# Written by `topobench plot`; reads success_ratio.dat beside it and writes success_ratio.png and success_ratio.svg.
# Restyle freely, then redraw from this folder with: gnuplot success_ratio.gp

set style line 1 lc rgb "#0072B2" lw 2 dt 1 pt 7 ps 1.3
set style line 2 lc rgb "#D55E00" lw 2 dt (10,5) pt 5 ps 1.3
set style line 3 lc rgb "#009E73" lw 2 dt (3,4) pt 9 ps 1.3
set style line 4 lc rgb "#CC79A7" lw 2 dt (12,4,3,4) pt 11 ps 1.3
set style line 5 lc rgb "#E69F00" lw 2 dt (22,6) pt 13 ps 1.3
set title 'Success ratio: yearly, mean and 95 % interval over replications'
set xlabel "time (days)"
set ylabel "succeeded / offered"
set yrange [0:1.05]
set grid
set key outside right top Left reverse
set style fill transparent solid 0.15 noborder
set object 1 rect from first 1.31293458, graph 0 to first 1.328608495, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 2 rect from first 1.571799685, graph 0 to first 1.592100066, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 3 rect from first 4.804111263, graph 0 to first 4.80524556, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 4 rect from first 7.200927782, graph 0 to first 7.207932686, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 5 rect from first 8.421874682, graph 0 to first 8.454946079, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 6 rect from first 8.614829696, graph 0 to first 8.637842336, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 7 rect from first 10.77180633, graph 0 to first 10.80827904, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 8 rect from first 14.97137091, graph 0 to first 15.01732683, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 9 rect from first 14.98722124, graph 0 to first 14.99339862, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 10 rect from first 16.14734007, graph 0 to first 16.16151343, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 11 rect from first 16.16501162, graph 0 to first 16.18001199, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 12 rect from first 16.28353194, graph 0 to first 16.30186562, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 13 rect from first 16.50433256, graph 0 to first 16.51605924, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 14 rect from first 16.96925624, graph 0 to first 16.99701223, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 15 rect from first 17.5610559, graph 0 to first 17.56978774, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 16 rect from first 18.32348813, graph 0 to first 18.35573653, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 17 rect from first 18.35839488, graph 0 to first 18.37952045, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 18 rect from first 20.35638962, graph 0 to first 20.36414877, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 19 rect from first 21.99606035, graph 0 to first 22.00191861, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 20 rect from first 22.00686595, graph 0 to first 22.02378378, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 21 rect from first 22.63054508, graph 0 to first 22.6908456, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 22 rect from first 24.30077098, graph 0 to first 24.37781619, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 23 rect from first 26.08534617, graph 0 to first 26.09425426, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 24 rect from first 27.78416978, graph 0 to first 27.79230267, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 25 rect from first 28.33818175, graph 0 to first 28.34078733, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 26 rect from first 28.44163972, graph 0 to first 28.5180486, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 27 rect from first 32.58705279, graph 0 to first 32.62213852, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 28 rect from first 32.85008659, graph 0 to first 32.93034308, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 29 rect from first 33.23861814, graph 0 to first 33.24963574, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 30 rect from first 33.61963605, graph 0 to first 33.64175295, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 31 rect from first 35.14145615, graph 0 to first 35.14483814, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 32 rect from first 35.29326284, graph 0 to first 35.35443468, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 33 rect from first 36.85667414, graph 0 to first 36.86699561, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 34 rect from first 37.01669859, graph 0 to first 37.03011068, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 35 rect from first 37.04212052, graph 0 to first 37.04587115, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 36 rect from first 37.07634043, graph 0 to first 37.11623714, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 37 rect from first 38.95313578, graph 0 to first 38.96994647, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 38 rect from first 39.18222734, graph 0 to first 39.1955841, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 39 rect from first 41.68572416, graph 0 to first 41.69582987, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 40 rect from first 42.60020495, graph 0 to first 42.61680337, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 41 rect from first 42.90759759, graph 0 to first 42.92851248, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 42 rect from first 43.23138068, graph 0 to first 43.25051838, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 43 rect from first 43.86676182, graph 0 to first 43.86869647, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 44 rect from first 44.48690616, graph 0 to first 44.49138913, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 45 rect from first 45.69876605, graph 0 to first 45.70650017, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 46 rect from first 47.62281412, graph 0 to first 47.6336295, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 47 rect from first 48.6136622, graph 0 to first 48.62096862, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 48 rect from first 49.75424979, graph 0 to first 49.77080025, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 49 rect from first 50.53433325, graph 0 to first 50.62060957, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 50 rect from first 50.80825307, graph 0 to first 50.82267696, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 51 rect from first 51.42911083, graph 0 to first 51.43697221, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 52 rect from first 51.97874045, graph 0 to first 51.99500455, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 53 rect from first 52.6310616, graph 0 to first 52.67244844, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 54 rect from first 52.85047784, graph 0 to first 52.86329837, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 55 rect from first 53.08313075, graph 0 to first 53.1112919, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 56 rect from first 55.75070722, graph 0 to first 55.77466021, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 57 rect from first 57.71960931, graph 0 to first 57.72894971, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 58 rect from first 60.99267698, graph 0 to first 61.00680454, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 59 rect from first 61.71965841, graph 0 to first 61.73667917, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 60 rect from first 62.86301258, graph 0 to first 62.88509787, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 61 rect from first 63.00335103, graph 0 to first 63.01169062, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 62 rect from first 64.94509762, graph 0 to first 64.94826266, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 63 rect from first 65.13869763, graph 0 to first 65.15206296, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 64 rect from first 66.64891565, graph 0 to first 66.65492281, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 65 rect from first 67.55690515, graph 0 to first 67.5859178, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 66 rect from first 68.74587374, graph 0 to first 68.77803124, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 67 rect from first 69.61924611, graph 0 to first 69.62988108, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 68 rect from first 71.87067774, graph 0 to first 71.88526573, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 69 rect from first 78.68147222, graph 0 to first 78.69352196, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 70 rect from first 78.75541664, graph 0 to first 78.76175698, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 71 rect from first 78.76741704, graph 0 to first 78.8022941, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 72 rect from first 79.07273102, graph 0 to first 79.10630473, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 73 rect from first 79.11147534, graph 0 to first 79.14468918, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 74 rect from first 81.85701631, graph 0 to first 81.87576703, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 75 rect from first 81.92506488, graph 0 to first 81.93029628, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 76 rect from first 82.83986463, graph 0 to first 82.84941087, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 77 rect from first 83.78274605, graph 0 to first 83.78649947, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 78 rect from first 84.51308492, graph 0 to first 84.64141866, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 79 rect from first 84.69195826, graph 0 to first 84.70785918, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 80 rect from first 85.28396149, graph 0 to first 85.3167392, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 81 rect from first 85.30392645, graph 0 to first 85.38340309, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 82 rect from first 85.76231866, graph 0 to first 85.76476699, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 83 rect from first 86.64047834, graph 0 to first 86.6596619, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 84 rect from first 87.04798617, graph 0 to first 87.05855581, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 85 rect from first 87.88496193, graph 0 to first 87.95223478, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 86 rect from first 88.47455862, graph 0 to first 88.4995589, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 87 rect from first 92.46353566, graph 0 to first 92.48263478, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 88 rect from first 92.49716299, graph 0 to first 92.50876647, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 89 rect from first 92.69281655, graph 0 to first 92.70633958, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 90 rect from first 93.83792954, graph 0 to first 93.84792318, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 91 rect from first 94.10595398, graph 0 to first 94.11673471, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 92 rect from first 96.89491778, graph 0 to first 96.89675618, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 93 rect from first 97.95375465, graph 0 to first 97.95803872, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 94 rect from first 98.16085113, graph 0 to first 98.16466137, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 95 rect from first 99.38856854, graph 0 to first 99.41701476, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 96 rect from first 99.6849519, graph 0 to first 99.78662516, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 97 rect from first 99.72177475, graph 0 to first 99.73734167, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 98 rect from first 102.1114559, graph 0 to first 102.4354778, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 99 rect from first 102.9554623, graph 0 to first 102.9599879, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 100 rect from first 104.2458986, graph 0 to first 104.2787939, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 101 rect from first 105.4118275, graph 0 to first 105.4215214, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 102 rect from first 105.9661913, graph 0 to first 105.9888706, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 103 rect from first 106.7837932, graph 0 to first 106.802046, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 104 rect from first 106.788525, graph 0 to first 106.8020866, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 105 rect from first 107.4234126, graph 0 to first 107.4424828, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 106 rect from first 108.2723694, graph 0 to first 108.2732611, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 107 rect from first 109.1257323, graph 0 to first 109.1378306, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 108 rect from first 110.4951675, graph 0 to first 110.504907, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 109 rect from first 110.5068101, graph 0 to first 110.5181724, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 110 rect from first 110.6928676, graph 0 to first 110.6984123, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 111 rect from first 111.1043477, graph 0 to first 111.1416429, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 112 rect from first 113.5036166, graph 0 to first 113.5052955, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 113 rect from first 113.8917876, graph 0 to first 113.8978233, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 114 rect from first 116.1642855, graph 0 to first 116.1704741, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 115 rect from first 117.1204564, graph 0 to first 117.1227422, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 116 rect from first 120.8474707, graph 0 to first 120.8664685, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 117 rect from first 121.3468557, graph 0 to first 121.3693301, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 118 rect from first 121.4854435, graph 0 to first 121.4902233, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 119 rect from first 121.8838074, graph 0 to first 121.9099029, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 120 rect from first 122.4247936, graph 0 to first 122.4604587, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 121 rect from first 123.7803449, graph 0 to first 123.7944289, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 122 rect from first 124.5419852, graph 0 to first 124.5450618, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 123 rect from first 125.1279723, graph 0 to first 125.1642519, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 124 rect from first 127.960078, graph 0 to first 127.9757123, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 125 rect from first 129.7250306, graph 0 to first 129.7306568, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 126 rect from first 131.1326733, graph 0 to first 131.141222, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 127 rect from first 131.5234248, graph 0 to first 131.5259821, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 128 rect from first 131.7709025, graph 0 to first 131.7797226, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 129 rect from first 133.7320648, graph 0 to first 133.7415821, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 130 rect from first 135.7138112, graph 0 to first 135.728145, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 131 rect from first 136.5808007, graph 0 to first 136.5821373, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 132 rect from first 136.8341166, graph 0 to first 136.8761176, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 133 rect from first 137.0868113, graph 0 to first 137.0955127, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 134 rect from first 137.7068983, graph 0 to first 137.7236926, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 135 rect from first 138.1127292, graph 0 to first 138.1184703, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 136 rect from first 138.1624058, graph 0 to first 138.1752503, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 137 rect from first 139.2325372, graph 0 to first 139.2769316, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 138 rect from first 139.5373565, graph 0 to first 139.6434153, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 139 rect from first 139.8541161, graph 0 to first 139.8603795, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 140 rect from first 140.0249833, graph 0 to first 140.037384, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 141 rect from first 140.5532861, graph 0 to first 140.5694264, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 142 rect from first 140.6513979, graph 0 to first 140.6607064, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 143 rect from first 141.4897354, graph 0 to first 141.4920892, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 144 rect from first 143.5370197, graph 0 to first 143.5987505, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 145 rect from first 143.6811538, graph 0 to first 143.6894946, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 146 rect from first 144.9449205, graph 0 to first 144.9585208, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 147 rect from first 145.1756372, graph 0 to first 145.1958267, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 148 rect from first 145.2499553, graph 0 to first 145.3250501, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 149 rect from first 145.4560574, graph 0 to first 145.5447881, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 150 rect from first 146.3878087, graph 0 to first 146.3961039, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 151 rect from first 146.5540983, graph 0 to first 146.6049259, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 152 rect from first 146.7682584, graph 0 to first 146.7843821, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 153 rect from first 147.2574635, graph 0 to first 147.3556241, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 154 rect from first 147.630952, graph 0 to first 147.6538774, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 155 rect from first 155.1492263, graph 0 to first 155.1773046, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 156 rect from first 155.7683884, graph 0 to first 155.7752324, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 157 rect from first 156.3530588, graph 0 to first 156.3684826, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 158 rect from first 157.2390073, graph 0 to first 157.2593951, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 159 rect from first 157.6953998, graph 0 to first 157.7663546, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 160 rect from first 158.80548, graph 0 to first 158.8369406, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 161 rect from first 161.5870312, graph 0 to first 161.6034652, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 162 rect from first 162.6985171, graph 0 to first 162.7066388, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 163 rect from first 162.8379139, graph 0 to first 162.8438166, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 164 rect from first 162.8872663, graph 0 to first 162.8915968, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 165 rect from first 162.9771024, graph 0 to first 162.9908806, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 166 rect from first 165.0204174, graph 0 to first 165.0514831, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 167 rect from first 166.3909851, graph 0 to first 166.4044293, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 168 rect from first 168.8476292, graph 0 to first 168.8502831, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 169 rect from first 169.8409376, graph 0 to first 169.8987078, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 170 rect from first 173.9302839, graph 0 to first 173.9363839, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 171 rect from first 174.4274742, graph 0 to first 174.4432916, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 172 rect from first 175.1244675, graph 0 to first 175.3096594, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 173 rect from first 179.1938484, graph 0 to first 179.2014119, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 174 rect from first 180.4251928, graph 0 to first 180.4882956, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 175 rect from first 180.8621155, graph 0 to first 180.8710153, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 176 rect from first 182.0272634, graph 0 to first 182.0431632, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 177 rect from first 182.6546508, graph 0 to first 182.7192413, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 178 rect from first 183.614713, graph 0 to first 183.6384122, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 179 rect from first 183.6845535, graph 0 to first 183.6905619, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 180 rect from first 184.3438656, graph 0 to first 184.3517384, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 181 rect from first 184.8073228, graph 0 to first 184.8182123, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 182 rect from first 185.4589278, graph 0 to first 185.4941824, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 183 rect from first 187.8974049, graph 0 to first 187.9161309, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 184 rect from first 188.9530262, graph 0 to first 188.9596888, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 185 rect from first 189.3051039, graph 0 to first 189.3107446, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 186 rect from first 190.5752909, graph 0 to first 190.5808948, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 187 rect from first 190.6512532, graph 0 to first 190.6570561, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 188 rect from first 191.7003456, graph 0 to first 191.7446979, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 189 rect from first 191.9304233, graph 0 to first 191.9392353, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 190 rect from first 192.7691571, graph 0 to first 192.8079541, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 191 rect from first 193.5297242, graph 0 to first 193.5688954, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 192 rect from first 196.6293411, graph 0 to first 196.633603, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 193 rect from first 196.7969186, graph 0 to first 196.8331462, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 194 rect from first 197.8569617, graph 0 to first 197.8749654, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 195 rect from first 197.8753332, graph 0 to first 197.8881738, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 196 rect from first 198.3639231, graph 0 to first 198.3695029, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 197 rect from first 198.9471359, graph 0 to first 198.9514387, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 198 rect from first 202.3757427, graph 0 to first 202.4105054, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 199 rect from first 202.4786653, graph 0 to first 202.4829792, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 200 rect from first 204.4987096, graph 0 to first 204.502527, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 201 rect from first 205.2990337, graph 0 to first 205.3314196, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 202 rect from first 207.5670104, graph 0 to first 207.5861104, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 203 rect from first 207.7180179, graph 0 to first 207.7213266, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 204 rect from first 208.2440975, graph 0 to first 208.2569212, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 205 rect from first 210.0693744, graph 0 to first 210.0792935, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 206 rect from first 210.1561377, graph 0 to first 210.1770109, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 207 rect from first 210.656386, graph 0 to first 210.7893381, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 208 rect from first 211.3249836, graph 0 to first 211.3323169, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 209 rect from first 213.0280071, graph 0 to first 213.0324439, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 210 rect from first 213.4812418, graph 0 to first 213.5241656, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 211 rect from first 214.826947, graph 0 to first 214.8285223, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 212 rect from first 215.2935293, graph 0 to first 215.2953828, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 213 rect from first 215.3176317, graph 0 to first 215.3270444, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 214 rect from first 216.1402653, graph 0 to first 216.1754929, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 215 rect from first 217.6316213, graph 0 to first 217.6332806, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 216 rect from first 217.9455713, graph 0 to first 218.0059713, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 217 rect from first 219.0493953, graph 0 to first 219.0543906, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 218 rect from first 220.1348123, graph 0 to first 220.1356747, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 219 rect from first 220.5890292, graph 0 to first 220.6062564, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 220 rect from first 220.9164662, graph 0 to first 220.9804491, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 221 rect from first 221.3921637, graph 0 to first 221.4056082, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 222 rect from first 221.6337346, graph 0 to first 221.6443674, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 223 rect from first 221.75413, graph 0 to first 221.7592985, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 224 rect from first 222.4896118, graph 0 to first 222.5141328, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 225 rect from first 224.7548579, graph 0 to first 224.759758, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 226 rect from first 225.4249281, graph 0 to first 225.4315181, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 227 rect from first 225.7752897, graph 0 to first 225.7859892, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 228 rect from first 225.9963791, graph 0 to first 226.0082185, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 229 rect from first 226.1286839, graph 0 to first 226.1718525, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 230 rect from first 228.966913, graph 0 to first 228.977962, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 231 rect from first 228.9751709, graph 0 to first 229.0537697, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 232 rect from first 229.1598101, graph 0 to first 229.1732186, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 233 rect from first 229.7918529, graph 0 to first 229.7947264, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 234 rect from first 231.6272421, graph 0 to first 231.6474715, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 235 rect from first 233.3531042, graph 0 to first 233.3581625, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 236 rect from first 234.3368538, graph 0 to first 234.3553389, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 237 rect from first 234.8545102, graph 0 to first 234.8616336, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 238 rect from first 236.6589931, graph 0 to first 236.6806987, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 239 rect from first 236.8857278, graph 0 to first 236.9066763, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 240 rect from first 237.1554757, graph 0 to first 237.1900348, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 241 rect from first 237.8622148, graph 0 to first 237.8836047, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 242 rect from first 239.7908662, graph 0 to first 239.7962703, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 243 rect from first 241.1284546, graph 0 to first 241.1427961, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 244 rect from first 243.2029362, graph 0 to first 243.2075826, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 245 rect from first 243.4055212, graph 0 to first 243.4178821, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 246 rect from first 244.3277215, graph 0 to first 244.3554691, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 247 rect from first 246.8387962, graph 0 to first 246.8413424, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 248 rect from first 247.8929602, graph 0 to first 247.8977737, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 249 rect from first 249.0997507, graph 0 to first 249.1032515, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 250 rect from first 249.2919874, graph 0 to first 249.2981598, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 251 rect from first 249.4087089, graph 0 to first 249.4208382, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 252 rect from first 250.3159799, graph 0 to first 250.3731297, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 253 rect from first 250.3590895, graph 0 to first 250.3674569, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 254 rect from first 250.9684355, graph 0 to first 250.9784954, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 255 rect from first 253.444995, graph 0 to first 253.4916024, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 256 rect from first 253.5525506, graph 0 to first 253.6026376, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 257 rect from first 254.2205503, graph 0 to first 254.2483799, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 258 rect from first 254.5301362, graph 0 to first 254.5358602, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 259 rect from first 255.0864028, graph 0 to first 255.0876903, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 260 rect from first 255.6427804, graph 0 to first 255.6921883, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 261 rect from first 256.0420777, graph 0 to first 256.0664525, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 262 rect from first 256.108948, graph 0 to first 256.1178779, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 263 rect from first 257.2586969, graph 0 to first 257.2822678, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 264 rect from first 257.6551875, graph 0 to first 257.6747363, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 265 rect from first 257.9254868, graph 0 to first 257.9435635, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 266 rect from first 259.4781787, graph 0 to first 259.4877477, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 267 rect from first 260.47616, graph 0 to first 260.4865183, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 268 rect from first 263.765592, graph 0 to first 263.77357, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 269 rect from first 265.2872818, graph 0 to first 265.3087866, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 270 rect from first 267.7854817, graph 0 to first 267.8055584, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 271 rect from first 268.3033469, graph 0 to first 268.3108845, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 272 rect from first 269.2604209, graph 0 to first 269.2698512, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 273 rect from first 271.2266338, graph 0 to first 271.2597603, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 274 rect from first 271.6852387, graph 0 to first 271.690076, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 275 rect from first 273.6731002, graph 0 to first 273.6822685, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 276 rect from first 275.5730936, graph 0 to first 275.6226858, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 277 rect from first 275.6500845, graph 0 to first 275.6651464, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 278 rect from first 275.7054064, graph 0 to first 275.7170986, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 279 rect from first 276.2234225, graph 0 to first 276.2481191, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 280 rect from first 276.5293096, graph 0 to first 276.5337488, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 281 rect from first 276.5975613, graph 0 to first 276.6165111, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 282 rect from first 278.1372081, graph 0 to first 278.1394025, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 283 rect from first 279.0009659, graph 0 to first 279.0102097, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 284 rect from first 279.1156003, graph 0 to first 279.1546531, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 285 rect from first 279.1875072, graph 0 to first 279.1884242, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 286 rect from first 281.3714737, graph 0 to first 281.3786317, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 287 rect from first 282.9131196, graph 0 to first 282.9234912, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 288 rect from first 283.7784527, graph 0 to first 283.8159395, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 289 rect from first 284.1928258, graph 0 to first 284.2058951, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 290 rect from first 285.25569, graph 0 to first 285.2760377, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 291 rect from first 286.0826292, graph 0 to first 286.0927377, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 292 rect from first 286.4370925, graph 0 to first 286.4475388, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 293 rect from first 287.9907433, graph 0 to first 288.0101094, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 294 rect from first 289.0054209, graph 0 to first 289.0472975, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 295 rect from first 289.329153, graph 0 to first 289.3452709, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 296 rect from first 289.6144145, graph 0 to first 289.6164314, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 297 rect from first 290.1349356, graph 0 to first 290.1378613, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 298 rect from first 293.0469683, graph 0 to first 293.0955412, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 299 rect from first 294.9774758, graph 0 to first 294.9924899, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 300 rect from first 296.9979942, graph 0 to first 297.012578, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 301 rect from first 298.8852409, graph 0 to first 298.8954799, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 302 rect from first 299.030548, graph 0 to first 299.0398206, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 303 rect from first 299.6812221, graph 0 to first 299.6886135, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 304 rect from first 301.18572, graph 0 to first 301.2202353, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 305 rect from first 303.4768397, graph 0 to first 303.5140689, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 306 rect from first 304.864988, graph 0 to first 304.8952374, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 307 rect from first 305.0216144, graph 0 to first 305.0577101, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 308 rect from first 305.4147075, graph 0 to first 305.4192647, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 309 rect from first 306.4849628, graph 0 to first 306.4942897, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 310 rect from first 306.6169771, graph 0 to first 306.6593461, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 311 rect from first 311.8383465, graph 0 to first 311.857536, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 312 rect from first 313.0046856, graph 0 to first 313.0280576, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 313 rect from first 313.9587741, graph 0 to first 313.966236, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 314 rect from first 314.5273932, graph 0 to first 314.5366859, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 315 rect from first 315.2159653, graph 0 to first 315.2209729, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 316 rect from first 317.3317855, graph 0 to first 317.3461903, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 317 rect from first 317.7453562, graph 0 to first 317.7808743, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 318 rect from first 318.5082252, graph 0 to first 318.5245128, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 319 rect from first 319.4387686, graph 0 to first 319.4487603, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 320 rect from first 320.1553081, graph 0 to first 320.1617689, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 321 rect from first 320.6956162, graph 0 to first 320.724334, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 322 rect from first 320.7023858, graph 0 to first 320.7535454, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 323 rect from first 323.2138793, graph 0 to first 323.2209775, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 324 rect from first 323.5999118, graph 0 to first 323.6013506, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 325 rect from first 324.1269981, graph 0 to first 324.1568262, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 326 rect from first 325.0300545, graph 0 to first 325.0434398, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 327 rect from first 325.855191, graph 0 to first 325.8578507, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 328 rect from first 326.11154, graph 0 to first 326.1248413, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 329 rect from first 327.6331368, graph 0 to first 327.6700164, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 330 rect from first 327.9594117, graph 0 to first 328.0061951, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 331 rect from first 328.1869562, graph 0 to first 328.2303399, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 332 rect from first 328.2226523, graph 0 to first 328.2343949, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 333 rect from first 328.9535647, graph 0 to first 328.9700561, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 334 rect from first 329.3866979, graph 0 to first 329.4075116, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 335 rect from first 329.4969747, graph 0 to first 329.524462, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 336 rect from first 330.1615584, graph 0 to first 330.1961275, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 337 rect from first 332.8457752, graph 0 to first 332.885744, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 338 rect from first 333.3233821, graph 0 to first 333.3280977, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 339 rect from first 333.4633177, graph 0 to first 333.4880684, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 340 rect from first 334.5066706, graph 0 to first 334.5281529, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 341 rect from first 335.1735432, graph 0 to first 335.1831816, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 342 rect from first 336.9971532, graph 0 to first 337.0028713, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 343 rect from first 338.01425, graph 0 to first 338.0160409, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 344 rect from first 339.4020027, graph 0 to first 339.4271513, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 345 rect from first 341.6405586, graph 0 to first 341.6438627, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 346 rect from first 341.8635428, graph 0 to first 341.8685927, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 347 rect from first 342.0530016, graph 0 to first 342.0919742, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 348 rect from first 344.3753309, graph 0 to first 344.3781073, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 349 rect from first 346.2746464, graph 0 to first 346.2963363, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 350 rect from first 346.7104602, graph 0 to first 346.7180888, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 351 rect from first 346.9466065, graph 0 to first 346.9642256, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 352 rect from first 347.2039515, graph 0 to first 347.2140012, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 353 rect from first 347.4310912, graph 0 to first 347.4464205, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 354 rect from first 349.7245436, graph 0 to first 349.7858815, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 355 rect from first 350.0549995, graph 0 to first 350.0831336, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 356 rect from first 350.2609719, graph 0 to first 350.2763512, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 357 rect from first 350.9026126, graph 0 to first 350.9133821, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 358 rect from first 351.4878819, graph 0 to first 351.4942262, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 359 rect from first 351.6452284, graph 0 to first 351.6871713, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 360 rect from first 353.0644155, graph 0 to first 353.0800418, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 361 rect from first 353.3852612, graph 0 to first 353.3914469, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 362 rect from first 353.4675803, graph 0 to first 353.4761499, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 363 rect from first 354.6169249, graph 0 to first 354.6415766, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 364 rect from first 354.926487, graph 0 to first 354.9462044, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 365 rect from first 355.3745563, graph 0 to first 355.4115436, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 366 rect from first 355.5026285, graph 0 to first 355.5062817, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 367 rect from first 356.4802683, graph 0 to first 356.4823154, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 368 rect from first 356.9529773, graph 0 to first 356.9686906, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 369 rect from first 357.5471935, graph 0 to first 357.5638589, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 370 rect from first 358.5575993, graph 0 to first 358.5826451, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 371 rect from first 359.1168559, graph 0 to first 359.1226392, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 372 rect from first 359.9298771, graph 0 to first 359.9374796, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 373 rect from first 360.6101495, graph 0 to first 360.6452986, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 374 rect from first 360.7296385, graph 0 to first 360.7409159, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set object 375 rect from first 362.0757648, graph 0 to first 362.0831535, graph 1 behind fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 noborder
set ytics 0, 0.1, 1

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
    plot 'success_ratio.dat' index 0 using ($1/86400):3:4 with filledcurves fillcolor rgb "#0072B2" notitle, \
         "" index 0 using ($1/86400):2 with lines ls 1 title 'tight', \
         "" index 1 using ($1/86400):3:4 with filledcurves fillcolor rgb "#D55E00" notitle, \
         "" index 1 using ($1/86400):2 with lines ls 2 title 'tight_x3', \
         "" index 2 using ($1/86400):3:4 with filledcurves fillcolor rgb "#009E73" notitle, \
         "" index 2 using ($1/86400):2 with lines ls 3 title 'alb', \
         "" index 3 using ($1/86400):3:4 with filledcurves fillcolor rgb "#CC79A7" notitle, \
         "" index 3 using ($1/86400):2 with lines ls 4 title 'sqs', \
         "" index 4 using ($1/86400):3:4 with filledcurves fillcolor rgb "#E69F00" notitle, \
         "" index 4 using ($1/86400):2 with lines ls 5 title 'sns', \
         keyentry with filledcurves fillcolor rgb "#7f7f7f" fillstyle transparent solid 0.18 title '375 faults (faults.csv)'
    unset output
}
