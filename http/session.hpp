// One HTTP connection: read a request, route it, wait (without blocking) for
// its reply, write it, repeat while keep-alive. Runs on its own strand.
#pragma once

#include <memory>
#include <optional>

#include "http/beast.hpp"
#include "http/server_context.hpp"

namespace cdc::http {

class session : public std::enable_shared_from_this<session> {
public:
  session(tcp::socket&& socket, std::shared_ptr<server_context> ctx, std::size_t bridge_index);

  void run();

private:
  void do_read();
  void on_read(beast::error_code ec, std::size_t bytes);
  void dispatch(bhttp::request<bhttp::string_body>&& req);
  /// Runs on the strand once the reply for the current request arrived.
  void on_reply(unsigned status, std::string body);
  void on_write(beast::error_code ec, std::size_t bytes);
  void do_close();
  void do_drain();

  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  std::optional<bhttp::request_parser<bhttp::string_body>> parser_;
  bhttp::response<bhttp::string_body> res_;
  std::shared_ptr<server_context> ctx_;
  std::size_t bridge_index_;
  unsigned version_ = 11;
  bool keep_alive_ = true;
};

} // namespace cdc::http
