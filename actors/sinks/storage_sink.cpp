// The storage sink and its checkpoint writer; see storage_sink.hpp.
#include "actors/sinks/storage_sink.hpp"

#include <spdlog/spdlog.h>

#include "actors/errors.hpp"
#include "actors/sinks/sink_probe.hpp"
#include "model/storage/layout.hpp"

namespace cdc::actors {

namespace {

using self_ptr = buffering_sink_actor::stateful_pointer<storage_sink_state>;

std::int64_t wall_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
    .count();
}

/// Publishes what is buffered and answers every waiting write.
void flush(self_ptr self) {
  auto& st = self->state;
  auto rows = st.writer->buffered_rows();
  auto started = std::chrono::steady_clock::now();
  auto r = st.writer->flush();
  st.last_flush = self->clock().now();
  auto waiting = std::move(st.waiting);
  st.waiting.clear();
  if (!r) {
    if (st.measured)
      st.measured->failed();
    spdlog::warn("storage sink {}: {}", st.writer->settings().root, r.error().message);
    for (auto& rp : waiting)
      rp.deliver(to_error(r.error()));
    return;
  }
  if (st.total)
    st.total->fetch_add(rows, std::memory_order_relaxed);
  if (st.measured)
    st.measured->written(rows, std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count());
  for (auto& rp : waiting)
    rp.deliver(true);
}

void arm_timer(self_ptr self) {
  auto& st = self->state;
  if (st.timer_armed)
    return;
  st.timer_armed = true;
  auto due = st.last_flush + st.interval - self->clock().now();
  self->delayed_send(self, std::max(due, caf::timespan{0}), atom::flush_v);
}

} // namespace

buffering_sink_actor::behavior_type storage_sink(self_ptr self, model::changefeed_info info, caf::timespan max_hold,
                                                 std::vector<std::filesystem::path> allowed,
                                                 std::shared_ptr<std::atomic<std::uint64_t>> total,
                                                 std::shared_ptr<metrics::feed_sink_metrics> measured) {
  auto& st = self->state;
  st.total = std::move(total);
  st.measured = std::move(measured);
  st.last_flush = self->clock().now();
  auto settings = model::storage::sink_settings_of(info);
  if (settings)
    if (auto dir = allowed_file_sink_dir(info.sink_uri, settings->root, allowed); !dir)
      settings = dir.error();
  if (settings) {
    st.interval = std::min<caf::timespan>(std::chrono::duration_cast<caf::timespan>(settings->flush_interval),
                                          max_hold);
    st.writer.emplace(std::move(*settings));
  } else {
    st.broken = settings.error();
  }
  return {
    [self](atom::write, const row_batch_ptr& batch) -> caf::result<bool> {
      auto& st = self->state;
      if (st.broken)
        return to_error(*st.broken);
      if (auto r = st.writer->add(*batch, wall_ms()); !r) {
        st.writer->flush(); // drop what the failed batch left behind
        return to_error(r.error());
      }
      auto rp = self->make_response_promise<bool>();
      st.waiting.push_back(rp);
      if (st.writer->full() || st.writer->backlog() || self->clock().now() - st.last_flush >= st.interval)
        flush(self);
      else
        arm_timer(self);
      return rp;
    },
    [self](atom::flush) {
      auto& st = self->state;
      st.timer_armed = false;
      if (st.waiting.empty())
        return;
      if (self->clock().now() - st.last_flush < st.interval)
        arm_timer(self); // a publish for a full buffer came in between
      else
        flush(self);
    },
  };
}

checkpoint_sink_actor::behavior_type storage_checkpoint(
  checkpoint_sink_actor::stateful_pointer<storage_checkpoint_state> self, model::changefeed_info info,
  std::vector<std::filesystem::path> allowed) {
  auto settings = model::storage::sink_settings_of(info);
  if (settings && allowed_file_sink_dir(info.sink_uri, settings->root, allowed)) {
    self->state.files.emplace(settings->root);
    // A restarted changefeed must not move the file back.
    if (auto text = self->state.files->read(model::storage::metadata_file); text && *text)
      self->state.checkpoint.wrote(model::storage::parse_metadata(**text).value_or(0));
  }
  return {
    [self](atom::progress, model::tso_t ts) {
      auto& st = self->state;
      if (st.files && st.checkpoint.receive(ts))
        self->send(self, atom::flush_v);
    },
    [self](atom::flush) {
      auto& st = self->state;
      auto ts = st.checkpoint.due();
      if (!ts)
        return;
      auto r = st.files->publish(model::storage::metadata_file, model::storage::metadata_json(*ts));
      if (!r) {
        // The next checkpoint tries again; the data files are unaffected.
        spdlog::warn("storage sink {}: metadata: {}", st.files->root().string(), r.error().message);
        return;
      }
      st.checkpoint.wrote(*ts);
    },
  };
}

} // namespace cdc::actors
