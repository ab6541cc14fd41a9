// Tests for HLS mutant schemata (make_hls_schema): the schema text is compiled for real with the
// system C++ compiler and `+bf_mutant=K` must print exactly what mutant K built on its own prints.
//
// Algorithm: write a small kernel (helper with a static local and a forward declaration, a
// recursive function, a top that calls both, a template, file-scope constants) to a temp design
// folder; take its OP/CMP/CONST/COND candidates inside function bodies; build the schema and one
// binary per mutant from a tiny main that declares `bf_mutant` like the C-simulation harness.
#include <catch2/catch.hpp>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>

#include "bugforge/mutators/hls_mutator.h"
#include "bugforge/mutators/schema.h"

namespace {

namespace fs = std::filesystem;
using bf::mutators::Mutant;

const char* const kKernel = R"(const int N = 8;
static int helper(int x);

static int helper(int x) {
  static int calls = 0;
  calls++;
  return x * 3 + (x > 4 ? 1 : 0) + calls;
}

int fact(int n) {
  if (n <= 1) return 1;
  return n * fact(n - 1);
}

template <int W>
int widen(int x) {
  return x + W;
}

void top(const int in[N], int out[N], int scale) {
  for (int i = 0; i < N; i++) {
    int acc = helper(in[i]) + fact(i % 5);
    out[i] = acc * scale - widen<2>(i);
  }
}
)";

const char* const kMain = R"(#include <cstdio>
#include <cstdlib>
#include <cstring>
inline long long bf_mutant = 0;
#include "kernel.cpp"
int main(int argc, char** argv) {
  for (int i = 1; i < argc; ++i)
    if (std::strncmp(argv[i], "+bf_mutant=", 11) == 0) bf_mutant = std::atoll(argv[i] + 11);
  const int in[N] = {3, -1, 7, 0, 5, 2, 9, -4};
  int out[N];
  top(in, out, 3);
  top(in, out, 3);  // twice: the static local counts on
  for (int i = 0; i < N; ++i) std::printf("%d ", out[i]);
  std::printf("\n");
}
)";

struct Folder {
  fs::path dir;
  Folder() : dir(fs::temp_directory_path() / fs::path("bf-hls-schema-test")) {
    fs::remove_all(dir);
    fs::create_directories(dir);
  }
  ~Folder() { fs::remove_all(dir); }
};

void write(const fs::path& p, const std::string& text) {
  std::ofstream(p, std::ios::binary) << text;
}

std::string run(const std::string& cmd) {
  std::unique_ptr<FILE, int (*)(FILE*)> p(popen(cmd.c_str(), "r"), pclose);
  std::string out;
  std::array<char, 256> buf{};
  while (p && fgets(buf.data(), buf.size(), p.get())) out += buf.data();
  return out;
}

// Builds <dir>/<name> from main.cpp with `kernel` as kernel.cpp; the binary's path.
std::string build(const fs::path& dir, const std::string& name, const std::string& kernel) {
  const fs::path sub = dir / name;
  fs::create_directories(sub);
  write(sub / "kernel.cpp", kernel);
  write(sub / "main.cpp", kMain);
  const std::string exe = (sub / "sim").string();
  const int rc = std::system(("c++ -std=c++20 -O1 -w -o " + exe + " " + (sub / "main.cpp").string()).c_str());
  REQUIRE(rc == 0);
  return exe;
}

bf::Design design_in(const fs::path& dir) {
  bf::Design d;
  d.name = "schema_test";
  d.language = bf::Language::HlsCpp;
  d.dir = dir.string();
  d.top = "top";
  d.sources = {(dir / "kernel.cpp").string()};
  return d;
}

Mutant edit(std::uint32_t id, const std::string& text, const std::string& original,
            const std::string& replacement, std::size_t nth = 0) {
  Mutant m;
  m.id = id;
  m.bug_class = "CONST";
  m.file = "kernel.cpp";
  m.offset = text.find(original);
  for (std::size_t i = 0; i < nth; ++i) m.offset = text.find(original, m.offset + 1);
  m.original = original;
  m.replacement = replacement;
  return m;
}

}  // namespace

TEST_CASE("hls schema: each +bf_mutant=K behaves like mutant K built alone", "[mutators][hls][schema]") {
  const Folder f;
  write(f.dir / "kernel.cpp", kKernel);
  const bf::Design d = design_in(f.dir);
  std::vector<Mutant> ms;
  for (auto& m : bf::mutators::hls_candidates(d, {"OP", "CMP", "CONST", "COND"}))
    if (m.line >= 4 && m.line != 21) ms.push_back(std::move(m));  // in bodies; not the loop bound (UB)
  REQUIRE(ms.size() >= 4);
  std::vector<Mutant> picked;  // an even spread of 8: each one costs a compile below
  for (std::size_t i = 0; i < 8 && i < ms.size(); ++i)
    picked.push_back(ms[i * ms.size() / std::min<std::size_t>(8, ms.size())]);
  ms = picked;
  const auto s = bf::mutators::make_hls_schema(d, ms);
  REQUIRE(s.overrides.size() == 1);
  const std::string schema = build(f.dir, "schema", s.overrides[0].second);
  CHECK(run(schema + " +bf_mutant=0") == run(build(f.dir, "original", kKernel)));
  CHECK(run(schema) == run(schema + " +bf_mutant=0"));
  std::size_t differ = 0;
  for (const auto& m : ms) {
    if (std::find(s.included.begin(), s.included.end(), m.id) == s.included.end()) continue;
    const std::string alone =
        run(build(f.dir, "m" + std::to_string(m.id), bf::mutators::apply_mutant(kKernel, m)));
    INFO("mutant " << m.id << ": " << m.description << " at line " << m.line);
    CHECK(run(schema + " +bf_mutant=" + std::to_string(m.id)) == alone);
    differ += alone != run(schema) ? 1 : 0;
  }
  CHECK(s.included.size() + s.excluded.size() == ms.size());
  CHECK(differ > 0);  // the comparison can tell mutants apart
}

TEST_CASE("hls schema: edits outside plain function bodies are excluded with the reason",
          "[mutators][hls][schema]") {
  const Folder f;
  write(f.dir / "kernel.cpp", kKernel);
  const std::string text = kKernel;
  const std::vector<Mutant> ms = {
      edit(1, text, "8", "7"),                          // file-scope constant
      edit(2, text, "return x + W;", "return x - W;"),  // function template
      edit(3, text, "int scale", "int scal"),           // function header
      edit(4, text, "n - 1", "n - 2"),                  // inside fact: included
      edit(5, text, "x * 3", "x * 4"),                  // inside helper: included
  };
  const auto s = bf::mutators::make_hls_schema(design_in(f.dir), ms);
  CHECK(s.included == std::vector<std::uint32_t>{4, 5});
  REQUIRE(s.excluded == std::vector<std::uint32_t>{1, 2, 3});
  CHECK(s.excluded_why[0].find("outside any function body") != std::string::npos);
  CHECK(s.excluded_why[1].find("template") != std::string::npos);
  CHECK(s.excluded_why[2].find("outside any function body") != std::string::npos);
  CHECK(s.sites == 2);
  const std::string& out = s.overrides.at(0).second;
  CHECK(out.find("static int helper(int x);") != std::string::npos);  // the forward declaration stays
  CHECK(out.find("fact__bf_4") != std::string::npos);
  CHECK(out.find("top__bf_") == std::string::npos);  // untouched functions are not duplicated
}

TEST_CASE("hls schema: default arguments and stale mutants are excluded", "[mutators][hls][schema]") {
  const Folder f;
  const std::string text = "int g(int a, int b = 2) {\n  return a + b;\n}\n";
  write(f.dir / "kernel.cpp", text);
  auto stale = edit(2, text, "a + b", "a - b");
  stale.original = "a * b";
  const auto s = bf::mutators::make_hls_schema(design_in(f.dir), {edit(1, text, "a + b", "a - b"), stale});
  REQUIRE(s.excluded.size() == 2);
  CHECK(s.excluded_why[0].find("default arguments") != std::string::npos);
  CHECK(s.excluded_why[1].find("stale") != std::string::npos);
  CHECK(s.overrides.empty());
}
