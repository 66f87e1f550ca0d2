#include "model/changefeed/views_status.hpp"

#include <boost/json/object.hpp>
#include <boost/json/value_from.hpp>

#include "model/changefeed/views.hpp"
#include "model/tso.hpp"

namespace cdc::model {

boost::json::value status_json(const changefeed_info& info, const changefeed_progress& progress) {
  boost::json::object out;
  out["state"] = to_string(info.state);
  out["resolved_ts"] = progress.resolved_ts;
  out["checkpoint_ts"] = progress.checkpoint_ts;
  if (info.error && (!info.error->time || *info.error->time > tso_to_time(progress.checkpoint_ts)))
    out["last_error"] = boost::json::value_from(*info.error);
  return out;
}

namespace {

constexpr std::int64_t default_synced_check_s = 300;
constexpr std::int64_t default_checkpoint_s = 15;

constexpr const char* finished = "Data syncing is finished";
constexpr const char* not_finished = "The data syncing is not finished, please wait";
constexpr const char* check_pd =
  "Please check whether PD is online and TiKV Regions are all available. If PD is offline or some TiKV regions "
  "are not available, it means that the data syncing process is complete. To check whether TiKV regions are all "
  "available, you can view 'TiKV-Details' > 'Resolved-Ts' > 'Max Leader Resolved TS gap' on Grafana. If the gap "
  "is large, such as a few minutes, it means that some regions in TiKV are unavailable. Otherwise, if the gap is "
  "small and PD is online, it means the data syncing is incomplete, so please wait";

} // namespace

synced_status decide_synced(const changefeed_progress& progress,
                            const std::optional<config::synced_status_config>& intervals, std::int64_t now_ms) {
  auto check_s = default_synced_check_s;
  auto checkpoint_s = default_checkpoint_s;
  if (intervals && intervals->synced_check_interval != 0 && intervals->checkpoint_interval != 0) {
    check_s = intervals->synced_check_interval;
    checkpoint_s = intervals->checkpoint_interval;
  }
  synced_status s;
  s.sink_checkpoint_ts = progress.checkpoint_ts;
  s.puller_resolved_ts = progress.resolved_ts;
  s.last_synced_ts = progress.last_synced_ts;
  s.now_ms = now_ms;
  auto checkpoint = tso_physical_ms(progress.checkpoint_ts);
  auto quiet_for = now_ms - tso_physical_ms(progress.last_synced_ts);
  auto puller_lead = tso_physical_ms(progress.resolved_ts) - checkpoint;
  if (quiet_for > check_s * 1000 && now_ms - checkpoint < checkpoint_s * 1000) {
    s.synced = true;
    s.info = finished;
  } else if (quiet_for > check_s * 1000) {
    s.info = puller_lead < checkpoint_s * 1000 ? check_pd : not_finished;
  } else {
    s.info = not_finished;
  }
  return s;
}

boost::json::value to_json(const synced_status& s) {
  return boost::json::object{
    {"synced", s.synced},
    {"sink_checkpoint_ts", format_tso_time(s.sink_checkpoint_ts)},
    {"puller_resolved_ts", format_tso_time(s.puller_resolved_ts)},
    {"last_synced_ts", format_tso_time(s.last_synced_ts)},
    {"now_ts", format_tso_time(compose_tso(s.now_ms / 1000 * 1000, 0))},
    {"info", s.info},
  };
}

} // namespace cdc::model
