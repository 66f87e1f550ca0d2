// TiCDC's CSV encoding; see csv.hpp.
#include "model/codec/csv.hpp"

#include "model/codec/go_format.hpp"
#include "model/config/defaults.hpp"

namespace cdc::model::codec {

namespace {

using upstream::column_value;
using upstream::row_op;

class line_writer {
public:
  line_writer(const csv_options& o, std::string& out) : o_(o), out_(out) {}

  void separator() {
    if (!first_)
      out_ += o_.delimiter;
    first_ = false;
  }

  void raw(std::string_view s) {
    separator();
    out_ += s;
  }

  void text(std::string_view v) {
    separator();
    if (!o_.quote.empty()) {
      out_ += o_.quote;
      for (std::size_t i = 0; i < v.size();) {
        if (v.compare(i, o_.quote.size(), o_.quote) == 0) {
          out_ += o_.quote;
          out_ += o_.quote;
          i += o_.quote.size();
        } else {
          out_ += v[i++];
        }
      }
      out_ += o_.quote;
      return;
    }
    // Without quotes, CR, LF, backslash and the delimiter are escaped.
    const auto& d = o_.delimiter;
    for (std::size_t i = 0; i < v.size();) {
      if (!d.empty() && v.compare(i, d.size(), d) == 0) {
        for (char c : d) {
          out_ += '\\';
          out_ += c;
        }
        i += d.size();
        continue;
      }
      char c = v[i++];
      if (c == '\r' || c == '\n' || c == '\\') {
        out_ += '\\';
        out_ += c == '\r' ? 'r' : c == '\n' ? 'n' : '\\';
      } else {
        out_ += c;
      }
    }
  }

  void value(const column_value& v) {
    if (std::holds_alternative<std::monostate>(v))
      return raw(o_.null);
    if (auto* i = std::get_if<std::int64_t>(&v))
      return raw(std::to_string(*i));
    if (auto* d = std::get_if<double>(&v)) {
      separator();
      append_go_float_v(*d, out_);
      return;
    }
    text(std::get<std::string>(v));
  }

  void end() {
    out_ += o_.terminator;
    first_ = true;
  }

private:
  const csv_options& o_;
  std::string& out_;
  bool first_ = true;
};

void write_line(line_writer& w, const csv_options& o, const upstream::table_def& t, const column_list& columns,
                const upstream::row_change& row, std::string_view op, const upstream::row_values& values) {
  w.text(op);
  w.text(t.name);
  w.text(t.schema);
  if (o.include_commit_ts)
    w.raw(std::to_string(row.commit_ts));
  if (o.output_old_value)
    w.raw(row.op == row_op::update ? "true" : "false");
  if (o.output_handle_key)
    w.text(upstream::to_text(values.at(t.key_column())));
  for (auto i : columns)
    w.value(values.at(i));
  w.end();
}

} // namespace

csv_options csv_options_of(const config::sink_config& sink) {
  csv_options o;
  auto c = sink.csv.value_or(config::default_csv_config());
  o.delimiter = c.delimiter;
  o.quote = c.quote;
  o.null = c.null;
  o.include_commit_ts = c.include_commit_ts;
  o.output_old_value = c.output_old_value;
  o.output_handle_key = c.output_handle_key;
  o.output_field_header = c.output_field_header;
  o.terminator = sink.terminator.value_or(std::string{config::default_terminator});
  return o;
}

void append_csv_row(const csv_options& o, const upstream::table_def& t, const column_list& columns,
                    const upstream::row_change& row, std::string& out) {
  line_writer w{o, out};
  switch (row.op) {
    case row_op::insert: write_line(w, o, t, columns, row, "I", row.new_values); break;
    case row_op::remove: write_line(w, o, t, columns, row, "D", row.old_values); break;
    case row_op::update:
      if (o.output_old_value && !row.old_values.empty()) {
        write_line(w, o, t, columns, row, "D", row.old_values);
        write_line(w, o, t, columns, row, "I", row.new_values);
      } else {
        write_line(w, o, t, columns, row, "U", row.new_values);
      }
      break;
  }
}

std::string csv_header(const csv_options& o, const upstream::table_def& t, const column_list& columns) {
  std::string out;
  auto add = [&](std::string_view name) {
    if (!out.empty())
      out += o.delimiter;
    out += name;
  };
  add("ticdc-meta$operation");
  add("ticdc-meta$table");
  add("ticdc-meta$schema");
  if (o.include_commit_ts)
    add("ticdc-meta$commit-ts");
  if (o.output_old_value)
    add("ticdc-meta$is-update");
  for (auto i : columns)
    add(t.columns.at(i).name);
  out += o.terminator;
  return out;
}

} // namespace cdc::model::codec
