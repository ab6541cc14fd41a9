// bugforge tests — `bugforge gen` as real processes with the real labeler: kill -9 in the middle
// then rerun equals an uninterrupted run; shards chosen from Slurm and Kubernetes environments,
// run as separate processes and merged, equal one process; show and report on the result.
#include <catch2/catch.hpp>

#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>

#include <chrono>
#include <map>
#include <thread>

#include "bugforge/dataset/store.h"
#include "dataset_test_util.h"

extern char** environ;

using namespace bf::dataset;
namespace fs = std::filesystem;

namespace {

struct Fixture {
  fs::path root = bft::temp_dir("cli");
  fs::path designs = root / "designs";
  std::string env;  // "BUGFORGE_CACHE=... " prefix for shell commands
  Fixture() {
    bft::copy_designs(designs, {"fir_hls"});
    const fs::path cache = root / "cache";  // cold: the first run is slow enough to be killed mid-way
    ::setenv("BUGFORGE_CACHE", cache.c_str(), 1);
    env = "BUGFORGE_CACHE=" + bft::shell_quote(cache.string()) + " ";
  }
  ~Fixture() { fs::remove_all(root); }
  std::vector<std::string> gen_args(const fs::path& out) const {
    return {bft::bugforge_bin(), "gen",          "--designs", designs.string(), "--out", out.string(),
            "--per-design",      "4",            "--jobs",    "1",              "--vectors", "2",
            "--extra-vectors",   "2",            "--classes", "DFP,MLP,APT,FND,ILNU,CONST", "--quiet"};
  }
  std::string gen_cmd(const fs::path& out) const {
    std::string c = env;
    for (const auto& a : gen_args(out)) c += bft::shell_quote(a) + " ";
    return c;
  }
};

std::map<std::string, std::string> labels_of(const fs::path& db) {
  std::map<std::string, std::string> out;
  for (const auto& s : Store::open(db.string(), false).samples()) out[s.id] = label_name(s.label);
  return out;
}

std::size_t stored(const fs::path& db) {
  if (!fs::exists(db)) return 0;
  try {
    return Store::open(db.string(), false).count();
  } catch (const std::exception&) {
    return 0;  // the writer is creating it
  }
}

}  // namespace

TEST_CASE("gen killed with SIGKILL resumes to the same part, and env shards merge to it",
          "[dataset][cli]") {
  Fixture fx;
  const fs::path killed = fx.root / "killed";
  const fs::path db = killed / "part-00000-of-00001.db";

  // 1. Start gen, SIGKILL it once a sample is committed (pragma checks and builds are still ahead).
  const auto args = fx.gen_args(killed);
  std::vector<char*> argv;
  for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  pid_t pid = 0;
  REQUIRE(posix_spawn(&pid, argv[0], nullptr, nullptr, argv.data(), environ) == 0);
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::minutes(5);
  while (stored(db) < 1 && std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  ::kill(pid, SIGKILL);
  int status = 0;
  ::waitpid(pid, &status, 0);
  REQUIRE(WIFSIGNALED(status));
  const std::size_t before = stored(db);
  REQUIRE(before >= 1);
  CHECK_FALSE(fs::exists(killed / "part-00000-of-00001.done.json"));

  // 2. The same command again finishes the part.
  const auto [rc, out] = bft::run(fx.gen_cmd(killed));
  INFO(out);
  REQUIRE(rc == 0);
  CHECK(fs::exists(killed / "part-00000-of-00001.done.json"));
  const auto resumed = labels_of(db);
  CHECK(resumed.size() > before);

  // 3. An uninterrupted run gives the same ids and labels.
  const fs::path whole = fx.root / "whole";
  const auto [rc2, out2] = bft::run(fx.gen_cmd(whole));
  INFO(out2);
  REQUIRE(rc2 == 0);
  CHECK(labels_of(whole / "part-00000-of-00001.db") == resumed);

  // 4. Three Slurm array tasks (indices 1..3) as separate processes, merged, equal one process.
  for (int task = 1; task <= 3; ++task) {
    const std::string e = "SLURM_ARRAY_TASK_ID=" + std::to_string(task) +
                          " SLURM_ARRAY_TASK_MIN=1 SLURM_ARRAY_TASK_COUNT=3 ";
    const auto [rc3, out3] = bft::run(e + fx.gen_cmd(fx.root / "slurm") + " --shard-from-env slurm");
    INFO(out3);
    REQUIRE(rc3 == 0);
  }
  const auto bin = bft::shell_quote(bft::bugforge_bin());
  REQUIRE(bft::run(bin + " merge " + bft::shell_quote((fx.root / "slurm").string()) + " --out " +
                   bft::shell_quote((fx.root / "slurm.db").string())).first == 0);
  REQUIRE(bft::run(bin + " merge " + bft::shell_quote((fx.root / "whole").string()) + " --out " +
                   bft::shell_quote((fx.root / "whole.db").string())).first == 0);
  CHECK(labels_of(fx.root / "slurm.db") == labels_of(fx.root / "whole.db"));

  // 5. Kubernetes: the index from JOB_COMPLETION_INDEX, the count from the command line.
  for (int index = 0; index < 2; ++index) {
    const auto [rc4, out4] = bft::run("JOB_COMPLETION_INDEX=" + std::to_string(index) + " " +
                                      fx.gen_cmd(fx.root / "k8s") + " --shard-from-env k8s --shard-count 2");
    INFO(out4);
    REQUIRE(rc4 == 0);
  }
  CHECK(fs::exists(fx.root / "k8s" / "part-00001-of-00002.done.json"));
  REQUIRE(bft::run(bin + " merge " + bft::shell_quote((fx.root / "k8s").string()) + " --out " +
                   bft::shell_quote((fx.root / "k8s.db").string())).first == 0);
  CHECK(labels_of(fx.root / "k8s.db") == labels_of(fx.root / "whole.db"));

  // 6. show prints one sample's label and diff, without colour in a pipe.
  std::string buggy;
  for (const auto& [id, label] : resumed)
    if (label == "buggy") buggy = id;
  REQUIRE_FALSE(buggy.empty());
  const auto [rc5, shown] = bft::run(bin + " show " + buggy.substr(0, 10) + " --db " + bft::shell_quote(db.string()));
  CHECK(rc5 == 0);
  CHECK(shown.find("label    buggy") != std::string::npos);
  CHECK(shown.find("@@") != std::string::npos);
  CHECK(shown.find("\033[") == std::string::npos);

  // 7. report writes the page.
  const auto html = fx.root / "r.html";
  CHECK(bft::run(bin + " report --db " + bft::shell_quote((fx.root / "whole.db").string()) + " --html " +
                 bft::shell_quote(html.string())).first == 0);
  CHECK(bft::slurp(html).find("<svg") != std::string::npos);
}
