// MySQL-replication-style filter rules (do_dbs, do_tables, ignore_dbs,
// ignore_tables) and TiCDC's choice between them and `filter.rules`.
#pragma once

#include <string>
#include <vector>

#include "model/filter/table_filter.hpp"
#include "model/result.hpp"

namespace cdc::model::filter {

/// A `{database_name, table_name}` entry; each name is a legacy pattern:
/// `~regex`, a wildcard with `*`, `?`, `[...]`/`[!...]`, or a literal.
struct table_name_pattern {
  std::string database_name;
  std::string table_name;
};

struct mysql_replication_rules {
  std::vector<std::string> do_dbs;
  std::vector<std::string> ignore_dbs;
  std::vector<table_name_pattern> do_tables;
  std::vector<table_name_pattern> ignore_tables;
};

/// TiDB's ParseMySQLReplicationRules: a table must pass both the schema list
/// (do_dbs if any, else everything but ignore_dbs) and the table list
/// (do_tables if any, else everything but ignore_tables). Within a list the
/// first matching entry decides. Errors: 400 CDC:ErrFilterRuleInvalid.
result<table_filter> parse_mysql_replication_rules(const mysql_replication_rules& rules,
                                                   bool case_sensitive);

/// TiCDC's VerifyTableRules: `rules` when non-empty; otherwise the MySQL-style
/// rules when given; otherwise `*.*`.
result<table_filter> verify_table_rules(const std::vector<std::string>& rules,
                                        const mysql_replication_rules* mysql_rules,
                                        bool case_sensitive);

} // namespace cdc::model::filter
