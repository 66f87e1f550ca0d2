// --plot: latency percentiles and throughput over time as a PNG, drawn by
// gnuplot (Debian's gnuplot-nox) from the run's timeline.
#pragma once

#include <string>

#include "tools/load/report.hpp"

namespace cdc::load {

/// The gnuplot script that draws `data_file` (columns: t, requests/s,
/// errors, p50, p90, p99, max) into `png_file`.
std::string plot_script(const summary& s, const std::string& data_file, const std::string& png_file);

/// Writes the data next to the PNG, runs gnuplot, removes the data; false
/// with `error` set when gnuplot is missing or fails.
bool draw_plot(const summary& s, const std::string& png_file, std::string& error);

} // namespace cdc::load
