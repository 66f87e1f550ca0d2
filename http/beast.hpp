// Namespace aliases for Beast and Asio, declared once.
#pragma once

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

namespace cdc::http {

namespace beast = boost::beast;
namespace net = boost::asio;
namespace bhttp = boost::beast::http;
using tcp = boost::asio::ip::tcp;

} // namespace cdc::http
