// SQL for the MySQL sink: the downstream schema from the upstream catalog, and
// row changes as idempotent statements (REPLACE by key, DELETE by key), so a
// batch applied twice leaves the same rows as applied once.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "model/sink/protocol.hpp"
#include "model/upstream/workload.hpp"

namespace cdc::model::mysql {

/// `name` with backticks doubled, in backticks.
std::string quote_identifier(std::string_view name);

/// A SQL literal: NULL, a number, or a string in single quotes with MySQL's
/// backslash escapes (the server runs without NO_BACKSLASH_ESCAPES).
void append_literal(const upstream::column_value& v, std::string& out);

/// CREATE DATABASE IF NOT EXISTS `schema`.
std::string create_database_sql(std::string_view schema);

/// CREATE TABLE IF NOT EXISTS with the catalog's columns, NOT NULL where not
/// nullable, and the primary key (or, without one, a unique key on the
/// column that keys the table).
std::string create_table_sql(const upstream::table_def& t);

/// One downstream transaction: its statements and how many row changes of
/// the upstream it carries.
struct transaction {
  std::vector<std::string> statements;
  std::size_t rows = 0;
};

/// Splits one table's changes (in commit order) into transactions of at most
/// `max_txn_row` changes. With table atomicity, changes sharing a commit TS
/// (one upstream transaction) never straddle two downstream ones, even if
/// that makes one larger. Inside a transaction only each key's last state
/// counts: one DELETE ... IN for keys that end deleted, one multi-row REPLACE
/// for keys that end present.
std::vector<transaction> plan_transactions(const upstream::table_def& t,
                                           const std::vector<upstream::row_change>& rows,
                                           std::size_t max_txn_row, sink::txn_atomicity atomicity);

} // namespace cdc::model::mysql
