// bugforge dataset — the SQLite store (see store.h). Columns mirror Sample one to one; JSON
// fields are stored as text so `sqlite3 part.db 'select ...'` stays readable.
#include "bugforge/dataset/store.h"

#include <sqlite3.h>

#include <fmt/format.h>

#include "bugforge/core/diagnostic.h"

namespace bf::dataset {

namespace {

constexpr const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS samples (
  id TEXT PRIMARY KEY, design TEXT NOT NULL, family TEXT NOT NULL, language TEXT NOT NULL,
  top TEXT NOT NULL, description TEXT NOT NULL, bug_class TEXT NOT NULL, file TEXT NOT NULL,
  offset INTEGER NOT NULL, line INTEGER NOT NULL, original TEXT NOT NULL, replacement TEXT NOT NULL,
  diff TEXT NOT NULL, source TEXT NOT NULL, fixed_source TEXT NOT NULL, label TEXT NOT NULL,
  detected_by TEXT NOT NULL, evidence TEXT NOT NULL, symptom TEXT NOT NULL, golden_seeds TEXT NOT NULL,
  tools TEXT NOT NULL, timings TEXT NOT NULL, content_hash TEXT NOT NULL, split TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS samples_content ON samples(content_hash);
)sql";

constexpr const char* kColumns =
    "id, design, family, language, top, description, bug_class, file, offset, line, original, replacement, "
    "diff, source, fixed_source, label, detected_by, evidence, symptom, golden_seeds, tools, timings, "
    "content_hash, split";

[[noreturn]] void fail(sqlite3* db, const std::string& what) {
  throw Error("BF-DS-001", fmt::format("{}: {}", what, db ? sqlite3_errmsg(db) : "out of memory"));
}

// A prepared statement that finalises itself.
class Stmt {
 public:
  Stmt(sqlite3* db, const std::string& sql) : db_(db) {
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &st_, nullptr) != SQLITE_OK) fail(db, "prepare");
  }
  ~Stmt() { sqlite3_finalize(st_); }
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;
  void text(int i, const std::string& v) {
    sqlite3_bind_text(st_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
  }
  void integer(int i, std::int64_t v) { sqlite3_bind_int64(st_, i, v); }
  bool step() {
    const int rc = sqlite3_step(st_);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) fail(db_, "step");
    return rc == SQLITE_ROW;
  }
  std::string col(int i) const {
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(st_, i));
    return p ? std::string(p, static_cast<std::size_t>(sqlite3_column_bytes(st_, i))) : std::string();
  }
  std::int64_t col_int(int i) const { return sqlite3_column_int64(st_, i); }
  void reset() {
    sqlite3_reset(st_);
    sqlite3_clear_bindings(st_);
  }

 private:
  sqlite3* db_;
  sqlite3_stmt* st_ = nullptr;
};

void bind(Stmt& st, const Sample& s) {
  int i = 0;
  for (const std::string* v :
       {&s.id, &s.design, &s.family, &s.language, &s.top, &s.description, &s.bug_class, &s.file})
    st.text(++i, *v);
  st.integer(++i, static_cast<std::int64_t>(s.offset));
  st.integer(++i, s.line);
  for (const std::string* v : {&s.original, &s.replacement, &s.diff, &s.source, &s.fixed_source})
    st.text(++i, *v);
  st.text(++i, label_name(s.label));
  st.text(++i, detector_name(s.detected_by));
  st.text(++i, evidence_name(s.evidence));
  st.text(++i, s.symptom.dump());
  st.text(++i, nlohmann::json(s.golden_seeds).dump());
  st.text(++i, s.tools.dump());
  st.text(++i, s.timings.dump());
  st.text(++i, s.content_hash);
  st.text(++i, s.split);
}

// A stored name read back as its enum; a name this bugforge does not know is a store error.
template <typename Parse>
auto column_as(Parse parse, const std::string& text, const char* column) {
  const auto v = parse(text);
  if (!v) throw Error("BF-DS-001", fmt::format("unknown {} '{}' in the dataset", column, text));
  return *v;
}

Sample row(const Stmt& st) {
  Sample s;
  int i = 0;
  for (std::string* v :
       {&s.id, &s.design, &s.family, &s.language, &s.top, &s.description, &s.bug_class, &s.file})
    *v = st.col(i++);
  s.offset = static_cast<std::size_t>(st.col_int(i++));
  s.line = static_cast<int>(st.col_int(i++));
  for (std::string* v : {&s.original, &s.replacement, &s.diff, &s.source, &s.fixed_source}) *v = st.col(i++);
  s.label = parse_label(st.col(i++)).value_or(Label::Unknown);
  s.detected_by = column_as(parse_detector, st.col(i++), "detected_by");
  s.evidence = column_as(parse_evidence, st.col(i++), "evidence");
  s.symptom = nlohmann::json::parse(st.col(i++));
  s.golden_seeds = nlohmann::json::parse(st.col(i++)).get<std::vector<std::uint64_t>>();
  s.tools = nlohmann::json::parse(st.col(i++));
  s.timings = nlohmann::json::parse(st.col(i++));
  s.content_hash = st.col(i++);
  s.split = st.col(i++);
  return s;
}

}  // namespace

Store Store::open(const std::string& path, bool create) {
  sqlite3* db = nullptr;
  const int flags = SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0) | SQLITE_OPEN_FULLMUTEX;
  if (sqlite3_open_v2(path.c_str(), &db, flags, nullptr) != SQLITE_OK) {
    const std::string msg = db ? sqlite3_errmsg(db) : "out of memory";
    sqlite3_close(db);
    throw Error("BF-DS-001", fmt::format("cannot open dataset '{}': {}", path, msg));
  }
  sqlite3_busy_timeout(db, 10000);
  Store s(db, path);
  try {
    s.exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;");
    s.exec(kSchema);
  } catch (const Error& e) {
    throw Error("BF-DS-001", fmt::format("'{}' is not a bugforge dataset: {}", path, e.diagnostic().message));
  }
  return s;
}

Store::Store(sqlite3* db, std::string path)
    : db_(db), path_(std::move(path)), mu_(std::make_unique<std::mutex>()) {}

Store::Store(Store&& o) noexcept : db_(o.db_), path_(std::move(o.path_)), mu_(std::move(o.mu_)) {
  o.db_ = nullptr;
}

Store::~Store() {
  sqlite3_close(db_);
}

void Store::exec(const std::string& sql) const {
  char* err = nullptr;
  if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
    const std::string msg = err ? err : "unknown error";
    sqlite3_free(err);
    throw Error("BF-DS-001", fmt::format("{}: {}", path_, msg));
  }
}

void Store::set_meta(const std::string& key, const std::string& value) {
  const std::lock_guard lock(*mu_);
  Stmt st(db_, "INSERT OR REPLACE INTO meta(key, value) VALUES(?, ?)");
  st.text(1, key);
  st.text(2, value);
  st.step();
}

std::optional<std::string> Store::meta(const std::string& key) const {
  const std::lock_guard lock(*mu_);
  Stmt st(db_, "SELECT value FROM meta WHERE key = ?");
  st.text(1, key);
  if (!st.step()) return std::nullopt;
  return st.col(0);
}

std::map<std::string, std::string> Store::all_meta() const {
  const std::lock_guard lock(*mu_);
  Stmt st(db_, "SELECT key, value FROM meta ORDER BY key");
  std::map<std::string, std::string> out;
  while (st.step()) out[st.col(0)] = st.col(1);
  return out;
}

bool Store::insert(const Sample& s) {
  const std::lock_guard lock(*mu_);
  Stmt st(db_, fmt::format("INSERT OR IGNORE INTO samples({}) VALUES({})", kColumns,
                           "?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?"));
  bind(st, s);
  st.step();
  return sqlite3_changes(db_) == 1;
}

std::size_t Store::insert_all(const std::vector<Sample>& samples) {
  const std::lock_guard lock(*mu_);
  exec("BEGIN");
  std::size_t added = 0;
  try {
    Stmt st(db_, fmt::format("INSERT OR IGNORE INTO samples({}) VALUES({})", kColumns,
                             "?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?"));
    for (const auto& s : samples) {
      bind(st, s);
      st.step();
      added += static_cast<std::size_t>(sqlite3_changes(db_));
      st.reset();
    }
    exec("COMMIT");
  } catch (...) {
    exec("ROLLBACK");
    throw;
  }
  return added;
}

std::set<std::string> Store::ids() const {
  const std::lock_guard lock(*mu_);
  Stmt st(db_, "SELECT id FROM samples");
  std::set<std::string> out;
  while (st.step()) out.insert(st.col(0));
  return out;
}

std::size_t Store::count() const {
  const std::lock_guard lock(*mu_);
  Stmt st(db_, "SELECT count(*) FROM samples");
  st.step();
  return static_cast<std::size_t>(st.col_int(0));
}

std::vector<Sample> Store::query(const std::string& where, const std::string& arg) const {
  const std::lock_guard lock(*mu_);
  Stmt st(db_, fmt::format("SELECT {} FROM samples {} ORDER BY id", kColumns, where));
  if (!arg.empty()) st.text(1, arg);
  std::vector<Sample> out;
  while (st.step()) out.push_back(row(st));
  return out;
}

std::vector<Sample> Store::samples() const {
  return query("", "");
}

Sample Store::find(const std::string& prefix) const {
  if (prefix.empty() || prefix.find_first_not_of("0123456789abcdef") != std::string::npos)
    throw Error("BF-DS-002", fmt::format("'{}' is not a sample id (hex digits)", prefix));
  auto found = query("WHERE id >= ?1 AND substr(id, 1, length(?1)) = ?1", prefix);
  if (found.size() != 1)
    throw Error("BF-DS-002",
                fmt::format("{} samples in '{}' have an id starting with '{}'", found.size(), path_, prefix));
  return std::move(found.front());
}

}  // namespace bf::dataset
