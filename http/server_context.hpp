// State shared by a listener and all its sessions.
#pragma once

#include <atomic>
#include <chrono>
#include <cstddef>
#include <memory>

#include "http/request_body.hpp"

namespace boost::asio::ssl {
class context;
}

namespace cdc::actors {
struct node_state;
}

namespace cdc::http {

class router;
struct api_context;

struct limits {
  /// Request line and header fields together; past it, 431 (or 414 when
  /// the request line alone is too long).
  std::size_t header_bytes = 16 * 1024;
  /// The request target (path and query); past it, 414, as nginx's 8k
  /// header buffers answer. TiCDC's longest target is a few hundred bytes.
  std::size_t target_bytes = 8 * 1024;
  /// A changefeed body is a few KiB; the bound leaves room for large
  /// filter rule sets while refusing (413, before reading) a body that
  /// could only be an attack or a mistake.
  std::size_t body_bytes = 10 * 1024 * 1024;
  /// Open connections per listener. Past it, a new connection takes the
  /// place of the one that has waited longest for its next request (idle
  /// keep-alive, or a header trickling in) or for the rest of a body, so a
  /// flood of idle or stalled connections cannot lock clients out; when
  /// every connection is busy with a request being answered, the new one is
  /// closed at once.
  std::size_t max_connections = 10'000;
  /// Requests read whole and handed to the cluster but not yet answered,
  /// per listener; past it, 429 with Retry-After. Requests still being read
  /// do not count: clients that never finish a request cannot fill it.
  std::size_t max_in_flight = 1'024;
  /// Bytes of request bodies held at once per listener, being read or
  /// waiting for their answer (never less than `body_bytes`). A body that
  /// does not fit is refused with 429 and Retry-After; requests without a
  /// body never wait on it.
  std::size_t body_budget_bytes = 64 * 1024 * 1024;
  std::chrono::seconds idle_timeout{60};
  /// How long a body may take to arrive once its header has: a client that
  /// stops short or trickles gets 408 rather than holding the connection.
  /// A megabyte in 30 s needs only ~35 KB/s.
  std::chrono::milliseconds body_timeout{std::chrono::seconds(30)};
  std::chrono::seconds write_timeout{30};
  /// Once shutdown begins, how long a connection may still take to deliver
  /// a request: one a client sent just before is answered (503) rather than
  /// cut off; then the connection closes.
  std::chrono::milliseconds drain_read_timeout{250};
  /// How long a TLS client may take to start and finish its handshake.
  std::chrono::milliseconds tls_handshake_timeout{std::chrono::seconds(10)};
};

struct server_context {
  const router* routes = nullptr;
  const api_context* api = nullptr;
  const actors::node_state* node = nullptr;
  limits lim;
  /// Set: the listener serves TLS only, with this context (tls_context.hpp).
  std::shared_ptr<boost::asio::ssl::context> tls;
  /// Sessions that have not begun to close; shutdown waits for zero.
  std::atomic<int> sessions{0};
  /// Requests dispatched whose answer is not yet written.
  std::atomic<std::size_t> in_flight{0};
  /// Request bodies held; its limit is set from `lim` when the listener starts.
  body_budget bodies;
  /// Set at shutdown: answer what was read, refuse what comes, then close.
  std::atomic<bool> draining{false};
};

} // namespace cdc::http
