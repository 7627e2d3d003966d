// Field encryption for sensitive values at rest: second-factor secrets, the bodies of e-mails that
// carry a link's secret, and later identity codes and health notes. A copy of the database (or a
// backup) without the key file holds none of them in clear.
//
// XSalsa20-Poly1305 (libsodium crypto_secretbox) with a random nonce per value. A sealed value is
// text: "enc1:<key id>:<base64 of nonce and box>", so it fits any TEXT column on both backends.
// The key file holds one key a line, "<id> <base64 of 32 bytes>"; the first line seals, every
// line opens (so a rotation can re-seal while old values are still readable).
#pragma once

#include <array>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.hpp"
#include "storage/database.hpp"

namespace allmende::storage {

class FieldCipher {
 public:
  // Reads the key file; creates it with one new key (mode 0600) when it does not exist. Two
  // processes starting at once on one data folder end up with the same key.
  static Result<FieldCipher> LoadOrCreate(const std::string& path);
  // Writes a new key in front of the file's keys (the old ones stay, to open older values) and
  // returns its id. The file is replaced atomically and durably; concurrent rotations take turns.
  static Result<std::string> AddKey(const std::string& path);
  // An in-memory key, for tests.
  static FieldCipher Ephemeral();

  std::string Seal(std::string_view plaintext) const;
  // The plain text of a sealed value. A value without the "enc1:" prefix was stored before
  // encryption (or by a test) and is returned as it is. A value sealed with a key this cipher
  // does not know makes it read its key file again once (a rotation by another process).
  // InvalidArgument for a key still unknown, or a value that was altered.
  Result<std::string> Open(std::string_view stored) const;
  // A keyed digest (BLAKE2b, hex) of `text`: what may be kept of a request body (a password in it
  // included) without letting a copy of the database test guesses against it. Keyed with the
  // file's oldest key, so that it stays the same across rotations.
  std::string KeyedDigest(std::string_view text) const;
  // Whether `stored` is sealed with the key that seals now.
  bool SealedWithCurrentKey(std::string_view stored) const;

 private:
  struct Key {
    std::string id;
    std::array<unsigned char, 32> bytes;
  };
  struct State {
    std::mutex mu;
    std::vector<Key> keys;  // keys[0] seals
    std::string path;       // empty: in memory only
  };
  static Result<std::vector<Key>> ReadKeys(const std::string& path);
  explicit FieldCipher(std::vector<Key> keys, std::string path);
  std::shared_ptr<State> state_;
};

// A column that holds sealed values, and the key column of its table.
struct SealedColumn {
  std::string_view table;
  std::string_view id_column;
  std::string_view column;
};
// Every sealed column of the schema: what `allmende rotate-key` re-seals.
const std::vector<SealedColumn>& SealedColumns();

// Re-seals, with the cipher's current key, every value of `column` that is not sealed with it yet
// (clear text from before encryption included). Returns how many values changed.
Result<std::int64_t> Reseal(Database& db, const FieldCipher& cipher, const SealedColumn& column);

// Standard base64 (with padding), as sealed values and stored files are kept in text columns.
std::string EncodeBase64(std::string_view bytes);
// nullopt for text that is not standard base64.
std::optional<std::string> DecodeBase64(std::string_view text);

}  // namespace allmende::storage
