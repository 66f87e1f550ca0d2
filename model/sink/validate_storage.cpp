// Cloud storage sink checks (TiCDC pkg/sink/cloudstorage/config.go Apply,
// then the encoder builder's protocol check).
#include <algorithm>

#include "model/sink/param_reader.hpp"
#include "model/sink/validate.hpp"

namespace cdc::model::sink {

namespace {

using namespace std::chrono_literals;

constexpr int max_worker_count = 512;
constexpr std::chrono::nanoseconds min_flush_interval = 2s;
constexpr std::chrono::nanoseconds max_flush_interval = 10min;
constexpr std::int64_t min_file_size = 1024 * 1024;
constexpr std::int64_t max_file_size = 512 * 1024 * 1024;

} // namespace

result<storage_params> validate_storage(const sink_uri& uri, const sink_settings& settings,
                                        const sink_config_view& config) {
  // TiCDC reads these with Values.Get and strconv.Atoi: "" means not given.
  param_reader r{uri, config.config_params, api_error::storage_sink_invalid_config};
  using empty = param_reader::empty_value;
  storage_params out;
  out.scheme = uri.scheme;
  out.location = uri.host + uri.path;

  auto workers = r.integer("worker-count", 64, empty::absent, "strconv.Atoi");
  if (!workers) return workers.error();
  if (*workers) {
    if (**workers <= 0)
      return r.wrap("invalid worker-count " + std::to_string(**workers) + ", it must be greater than 0");
    out.worker_count = static_cast<int>(std::min<std::int64_t>(**workers, max_worker_count));
  }
  // Out-of-range intervals and sizes are clamped (TiCDC logs a warning).
  auto interval = r.duration("flush-interval");
  if (!interval) return interval.error();
  if (*interval)
    out.flush_interval = std::clamp(**interval, min_flush_interval, max_flush_interval);
  auto size = r.integer("file-size", 64, empty::absent, "strconv.Atoi");
  if (!size) return size.error();
  if (*size)
    out.file_size = std::clamp(**size, min_file_size, max_file_size);

  out.proto = settings.proto.value_or(protocol::open_protocol);
  if (!protocol_allowed(scheme_class::storage, out.proto))
    return fail(api_error::sink_unknown_protocol, {to_string(out.proto)});
  return out;
}

} // namespace cdc::model::sink
