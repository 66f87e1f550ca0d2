#include "tests/support/prometheus_server.hpp"

#include <unistd.h>

#include <fstream>
#include <sstream>

#include "tests/support/http_client.hpp"
#include "tests/support/subprocess.hpp"

namespace cdc::test {

prometheus_server::prometheus_server(const std::string& target)
  : dir_(std::filesystem::temp_directory_path() / ("cdc-prometheus-" + std::to_string(::getpid()))),
    port_(free_port()) {
  std::filesystem::remove_all(dir_);
  std::filesystem::create_directories(dir_ / "data");
  std::ofstream(dir_ / "prometheus.yml") << "global:\n"
                                            "  scrape_interval: 1s\n"
                                            "  scrape_timeout: 1s\n"
                                            "scrape_configs:\n"
                                            "  - job_name: cdc\n"
                                            "    static_configs:\n"
                                            "      - targets: ['"
                                         << target << "']\n";
  pid_ = spawn_logged(find_program("prometheus", "prometheus"),
                      {"--config.file=" + (dir_ / "prometheus.yml").string(),
                       "--storage.tsdb.path=" + (dir_ / "data").string(), "--web.listen-address=" + address(),
                       "--log.level=warn"},
                      dir_ / "prometheus.log");
  wait_until_answering(
    pid_, "prometheus", std::chrono::seconds(60), std::chrono::milliseconds(100),
    [this] {
      try {
        return http_client{address()}.get("/-/ready").status == 200u;
      } catch (const std::exception&) {
        return false;
      }
    },
    [this] { return log(); });
}

prometheus_server::~prometheus_server() {
  stop();
  std::error_code ec;
  std::filesystem::remove_all(dir_, ec);
}

std::string prometheus_server::address() const { return "127.0.0.1:" + std::to_string(port_); }

std::string prometheus_server::log() const {
  std::ifstream in(dir_ / "prometheus.log");
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

void prometheus_server::stop() { kill_and_reap(pid_); }

} // namespace cdc::test
