// Opens a changefeed's sink once before the feed is stored, as TiCDC does at
// create and update: a MySQL sink must accept a connection within seconds, a
// Kafka cluster must answer and hold (or create) the default topic with
// enough partitions, a file:// sink's directory must lie in the allowed
// directories (symlinks resolved) and be creatable and writable. The checks
// block, so each runs on a probe actor of its own (detached in a server) that
// answers once and ends; the owner and the changefeed wait asynchronously.
#pragma once

#include <chrono>
#include <filesystem>
#include <vector>

#include "actors/messages.hpp"
#include "actors/services.hpp"

namespace cdc::actors {

/// Where file:// sinks may write unless told otherwise: the system temp dir.
std::vector<std::filesystem::path> default_file_sink_dirs();

struct sink_probe_options {
  /// Where file:// sinks may write (cdc server --sink-file-allowed-dirs).
  std::vector<std::filesystem::path> file_dirs = default_file_sink_dirs();
  /// A MySQL sink's connect, read and write timeouts for the check (its own
  /// dial-timeout when shorter): a create must answer within seconds.
  std::chrono::seconds mysql_timeout{3};
  /// How long the Kafka brokers may take to answer the check (metadata, and
  /// creating the default topic when it is missing).
  std::chrono::milliseconds kafka_timeout{std::chrono::seconds(3)};
};

/// The check itself (blocking); sinks that open without I/O pass.
model::result<void> probe_sink(const model::changefeed_info& info, const sink_probe_options& options);

/// Answers one probe, then quits.
sink_probe_actor::behavior_type sink_probe(sink_probe_actor::pointer self, sink_probe_options options);

/// A file:// sink's directory (`dir`: the URI's host and path) if it lies in
/// `allowed`, checked lexically and then with the symlinks of its existing
/// part resolved (blocking: it asks the file system). The storage sinks check
/// again when they start, so a link made later or a narrower list at a
/// restart takes effect.
model::result<std::filesystem::path> allowed_file_sink_dir(std::string_view uri, std::string_view dir,
                                                          const std::vector<std::filesystem::path>& allowed);

/// A probe for `info`'s sink, or an invalid handle when it needs none (its
/// sink opens without I/O, or `services` checks no sinks).
sink_probe_actor probe_for(caf::actor_system& sys, const cluster_services& services,
                           const model::changefeed_info& info);

} // namespace cdc::actors
