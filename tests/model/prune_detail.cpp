// The changefeed detail and list item built from a stored feed: masking of
// the sink URI and config secrets, pruning, error and progress.
#include <boost/json/serialize.hpp>
#include <boost/json/value_from.hpp>
#include <boost/test/unit_test.hpp>

#include "model/changefeed/prune.hpp"
#include "model/config/defaults.hpp"
#include "tests/support/printers.hpp"

using namespace cdc::model;

namespace {

changefeed_info feed(std::string sink_uri, config::replica_config cfg = config::default_replica_config()) {
  changefeed_info info;
  info.key = {"default", "cf"};
  info.upstream_id = 7;
  info.sink_uri = std::move(sink_uri);
  info.start_ts = 100;
  info.config = std::make_shared<const config::replica_config>(std::move(cfg));
  info.creator_version = "v8.5.0";
  return info;
}

config::replica_config with_secrets() {
  auto cfg = config::default_replica_config();
  auto& s = *cfg.sink;
  s.schema_registry = "http://user:pw@r:8081";
  config::kafka_config k;
  k.sasl_user = "u";
  k.sasl_password = "sasl-secret";
  k.sasl_oauth_client_secret = "oauth-secret";
  k.sasl_gssapi_password = "gss-secret";
  k.sasl_oauth_token_url = "https://u:tokpw@t/token";
  k.glue_schema_registry = config::glue_schema_registry_config{"n", "r", "AK", "glue-secret", "glue-token"};
  k.large_message_handle = config::large_message_handle_config{"claim-check", "none", "s3://b/c?secret-access-key=SK", false};
  s.kafka = k;
  config::pulsar_config p;
  p.authentication_token = "pulsar-token";
  p.basic_user_name = "bu";
  p.basic_password = "pulsar-pw";
  p.oauth2 = config::pulsar_oauth2{"https://i", "au", "pk-secret-value", "ci", "sc"};
  s.pulsar = p;
  cfg.consistent->storage = "s3://redo?access-key=AK&secret-access-key=SK";
  return cfg;
}

bool contains(std::string_view text, std::string_view part) { return text.find(part) != std::string_view::npos; }

std::string shown_json(const changefeed_detail& d) { return boost::json::serialize(boost::json::value_from(*d.config)); }

} // namespace

BOOST_AUTO_TEST_SUITE(prune_detail)

BOOST_AUTO_TEST_CASE(sink_uri_password_is_masked) {
  auto d = make_detail(feed("mysql://root:123456@127.0.0.1:3306"), {});
  BOOST_TEST(d.sink_uri == "mysql://root:xxxxx@127.0.0.1:3306");
}

BOOST_AUTO_TEST_CASE(sink_uri_secret_parameters_are_masked) {
  auto d = make_detail(feed("kafka://k:9092/t?protocol=canal-json&sasl-password=hunter2"), {});
  BOOST_TEST(!contains(d.sink_uri, "hunter2"));
}

BOOST_AUTO_TEST_CASE(every_config_secret_is_masked) {
  auto d = make_detail(feed("blackhole://", with_secrets()), {});
  auto text = shown_json(d);
  for (std::string_view secret : {"sasl-secret", "oauth-secret", "gss-secret", "tokpw", "glue-secret", "glue-token",
                                  "pulsar-token", "pulsar-pw", "pk-secret-value", "SK", ":pw@"})
    BOOST_TEST(!contains(text, secret), secret);
  const auto& k = *d.config->sink->kafka;
  BOOST_TEST(k.sasl_password.value() == "******");
  BOOST_TEST(k.glue_schema_registry->secret_access_key == "******");
  BOOST_TEST(d.config->sink->pulsar->oauth2->oauth2_private_key == "******");
}

BOOST_AUTO_TEST_CASE(non_secret_config_values_are_shown) {
  auto d = make_detail(feed("blackhole://", with_secrets()), {});
  const auto& k = *d.config->sink->kafka;
  BOOST_TEST(k.sasl_user.value() == "u");
  BOOST_TEST(k.glue_schema_registry->access_key == "AK");
  BOOST_TEST(d.config->sink->pulsar->basic_user_name.value() == "bu");
}

BOOST_AUTO_TEST_CASE(absent_secrets_stay_absent) {
  auto cfg = config::default_replica_config();
  cfg.sink->kafka = config::kafka_config{};
  auto d = make_detail(feed("blackhole://", cfg), {});
  BOOST_TEST(!d.config->sink->kafka->sasl_password.has_value());
  BOOST_TEST(!d.config->sink->kafka->sasl_oauth_client_secret.has_value());
}

BOOST_AUTO_TEST_CASE(masking_does_not_touch_the_stored_config) {
  auto info = feed("blackhole://", with_secrets());
  make_detail(info, {});
  BOOST_TEST(info.config->sink->kafka->sasl_password.value() == "sasl-secret");
}

BOOST_AUTO_TEST_CASE(mask_reports_whether_it_changed_anything) {
  auto plain = config::default_replica_config();
  BOOST_TEST(!mask_config_secrets(plain));
  auto secret = with_secrets();
  BOOST_TEST(mask_config_secrets(secret));
  BOOST_TEST(!mask_config_secrets(secret));  // already masked
}

BOOST_AUTO_TEST_CASE(get_prunes_by_the_sink) {
  auto d = make_detail(feed("mysql://root@h:3306/"), {});
  BOOST_TEST(!d.config->sink->protocol.has_value());
  BOOST_TEST(!d.config->sink->csv.has_value());
}

BOOST_AUTO_TEST_CASE(create_answer_shows_the_full_config_without_copying_it) {
  auto info = feed("mysql://root@h:3306/");
  auto d = make_detail(info, {}, detail_options{.prune = false, .task_status = {}});
  BOOST_TEST(d.config == info.config);
}

BOOST_AUTO_TEST_CASE(blackhole_detail_shows_the_stored_config) {
  // C21/C22: GET of a blackhole feed returns exactly the config it was created with.
  auto info = feed("blackhole://");
  BOOST_TEST((*make_detail(info, {}).config == *info.config));
}

BOOST_AUTO_TEST_CASE(detail_carries_identity_progress_and_job_type) {
  auto info = feed("blackhole://");
  info.state = feed_state::stopped;
  auto d = make_detail(info, changefeed_progress{150, 170});
  BOOST_TEST(d.id == "cf");
  BOOST_TEST(d.namespace_ == "default");
  BOOST_TEST(d.upstream_id == 7u);
  BOOST_TEST(d.start_ts == 100u);
  BOOST_TEST(d.checkpoint_ts == 150u);
  BOOST_TEST(d.resolved_ts == 170u);
  BOOST_TEST(d.admin_job_type == admin_job::stop);
  BOOST_TEST(d.creator_version == "v8.5.0");
}

BOOST_AUTO_TEST_CASE(error_is_shown_only_while_failed_or_retrying) {
  auto info = feed("blackhole://");
  info.error = running_error{std::nullopt, "c", "CDC:ErrSinkWriteFailed", "boom"};
  for (auto s : {feed_state::normal, feed_state::stopped, feed_state::finished}) {
    info.state = s;
    BOOST_TEST(!make_detail(info, {}).error.has_value());
    BOOST_TEST(!make_list_item(info, {}).error.has_value());
  }
  for (auto s : {feed_state::error, feed_state::failed}) {
    info.state = s;
    BOOST_TEST(make_detail(info, {}).error.has_value());
    BOOST_TEST(make_list_item(info, {}).error.has_value());
  }
}

BOOST_AUTO_TEST_CASE(task_status_is_passed_through) {
  detail_options options;
  options.task_status = std::vector<capture_task_status>{{"cap-1", {100, 101}}};
  auto d = make_detail(feed("blackhole://"), {}, options);
  BOOST_REQUIRE(d.task_status.has_value());
  BOOST_TEST(d.task_status->front().capture_id == "cap-1");
}

BOOST_AUTO_TEST_CASE(list_item_carries_identity_state_and_checkpoint) {
  auto info = feed("blackhole://");
  info.state = feed_state::failed;
  auto item = make_list_item(info, changefeed_progress{42, 43});
  BOOST_TEST(item.id == "cf");
  BOOST_TEST(item.upstream_id == 7u);
  BOOST_TEST(item.state == feed_state::failed);
  BOOST_TEST(item.checkpoint_tso == 42u);
}

BOOST_AUTO_TEST_CASE(feed_without_a_config_shows_none) {
  auto info = feed("blackhole://");
  info.config = nullptr;
  BOOST_TEST(!make_detail(info, {}).config);
}

BOOST_AUTO_TEST_SUITE_END()
