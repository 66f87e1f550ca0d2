// Encoding and publishing for storage sinks; see storage_writer.hpp.
#include "actors/sink_io/storage_writer.hpp"

#include "model/codec/canal_json.hpp"
#include "model/codec/csv.hpp"
#include "model/storage/layout.hpp"
#include "model/storage/table_definition.hpp"

namespace cdc::sink_io {

namespace storage = model::storage;

storage_writer::storage_writer(storage::sink_settings settings)
  : settings_(std::move(settings)),
    files_(settings_.root),
    extension_(storage::file_extension(settings_.proto)) {}

storage_writer::table_state& storage_writer::table(const model::sink::row_batch& batch, std::int64_t table_id) {
  auto it = tables_.find(table_id);
  if (it != tables_.end())
    return it->second;
  auto& t = tables_[table_id];
  t.def = batch.catalog ? batch.catalog->find(table_id) : nullptr;
  if (t.def) {
    t.columns = settings_.columns_of(*t.def);
    if (settings_.proto == model::sink::protocol::csv && settings_.csv.output_field_header)
      t.header = model::codec::csv_header(settings_.csv, *t.def, t.columns);
  }
  return t;
}

void storage_writer::append(table_state& t, const model::upstream::row_change& row, std::int64_t now_ms) {
  auto& files = t.pending[storage::date_dir(settings_.dates, row.commit_ts)];
  // Rotate once a file reached file-size, but never inside a transaction.
  if (files.empty()
      || (static_cast<std::int64_t>(files.back().data.size()) >= settings_.file_size
          && files.back().last_commit_ts != row.commit_ts)) {
    files.emplace_back();
    files.back().data = t.header;
  }
  auto& f = files.back();
  if (settings_.proto == model::sink::protocol::csv) {
    model::codec::append_csv_row(settings_.csv, *t.def, t.columns, row, f.data);
  } else {
    model::codec::append_canal_json_row(settings_.canal, *t.def, t.columns, row, now_ms, f.data);
    f.data += settings_.csv.terminator; // the sink's terminator, whatever the protocol
  }
  f.last_commit_ts = row.commit_ts;
}

model::result<void> storage_writer::add(const model::sink::row_batch& batch, std::int64_t now_ms) {
  if (batch.catalog)
    catalog_ = batch.catalog;
  for (const auto& rows : batch.tables) {
    if (rows.rows.empty())
      continue;
    auto& t = table(batch, rows.table_id);
    if (!t.def)
      return model::fail_with(model::api_error::sink_write_failed,
                              "sink write failed: table " + std::to_string(rows.table_id) + " is not in the catalog");
    for (const auto& row : rows.rows)
      append(t, row, now_ms);
    buffered_rows_ += rows.rows.size();
    backlog_ = backlog_ || rows.through == rows.rows.back().commit_ts;
  }
  return {};
}

bool storage_writer::full() const noexcept {
  for (const auto& [id, t] : tables_)
    for (const auto& [date, files] : t.pending)
      if (files.size() > 1 || static_cast<std::int64_t>(files.back().data.size()) >= settings_.file_size)
        return true;
  return false;
}

model::result<std::uint64_t> storage_writer::settle_version(table_state& t) {
  if (t.version != 0)
    return t.version;
  const auto& def = *t.def;
  auto checksum = storage::table_definition_checksum(def, t.columns);
  auto dir = storage::schema_dir(def.schema, def.name);
  auto names = files_.list(dir);
  if (!names)
    return names.error();
  std::uint64_t found = 0;
  for (const auto& name : *names)
    if (auto parsed = storage::parse_schema_file_name(name); parsed && parsed->second == checksum)
      found = std::max(found, parsed->first);
  if (found == 0) {
    // The table's first files under this schema: TiCDC names the version
    // after the TS its schema was read at.
    found = std::max<std::uint64_t>(settings_.start_version, 1);
    auto text = storage::table_definition_json(def, t.columns, found);
    if (auto r = files_.publish_new(dir + storage::schema_file_name(found, checksum), text); !r)
      return r.error();
  }
  t.version = found;
  return found;
}

model::result<std::uint64_t> storage_writer::next_index(const std::string& dir) {
  if (auto it = next_index_.find(dir); it != next_index_.end())
    return it->second;
  auto index = files_.read(storage::index_file_path(dir));
  if (!index)
    return index.error();
  std::uint64_t next = 1;
  if (*index) {
    auto name = **index;
    while (!name.empty() && (name.back() == '\n' || name.back() == '\r'))
      name.pop_back();
    auto last = storage::parse_data_file_name(name, extension_);
    if (!last)
      return model::fail_with(model::api_error::storage_sink_invalid_file_name,
                              "filename in storage sink is invalid: '" + name + "' is a invalid file name");
    // An index may name a file that never got published: reuse its number.
    auto used = files_.non_empty(dir + "/" + name);
    if (!used)
      return used.error();
    next = *used ? *last + 1 : std::max<std::uint64_t>(*last, 1);
  }
  next_index_[dir] = next;
  return next;
}

model::result<void> storage_writer::publish_dir(const std::string& dir, std::vector<file_buffer>& files) {
  std::string last_name;
  for (auto& f : files) {
    auto index = next_index(dir);
    if (!index)
      return index.error();
    auto i = *index;
    for (;;) {
      last_name = storage::data_file_name(i, settings_.file_index_width, extension_);
      auto published = files_.publish_new(dir + "/" + last_name, f.data);
      if (!published)
        return published.error();
      if (*published)
        break;
      ++i; // taken (by a writer we did not know about): the next one
    }
    next_index_[dir] = i + 1;
  }
  if (last_name.empty())
    return {};
  return files_.publish(storage::index_file_path(dir), last_name + "\n");
}

model::result<void> storage_writer::flush() {
  model::result<void> outcome;
  for (auto& [id, t] : tables_) {
    if (t.pending.empty())
      continue;
    if (outcome) {
      auto version = settle_version(t);
      if (!version) {
        outcome = version.error();
      } else {
        for (auto& [date, files] : t.pending) {
          auto dir = storage::data_dir(t.def->schema, t.def->name, *version, std::nullopt, date);
          if (auto r = publish_dir(dir, files); !r) {
            outcome = r.error();
            break;
          }
        }
      }
    }
    t.pending.clear();
  }
  buffered_rows_ = 0;
  backlog_ = false;
  return outcome;
}

} // namespace cdc::sink_io
