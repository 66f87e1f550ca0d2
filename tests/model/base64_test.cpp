// Standard base64, as etcd's JSON gateway carries keys and values.
#include <boost/test/unit_test.hpp>

#include "model/codec/base64.hpp"

using namespace cdc::model;

BOOST_AUTO_TEST_SUITE(base64)

BOOST_AUTO_TEST_CASE(rfc_4648_test_vectors) {
  std::pair<const char*, const char*> vectors[] = {{"", ""},
                                                   {"f", "Zg=="},
                                                   {"fo", "Zm8="},
                                                   {"foo", "Zm9v"},
                                                   {"foob", "Zm9vYg=="},
                                                   {"fooba", "Zm9vYmE="},
                                                   {"foobar", "Zm9vYmFy"}};
  for (auto [plain, coded] : vectors) {
    BOOST_TEST(base64_encode(plain) == coded);
    BOOST_TEST(base64_decode(coded).value_or("?") == plain);
  }
}

BOOST_AUTO_TEST_CASE(every_byte_value_round_trips) {
  std::string bytes;
  for (int i = 0; i < 256; ++i)
    bytes.push_back(static_cast<char>(i));
  // What etcd answered for "/a": the gateway's alphabet is the standard one.
  BOOST_TEST(base64_encode("/a") == "L2E=");
  BOOST_TEST(base64_decode(base64_encode(bytes)).value_or("") == bytes);
}

BOOST_AUTO_TEST_CASE(text_that_is_not_base64_is_refused) {
  for (auto bad : {"Zg=", "Zg", "Z===", "Zg=a", "Zm9v!A==", "Zg==Zg==", "-_8="})
    BOOST_TEST(!base64_decode(bad).has_value(), bad);
}

BOOST_AUTO_TEST_SUITE_END()
