// bugforge dataset — the SQLite store of samples (one part of a sharded run, or a merged dataset).
//
// Algorithm: one database file in WAL mode with two tables: `samples` (one row per sample, JSON
// columns for symptom, tools, timings and golden seeds) and `meta` (key/value settings of the run
// that made it). Every insert is its own transaction (INSERT OR IGNORE on the id), so a process
// killed at any moment leaves only whole samples behind and a rerun can skip the ids it finds.
// Writes are serialised by a mutex so worker threads can share one Store.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "bugforge/dataset/sample.h"

struct sqlite3;

namespace bf::dataset {

class Store {
 public:
  // Opens (creating when `create`) the database at `path`. Throws bf::Error BF-DS-001 when it
  // cannot be opened or is not a bugforge dataset.
  static Store open(const std::string& path, bool create);
  Store(Store&&) noexcept;
  Store& operator=(Store&&) = delete;
  Store(const Store&) = delete;
  ~Store();

  const std::string& path() const { return path_; }

  void set_meta(const std::string& key, const std::string& value);
  std::optional<std::string> meta(const std::string& key) const;
  std::map<std::string, std::string> all_meta() const;

  // Inserts one sample in its own transaction; false when its id is already stored.
  bool insert(const Sample& s);
  // Inserts many in one transaction (merge); returns how many were new.
  std::size_t insert_all(const std::vector<Sample>& samples);

  std::set<std::string> ids() const;
  std::size_t count() const;
  std::vector<Sample> samples() const;  // ordered by id
  // The sample whose id starts with `prefix`; throws BF-DS-002 when none or several match.
  Sample find(const std::string& prefix) const;

 private:
  Store(sqlite3* db, std::string path);
  void exec(const std::string& sql) const;
  std::vector<Sample> query(const std::string& where, const std::string& arg) const;

  sqlite3* db_ = nullptr;
  std::string path_;
  std::unique_ptr<std::mutex> mu_;
};

}  // namespace bf::dataset
