// TiCDC's CSV protocol: meta columns, quoting and escaping, the null marker,
// old values, the header line and Go's number formatting.
#include <boost/test/unit_test.hpp>

#include "model/codec/csv.hpp"
#include "model/codec/go_format.hpp"

using namespace cdc::model;
using namespace cdc::model::codec;
using upstream::row_change;
using upstream::row_op;

namespace {

upstream::table_def employee() {
  upstream::table_def t;
  t.id = 100;
  t.schema = "hr";
  t.name = "employee";
  using upstream::column_type;
  t.columns = {{"Id", column_type::bigint, false, true},
               {"Name", column_type::varchar, true},
               {"Score", column_type::double_, true}};
  return t;
}

row_change change(row_op op, upstream::row_values now, upstream::row_values before = {}) {
  row_change c;
  c.table_id = 100;
  c.op = op;
  c.commit_ts = 433305438660591626ull;
  c.new_values = std::move(now);
  c.old_values = std::move(before);
  return c;
}

std::string encode(const csv_options& o, const row_change& c) {
  auto t = employee();
  std::string out;
  append_csv_row(o, t, all_columns(t), c, out);
  return out;
}

} // namespace

BOOST_AUTO_TEST_SUITE(codec_csv)

BOOST_AUTO_TEST_CASE(insert_with_commit_ts_matches_ticdc_docs) {
  csv_options o;
  o.include_commit_ts = true;
  o.terminator = "\n";
  auto line = encode(o, change(row_op::insert, {std::int64_t{101}, std::string{"Smith"}, 2.5}));
  BOOST_TEST(line == "\"I\",\"employee\",\"hr\",433305438660591626,101,\"Smith\",2.5\n");
}

BOOST_AUTO_TEST_CASE(update_is_one_u_line_without_old_values) {
  auto line = encode({}, change(row_op::update, {std::int64_t{1}, std::string{"b"}, 1.0},
                                {std::int64_t{1}, std::string{"a"}, 1.0}));
  BOOST_TEST(line == "\"U\",\"employee\",\"hr\",1,\"b\",1\r\n");
}

BOOST_AUTO_TEST_CASE(update_with_old_values_is_a_d_then_i_pair_flagged_as_update) {
  csv_options o;
  o.output_old_value = true;
  auto line = encode(o, change(row_op::update, {std::int64_t{1}, std::string{"b"}, 1.0},
                               {std::int64_t{1}, std::string{"a"}, 1.0}));
  BOOST_TEST(line == "\"D\",\"employee\",\"hr\",true,1,\"a\",1\r\n\"I\",\"employee\",\"hr\",true,1,\"b\",1\r\n");
}

BOOST_AUTO_TEST_CASE(delete_writes_the_old_values_and_is_not_flagged) {
  csv_options o;
  o.output_old_value = true;
  auto line = encode(o, change(row_op::remove, {}, {std::int64_t{7}, std::string{"x"}, 0.25}));
  BOOST_TEST(line == "\"D\",\"employee\",\"hr\",false,7,\"x\",0.25\r\n");
}

BOOST_AUTO_TEST_CASE(null_is_the_configured_marker_unquoted) {
  csv_options o;
  o.null = "NULL";
  auto line = encode(o, change(row_op::insert, {std::int64_t{1}, std::monostate{}, std::monostate{}}));
  BOOST_TEST(line == "\"I\",\"employee\",\"hr\",1,NULL,NULL\r\n");
}

BOOST_AUTO_TEST_CASE(quotes_inside_values_are_doubled) {
  auto line = encode({}, change(row_op::insert, {std::int64_t{1}, std::string{"say \"hi\""}, 1.5}));
  BOOST_TEST(line == "\"I\",\"employee\",\"hr\",1,\"say \"\"hi\"\"\",1.5\r\n");
}

BOOST_AUTO_TEST_CASE(without_quote_delimiters_and_line_breaks_are_escaped) {
  csv_options o;
  o.quote = "";
  o.delimiter = "|@";
  auto line = encode(o, change(row_op::insert, {std::int64_t{1}, std::string{"a|@b\nc\\"}, 1.5}));
  BOOST_TEST(line == "I|@employee|@hr|@1|@a\\|\\@b\\nc\\\\|@1.5\r\n");
}

BOOST_AUTO_TEST_CASE(column_selection_writes_only_the_kept_columns) {
  auto t = employee();
  std::string out;
  append_csv_row({}, t, {0, 2}, change(row_op::insert, {std::int64_t{1}, std::string{"secret"}, 3.0}), out);
  BOOST_TEST(out == "\"I\",\"employee\",\"hr\",1,3\r\n");
}

BOOST_AUTO_TEST_CASE(header_names_meta_and_data_columns) {
  csv_options o;
  o.include_commit_ts = true;
  o.output_old_value = true;
  o.terminator = "\n";
  BOOST_TEST(csv_header(o, employee(), {0, 1, 2})
             == "ticdc-meta$operation,ticdc-meta$table,ticdc-meta$schema,ticdc-meta$commit-ts,"
                "ticdc-meta$is-update,Id,Name,Score\n");
}

BOOST_AUTO_TEST_CASE(options_come_from_the_adjusted_sink_config) {
  config::sink_config s;
  s.terminator = "\n";
  config::csv_config c;
  c.delimiter = ";";
  c.quote = "'";
  c.null = "N";
  c.include_commit_ts = true;
  s.csv = c;
  auto o = csv_options_of(s);
  BOOST_TEST(o.delimiter == ";");
  BOOST_TEST(o.quote == "'");
  BOOST_TEST(o.null == "N");
  BOOST_TEST(o.include_commit_ts);
  BOOST_TEST(o.terminator == "\n");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(codec_go_format)

BOOST_AUTO_TEST_CASE(percent_v_uses_exponent_form_from_a_million) {
  auto v = [](double x) {
    std::string s;
    append_go_float_v(x, s);
    return s;
  };
  BOOST_TEST(v(5.0) == "5");
  BOOST_TEST(v(123.45) == "123.45");
  BOOST_TEST(v(123456.0) == "123456");
  BOOST_TEST(v(1e6) == "1e+06");
  BOOST_TEST(v(1234567.0) == "1.234567e+06");
  BOOST_TEST(v(0.0001) == "0.0001");
  BOOST_TEST(v(0.00001) == "1e-05");
  BOOST_TEST(v(-2.5) == "-2.5");
}

BOOST_AUTO_TEST_CASE(format_f_never_uses_an_exponent) {
  std::string s;
  append_go_float_f(1e21, s);
  BOOST_TEST(s == "1000000000000000000000");
}

BOOST_AUTO_TEST_CASE(json_strings_escape_like_go) {
  std::string s;
  append_json_string("a\"b\\c\n<&>\x01", s);
  BOOST_TEST(s == "\"a\\\"b\\\\c\\n\\u003c\\u0026\\u003e\\u0001\"");
}

BOOST_AUTO_TEST_SUITE_END()
