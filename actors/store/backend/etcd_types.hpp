// The requests and answers of etcd's v3 KV and lease API that the etcd
// client speaks (etcdserverpb in rpc.proto), as plain values: keys and
// values are raw bytes here; base64 and JSON are the wire's business.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <variant>
#include <vector>

#include <boost/system/result.hpp>

namespace cdc::store::etcd {

/// Why a call failed. `message` names the endpoint and the call, and is
/// what users read ("etcd http://127.0.0.1:2379 /v3/kv/txn: ...").
struct error {
  enum class kind {
    unreachable, ///< no endpoint could be connected to
    timed_out,   ///< no whole answer within the call's timeout
    rejected,    ///< etcd answered with an error (grpc_code says which)
    bad_answer,  ///< the answer was not what the API promises
  };
  kind what = kind::unreachable;
  /// gRPC's status code etcd gave (3 invalid argument, 11 out of range, ...);
  /// 0 unless rejected.
  int grpc_code = 0;
  std::string message;
};

template <class T>
using result = boost::system::result<T, error>;

// Found by boost::system::result through ADL; callers check has_value().
[[noreturn]] inline void throw_exception_from_error(const error& e, const boost::source_location&) {
  throw std::runtime_error(e.message);
}

/// mvccpb.KeyValue. Revisions are etcd's int64s.
struct key_value {
  std::string key{};
  std::string value{};
  std::int64_t create_revision = 0;
  std::int64_t mod_revision = 0;
  std::int64_t version = 0;
  std::int64_t lease = 0;
};

/// RangeRequest: `key` alone, or [key, range_end).
struct range_request {
  std::string key{};
  std::string range_end{};
  /// 0: the newest revision; else read as of this one.
  std::int64_t revision = 0;
  /// 0: no limit.
  std::int64_t limit = 0;
  bool keys_only = false;
};

struct range_response {
  /// The header's revision: the store's revision the range was read at.
  std::int64_t revision = 0;
  std::vector<key_value> kvs;
  /// More keys lie in the range than `limit` returned.
  bool more = false;
  std::int64_t count = 0;
};

struct put_request {
  std::string key{};
  std::string value{};
  std::int64_t lease = 0; ///< 0: none
};

/// DeleteRangeRequest: `key` alone, or [key, range_end).
struct delete_request {
  std::string key{};
  std::string range_end{};
};

/// RequestOp: one operation of a transaction branch.
using txn_op = std::variant<range_request, put_request, delete_request>;

/// Compare: what of a key a transaction's guard looks at. A missing key
/// compares as revision 0, version 0.
struct compare {
  enum class target { version, create, mod };
  enum class result { equal, greater, less, not_equal };
  std::string key{};
  target what = target::mod;
  result relation = result::equal;
  std::int64_t operand = 0;
};

/// TxnRequest: if every compare holds, `success` runs, else `failure`.
struct txn_request {
  std::vector<compare> compares;
  std::vector<txn_op> success;
  std::vector<txn_op> failure;
};

struct txn_response {
  /// The header's revision: the commit's when the branch wrote.
  std::int64_t revision = 0;
  bool succeeded = false;
  /// The answers of the branch's range operations, in order (its puts and
  /// deletes answer nothing the callers need).
  std::vector<range_response> ranges;
};

struct lease_grant {
  std::int64_t id = 0;
  std::int64_t ttl_seconds = 0;
};

} // namespace cdc::store::etcd
