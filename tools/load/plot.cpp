#include "tools/load/plot.hpp"

#include <sys/wait.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

namespace cdc::load {

namespace {

/// gnuplot's single-quoted strings: a quote is written twice.
std::string quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    out += c;
    if (c == '\'')
      out += '\'';
  }
  return out + "'";
}

} // namespace

std::string plot_script(const summary& s, const std::string& data_file, const std::string& png_file) {
  auto data = quote(data_file);
  std::string title = "cdc-load " + s.scenario + ", " + std::to_string(s.concurrency) + " connections: "
                      + std::to_string(static_cast<long long>(s.requests_per_second)) + " requests/s";
  return "set terminal pngcairo size 1100,560 font 'sans,10'\n"
         "set output " + quote(png_file) + "\n"
         "set title " + quote(title) + "\n"
         "set xlabel 'time (s)'\n"
         "set ylabel 'latency (ms)'\n"
         "set logscale y\n"
         "set y2label 'requests/s'\n"
         "set y2tics\n"
         "set ytics nomirror\n"
         "set y2range [0:*]\n"
         "set grid\n"
         "set xrange [0:*]\n"
         "set key outside bottom center horizontal\n"
         "plot " + data + " using 1:4 with linespoints title 'p50', "
         + data + " using 1:5 with linespoints title 'p90', "
         + data + " using 1:6 with linespoints title 'p99', "
         + data + " using 1:7 with lines title 'max', "
         + data + " using 1:2 axes x1y2 with lines lw 2 title 'requests/s'\n";
}

bool draw_plot(const summary& s, const std::string& png_file, std::string& error) {
  if (s.timeline.empty()) {
    error = "--plot: the run has no timeline to draw";
    return false;
  }
  auto data_file = png_file + ".data";
  {
    std::ofstream out(data_file);
    if (!out) {
      error = "--plot: cannot write " + data_file;
      return false;
    }
    out << "# t_s requests_per_second errors p50_ms p90_ms p99_ms max_ms\n";
    for (const auto& r : s.timeline)
      // A log axis cannot show 0: an interval without answers draws a gap.
      out << r.t_s << ' ' << r.requests_per_second << ' ' << r.errors << ' '
          << (r.requests ? std::to_string(r.p50_ms) : "NaN") << ' ' << (r.requests ? std::to_string(r.p90_ms) : "NaN")
          << ' ' << (r.requests ? std::to_string(r.p99_ms) : "NaN") << ' '
          << (r.requests ? std::to_string(r.max_ms) : "NaN") << '\n';
  }
  FILE* gp = ::popen("gnuplot 2>&1", "w");
  int status = -1;
  if (gp) {
    auto script = plot_script(s, data_file, png_file);
    std::fwrite(script.data(), 1, script.size(), gp);
    status = ::pclose(gp);
  }
  std::error_code ignored;
  std::filesystem::remove(data_file, ignored);
  if (status != 0) {
    error = WIFEXITED(status) && WEXITSTATUS(status) == 127
              ? "--plot needs gnuplot (Debian: apt-get install gnuplot-nox)"
              : "--plot: gnuplot failed to draw " + png_file;
    return false;
  }
  return true;
}

} // namespace cdc::load
