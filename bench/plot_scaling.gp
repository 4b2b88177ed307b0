# SPDX-License-Identifier: Apache-2.0
# Build throughput, index size and peak memory against corpus size, from run_bench.sh's scaling.dat.
# Usage: gnuplot -e "datafile='RUN/scaling.dat'; outfile='scaling.png'" bench/plot_scaling.gp
if (!exists("datafile")) datafile = 'scaling.dat'
if (!exists("outfile")) outfile = 'scaling.png'

set terminal pngcairo size 1200,420 font ",10" noenhanced
set output outfile
set datafile missing "NaN"
set logscale x
set xlabel "entries in corpus"
set key top left
set grid
set multiplot layout 1,3 title "qaindex vs plain Xapian (same run)"

set title "build throughput"
set ylabel "entries / s (wall)"
set yrange [0:*]
plot datafile using 1:2 with linespoints title "plain Xapian", \
     datafile using 1:3 with linespoints title "qaindex build"

set title "index size"
set ylabel "MB"
set yrange [*:*]
set logscale y
plot datafile using 1:4 with linespoints title "plain Xapian", \
     datafile using 1:5 with linespoints title "qaindex build"

set title "peak memory while building"
set ylabel "peak RSS MB"
unset logscale y
set yrange [0:*]
plot datafile using 1:6 with linespoints title "plain Xapian", \
     datafile using 1:7 with linespoints title "qaindex build"
unset multiplot
