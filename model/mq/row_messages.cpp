// An MQ sink's messages; see row_messages.hpp.
#include "model/mq/row_messages.hpp"

#include <map>

#include "model/codec/canal_json.hpp"
#include "model/codec/debezium_json.hpp"
#include "model/codec/open_protocol.hpp"
#include "model/codec/simple_json.hpp"
#include "model/upstream/schema_adapter.hpp"

namespace cdc::model::mq {

namespace {

using sink::protocol;

api_failure too_large(const upstream::table_def& t, std::size_t length, std::int64_t max) {
  return fail_with(api_error::message_too_large, "message is too large. table:" + t.qualified_name()
                                                   + ", length:" + std::to_string(length)
                                                   + ", maxMessageBytes:" + std::to_string(max));
}

/// Open-protocol messages being filled, one per (topic, partition).
class open_batcher {
public:
  open_batcher(const mq_settings& s, std::vector<mq_message>& out) : s_(s), out_(out) {}

  result<void> add(const std::string& topic, std::int32_t partition, const upstream::table_def& t,
                   const codec::column_list& columns, const upstream::row_change& row) {
    key_.clear();
    value_.clear();
    codec::append_open_row_key(t, row, key_);
    codec::append_open_row_value(t, columns, row, value_);
    auto max = s_.params.max_message_bytes;
    // The version header and both length prefixes count too.
    auto alone = key_.size() + value_.size() + max_record_overhead + 16 + 8;
    if (static_cast<std::int64_t>(alone) > max)
      return too_large(t, alone, max);
    auto& open = open_[{topic, partition}];
    bool fits = open.index < out_.size()
                && static_cast<std::int64_t>(out_[open.index].key.size() + out_[open.index].value.size()
                                             + max_record_overhead + key_.size() + value_.size() + 16)
                     <= max;
    if (!fits || open.rows >= s_.max_batch_size) {
      open.index = out_.size();
      open.rows = 0;
      auto& m = out_.emplace_back();
      m.topic = topic;
      m.partition = partition;
      codec::append_be64(codec::open_batch_version, m.key);
    }
    auto& m = out_[open.index];
    codec::append_be64(key_.size(), m.key);
    m.key += key_;
    codec::append_be64(value_.size(), m.value);
    m.value += value_;
    ++m.rows;
    ++open.rows;
    return {};
  }

private:
  struct filling {
    std::size_t index = ~std::size_t{0};
    int rows = 0;
  };
  const mq_settings& s_;
  std::vector<mq_message>& out_;
  std::map<std::pair<std::string, std::int32_t>, filling> open_;
  std::string key_, value_;
};

} // namespace

result<std::vector<mq_message>> encode_rows(const mq_settings& s, const sink::row_batch& batch,
                                            const partition_lookup& partitions, std::int64_t now_ms) {
  std::vector<mq_message> out;
  open_batcher open{s, out};
  codec::canal_json_options canal{s.params.enable_tidb_extension};
  const auto& router = s.routing->router;
  for (const auto& rows : batch.tables) {
    if (rows.rows.empty())
      continue;
    const auto* def = batch.catalog ? batch.catalog->find(rows.table_id) : nullptr;
    if (!def)
      return fail_with(api_error::sink_write_failed,
                       "sink write failed: table " + std::to_string(rows.table_id) + " is not in the catalog");
    auto shape = upstream::to_table_schema(*def);
    auto columns = s.columns_of(*def);
    auto topic = router.topic_for(def->schema, def->name);
    auto count = partitions(topic);
    if (!count)
      return count.error();
    for (const auto& row : rows.rows) {
      dispatch::row_change view{def->schema, def->name, row.commit_ts, &shape, row.new_values, row.old_values};
      auto target = router.partition_for(view, *count);
      if (!target)
        return target.error();
      if (s.params.proto == protocol::open_protocol) {
        if (auto r = open.add(topic, target->partition, *def, columns, row); !r)
          return r.error();
        continue;
      }
      auto& m = out.emplace_back();
      m.topic = topic;
      m.partition = target->partition;
      m.rows = 1;
      switch (s.params.proto) {
        case protocol::simple: codec::append_simple_row(*def, columns, row, now_ms, m.value); break;
        case protocol::debezium:
          codec::append_debezium_key(s.debezium, *def, row, m.key);
          codec::append_debezium_value(s.debezium, *def, columns, row, now_ms, m.value);
          break;
        default: codec::append_canal_json_row(canal, *def, columns, row, now_ms, m.value); break;
      }
      // TiCDC's debezium encoder leaves the check to the producer; checking
      // here fails the same rows with the same error as the other protocols.
      auto length = m.key.size() + m.value.size() + max_record_overhead;
      if (static_cast<std::int64_t>(length) > s.params.max_message_bytes)
        return too_large(*def, length, s.params.max_message_bytes);
    }
  }
  return out;
}

bool has_watermark(const mq_settings& s) noexcept {
  switch (s.params.proto) {
    case protocol::open_protocol:
    case protocol::simple: return true;
    case protocol::canal_json:
    case protocol::debezium: return s.params.enable_tidb_extension;
    default: return false;
  }
}

std::vector<mq_message> encode_watermarks(const mq_settings& s,
                                          const std::vector<std::pair<std::string, std::int32_t>>& topics,
                                          std::uint64_t ts, std::int64_t now_ms) {
  if (!has_watermark(s))
    return {};
  std::string key, value;
  switch (s.params.proto) {
    case protocol::open_protocol:
      key = codec::open_resolved_key(ts);
      value = codec::open_resolved_value();
      break;
    case protocol::simple: codec::append_simple_watermark(ts, now_ms, value); break;
    case protocol::debezium:
      codec::append_debezium_watermark_key(s.debezium, key);
      codec::append_debezium_watermark_value(s.debezium, ts, now_ms, value);
      break;
    default: codec::append_canal_json_watermark(ts, now_ms, value); break;
  }
  std::vector<mq_message> out;
  for (const auto& [topic, count] : topics)
    for (std::int32_t p = 0; p < count; ++p)
      out.push_back({topic, p, key, value, 0});
  return out;
}

} // namespace cdc::model::mq
