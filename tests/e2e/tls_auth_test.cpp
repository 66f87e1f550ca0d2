// TiCDC's [security] on the real `cdc` binary, called as users do (curl and
// `cdc cli`): TLS on the API port with client certificates checked against
// the CA and the allowed CNs, plain HTTP refused there, and Basic
// credentials required on the writes with client-user-required.
#include <signal.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include <boost/json.hpp>
#include <boost/test/unit_test.hpp>

#include "tests/support/meta_records.hpp"
#include "tests/support/process.hpp"
#include "tests/support/subprocess.hpp"
#include "tests/support/test_certificates.hpp"

using namespace cdc::test;
namespace fs = std::filesystem;

namespace {

struct curl_answer {
  int exit = -1;         ///< curl's exit status (0: an HTTP answer came)
  unsigned status = 0;   ///< the HTTP status (0: none)
  std::string body;
  std::string output;    ///< what curl printed, for failure messages
};

/// `curl <args> <url>` as a user would type it, the answer's body in a file.
curl_answer curl(const fs::path& dir, std::vector<std::string> args, const std::string& url) {
  auto body_file = dir / "curl-body";
  fs::remove(body_file);
  std::vector<std::string> all{"-sS", "--max-time", "20", "-o", body_file.string(), "-w", "%{http_code}"};
  all.insert(all.end(), args.begin(), args.end());
  all.push_back(url);
  auto [exit, output] = run_command(find_program("curl", "curl"), all);
  curl_answer a;
  a.exit = exit;
  a.output = output;
  a.status = static_cast<unsigned>(std::atoi(output.substr(0, 3).c_str()));
  std::ifstream in(body_file);
  std::stringstream text;
  text << in.rdbuf();
  a.body = text.str();
  return a;
}

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

std::string error_code(const std::string& body) {
  boost::system::error_code ec;
  auto v = boost::json::parse(body, ec);
  if (ec || !v.is_object() || !v.as_object().contains("error_code"))
    return "<no error_code>";
  return std::string(v.at("error_code").as_string());
}

/// A server started with `flags` on top of the test defaults.
struct started_server {
  started_server(const temp_dir& dir, std::vector<std::string> flags)
    : process(cdc_binary(), [&] {
        auto args = server_args((dir.path / "data").string());
        args.insert(args.end(), flags.begin(), flags.end());
        return args;
      }()) {
    auto addrs = listening_addresses(process, 1);
    BOOST_REQUIRE_MESSAGE(addrs.size() == 1u, process.err());
    address = addrs[0];
  }
  ~started_server() {
    process.signal(SIGTERM);
    process.wait();
  }
  child_process process;
  std::string address;
};

const std::string feed_body = R"({"changefeed_id": "guarded", "sink_uri": "blackhole://"})";

} // namespace

BOOST_AUTO_TEST_SUITE(tls_and_auth)

BOOST_AUTO_TEST_CASE(tls_serves_only_clients_whose_certificate_has_an_allowed_cn) {
  temp_dir dir{"tls-cn"};
  test_certificates certs{dir.path / "certs"};
  certs.make_client("client", "cdc-client");
  certs.make_client("intruder", "intruder");
  started_server srv{dir, {"--ca=" + certs.ca(), "--cert=" + certs.server_cert(), "--key=" + certs.server_key(),
                           "--cert-allowed-cn=cdc-client"}};
  auto url = "https://" + srv.address + "/api/v2/status";
  std::vector<std::string> trust{"--cacert", certs.ca()};

  auto ok = curl(dir.path, {"--cacert", certs.ca(), "--cert", certs.cert("client"), "--key", certs.key("client")}, url);
  BOOST_TEST(ok.status == 200u, ok.output);
  BOOST_TEST(has(ok.body, "\"version\""), ok.body);

  // No client certificate, or one whose CN is not on the list: the
  // handshake is refused, no HTTP answer comes.
  auto anonymous = curl(dir.path, trust, url);
  BOOST_TEST(anonymous.exit != 0, anonymous.output);
  BOOST_TEST(anonymous.status == 0u, anonymous.output);
  auto intruder =
    curl(dir.path, {"--cacert", certs.ca(), "--cert", certs.cert("intruder"), "--key", certs.key("intruder")}, url);
  BOOST_TEST(intruder.exit != 0, intruder.output);
  BOOST_TEST(intruder.status == 0u, intruder.output);

  // Plain HTTP on the TLS port: Go's (TiCDC's) answer, then the close.
  auto plain = curl(dir.path, {}, "http://" + srv.address + "/api/v2/status");
  BOOST_TEST(plain.status == 400u, plain.output);
  BOOST_TEST(has(plain.body, "Client sent an HTTP request to an HTTPS server."), plain.body);

  // The server is still serving after all that.
  BOOST_TEST(curl(dir.path, {"--cacert", certs.ca(), "--cert", certs.cert("client"), "--key", certs.key("client")}, url)
               .status == 200u);
}

BOOST_AUTO_TEST_CASE(tls_without_mtls_needs_no_client_certificate_and_mtls_does) {
  temp_dir dir{"tls-mtls"};
  test_certificates certs{dir.path / "certs"};
  certs.make_client("client", "anyone");
  {
    started_server srv{dir, {"--ca=" + certs.ca(), "--cert=" + certs.server_cert(), "--key=" + certs.server_key()}};
    auto a = curl(dir.path, {"--cacert", certs.ca()}, "https://" + srv.address + "/api/v2/status");
    BOOST_TEST(a.status == 200u, a.output);
  }
  auto config = dir.path / "cdc.toml";
  std::ofstream(config) << "[security]\nca-path = \"" << certs.ca() << "\"\ncert-path = \"" << certs.server_cert()
                        << "\"\nkey-path = \"" << certs.server_key() << "\"\nmtls = true\n";
  started_server srv{dir, {"--config=" + config.string()}};
  auto url = "https://" + srv.address + "/api/v2/status";
  auto anonymous = curl(dir.path, {"--cacert", certs.ca()}, url);
  BOOST_TEST(anonymous.status == 0u, anonymous.output);
  // mtls alone takes any certificate the CA signed, whatever its CN.
  auto signed_one =
    curl(dir.path, {"--cacert", certs.ca(), "--cert", certs.cert("client"), "--key", certs.key("client")}, url);
  BOOST_TEST(signed_one.status == 200u, signed_one.output);
}

BOOST_AUTO_TEST_CASE(cdc_cli_speaks_https_with_a_client_certificate) {
  temp_dir dir{"tls-cli"};
  test_certificates certs{dir.path / "certs"};
  certs.make_client("client", "cdc-client");
  started_server srv{dir, {"--ca=" + certs.ca(), "--cert=" + certs.server_cert(), "--key=" + certs.server_key(),
                           "--cert-allowed-cn=cdc-client"}};
  auto server = "--server=https://" + srv.address;
  auto [status, out] = run_command(cdc_binary(), {"cli", "capture", "list", server, "--ca=" + certs.ca(),
                                                  "--cert=" + certs.cert("client"), "--key=" + certs.key("client")});
  BOOST_TEST(status == 0, out);
  BOOST_TEST(has(out, "\"is-owner\": true"), out);
  // Without the client certificate the server refuses it.
  auto [refused, why] = run_command(cdc_binary(), {"cli", "capture", "list", server, "--ca=" + certs.ca()});
  BOOST_TEST(refused == 1, why);
  BOOST_TEST(has(why, "Error: "), why);
}

BOOST_AUTO_TEST_CASE(client_user_required_asks_writes_for_credentials_the_upstream_accepts) {
  temp_dir dir{"auth"};
  auto upstream = dir.path / "upstream.json";
  std::ofstream(upstream) << R"({"schemas": [{"name": "test", "tables": [{"name": "t"}]}],
    "users": [{"name": "root", "password": ""}, {"name": "ops", "password": "ops-pw"}, {"name": "bob", "password": "b"}]})";
  auto config = dir.path / "cdc.toml";
  std::ofstream(config) << "[security]\nclient-user-required = true\nclient-allowed-user = [\"root\", \"ops\"]\n";
  started_server srv{dir, {"--config=" + config.string(), "--upstream-config=" + upstream.string()}};
  auto url = "http://" + srv.address + "/api/v2/changefeeds";
  std::vector<std::string> post{"-X", "POST", "-H", "Content-Type: application/json", "-d", feed_body};
  auto with = [&](std::vector<std::string> extra) {
    auto args = post;
    args.insert(args.end(), extra.begin(), extra.end());
    return curl(dir.path, args, url);
  };

  auto none = with({});
  BOOST_TEST(none.status == 401u, none.output);
  BOOST_TEST(error_code(none.body) == "CDC:ErrCredentialNotFound", none.body);
  BOOST_TEST(has(none.body, "[CDC:ErrCredentialNotFound]credential not found: please specify the user and password "
                            "via authorization header"),
             none.body);

  auto wrong = with({"-u", "root:nope"});
  BOOST_TEST(wrong.status == 401u, wrong.output);
  BOOST_TEST(error_code(wrong.body) == "CDC:ErrUnauthorized", wrong.body);
  BOOST_TEST(has(wrong.body, "[CDC:ErrUnauthorized]user root unauthorized, error: "), wrong.body);
  BOOST_TEST(!has(wrong.body, "nope"), wrong.body);

  // bob may log in to the upstream, but is not on client-allowed-user.
  auto bob = with({"-u", "bob:b"});
  BOOST_TEST(bob.status == 401u, bob.output);
  BOOST_TEST(has(bob.body, "user bob unauthorized, error: The user is not allowed."), bob.body);

  auto root = with({"-u", "root:"});
  BOOST_TEST(root.status == 200u, root.output + root.body);
  BOOST_TEST(boost::json::parse(root.body).at("id").as_string() == "guarded", root.body);

  // Reads stay open; the other writes are guarded the same way.
  BOOST_TEST(curl(dir.path, {}, url).status == 200u);
  auto pause_url = url + "/guarded/pause";
  BOOST_TEST(curl(dir.path, {"-X", "POST"}, pause_url).status == 401u);
  BOOST_TEST(curl(dir.path, {"-X", "POST", "-u", "ops:ops-pw"}, pause_url).status == 200u);
  BOOST_TEST(curl(dir.path, {"-X", "POST"}, "http://" + srv.address + "/api/v1/changefeeds/guarded/resume").status
             == 401u);

  // The cli passes --user and --password as Basic credentials.
  auto server = "--server=http://" + srv.address;
  auto [refused, why] = run_command(cdc_binary(), {"cli", "changefeed", "resume", "-c", "guarded", "--no-confirm", server});
  BOOST_TEST(refused == 1, why);
  BOOST_TEST(has(why, "CDC:ErrCredentialNotFound"), why);
  auto [resumed, out] = run_command(cdc_binary(), {"cli", "changefeed", "resume", "-c", "guarded", "--no-confirm", server,
                                                   "--user=ops", "--password=ops-pw"});
  BOOST_TEST(resumed == 0, out);
}

BOOST_AUTO_TEST_CASE(bad_security_options_stop_the_server_with_a_message) {
  temp_dir dir{"tls-bad"};
  auto missing = dir.path / "missing.pem";
  auto [status, out] = run_command(cdc_binary(), {"server", "--addr=127.0.0.1:0", "--data-dir=" + (dir.path / "d").string(),
                                                  "--ca=" + missing.string(), "--cert=" + missing.string(),
                                                  "--key=" + missing.string()});
  BOOST_TEST(status == 1, out);
  BOOST_TEST(has(out, missing.string()), out);
  auto config = dir.path / "cdc.toml";
  std::ofstream(config) << "[security]\nclient-user-required = true\n";
  auto [status2, out2] = run_command(cdc_binary(), {"server", "--addr=127.0.0.1:0", "--config=" + config.string(),
                                                    "--data-dir=" + (dir.path / "d").string()});
  BOOST_TEST(status2 == 1, out2);
  BOOST_TEST(has(out2, "client-allowed-user should not be empty"), out2);
}

BOOST_AUTO_TEST_SUITE_END()
