#include "actors/replication/processor.hpp"

#include <algorithm>
#include <utility>

#include <caf/send.hpp>

#include <spdlog/spdlog.h>

#include "actors/errors.hpp"
#include "model/changefeed/compile_filter.hpp"
#include "model/upstream/row_size.hpp"

namespace cdc::actors {

namespace {

using self_ptr = processor_actor::stateful_pointer<processor_state>;
using model::upstream::row_op;

model::filter::dml_kind kind_of(row_op op) {
  switch (op) {
    case row_op::insert: return model::filter::dml_kind::insert;
    case row_op::update: return model::filter::dml_kind::update;
    default: return model::filter::dml_kind::delete_;
  }
}

/// What the filter drops of `t` by kind (ignores_dml without the start ts).
void decide_drops(const processor_state& st, processor_state::table& t) {
  const auto& def = t.workload.table();
  for (auto kind : {model::filter::dml_kind::insert, model::filter::dml_kind::update, model::filter::dml_kind::delete_})
    t.drops[static_cast<std::size_t>(kind)] =
      st.filter && (!st.filter->is_table_replicated(def.schema, def.name)
                    || st.filter->events().ignores_dml(def.schema, def.name, kind));
}

void set_info(self_ptr self, std::shared_ptr<const model::changefeed_info> info) {
  auto& st = self->state;
  st.info = std::move(info);
  st.filter.reset();
  if (st.info->config) {
    auto f = model::compile_filter(*st.info->config);
    if (f)
      st.filter.emplace(std::move(*f));
    else
      spdlog::warn("processor {}: filter does not compile: {}", st.info->key.display(), f.error().message);
  }
  for (auto& [id, t] : st.tables)
    decide_drops(st, t);
}

void report(self_ptr self) {
  auto& st = self->state;
  if (st.capture && st.feed.node() != self->node())
    self->send(st.capture, atom::progress_v, st.info->key, st.progress());
  else
    self->send(st.feed, atom::progress_v, st.capture_id, st.progress());
}

/// Moves each table's checkpoint to what the batch covered.
void apply(self_ptr self, const row_batch& batch, model::tso_t horizon) {
  for (const auto& t : batch.tables) {
    auto it = self->state.tables.find(t.table_id);
    if (it == self->state.tables.end())
      continue; // removed while its rows were at the sink
    it->second.checkpoint_ts = std::max(it->second.checkpoint_ts, t.through);
    it->second.resolved_ts = std::max({it->second.resolved_ts, it->second.checkpoint_ts, horizon});
    for (const auto& row : t.rows)
      it->second.last_synced_ts = std::max(it->second.last_synced_ts, row.commit_ts);
  }
}

/// With no change in any table up to `horizon`, every table is complete up
/// to it: move the checkpoints without building a batch (most ticks of an
/// idle feed end here). Returns false when there are rows to write.
bool advance_idle(self_ptr self, model::tso_t horizon) {
  auto& st = self->state;
  bool moved = false;
  for (const auto& [id, t] : st.tables)
    if (t.checkpoint_ts < horizon) {
      if (t.workload.count(t.checkpoint_ts, horizon) != 0)
        return false;
      moved = true;
    }
  if (!moved)
    return true;
  for (auto& [id, t] : st.tables) {
    t.checkpoint_ts = std::max(t.checkpoint_ts, horizon);
    t.resolved_ts = std::max(t.resolved_ts, horizon);
  }
  report(self);
  return true;
}

/// Every table is complete up to `horizon`; when none has a change for a
/// while after it, the processor goes quiet: its report says how far its
/// feed may follow the upstream without another, and the capture stops
/// waking it until the upstream is resolved past that.
void quiet_if_idle(self_ptr self, model::tso_t horizon) {
  auto& st = self->state;
  if (st.quiet_through != 0 || st.tables.empty())
    return;
  auto through = ~model::tso_t{0};
  for (const auto& [id, t] : st.tables)
    through = std::min(through, t.workload.quiet_through(t.checkpoint_ts));
  if (st.info->target_ts != 0)
    through = std::min(through, st.info->target_ts);
  auto ahead = model::tso_physical_ms(through) - model::tso_physical_ms(horizon);
  if (through <= horizon || ahead < st.settings.quiet_at_least.count())
    return;
  st.quiet_through = through;
  report(self);
  self->send(st.capture, atom::quiet_v, st.info->key, through, st.changes_seen);
}

/// Takes from the memory quota what a batch needs; 0 when the processor
/// must wait (it is woken with atom::run once bytes are free).
std::size_t take_memory(self_ptr self) {
  auto& st = self->state;
  auto want = st.batch_want();
  if (!st.memory)
    return want;
  return st.memory->take(want, st.batch_least());
}

void give_back_memory(self_ptr self, std::size_t bytes) {
  if (self->state.memory)
    self->state.memory->give_back(bytes);
}

/// The sink failed (or never answered): the changefeed decides what next.
void sink_failed(self_ptr self, const caf::error& err) {
  auto& st = self->state;
  st.writing = false;
  st.failed = true;
  ++st.write_seq;
  give_back_memory(self, std::exchange(st.batch_bytes, 0));
  auto f = to_failure(err);
  model::running_error e;
  e.time = std::chrono::system_clock::now();
  e.addr = st.capture_address;
  e.code = std::string(model::code_of(f.kind));
  e.message = model::full_message(f);
  spdlog::warn("processor {} on {}: sink failed: {}", st.info->key.display(), st.capture_id, e.message);
  self->send(st.feed, atom::error_v, std::move(e));
}

/// Fails the write at the sink once it has taken longer than the sink timeout.
void check_sink_timeout(self_ptr self) {
  auto& st = self->state;
  if (st.writing && self->clock().now() - st.write_started > st.settings.sink_timeout)
    sink_failed(self, to_error(model::api_error::request_timeout, {"the sink did not answer in time"}));
}

void pump(self_ptr self) {
  auto& st = self->state;
  check_sink_timeout(self);
  if (st.writing || st.failed || st.tables.empty())
    return;
  auto horizon = st.horizon();
  if (advance_idle(self, horizon)) {
    quiet_if_idle(self, horizon);
    return;
  }
  auto granted = take_memory(self);
  if (granted == 0)
    return;
  auto batch = std::make_shared<row_batch>(st.next_batch(granted));
  give_back_memory(self, granted - std::min(granted, batch->bytes));
  if (batch->tables.empty())
    return;
  if (batch->row_count == 0) {
    // Nothing to write, but the tables are complete further on.
    give_back_memory(self, batch->bytes);
    apply(self, *batch, horizon);
    report(self);
    return;
  }
  st.writing = true;
  st.batch_bytes = batch->bytes;
  st.write_started = self->clock().now();
  auto seq = ++st.write_seq;
  self->request(st.sink, caf::infinite, atom::write_v, row_batch_ptr{batch})
    .then(
      [self, batch, horizon, seq](bool) {
        auto& st = self->state;
        if (seq != st.write_seq)
          return; // timed out meanwhile
        st.writing = false;
        give_back_memory(self, std::exchange(st.batch_bytes, 0));
        apply(self, *batch, horizon);
        report(self);
        pump(self); // a limit may have cut the batch short
      },
      [self, seq](const caf::error& err) {
        if (seq == self->state.write_seq)
          sink_failed(self, err);
      });
}

} // namespace

model::tso_t processor_state::horizon() const noexcept {
  if (info->target_ts != 0)
    return std::min(upstream_resolved, info->target_ts);
  return upstream_resolved;
}

std::size_t processor_state::batch_want() const {
  std::size_t want = settings.batch_bytes;
  if (info->config && info->config->memory_quota != 0)
    want = std::min<std::size_t>(want, info->config->memory_quota);
  return std::max(want, batch_least());
}

std::size_t processor_state::batch_least() const {
  std::size_t least = 0;
  for (const auto& [id, t] : tables)
    least = std::max(least, t.change_bytes);
  return least;
}

row_batch processor_state::next_batch(std::size_t bytes) const {
  row_batch batch;
  batch.key = info->key;
  batch.catalog = catalog;
  auto limit = horizon();
  for (const auto& [id, t] : tables) {
    if (t.checkpoint_ts >= limit)
      continue;
    auto affordable = (bytes - std::min(bytes, batch.bytes)) / std::max<std::size_t>(1, t.change_bytes);
    if (batch.row_count >= settings.rows_per_batch || affordable == 0)
      break;
    table_rows out;
    out.table_id = id;
    auto budget = std::min({settings.rows_per_table, settings.rows_per_batch - batch.row_count, affordable});
    out.through = t.workload.changes(t.checkpoint_ts, limit, budget, out.rows);
    // Paid for as pulled: what the filter drops below was in memory too.
    batch.bytes += out.rows.size() * t.change_bytes;
    // ignores_dml, with the table's part decided once per filter.
    bool by_txn = filter && filter->ignores_some_txn();
    if (!out.rows.empty() && (by_txn || t.drops[0] || t.drops[1] || t.drops[2]))
      std::erase_if(out.rows, [&](const model::upstream::row_change& c) {
        return t.drops[static_cast<std::size_t>(kind_of(c.op))] || (by_txn && filter->ignores_txn(c.start_ts));
      });
    batch.row_count += out.rows.size();
    batch.tables.push_back(std::move(out));
  }
  return batch;
}

std::vector<table_progress> processor_state::progress() const {
  std::vector<table_progress> out;
  out.reserve(tables.size());
  for (const auto& [id, t] : tables)
    out.push_back({id, t.checkpoint_ts, std::max(t.resolved_ts, t.checkpoint_ts), t.last_synced_ts, quiet_through});
  return out;
}

processor_actor::behavior_type processor(self_ptr self, std::shared_ptr<const model::changefeed_info> info,
                                         changefeed_actor feed, capture_actor capture, std::string capture_id,
                                         std::string capture_address,
                                         std::shared_ptr<const cluster_services> services) {
  auto& st = self->state;
  st.feed = std::move(feed);
  st.capture = std::move(capture);
  st.capture_id = std::move(capture_id);
  st.capture_address = std::move(capture_address);
  st.catalog = services->catalog;
  st.settings = services->settings;
  set_info(self, std::move(info));
  st.sink = services->make_sink(self->home_system(), *st.info);
  if (services->memory)
    st.memory = std::make_unique<quota_account>(
      services->memory, [weak = caf::actor_cast<caf::weak_actor_ptr>(self)] {
        if (auto strong = caf::actor_cast<caf::strong_actor_ptr>(weak))
          caf::anon_send(caf::actor_cast<processor_actor>(strong), atom::run_v);
      });
  // The sink lives and dies with its processor.
  self->link_to(st.sink);
  return {
    [self](atom::resolved, model::tso_t ts) {
      auto& st = self->state;
      st.upstream_resolved = std::max(st.upstream_resolved, ts);
      // A tick sent before the capture learnt that this processor is quiet.
      if (st.quiet_through != 0 && ts <= st.quiet_through)
        return;
      st.quiet_through = 0;
      pump(self);
    },
    [self](atom::add, const std::vector<table_start>& starts) {
      auto& st = self->state;
      ++st.changes_seen;
      st.quiet_through = 0;
      st.tables.reserve(st.tables.size() + starts.size());
      for (const auto& s : starts) {
        const auto* def = st.catalog->find(s.table_id);
        if (!def || st.tables.count(s.table_id))
          continue;
        model::upstream::table_workload workload{*def};
        // Rendering a row to size it costs more than the rest of the add:
        // paid only by tables that have changes to hold.
        auto bytes = workload.active() ? model::upstream::bytes_per_change(workload) : 0;
        auto& t = st.tables.emplace(s.table_id, processor_state::table{std::move(workload), s.checkpoint_ts,
                                                                       s.checkpoint_ts, 0, bytes})
                    .first->second;
        decide_drops(st, t);
      }
      pump(self);
    },
    [self](atom::remove, const std::vector<std::int64_t>& ids) {
      auto& st = self->state;
      ++st.changes_seen;
      st.quiet_through = 0; // woken by the next tick, then quiet again if still idle
      for (auto id : ids)
        st.tables.erase(id);
    },
    [self](atom::update, std::shared_ptr<const model::changefeed_info>& info, changefeed_actor& feed) {
      auto& st = self->state;
      ++st.changes_seen;
      set_info(self, std::move(info));
      st.feed = std::move(feed);
      // A new owner's changefeed learns where the tables are; a quiet
      // processor stays quiet (its tables' changes did not move), and says
      // so again to the capture, which woke it for this message.
      bool still_quiet = st.quiet_through != 0 && (st.info->target_ts == 0 || st.quiet_through <= st.info->target_ts);
      if (!still_quiet)
        st.quiet_through = 0;
      report(self);
      if (still_quiet)
        self->send(st.capture, atom::quiet_v, st.info->key, st.quiet_through, st.changes_seen);
    },
    [self](atom::report) { return self->state.progress(); },
    [self](atom::run) { pump(self); },
  };
}

} // namespace cdc::actors
