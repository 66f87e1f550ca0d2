// CAF inspect overloads for the model values that cross nodes in actor
// messages. They live here, not in model/, which does not depend on CAF;
// each sits in its type's namespace so argument-dependent lookup finds it
// (for std::shared_ptr<const changefeed_info> and feed_event_t too, through
// their template arguments). Flat structs go field by field; replica
// configs go as their JSON text (config_json.hpp).
//
// Every member is listed: a member left out would silently arrive as its
// default (tests/actors/wire_test.cpp round-trips each type).
#pragma once

#include <memory>
#include <type_traits>

#include <caf/meta/type_name.hpp>

#include "actors/wire/config_json.hpp"
#include "actors/wire/fields.hpp"
#include "model/changefeed/bodies.hpp"
#include "model/changefeed/info.hpp"
#include "model/changefeed/state_machine.hpp"
#include "model/changefeed/views.hpp"
#include "model/cluster_views.hpp"
#include "model/scheduling/table_scheduler.hpp"

namespace cdc::model {

// -- changefeeds ---------------------------------------------------------------

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, changefeed_key& x) {
  return f(caf::meta::type_name("changefeed_key"), x.namespace_, x.id);
}

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, running_error& x) {
  return f(caf::meta::type_name("running_error"), actors::wire::nullable(x.time, actors::wire::as_nanos), x.addr,
           x.code, x.message);
}

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, changefeed_info& x) {
  namespace wire = actors::wire;
  return f(caf::meta::type_name("changefeed_info"), x.key, x.upstream_id, x.sink_uri, wire::nanos(x.create_time),
           x.start_ts, x.target_ts, wire::nullable(x.config, wire::as_json_text),
           wire::enum_upto(x.state, feed_state::removed), wire::nullable(x.error), x.creator_version, x.epoch);
}

/// Null stays null: a dispatch may carry no info.
template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, std::shared_ptr<const changefeed_info>& x) {
  return f(actors::wire::nullable(x));
}

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, changefeed_progress& x) {
  return f(caf::meta::type_name("changefeed_progress"), x.checkpoint_ts, x.resolved_ts, x.last_synced_ts,
           x.follow_through);
}

// -- request bodies --------------------------------------------------------------

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, pd_config& x) {
  return f(caf::meta::type_name("pd_config"), x.pd_addrs, x.ca_path, x.cert_path, x.key_path, x.cert_allowed_cn);
}

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, changefeed_config& x) {
  return f(caf::meta::type_name("changefeed_config"), x.namespace_, x.changefeed_id, x.start_ts, x.target_ts,
           x.sink_uri, actors::wire::json_text(x.replica_config), x.pd);
}

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, update_keys& x) {
  return f(caf::meta::type_name("update_keys"), x.namespace_, x.changefeed_id, x.start_ts, x.target_ts, x.sink_uri,
           x.replica_config, x.pd_addrs, x.ca_path, x.cert_path, x.key_path, x.cert_allowed_cn);
}

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, changefeed_update& x) {
  namespace wire = actors::wire;
  return f(caf::meta::type_name("changefeed_update"), x.target_ts, x.sink_uri,
           wire::nullable(x.replica_config, wire::as_json_text), x.pd, x.present);
}

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, resume_config& x) {
  return f(caf::meta::type_name("resume_config"), x.overwrite_checkpoint_ts, x.pd);
}

// -- views -----------------------------------------------------------------------

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, capture_task_status& x) {
  return f(caf::meta::type_name("capture_task_status"), x.capture_id, x.table_ids);
}

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, changefeed_detail& x) {
  namespace wire = actors::wire;
  return f(caf::meta::type_name("changefeed_detail"), x.upstream_id, x.namespace_, x.id, x.sink_uri,
           wire::nanos(x.create_time), x.start_ts, x.target_ts, wire::enum_upto(x.admin_job_type, admin_job::finish),
           wire::nullable(x.config, wire::as_json_text), wire::enum_upto(x.state, feed_state::removed),
           wire::nullable(x.error), x.creator_version, x.resolved_ts, x.checkpoint_ts, wire::nullable(x.task_status));
}

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, changefeed_list_item& x) {
  namespace wire = actors::wire;
  return f(caf::meta::type_name("changefeed_list_item"), x.upstream_id, x.namespace_, x.id,
           wire::enum_upto(x.state, feed_state::removed), x.checkpoint_tso, wire::nullable(x.error));
}

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, processor_item& x) {
  return f(caf::meta::type_name("processor_item"), x.namespace_, x.changefeed_id, x.capture_id);
}

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, processor_detail& x) {
  return f(caf::meta::type_name("processor_detail"), x.table_ids);
}

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, capture_view& x) {
  return f(caf::meta::type_name("capture_view"), x.id, x.is_owner, x.address, x.cluster_id);
}

// -- lifecycle events (the changefeed actor's atom::state) ---------------------------

namespace feed_event {

template <class Event, class... Events>
concept one_of = (std::is_same_v<Event, Events> || ...);

/// The events without fields: nothing follows the variant's index.
template <class Inspector, one_of<create, pause, update, remove, target_reached, backoff_elapsed, error_stuck> Event>
typename Inspector::result_type inspect(Inspector& f, Event&) {
  return f();
}

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, resume& x) {
  return f(caf::meta::type_name("resume"), x.overwrite_checkpoint_ts, x.current_tso, x.gc_safepoint);
}

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, error& x) {
  return f(caf::meta::type_name("error"), x.code, x.message);
}

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, checkpoint_advanced& x) {
  return f(caf::meta::type_name("checkpoint_advanced"), x.checkpoint_ts);
}

/// The variant's index, then the event.
template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, feed_event_t& x) {
  return f(actors::wire::variant_of(x));
}

} // namespace feed_event

} // namespace cdc::model

namespace cdc::model::scheduling {

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, capture_tables& x) {
  return f(caf::meta::type_name("capture_tables"), x.capture_id, x.table_ids);
}

} // namespace cdc::model::scheduling
