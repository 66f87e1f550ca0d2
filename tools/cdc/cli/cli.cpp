// `cdc cli`'s verbs and flags; see cli.hpp and verbs.hpp.
#include "tools/cdc/cli/cli.hpp"

#include <cstdio>
#include <iostream>

#include <CLI/CLI.hpp>

#include "tools/cdc/cli/session.hpp"
#include "tools/cdc/cli/verbs.hpp"

namespace cdc::cli {

namespace {

/// Cobra's words for an argument no verb takes: "unknown flag: --x" or
/// "unknown command "x" for "cdc cli ..."", rather than CLI11's.
std::string cobra_message(const CLI::ParseError& e, const CLI::App& app) {
  std::string msg = e.what();
  for (std::string_view prefix : {"The following argument was not expected: ",
                                  "The following arguments were not expected: "}) {
    if (!msg.starts_with(prefix))
      continue;
    std::string arg = msg.substr(prefix.size());
    arg = arg.substr(0, arg.find(' '));
    if (arg.starts_with('-'))
      return "unknown flag: " + arg.substr(0, arg.find('='));
    std::string path = "cdc cli";
    for (const CLI::App* sub = &app; !sub->get_subcommands().empty();) {
      sub = sub->get_subcommands().front();
      path += " " + sub->get_name();
    }
    return "unknown command \"" + arg + "\" for \"" + path + "\"";
  }
  return msg;
}

} // namespace

int run(const std::vector<std::string>& args) {
  global_flags g;
  CLI::App app{"Manage replication task and TiCDC cluster", "cdc cli"};
  // Global flags may follow the verb, as cobra's persistent flags do.
  app.fallthrough();
  app.add_option("--server", g.server, "CDC server address (default http://127.0.0.1:8300)");
  app.add_option("--pd", g.pd, "PD address (not supported: use --server)");
  app.add_option("--log-level", g.log_level, "log level (etc: debug|info|warn|error)");
  app.add_option("--ca", g.security.ca_path, "CA certificate path for TLS connection");
  app.add_option("--cert", g.security.cert_path, "Certificate path for TLS connection");
  app.add_option("--key", g.security.key_path, "Private key path for TLS connection");
  app.add_option("--user", g.security.user, "User name for authentication");
  app.add_option("--password", g.security.password, "Password for authentication");
  help_when_no_verb(app);

  add_capture_verbs(app, g);
  auto* changefeed = app.add_subcommand("changefeed", "Manage changefeed (changefeed is a replication task)");
  help_when_no_verb(*changefeed);
  add_changefeed_create(*changefeed, g);
  add_changefeed_update(*changefeed, g);
  add_changefeed_list(*changefeed, g);
  add_changefeed_query(*changefeed, g);
  add_changefeed_pause(*changefeed, g);
  add_changefeed_resume(*changefeed, g);
  add_changefeed_remove(*changefeed, g);
  add_processor_verbs(app, g);
  add_tso_verbs(app, g);
  add_unsafe_verbs(app, g);

  std::vector<std::string> argv_text{"cdc cli"};
  argv_text.insert(argv_text.end(), args.begin(), args.end());
  std::vector<const char*> argv;
  for (const auto& a : argv_text)
    argv.push_back(a.c_str());
  try {
    app.parse(static_cast<int>(argv.size()), argv.data());
    return 0;
  } catch (const CLI::CallForHelp&) {
    std::cout << app.help();
    return 0;
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == 0)
      return app.exit(e);
    std::fprintf(stderr, "Error: %s\n", cobra_message(e, app).c_str());
    return 1;
  } catch (const cli_aborted&) {
    return 0;
  } catch (const std::exception& e) {
    std::fflush(stdout);
    std::fprintf(stderr, "Error: %s\n", e.what());
    return 1;
  }
}

} // namespace cdc::cli
