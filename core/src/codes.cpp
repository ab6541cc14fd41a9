// bugforge core — the catalogue of diagnostic codes (see codes.h).
//
// One row per code, sorted. A row is added with the first `throw Error("BF-...")` that raises it;
// tests/core/test_codes.cpp checks the sources against this table in both directions.
#include "bugforge/core/codes.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>

namespace bf {

namespace {

constexpr CodeInfo kCodes[] = {
    {"BF-CLI-010", "a command-line value is malformed (not an integer, not NAME=VALUE, a bad range)",
     "fix the value the message quotes; `bugforge <command> --help` shows the expected form"},
    {"BF-CLI-021", "bench: the design's original does not build, so there is nothing to time",
     "run `bugforge check DESIGN` to see the build error and fix the design first"},
    {"BF-DES-001", "no design of that name: not a folder, and not a design in the designs folder",
     "give a design folder, a design.toml, or one of the names the message lists (`bugforge designs`)"},
    {"BF-DS-001", "the dataset database cannot be opened, read or written (SQLite reports why)",
     "check the path, free disk space and permissions; a file that is not a bugforge dataset cannot be used"},
    {"BF-DS-002", "a sample id prefix is not hex, or matches no sample or several",
     "give more hex digits of the id (`bugforge show` lists ids)"},
    {"BF-DS-003", "the output part was made with other settings than this gen run",
     "use another --out, or rerun with the settings the message lists to resume that part"},
    {"BF-DS-004", "the designs folder holds no design",
     "point --designs at a folder whose subfolders each hold a design.toml"},
    {"BF-DS-020", "the shard is not well defined (index not below count, scheduler variables missing)",
     "give --shard-index I --shard-count N with I < N, or run under Slurm/k8s with --shard-from-env"},
    {"BF-DS-030", "--split is not three non-negative ratios", "give e.g. --split 0.8,0.1,0.1"},
    {"BF-DS-040", "a part given to merge is missing, incomplete or inconsistent with its done file",
     "rerun the same gen command to finish the part, or leave it out"},
    {"BF-DS-041", "parts given to merge were made with different settings",
     "merge only parts of one gen configuration (the message names the setting that differs)"},
    {"BF-DS-042", "a shard is missing from merge or given twice", "give every shard 0..N-1 exactly once"},
    {"BF-DS-043", "a part was labelled by an older formal stage whose proofs may be false",
     "relabel: rerun gen for that part with this bugforge (old `equivalent` RTL samples are not trusted)"},
    {"BF-DS-050", "export cannot write its output, or the format is unknown",
     "use chat, alpaca or hf; hf writes a folder, so give --out DIR"},
    {"BF-DS-060", "report cannot write its HTML file", "check the --html path and its folder's permissions"},
    {"BF-EQV-001", "Yosys cannot be run (`yosys -V` fails)",
     "install Yosys (scripts/install-deps.sh) and make sure `yosys` is on PATH"},
    {"BF-EQV-003", "formal cannot read the original design, so no mutant of it can be checked",
     "run `bugforge equiv` on the original against itself to see Yosys' error; fix or drop the construct"},
    {"BF-EQV-004", "an equiv input file cannot be read", "check the path; `-` reads standard input"},
    {"BF-EQV-005", "both equiv inputs are `-`", "at most one side may come from standard input"},
    {"BF-EQV-006", "bench equiv was given no design", "give --design D or --all"},
    {"BF-HLS-001", "libclang cannot parse the HLS source",
     "the message shows clang's first errors; add the missing headers with -I or the design's include_dirs"},
    {"BF-HLS-002", "the HLS simulation harness cannot be written",
     "check free disk space in the cache folder"},
    {"BF-HLS-003", "the design's HLS protocol arguments do not match its [golden] section",
     "each protocol arg is a [golden] params key or const:<integer>; fix design.toml"},
    {"BF-HLS-004", "a finished HLS build cannot be moved into the cache",
     "check free disk space and permissions of the cache folder (BUGFORGE_CACHE)"},
    {"BF-HLS-101", "array_partition/array_reshape factor must divide the partitioned dimension",
     "use a factor that divides the dimension, or type=complete"},
    {"BF-HLS-102", "array_partition dim must be within the array's rank",
     "use dim between 1 and the rank (0 = all)"},
    {"BF-HLS-103", "partition type must match how parallel iterations access the array",
     "use cyclic for strided access by unrolled iterations, block for contiguous chunks"},
    {"BF-HLS-104", "array_partition dim must be the dimension that parallel iterations walk",
     "partition the dimension indexed by the unrolled loop variable"},
    {"BF-HLS-110", "no pipeline inside an already pipelined loop",
     "pipeline only the outer loop (its inner loops are unrolled), or only the inner one"},
    {"BF-HLS-111", "an unrolled loop's inner loops must be fully unrolled",
     "unroll the inner loops fully, or do not unroll the outer one"},
    {"BF-HLS-120", "a dataflow region holds only task calls, loops and local declarations",
     "move other statements into a task function, or drop the dataflow pragma"},
    {"BF-HLS-130", "a by-value scalar argument cannot take a memory or stream interface",
     "use s_axilite or ap_none for scalars; pass a pointer or array for memory interfaces"},
    {"BF-HLS-131", "an array argument cannot take a scalar interface",
     "use m_axi, bram or ap_memory for arrays"},
    {"BF-HLS-132", "a FIFO/stream interface needs one sequential pass over the argument",
     "read or write the argument once, in order, or use a memory interface"},
    {"BF-HLS-133", "m_axi ports should be accessed sequentially so accesses burst",
     "copy to a local buffer in one sequential loop, then work on the buffer"},
    {"BF-HLS-140", "the variable or port a pragma names must exist in its function",
     "check the name in the pragma"},
    {"BF-HLS-141", "loop pragmas (unroll, loop_tripcount) belong inside a loop body",
     "move the pragma to the first line of the loop body"},
    {"BF-INIT-001", "init found no .v or .sv files in the folder",
     "run `bugforge init` in the folder of the RTL sources"},
    {"BF-INIT-002", "Verilator cannot read the sources init found",
     "the message shows Verilator's error; fix it or pass the include folders"},
    {"BF-INIT-004", "a design.toml already exists", "use --force to overwrite it"},
    {"BF-IO-001", "a file cannot be read", "check the path and its permissions"},
    {"BF-IO-002", "a file cannot be written", "check the folder, free disk space and permissions"},
    {"BF-IO-003", "a scratch folder cannot be made",
     "check TMPDIR (or the folder given) for space and permissions"},
    {"BF-KERN-001", "no golden kernel of that name", "use one of the kernels the message lists"},
    {"BF-KERN-002", "a golden kernel was given inputs of the wrong shape or parameters",
     "fix the design's [golden] params or vector shapes (the message names the kernel)"},
    {"BF-KERN-003", "unknown golden-kernel backend", "use --backend cpu, cuda or auto"},
    {"BF-KERN-004", "the CUDA backend was requested but cannot run here",
     "use --backend cpu (or auto), or run on a machine with a CUDA GPU and a build with nvcc"},
    {"BF-KERN-005", "a CUDA golden kernel failed while running",
     "rerun with --backend cpu; report the CUDA error"},
    {"BF-KERN-006", "the golden-output cache cannot be written",
     "check free space and permissions of BUGFORGE_CACHE"},
    {"BF-MUT-001", "unknown bug class, or one that does not apply to the design's language",
     "use codes from TAXONOMY.md (`bugforge mutate --help` lists them)"},
    {"BF-MUT-002", "a mutant no longer matches its source (the file changed since it was made)",
     "regenerate the mutants from the current sources"},
    {"BF-ORC-004", "the design's oracle kind cannot be judged by this path",
     "use oracle kind testbench or trace for this command, or kernel/reference for vector runs"},
    {"BF-ORC-005", "the oracle's build of the design failed",
     "run `bugforge check DESIGN` to see the build log"},
    {"BF-ORC-010", "the trace oracle cannot list the design's ports",
     "run `bugforge check DESIGN` to see the error"},
    {"BF-ORC-011", "the trace oracle cannot write its stimulus file",
     "check free disk space of the scratch folder"},
    {"BF-ORC-020", "the reference model does not build or run",
     "the message quotes the tool's error; fix the reference"},
    {"BF-PROC-001", "a child process's pipes cannot be made",
     "the machine is out of file descriptors; retry with fewer --jobs"},
    {"BF-PROC-002", "a child process cannot be started (fork failed)",
     "the machine is out of processes; retry with fewer --jobs"},
    {"BF-PROC-003", "a tool was started with an empty command line", "report it: this is a bugforge bug"},
    {"BF-RTL-001", "the Verilator toolchain cannot be prepared (verilator, its headers or runtime)",
     "install Verilator (scripts/install-deps.sh); the message quotes the failing step"},
    {"BF-RTL-002", "the Verilator runtime build left no stamp",
     "remove the cache's runtime folder and rerun"},
    {"BF-RTL-010", "the design's RTL protocol section does not match its ports",
     "fix design.toml's [protocol] (the message says what was expected)"},
    {"BF-SCH-001", "the design's original does not build inside the mutant schema",
     "run `bugforge check DESIGN`; the message quotes the first build error"},
    {"BF-SIM-002", "a vector set does not have one tensor per kernel input",
     "regenerate the vectors (`bugforge golden`) for this design's kernel"},
    {"BF-SIM-003", "the design's outputs file has the wrong number of tensors",
     "the harness wrote fewer outputs than the kernel has; check the design's output ports"},
    {"BF-SIM-004", "the design's original does not build",
     "run `bugforge check DESIGN` to see the build log"},
    {"BF-SIM-005", "a vector run was asked of a design whose oracle runs no vector sets",
     "use `bugforge check`, which judges testbench and trace designs by their oracle"},
    {"BF-SIM-010", "the design does not build; the first compiler or Verilator error is shown",
     "fix the error at the file and line shown (`bugforge check DESIGN` reruns the build)"},
    {"BF-TOML-001", "design.toml is not valid TOML", "fix the syntax at the line shown"},
    {"BF-TOML-002", "a required key is missing from design.toml", "add the key the message names"},
    {"BF-TOML-003", "a design.toml key has the wrong type", "give the type the message names"},
    {"BF-TOML-004", "unknown key in design.toml", "use one of the keys the message lists (a typo?)"},
    {"BF-TOML-005", "a design.toml value is not one of the allowed values",
     "use one of the values the message lists"},
    {"BF-TOML-006", "a file design.toml names does not exist",
     "fix the path (relative to the design folder)"},
    {"BF-TOML-007", "no design.toml at the given place",
     "give a design folder or a .toml file (`bugforge init` writes one)"},
    {"BF-TRACE-001", "the trace file cannot be read or has no rows",
     "give a CSV trace: a header line, then one row per cycle"},
    {"BF-TRACE-002", "the trace header is malformed", "the header is `time` then one column per signal"},
    {"BF-TRACE-003", "a trace row has the wrong number of columns", "give one value per header column"},
    {"BF-TRACE-004", "a trace value is not binary digits or x", "write values in binary (x = don't care)"},
    {"BF-TRACE-005", "trace times are not increasing non-negative cycles",
     "number rows by cycle, increasing"},
    {"BF-TRACE-006", "a trace column names no usable port (missing, the clock, or inout)",
     "name only the top module's inputs and outputs; the clock is driven by bugforge"},
    {"BF-TRACE-007", "a trace value's width differs from its port's", "give as many bits as the port has"},
    {"BF-TYPE-001", "bad tensor element type", "use i<bits> or u<bits> with 1..64 bits"},
    {"BF-VLAST-001", "Verilator's AST dump is malformed", "report it, with the Verilator version"},
    {"BF-VLAST-002", "the file is not a Verilator AST dump",
     "give Verilator's --xml-only or --json-only output"},
    {"BF-VLAST-003", "the AST is nested deeper than bugforge reads",
     "simplify the deepest expression, or report it"},
    {"BF-VLAST-004", "a JSON AST node has no type", "report it, with the Verilator version"},
    {"BF-VLAST-010", "Verilator rejects the design's sources", "fix the error at the file and line shown"},
    {"BF-VLAST-012", "an RTL command was given a design that is not Verilog",
     "use an RTL design, or the HLS command"},
    {"BF-VLAST-013", "verilator cannot be run",
     "install Verilator (scripts/install-deps.sh) and put it on PATH"},
};

std::string upper(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::toupper(c); });
  return out;
}

}  // namespace

std::span<const CodeInfo> code_catalogue() {
  return kCodes;
}

const CodeInfo* find_code(std::string_view code) {
  const std::string key = upper(code);
  const auto it =
      std::find_if(std::begin(kCodes), std::end(kCodes), [&](const CodeInfo& c) { return c.code == key; });
  return it == std::end(kCodes) ? nullptr : &*it;
}

bool well_formed_code(std::string_view code) {
  if (code.size() < 8 || code.substr(0, 3) != "BF-") return false;
  const auto dash = code.rfind('-');
  if (dash <= 3 || code.size() - dash != 4) return false;
  for (std::size_t i = 3; i < dash; ++i)
    if (!std::isupper(static_cast<unsigned char>(code[i]))) return false;
  for (std::size_t i = dash + 1; i < code.size(); ++i)
    if (!std::isdigit(static_cast<unsigned char>(code[i]))) return false;
  return true;
}

}  // namespace bf
