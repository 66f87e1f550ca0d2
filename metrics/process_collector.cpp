#include "metrics/process_collector.hpp"

#include <dirent.h>
#include <sys/resource.h>
#include <unistd.h>

#include <fstream>
#include <iterator>
#include <limits>
#include <sstream>
#include <string>

#include "metrics/families.hpp"

namespace cdc::metrics {

namespace {

/// The fields of /proc/self/stat we need (proc(5) numbering).
struct proc_stat {
  double utime_ticks = 0, stime_ticks = 0, start_ticks = 0;
  double vsize_bytes = 0, rss_pages = 0;
  bool ok = false;
};

proc_stat read_proc_stat() {
  proc_stat s;
  std::ifstream in("/proc/self/stat");
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  // The command name (field 2) may hold spaces; fields resume after its ')'.
  auto close = text.rfind(')');
  if (close == std::string::npos)
    return s;
  std::istringstream fields(text.substr(close + 2));
  std::string f;
  // Field 3 is the first after ')'; utime 14, stime 15, starttime 22, vsize 23, rss 24.
  for (int n = 3; n <= 24 && fields >> f; ++n) {
    if (n == 14) s.utime_ticks = std::stod(f);
    else if (n == 15) s.stime_ticks = std::stod(f);
    else if (n == 22) s.start_ticks = std::stod(f);
    else if (n == 23) s.vsize_bytes = std::stod(f);
    else if (n == 24) { s.rss_pages = std::stod(f); s.ok = true; }
  }
  return s;
}

double boot_time_seconds() {
  std::ifstream in("/proc/stat");
  std::string key;
  double value = 0;
  while (in >> key) {
    if (key == "btime" && in >> value)
      return value;
    in.ignore(std::numeric_limits<std::streamsize>::max(), '\n');
  }
  return 0;
}

double open_fds() {
  double n = 0;
  if (DIR* d = ::opendir("/proc/self/fd")) {
    while (auto* e = ::readdir(d))
      if (e->d_name[0] != '.')
        ++n;
    ::closedir(d);
    --n; // the directory stream's own descriptor
  }
  return n;
}

void gauge(std::vector<prometheus::MetricFamily>& out, const char* name, const char* help, double value,
           prometheus::MetricType type = prometheus::MetricType::Gauge) {
  auto f = make_family(name, help, type);
  auto& m = add_series(f, {});
  if (type == prometheus::MetricType::Counter)
    m.counter.value = value;
  else
    m.gauge.value = value;
  out.push_back(std::move(f));
}

} // namespace

process_collector::process_collector() {
  auto st = read_proc_stat();
  start_time_seconds_ = boot_time_seconds() + st.start_ticks / static_cast<double>(::sysconf(_SC_CLK_TCK));
}

std::vector<prometheus::MetricFamily> process_collector::Collect() const {
  std::vector<prometheus::MetricFamily> out;
  auto st = read_proc_stat();
  if (st.ok) {
    auto ticks = static_cast<double>(::sysconf(_SC_CLK_TCK));
    gauge(out, "process_cpu_seconds_total", "Total user and system CPU time spent in seconds.",
          (st.utime_ticks + st.stime_ticks) / ticks, prometheus::MetricType::Counter);
    gauge(out, "process_resident_memory_bytes", "Resident memory size in bytes.",
          st.rss_pages * static_cast<double>(::sysconf(_SC_PAGESIZE)));
    gauge(out, "process_virtual_memory_bytes", "Virtual memory size in bytes.", st.vsize_bytes);
  }
  gauge(out, "process_open_fds", "Number of open file descriptors.", open_fds());
  rlimit lim{};
  if (::getrlimit(RLIMIT_NOFILE, &lim) == 0)
    gauge(out, "process_max_fds", "Maximum number of open file descriptors.", static_cast<double>(lim.rlim_cur));
  gauge(out, "process_start_time_seconds", "Start time of the process since unix epoch in seconds.",
        start_time_seconds_);
  return out;
}

} // namespace cdc::metrics
