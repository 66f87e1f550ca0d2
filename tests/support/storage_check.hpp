// Reads what a storage sink wrote (TiCDC's layout) and checks it record by
// record against the upstream workload, independently of the encoders.
#pragma once

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include <boost/json/parse.hpp>
#include <boost/test/unit_test.hpp>

#include "model/upstream/workload.hpp"

namespace cdc::test {

namespace fs = std::filesystem;

inline std::string read_text(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

/// The data files of one table version directory tree, in publish order:
/// date directories in name order, then files by index.
struct table_files {
  std::vector<fs::path> files;
  std::vector<std::string> records; ///< every record, terminators removed
  bool every_record_terminated = true;
};

inline table_files read_table_files(const fs::path& version_dir, const std::string& ext,
                                    const std::string& terminator) {
  table_files out;
  std::vector<fs::path> dirs{version_dir};
  for (const auto& e : fs::directory_iterator(version_dir))
    if (e.is_directory() && e.path().filename() != "meta")
      dirs.push_back(e.path());
  std::sort(dirs.begin(), dirs.end());
  for (const auto& d : dirs) {
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(d))
      if (e.is_regular_file() && e.path().extension() == ext)
        files.push_back(e.path());
    std::sort(files.begin(), files.end());
    for (const auto& f : files) {
      out.files.push_back(f);
      auto text = read_text(f);
      std::size_t at = 0;
      while (at < text.size()) {
        auto end = text.find(terminator, at);
        if (end == std::string::npos) {
          out.every_record_terminated = false;
          out.records.push_back(text.substr(at));
          break;
        }
        out.records.push_back(text.substr(at, end - at));
        at = end + terminator.size();
      }
    }
  }
  return out;
}

/// Splits a CSV record with `"` quotes (doubled inside) and `,` delimiters;
/// a quoted field is returned without its quotes, a bare one as is.
inline std::vector<std::string> split_csv(const std::string& line) {
  std::vector<std::string> out;
  std::string cur;
  bool quoted = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    if (quoted) {
      if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
        cur += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        cur += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      out.push_back(std::move(cur));
      cur.clear();
    } else {
      cur += c;
    }
  }
  out.push_back(std::move(cur));
  return out;
}

/// A value as a storage format prints it: NULL as `null_marker`, doubles
/// compared by value elsewhere, the rest as text.
inline bool same_value(const model::upstream::column_value& expected, const std::string& got,
                       const std::string& null_marker) {
  using namespace model::upstream;
  if (std::holds_alternative<std::monostate>(expected))
    return got == null_marker;
  if (auto* d = std::get_if<double>(&expected))
    return !got.empty() && std::abs(std::stod(got) - *d) < 1e-9;
  return got == to_text(expected);
}

/// The changes of `w` in (from, to], after checking `f` holds one
/// terminated record for each.
inline std::vector<model::upstream::row_change> expected_records(const table_files& f,
                                                                 const model::upstream::table_workload& w,
                                                                 model::tso_t from, model::tso_t to) {
  std::vector<model::upstream::row_change> expected;
  w.changes(from, to, ~std::size_t{0}, expected);
  BOOST_TEST(f.every_record_terminated);
  BOOST_REQUIRE_EQUAL(f.records.size(), expected.size());
  return expected;
}

/// Checks CSV records (include_commit_ts on, old values off) against the
/// changes of `t` in (from, to].
inline void check_csv_records(const table_files& f, const model::upstream::table_workload& w, model::tso_t from,
                              model::tso_t to, const std::string& null_marker) {
  auto expected = expected_records(f, w, from, to);
  const auto& def = w.table();
  for (std::size_t i = 0; i < expected.size(); ++i) {
    const auto& c = expected[i];
    auto fields = split_csv(f.records[i]);
    BOOST_REQUIRE_EQUAL(fields.size(), 4 + def.columns.size());
    const char* op = c.op == model::upstream::row_op::insert ? "I" : c.op == model::upstream::row_op::update ? "U" : "D";
    BOOST_TEST(fields[0] == op, "record " << i);
    BOOST_TEST(fields[1] == def.name);
    BOOST_TEST(fields[2] == def.schema);
    BOOST_TEST(fields[3] == std::to_string(c.commit_ts), "record " << i);
    const auto& values = c.op == model::upstream::row_op::remove ? c.old_values : c.new_values;
    for (std::size_t k = 0; k < values.size(); ++k)
      BOOST_TEST(same_value(values[k], fields[4 + k], null_marker),
                 "record " << i << " column " << def.columns[k].name << ": " << fields[4 + k]);
  }
}

/// Checks canal-json records (TiDB extension on) against the changes of `t`.
inline void check_canal_records(const table_files& f, const model::upstream::table_workload& w, model::tso_t from,
                                model::tso_t to) {
  auto expected = expected_records(f, w, from, to);
  const auto& def = w.table();
  for (std::size_t i = 0; i < expected.size(); ++i) {
    const auto& c = expected[i];
    auto v = boost::json::parse(f.records[i]).as_object();
    const char* type = c.op == model::upstream::row_op::insert   ? "INSERT"
                       : c.op == model::upstream::row_op::update ? "UPDATE"
                                                                 : "DELETE";
    BOOST_TEST(v.at("type").as_string() == type, "record " << i);
    BOOST_TEST(v.at("database").as_string() == def.schema);
    BOOST_TEST(v.at("table").as_string() == def.name);
    BOOST_TEST(v.at("es").to_number<std::int64_t>() == static_cast<std::int64_t>(c.commit_ts >> 18));
    BOOST_TEST(v.at("_tidb").as_object().at("commitTs").to_number<std::uint64_t>() == c.commit_ts);
    const auto& values = c.op == model::upstream::row_op::remove ? c.old_values : c.new_values;
    const auto& data = v.at("data").as_array().at(0).as_object();
    for (std::size_t k = 0; k < values.size(); ++k) {
      const auto& got = data.at(def.columns[k].name);
      auto text = got.is_null() ? std::string("<null>") : std::string(got.as_string());
      BOOST_TEST(same_value(values[k], text, "<null>"), "record " << i << " column " << def.columns[k].name);
    }
    if (c.op == model::upstream::row_op::update)
      BOOST_TEST(v.at("old").as_array().at(0).as_object().size() == def.columns.size());
    else
      BOOST_TEST(v.at("old").is_null());
  }
}

} // namespace cdc::test
