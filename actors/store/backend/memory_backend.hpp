// The meta store in memory: for actor and HTTP tests, where durability is not
// the point. Counts its transactions so tests can see group commits.
#pragma once

#include <map>

#include "actors/store/backend/meta_backend.hpp"

namespace cdc::store {

class memory_backend : public meta_backend {
public:
  model::result<meta_snapshot> list() override;
  model::result<std::optional<meta_record>> get(const model::changefeed_key& key) override;
  model::result<std::uint64_t> apply(std::span<const meta_op> ops) override;
  std::string describe() const override { return "memory"; }
  bool exclusive() const noexcept override { return true; }

  /// Transactions applied so far, and the ops in the last one.
  std::size_t commits() const noexcept { return commits_; }
  const std::vector<meta_op>& last_commit() const noexcept { return last_; }

private:
  std::map<model::changefeed_key, meta_record> records_;
  std::uint64_t revision_ = 0;
  std::size_t commits_ = 0;
  std::vector<meta_op> last_;
};

} // namespace cdc::store
