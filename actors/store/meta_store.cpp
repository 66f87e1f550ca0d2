#include "actors/store/meta_store.hpp"

#include <spdlog/spdlog.h>

#include "actors/errors.hpp"

namespace cdc::actors {

namespace {

using self_ptr = meta_store_actor::stateful_pointer<meta_store_state>;

/// Group commit: a write joins the batch, and the first write of a batch
/// sends `commit` to the actor itself. Every write already in the mailbox
/// is handled before that message, so all writes that arrived while the
/// last transaction was on the disk share the next one and its fsync. An
/// idle store commits at once: nothing waits for a timer.
caf::typed_response_promise<bool> enqueue(self_ptr self, store::meta_op op) {
  auto& st = self->state;
  auto rp = self->make_response_promise<bool>();
  st.batch.push_back(std::move(op));
  st.waiting.push_back(rp);
  ++st.writes_since_flush;
  if (st.batch.size() >= st.options.max_batch) {
    st.commit_batch();
  } else if (!st.commit_queued) {
    st.commit_queued = true;
    self->send(self, atom::commit_v);
  }
  return rp;
}

} // namespace

std::optional<model::tso_t> meta_store_state::service_safepoint() const {
  std::optional<model::tso_t> low;
  for (const auto& [key, r] : durable) {
    if (r.finished)
      continue;
    auto cp = std::max(r.checkpoint_ts, r.start_ts);
    if (!low || cp < *low)
      low = cp;
  }
  if (low && *low > 0)
    *low -= 1;
  return low;
}

void meta_store_state::note_durable(const model::changefeed_info& info, const model::changefeed_progress& progress) {
  durable[info.key] = {info.state == model::feed_state::finished, info.start_ts, progress.checkpoint_ts};
}

void meta_store_state::note_listed(const std::vector<store::meta_record>& records) {
  for (const auto& r : records)
    note_durable(r.info, r.progress);
}

void meta_store_state::note_committed(std::span<const store::meta_op> ops) {
  first_load.reset();
  for (const auto& op : ops) {
    if (const auto* p = std::get_if<store::put_record>(&op)) {
      note_durable(p->info, p->progress);
    } else if (const auto* p = std::get_if<store::put_progress>(&op)) {
      if (auto it = durable.find(p->key); it != durable.end())
        it->second.checkpoint_ts = p->progress.checkpoint_ts;
    } else {
      durable.erase(std::get<store::delete_record>(op).key);
    }
  }
}

void meta_store_state::commit_batch() {
  if (batch.empty())
    return;
  auto ops = std::move(batch);
  auto answers = std::move(waiting);
  batch.clear();
  waiting.clear();
  auto r = backend->apply(ops);
  if (!r) {
    spdlog::warn("meta store: a transaction of {} writes failed: {}", ops.size(), r.error().message);
    retry_without_creates(ops, answers, to_error(r.error()));
    return;
  }
  note_committed(ops);
  for (auto& rp : answers)
    rp.deliver(true);
}

void meta_store_state::retry_without_creates(std::span<const store::meta_op> ops,
                                             std::span<caf::typed_response_promise<bool>> answers,
                                             const caf::error& err) {
  std::vector<store::meta_op> rest;
  std::vector<std::size_t> rest_at;
  for (std::size_t i = 0; i < ops.size(); ++i) {
    const auto* p = std::get_if<store::put_record>(&ops[i]);
    if (p && !durable.count(p->info.key)) {
      answers[i].deliver(err);
    } else {
      rest.push_back(ops[i]);
      rest_at.push_back(i);
    }
  }
  auto r = rest.empty() || rest.size() == ops.size() ? model::result<std::uint64_t>{to_failure(err)}
                                                      : backend->apply(rest);
  if (r)
    note_committed(rest);
  for (auto i : rest_at) {
    if (r)
      answers[i].deliver(true);
    else
      answers[i].deliver(to_error(r.error()));
  }
}

meta_store_state::flushed meta_store_state::flush_progress(std::size_t budget, std::size_t order) {
  // Progress of different feeds needs no common transaction: a bounded
  // store (etcd) gets it in chunks, each committed on its own.
  auto chunk = backend->max_ops_per_apply();
  flushed out;
  std::vector<store::meta_op> ops;
  while (budget > 0 && order > 0 && !pending_order.empty()) {
    ops.clear();
    while (order > 0 && !pending_order.empty() && ops.size() < std::min(chunk, budget)) {
      auto it = pending.find(pending_order.front());
      pending_order.pop_front();
      --order;
      ++out.looked_at;
      if (it == pending.end())
        continue; // written or superseded since it was queued
      ops.push_back(store::put_progress{it->first, it->second});
      pending.erase(it);
    }
    if (ops.empty())
      return out;
    if (auto r = backend->apply(ops); !r) {
      out.failed = true;
      if (r.error().kind == model::api_error::not_owner) {
        // Another node owns now (fenced out): its feeds write their own
        // progress, and this node's has nobody left to write it for.
        spdlog::info("meta store: dropping the progress of {} changefeeds: {}", pending.size() + ops.size(),
                     r.error().message);
        pending.clear();
        pending_order.clear();
        return out;
      }
      // Kept, at the front: the next flush tries again with whatever is
      // newest by then.
      spdlog::warn("meta store: cannot write progress of {} changefeeds: {}", ops.size(), r.error().message);
      for (auto op = ops.rbegin(); op != ops.rend(); ++op) {
        auto& p = std::get<store::put_progress>(*op);
        pending.emplace(p.key, p.progress);
        pending_order.push_front(p.key);
      }
      return out;
    }
    note_committed(ops);
    budget -= ops.size();
    out.written += ops.size();
  }
  return out;
}

bool meta_store_state::flush_slice() {
  auto slice = std::max<std::size_t>(1, options.progress_slice);
  auto done = flush_progress(std::min(flush_budget_left, slice), flush_order_left);
  flush_budget_left -= done.written;
  flush_order_left -= done.looked_at;
  return done.failed || flush_budget_left == 0 || flush_order_left == 0 || pending_order.empty();
}

std::size_t meta_store_state::flush_budget() const {
  if (options.max_progress_writes_per_s == 0)
    return std::numeric_limits<std::size_t>::max();
  auto per_flush = options.max_progress_writes_per_s * static_cast<std::size_t>(options.flush_interval.count()) / 1000;
  return std::max<std::size_t>(1, per_flush);
}

std::size_t meta_store_state::flush_budget_now() const {
  auto budget = flush_budget();
  if (options.max_progress_writes_per_s == 0 || writes_since_flush == 0)
    return budget;
  return std::min(budget, backend->max_ops_per_apply());
}

meta_store_actor::behavior_type meta_store(self_ptr self, upstream_actor upstream,
                                           std::shared_ptr<store::meta_backend> backend,
                                           meta_store_options options) {
  auto& st = self->state;
  st.upstream = std::move(upstream);
  st.backend = std::move(backend);
  st.options = options;
  st.options.max_batch = std::min(st.options.max_batch, st.backend->max_ops_per_apply());
  if (st.options.listed) {
    auto records = std::move(st.options.listed->records);
    st.options.listed.reset();
    st.note_listed(records);
    if (st.backend->exclusive())
      st.first_load = std::move(records);
  } else if (auto snap = st.backend->list()) {
    st.note_listed(snap->records);
  } else {
    spdlog::error("meta store: cannot read {}: {}", st.backend->describe(), snap.error().message);
  }
  // A graceful exit still writes what it was given.
  self->set_exit_handler([self](const caf::exit_msg& msg) {
    self->state.commit_batch();
    self->state.flush_progress();
    self->quit(msg.reason);
  });
  self->delayed_send(self, st.options.flush_interval, atom::flush_v);
  return {
    [self](atom::load) -> caf::result<feed_records> {
      auto& st = self->state;
      // Writes that came before the load are part of what it sees.
      st.commit_batch();
      std::vector<store::meta_record> records;
      if (st.first_load) {
        records = std::move(*st.first_load);
        st.first_load.reset();
      } else if (auto snap = st.backend->list()) {
        records = std::move(snap->records);
      } else {
        return to_error(snap.error());
      }
      feed_records out;
      out.reserve(records.size());
      for (auto& r : records) {
        // A new owner continues from the newest progress, written or not,
        // so the checkpoint never goes back across a term.
        auto it = st.pending.find(r.info.key);
        out.emplace_back(std::move(r.info), it != st.pending.end() ? it->second : r.progress);
      }
      return out;
    },
    [self](atom::put, model::changefeed_info& info, model::changefeed_progress progress) {
      // The put carries the feed's current progress; older pending progress is superseded.
      self->state.pending.erase(info.key);
      return enqueue(self, store::put_record{std::move(info), progress});
    },
    [self](atom::remove, const model::changefeed_key& key) {
      self->state.pending.erase(key);
      return enqueue(self, store::delete_record{key});
    },
    [self](atom::progress, const model::changefeed_key& key, const model::changefeed_progress& p) {
      // Progress of a feed the store does not hold (removed) is dropped.
      auto& st = self->state;
      if (!st.durable.count(key))
        return;
      if (st.pending.insert_or_assign(key, p).second)
        st.pending_order.push_back(key);
    },
    [self](atom::commit) {
      self->state.commit_queued = false;
      self->state.commit_batch();
    },
    [self](atom::flush) {
      auto& st = self->state;
      // Queued writes first, so progress that came after a put lands after it.
      st.commit_batch();
      if (st.flush_order_left == 0) { // a flush begins
        st.flush_budget_left = st.flush_budget_now();
        st.flush_order_left = st.pending_order.size();
      }
      if (!st.flush_slice()) {
        // The rest after what waits in the mailbox now.
        self->send(self, atom::flush_v);
        return;
      }
      st.flush_order_left = 0;
      st.writes_since_flush = 0;
      // Between writes: the backend tidies up (the space of removed feeds).
      st.backend->maintain();
      if (auto sp = st.service_safepoint())
        self->send(st.upstream, atom::safepoint_v, *sp);
      self->delayed_send(self, st.options.flush_interval, atom::flush_v);
    },
  };
}

} // namespace cdc::actors
