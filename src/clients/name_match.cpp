#include "clients/name_match.hpp"

#include <algorithm>
#include <array>
#include <cstdlib>
#include <tuple>

#include "search/text_folding.hpp"

namespace allmende::clients {
namespace {

constexpr std::size_t kMaxWords = 8;
constexpr std::size_t kMaxLetters = 40;
constexpr std::size_t kDeletionsFrom = 4;

// The code points of valid UTF-8 (what the folding gives), as the byte ranges they occupy.
std::vector<std::string_view> Letters(std::string_view s) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < s.size()) {
    auto b = static_cast<unsigned char>(s[i]);
    std::size_t n = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
    n = std::min(n, s.size() - i);
    out.push_back(s.substr(i, n));
    i += n;
  }
  return out;
}

std::vector<std::string> Deletions(std::string_view token) {
  std::vector<std::string> out;
  auto letters = Letters(token);
  if (letters.size() < kDeletionsFrom) return out;
  for (std::size_t skip = 0; skip < letters.size(); ++skip) {
    std::string key;
    for (std::size_t i = 0; i < letters.size(); ++i) {
      if (i != skip) key += letters[i];
    }
    out.push_back(std::move(key));
  }
  return out;
}

}  // namespace

std::vector<std::string> NameTokens(std::string_view name) {
  std::vector<std::string> out;
  auto add = [&](std::string folded) {
    if (!folded.empty() && out.size() < kMaxWords && std::find(out.begin(), out.end(), folded) == out.end()) {
      out.push_back(std::move(folded));
    }
  };
  for (const auto& word : search::SplitWords(name, kMaxWords, kMaxLetters)) {
    // "Anna-Liisa" is found as "anna", "liisa" and "annaliisa": each part, and the whole.
    for (const auto& part : word.parts) add(search::FoldWord(part));
    add(search::FoldWord(word.text));
  }
  return out;
}

std::vector<NameKey> NameKeys(std::string_view name) {
  std::vector<NameKey> keys;
  for (const auto& token : NameTokens(name)) {
    keys.push_back({token, token, true});
    for (auto& d : Deletions(token)) keys.push_back({std::move(d), token, false});
  }
  std::sort(keys.begin(), keys.end(), [](const NameKey& a, const NameKey& b) {
    const bool a_deleted = !a.whole, b_deleted = !b.whole;
    return std::tie(a.key, a.token, a_deleted) < std::tie(b.key, b.token, b_deleted);
  });
  // The same key from the same word once, the whole form winning ("anna" has no deletion "anna").
  keys.erase(std::unique(keys.begin(), keys.end(),
                         [](const NameKey& a, const NameKey& b) { return a.key == b.key && a.token == b.token; }),
             keys.end());
  return keys;
}

std::vector<std::string> QueryKeys(std::string_view token) {
  std::vector<std::string> keys{std::string(token)};
  for (auto& d : Deletions(token)) keys.push_back(std::move(d));
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  return keys;
}

int EditDistance(std::string_view a_text, std::string_view b_text, int max) {
  auto a = Letters(a_text);
  auto b = Letters(b_text);
  const int n = static_cast<int>(a.size()), m = static_cast<int>(b.size());
  if (std::abs(n - m) > max) return max + 1;
  // Three rows of the optimal-string-alignment table.
  std::vector<int> before(static_cast<std::size_t>(m + 1)), previous(before.size()), row(before.size());
  for (int j = 0; j <= m; ++j) previous[static_cast<std::size_t>(j)] = j;
  for (int i = 1; i <= n; ++i) {
    row[0] = i;
    int best = row[0];
    for (int j = 1; j <= m; ++j) {
      const auto uj = static_cast<std::size_t>(j);
      int cost = a[static_cast<std::size_t>(i - 1)] == b[uj - 1] ? 0 : 1;
      int v = std::min({previous[uj] + 1, row[uj - 1] + 1, previous[uj - 1] + cost});
      if (i > 1 && j > 1 && a[static_cast<std::size_t>(i - 1)] == b[uj - 2] &&
          a[static_cast<std::size_t>(i - 2)] == b[uj - 1]) {
        v = std::min(v, before[uj - 2] + 1);
      }
      row[uj] = v;
      best = std::min(best, v);
    }
    if (best > max) return max + 1;
    std::swap(before, previous);
    std::swap(previous, row);
  }
  return std::min(previous[static_cast<std::size_t>(m)], max + 1);
}

double WordMatchScore(std::string_view query, std::string_view word) {
  if (word == query) return 1.0;
  const std::size_t q_letters = Letters(query).size();
  if (q_letters >= 2 && word.size() > query.size() && word.compare(0, query.size(), query) == 0) return 0.8;
  if (q_letters >= 3) {
    const int d = EditDistance(query, word, 2);
    if (d == 1) return 0.7;
    if (d == 2 && q_letters >= 6) return 0.5;
  }
  return 0.0;
}

std::optional<double> BestAssignment(const double* score, std::size_t queries, std::size_t names) {
  if (queries == 0 || queries > names || names > kMaxWords) return std::nullopt;
  // A dynamic programme over the set of name words used so far: 2^8 × 8 steps at most.
  std::array<double, std::size_t{1} << kMaxWords> best, next;  // only the first 2^names are used
  const std::size_t sets = std::size_t{1} << names;
  std::fill(best.begin(), best.begin() + static_cast<std::ptrdiff_t>(sets), -1.0);
  best[0] = 0.0;
  for (std::size_t q = 0; q < queries; ++q) {
    std::fill(next.begin(), next.begin() + static_cast<std::ptrdiff_t>(sets), -1.0);
    bool any = false;
    for (std::size_t used = 0; used < sets; ++used) {
      if (best[used] < 0.0) continue;
      for (std::size_t w = 0; w < names; ++w) {
        const double s = score[q * names + w];
        if ((used >> w) & 1U || s == 0.0) continue;
        const std::size_t with = used | (std::size_t{1} << w);
        next[with] = std::max(next[with], best[used] + s);
        any = true;
      }
    }
    if (!any) return std::nullopt;
    std::swap(best, next);
  }
  const double top = *std::max_element(best.begin(), best.begin() + static_cast<std::ptrdiff_t>(sets));
  if (top < 0.0) return std::nullopt;
  return top / static_cast<double>(queries);
}

std::optional<double> NameMatchScore(const std::vector<std::string>& query, const std::vector<std::string>& name) {
  if (query.empty() || query.size() > name.size() || name.size() > kMaxWords) return std::nullopt;
  std::array<double, kMaxWords * kMaxWords> score{};
  for (std::size_t q = 0; q < query.size(); ++q) {
    for (std::size_t w = 0; w < name.size(); ++w) score[q * name.size() + w] = WordMatchScore(query[q], name[w]);
  }
  return BestAssignment(score.data(), query.size(), name.size());
}

}  // namespace allmende::clients
