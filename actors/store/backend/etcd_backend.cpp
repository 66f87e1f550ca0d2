// The meta store on etcd; see etcd_backend.hpp.
#include "actors/store/backend/etcd_backend.hpp"

#include <algorithm>

#include "model/changefeed/info_codec.hpp"
#include "model/changefeed/status_codec.hpp"

namespace cdc::store {

namespace {

namespace keys = model::etcd_keys;
using kind = feed_write::kind;

/// The first transaction learns the infos of feeds not seen yet, the
/// second commits; a third covers one race with another writer.
constexpr int max_attempts = 3;

/// The mod revision no key has: a guard on it always fails, so the
/// failure branch reads the info of a feed this backend has not seen.
constexpr std::int64_t unseen_revision = -1;

} // namespace

etcd_backend::etcd_backend(etcd::client client, etcd_options options)
  : client_(std::move(client)), options_(std::move(options)) {}

std::string etcd_backend::describe() const {
  return client_.describe() + " cluster " + options_.cluster_id;
}

// TiCDC wraps a failed etcd call as ErrPDEtcdAPIError with the cause as
// its message; so does this, the cause naming the endpoint.
model::api_failure etcd_backend::failure(const etcd::error& e) const {
  return model::fail_with(model::api_error::pd_etcd_api_error, e.message);
}

model::result<meta_record> etcd_backend::read_record(const etcd::key_value& info, const etcd::key_value* status) {
  auto where = [&](const std::string& why) {
    return model::fail(model::api_error::meta_store_failed,
                       {"corrupt record " + info.key + " in " + describe() + ": " + why});
  };
  auto feed = keys::parse_feed_key(options_.cluster_id, info.key);
  auto parsed = model::parse_info(info.value);
  if (!parsed)
    return where(parsed.error().message);
  if (!feed || parsed->key != feed->feed)
    return where("its info names " + parsed->key.display());
  meta_record r{std::move(*parsed), {}, static_cast<std::uint64_t>(info.mod_revision)};
  // TiCDC's owner starts a feed without a status at its start TS.
  r.progress = {r.info.start_ts, r.info.start_ts};
  if (status) {
    auto s = model::parse_status(status->value);
    if (!s)
      return where(s.error().message);
    r.progress = s->progress;
    r.mod_revision = std::max(r.mod_revision, static_cast<std::uint64_t>(status->mod_revision));
  }
  seen_[r.info.key] = {info.mod_revision, model::admin_job_of(r.info.state)};
  return r;
}

model::result<meta_snapshot> etcd_backend::list() {
  // A pinned revision can be compacted away between two pages ("mvcc:
  // required revision has been compacted"); the list then starts again at
  // the newest revision.
  for (int attempt = 1;; ++attempt) {
    auto snap = list_at_one_revision();
    if (snap || attempt == max_attempts || snap.error().message.find("compacted") == std::string::npos)
      return snap;
  }
}

model::result<meta_snapshot> etcd_backend::list_at_one_revision() {
  auto prefix = keys::cluster_prefix(options_.cluster_id);
  etcd::range_request page{
    .key = prefix, .range_end = keys::prefix_range_end(prefix), .limit = options_.list_page_keys};
  std::map<model::changefeed_key, etcd::key_value> infos, statuses;
  for (;;) {
    auto r = client_.range(page);
    if (!r)
      return failure(r.error());
    // Later pages read as of the first page's revision, from right after
    // the last key of this one.
    if (page.revision == 0)
      page.revision = r->revision;
    bool last_page = !r->more || r->kvs.empty();
    if (!last_page)
      page.key = r->kvs.back().key + '\0';
    for (auto& kv : r->kvs) {
      auto parsed = keys::parse_feed_key(options_.cluster_id, kv.key);
      if (!parsed)
        continue; // captures, the owner, other TiCDC keys
      auto& into = parsed->kind == keys::feed_key_kind::info ? infos : statuses;
      into[parsed->feed] = std::move(kv);
    }
    if (last_page)
      break;
  }
  meta_snapshot out;
  out.revision = static_cast<std::uint64_t>(page.revision);
  seen_.clear();
  for (const auto& [feed, info] : infos) {
    auto status = statuses.find(feed);
    auto r = read_record(info, status == statuses.end() ? nullptr : &status->second);
    if (!r)
      return r.error();
    out.records.push_back(std::move(*r));
  }
  return out;
}

model::result<std::optional<meta_record>> etcd_backend::get(const model::changefeed_key& key) {
  etcd::txn_request both;
  both.success = {etcd::range_request{.key = keys::info_key(options_.cluster_id, key)},
                  etcd::range_request{.key = keys::status_key(options_.cluster_id, key)}};
  auto r = client_.txn(both);
  if (!r)
    return failure(r.error());
  if (r->ranges.size() != 2)
    return model::fail(model::api_error::meta_store_failed,
                       {describe() + ": a read of two keys answered " + std::to_string(r->ranges.size())});
  const auto& info = r->ranges[0].kvs;
  const auto& status = r->ranges[1].kvs;
  if (info.empty()) {
    seen_.erase(key);
    return std::optional<meta_record>{};
  }
  auto record = read_record(info.front(), status.empty() ? nullptr : &status.front());
  if (!record)
    return record.error();
  return std::optional<meta_record>{std::move(*record)};
}

etcd::txn_request etcd_backend::build_txn(const std::vector<feed_write>& writes) const {
  const auto& cluster = options_.cluster_id;
  etcd::txn_request txn;
  for (const auto& w : writes) {
    auto info_key = keys::info_key(cluster, w.key);
    auto status_key = keys::status_key(cluster, w.key);
    switch (w.what) {
    case kind::put_record: {
      model::changefeed_status status{w.progress, model::admin_job_of(w.info->state)};
      txn.success.push_back(etcd::put_request{.key = info_key, .value = model::serialize_info(*w.info)});
      txn.success.push_back(etcd::put_request{.key = status_key, .value = model::serialize_status(status)});
      break;
    }
    case kind::put_status_if_kept: {
      auto seen = seen_.find(w.key);
      auto guard = seen == seen_.end() ? unseen_revision : seen->second.mod_revision;
      auto job = seen == seen_.end() ? model::admin_job::none : seen->second.admin_job;
      txn.compares.push_back({info_key, etcd::compare::target::mod, etcd::compare::result::equal, guard});
      txn.success.push_back(etcd::put_request{.key = status_key, .value = model::serialize_status({w.progress, job})});
      txn.failure.push_back(etcd::range_request{.key = info_key});
      break;
    }
    case kind::remove:
      txn.success.push_back(etcd::delete_request{.key = info_key});
      txn.success.push_back(etcd::delete_request{.key = status_key});
      break;
    }
  }
  return txn;
}

model::result<void> etcd_backend::learn(std::vector<feed_write>& writes, const etcd::txn_response& failed) {
  std::size_t next_read = 0;
  std::vector<feed_write> kept;
  for (auto& w : writes) {
    if (w.what != kind::put_status_if_kept) {
      kept.push_back(std::move(w));
      continue;
    }
    if (next_read >= failed.ranges.size())
      return model::fail(model::api_error::meta_store_failed,
                         {describe() + ": a failed transaction answered fewer reads than it held"});
    const auto& kvs = failed.ranges[next_read++].kvs;
    if (kvs.empty()) {
      // The feed is gone: its progress is not written (it would outlive it).
      seen_.erase(w.key);
      continue;
    }
    auto info = model::parse_info(kvs.front().value);
    if (!info)
      return model::fail(model::api_error::meta_store_failed,
                         {"corrupt record " + kvs.front().key + " in " + describe() + ": " + info.error().message});
    seen_[w.key] = {kvs.front().mod_revision, model::admin_job_of(info->state)};
    kept.push_back(std::move(w));
  }
  writes = std::move(kept);
  return {};
}

void etcd_backend::note_committed(const std::vector<feed_write>& writes, std::int64_t revision) {
  for (const auto& w : writes) {
    if (w.what == kind::put_record)
      seen_[w.key] = {revision, model::admin_job_of(w.info->state)};
    else if (w.what == kind::remove)
      seen_.erase(w.key);
  }
}

model::result<std::uint64_t> etcd_backend::current_revision() {
  etcd::range_request probe{.key = keys::cluster_prefix(options_.cluster_id), .limit = 1, .keys_only = true};
  auto r = client_.range(probe);
  if (!r)
    return failure(r.error());
  return static_cast<std::uint64_t>(r->revision);
}

model::api_failure etcd_backend::not_owner(const std::string& why) const {
  return model::fail_with(model::api_error::not_owner,
                          "this capture is not the owner: " + why + "; nothing was written to " + describe());
}

model::result<std::uint64_t> etcd_backend::apply(std::span<const meta_op> ops) {
  auto writes = fold_batch(ops);
  std::size_t needed = 0;
  for (const auto& w : writes)
    needed += w.etcd_ops();
  if (needed > options_.max_txn_ops)
    return model::fail(model::api_error::meta_store_failed,
                       {"a transaction of " + std::to_string(ops.size()) + " writes needs " + std::to_string(needed)
                        + " etcd operations, more than the " + std::to_string(options_.max_txn_ops)
                        + " etcd allows in one transaction (--max-txn-ops); nothing was written"});
  std::optional<owner_fence::campaign> fence;
  if (options_.fence) {
    fence = options_.fence->held();
    if (!fence)
      return not_owner("it has not owned the cluster");
  }
  for (int attempt = 0; attempt < max_attempts; ++attempt) {
    // Nothing left to write (progress of feeds that are gone): the store
    // is as it was, at its current revision.
    if (writes.empty())
      return current_revision();
    auto txn = build_txn(writes);
    if (fence) {
      // Compared first and read first on failure, so learn() sees only the
      // reads of the feeds.
      txn.compares.push_back({fence->key, etcd::compare::target::create, etcd::compare::result::equal,
                              fence->create_revision});
      txn.failure.insert(txn.failure.begin(), etcd::range_request{.key = fence->key});
    }
    auto r = client_.txn(txn);
    if (!r)
      return failure(r.error());
    if (r->succeeded) {
      note_committed(writes, r->revision);
      return static_cast<std::uint64_t>(r->revision);
    }
    if (fence) {
      if (r->ranges.empty() || r->ranges.front().kvs.empty()
          || r->ranges.front().kvs.front().create_revision != fence->create_revision)
        return not_owner("its campaign " + fence->key + " of term " + std::to_string(fence->create_revision)
                         + " has ended");
      r->ranges.erase(r->ranges.begin());
    }
    if (auto learned = learn(writes, *r); !learned)
      return learned.error();
  }
  return model::fail(model::api_error::meta_store_failed,
                     {describe() + ": the changefeeds' infos kept changing under " + std::to_string(max_attempts)
                      + " attempts to write their progress; nothing was written"});
}

} // namespace cdc::store
