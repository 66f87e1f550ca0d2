// etcd's v3 JSON gateway as it really is (grpc-gateway over rpc.proto, etcd
// 3.4 under /v3/): keys and values travel base64, int64s travel as JSON
// strings ("revision": "2"), and fields at their default are left out of
// answers (a failed txn has no "succeeded", a range with no keys no "kvs").
// Turns the plain values of etcd_types.hpp into request bodies and answer
// bodies back into values; no I/O.
#pragma once

#include <chrono>
#include <optional>
#include <string>

#include <boost/json/value.hpp>

#include "actors/store/backend/etcd_types.hpp"

namespace cdc::store::etcd::wire {

std::string range_body(const range_request& r);
std::string put_body(const put_request& r);
std::string delete_body(const delete_request& r);
std::string txn_body(const txn_request& r);
std::string lease_grant_body(std::chrono::seconds ttl);
/// A revoke's or a keep-alive's body: the lease's ID.
std::string lease_id_body(std::int64_t id);

/// Each answer decoder fails with kind::bad_answer naming what is wrong.
result<range_response> read_range(const boost::json::value& answer);
result<txn_response> read_txn(const boost::json::value& answer);
result<lease_grant> read_lease_grant(const boost::json::value& answer);
/// A keep-alive stream's one answer, {"result": {"ID", "TTL"}}: the TTL left
/// in seconds, 0 when the lease is gone (expired or revoked).
result<std::int64_t> read_keep_alive(const boost::json::value& answer);
/// The header's revision, which every answer carries.
result<std::int64_t> read_revision(const boost::json::value& answer);

/// An error answer ({"error", "code", "message"}) as kind::rejected; null
/// when the body is not one.
std::optional<error> read_error(const boost::json::value& answer);

} // namespace cdc::store::etcd::wire
