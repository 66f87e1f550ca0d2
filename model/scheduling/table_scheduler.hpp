// The owner's table placement: which alive capture replicates each table of
// each running changefeed, balanced per changefeed at all times (api.md goes
// beyond TiCDC's once-a-minute balancing) while moving as few tables as
// possible, plus the per-capture diff the actors apply.
#pragma once

#include <cstdint>
#include <map>
#include <span>
#include <string>
#include <vector>

#include "model/changefeed/state.hpp"

namespace cdc::model::scheduling {

using table_id = std::int64_t;

/// The tables one capture replicates for one changefeed (task_status' shape).
struct capture_tables {
  std::string capture_id;
  std::vector<table_id> table_ids;

  friend bool operator==(const capture_tables&, const capture_tables&) = default;
};

/// A table an operator moved by hand (v1's move_table): it goes to that
/// capture, and the balance moves other tables rather than this one.
struct table_pin {
  table_id table = 0;
  std::string capture_id;
};

/// One changefeed as the scheduler sees it.
struct feed_input {
  std::string changefeed_id;           ///< a stable key, e.g. "default/cf-1"
  feed_state state = feed_state::normal; ///< only normal and error feeds hold tables
  std::vector<table_id> tables;        ///< every table the feed replicates (any order, duplicates ignored)
  std::vector<capture_tables> current; ///< where its tables are now; may name dead or draining captures and stale tables
  std::vector<table_pin> pinned;       ///< pins to an ineligible capture or of an unknown table are ignored
};

/// What one capture must start and stop for one changefeed.
struct capture_moves {
  std::string capture_id;
  std::vector<table_id> add;           ///< ascending
  std::vector<table_id> remove;        ///< ascending

  friend bool operator==(const capture_moves&, const capture_moves&) = default;
};

struct feed_plan {
  std::string changefeed_id;
  /// Every eligible capture in ID order, with its tables ascending (also
  /// when it has none); empty for a feed that is not running.
  std::vector<capture_tables> assignment;
  /// Captures whose table set changes, in ID order; captures no longer
  /// eligible appear with removals only.
  std::vector<capture_moves> moves;
  /// Tables with nowhere to go (no eligible capture), ascending.
  std::vector<table_id> unplaced;
  /// Tables that were on an eligible capture and now are on another one.
  std::size_t moved = 0;
};

/// Places every table of every running feed on exactly one of `captures`
/// (the alive, non-stopping ones), so that per feed the table counts of any
/// two captures differ by at most one. A table stays where it is unless the
/// balance needs it elsewhere (then the highest table IDs leave the fullest
/// captures); tables without a place (new, or on a lost or draining capture)
/// go to the least-loaded capture of the feed, ties broken by load across
/// all feeds, then by capture ID. Feeds that are not running keep no
/// tables. Same input, same output: feeds come back sorted by ID and the
/// order of the input lists does not matter. O(T log T) for T tables.
std::vector<feed_plan> schedule_tables(std::span<const feed_input> feeds,
                                       std::span<const std::string> captures);

/// Tables each capture holds for feeds that are not being scheduled now.
using capture_load = std::map<std::string, std::size_t>;

/// The same, for some feeds of many: `other_load` counts what every capture
/// already holds for the other feeds, so the ties above go to the captures
/// least loaded over all feeds (an owner rescheduling one feed at a time
/// would otherwise put every small feed's tables on the first captures by
/// ID, and leave the last ones empty).
std::vector<feed_plan> schedule_tables(std::span<const feed_input> feeds,
                                       std::span<const std::string> captures, const capture_load& other_load);

} // namespace cdc::model::scheduling
