#include "identity/password.hpp"

#include <sodium.h>

#include <algorithm>
#include <cctype>
#include <condition_variable>
#include <mutex>
#include <sstream>
#include <thread>
#include <unordered_set>

namespace allmende {
std::string_view CommonPasswordsText();  // src/identity/common_passwords.txt, compiled in
}

namespace allmende::identity {
namespace {

// libsodium's INTERACTIVE limits (2 passes, 64 MiB): about 0.1 s here, within what a log-in may
// take, and the cost OWASP lists as the Argon2id minimum is below it (19 MiB, 2 passes).
constexpr unsigned long long kOps = crypto_pwhash_OPSLIMIT_INTERACTIVE;
constexpr std::size_t kMem = crypto_pwhash_MEMLIMIT_INTERACTIVE;

const std::unordered_set<std::string>& CommonPasswords() {
  static const std::unordered_set<std::string> words = [] {
    std::unordered_set<std::string> out;
    std::istringstream in{std::string(CommonPasswordsText())};
    for (std::string line; std::getline(in, line);) {
      if (!line.empty() && !line.starts_with("#!")) out.insert(line);
    }
    return out;
  }();
  return words;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::size_t CodePoints(std::string_view s) {
  return static_cast<std::size_t>(std::count_if(s.begin(), s.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

bool IsDigitOrSymbol(char c) {
  auto u = static_cast<unsigned char>(c);
  return u < 0x80 && !std::isalpha(u);
}

}  // namespace

std::vector<std::string> PasswordProblems(std::string_view password, std::string_view email, std::string_view name) {
  std::vector<std::string> problems;
  std::size_t length = CodePoints(password);
  if (length < 12) problems.push_back("must be at least 12 characters");
  if (length > 256) problems.push_back("must be at most 256 characters");
  std::string lower = Lower(password);
  std::size_t first = 0, last = lower.size();
  while (first < last && IsDigitOrSymbol(lower[first])) ++first;
  while (last > first && IsDigitOrSymbol(lower[last - 1])) --last;
  std::string core = lower.substr(first, last - first);
  // The core is common and the rest is short padding: "password1234", "Qwerty!!2024".
  bool common = CommonPasswords().count(lower) > 0 ||
                (!core.empty() && CommonPasswords().count(core) > 0 && lower.size() - core.size() <= 8);
  if (common) problems.push_back("is too common; choose a phrase of several unrelated words");
  if (!lower.empty() && std::all_of(lower.begin(), lower.end(), [&](char c) { return c == lower[0]; })) {
    problems.push_back("must not repeat one character");
  }
  std::string mail = Lower(email);
  std::string local = mail.substr(0, mail.find('@'));
  std::string person = Lower(name);
  std::erase(person, ' ');
  if ((!mail.empty() && (lower == mail || core == local)) || (!person.empty() && core == person)) {
    problems.push_back("must not be your e-mail address or name");
  }
  return problems;
}

namespace {

// Each Argon2 computation takes kMem (64 MiB) and a core for a tenth of a second: at most one per
// core runs at a time, so a burst of log-ins or reset confirmations from anywhere queues here
// instead of taking the machine's memory (the write pool has dozens of threads).
class HashSlots {
 public:
  HashSlots() : free_(static_cast<int>(std::max(1u, std::thread::hardware_concurrency()))) {}
  void Acquire() {
    std::unique_lock lock(mu_);
    cv_.wait(lock, [this] { return free_ > 0; });
    --free_;
  }
  void Release() {
    std::lock_guard lock(mu_);
    ++free_;
    cv_.notify_one();
  }

 private:
  std::mutex mu_;
  std::condition_variable cv_;
  int free_;
};

HashSlots& Slots() {
  static HashSlots slots;
  return slots;
}

struct Slot {
  Slot() { Slots().Acquire(); }
  ~Slot() { Slots().Release(); }
  Slot(const Slot&) = delete;
  Slot& operator=(const Slot&) = delete;
};

}  // namespace

Result<std::string> HashPassword(std::string_view password) {
  Slot slot;
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(out, password.data(), password.size(), kOps, kMem, crypto_pwhash_ALG_ARGON2ID13) != 0) {
    return Error::Internal("password hashing ran out of memory");
  }
  return std::string(out);
}

bool VerifyPassword(std::string_view password, const std::string& hash) {
  Slot slot;
  return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

void VerifyDummyPassword(std::string_view password) {
  static const std::string dummy = [] {
    auto h = HashPassword("allmende-timing-equaliser");
    return h.ok() ? *h : std::string();
  }();
  (void)VerifyPassword(password, dummy);
}

}  // namespace allmende::identity
