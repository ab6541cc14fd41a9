// bugforge cli — the one table of subcommands. Add a subcommand: one file cmd_<name>.cpp
// defining make_<name>_command(), and one line here.
#include "command.h"

namespace bf::cli {

std::unique_ptr<Command> make_designs_command();
std::unique_ptr<Command> make_check_command();
std::unique_ptr<Command> make_init_command();
std::unique_ptr<Command> make_golden_command();
std::unique_ptr<Command> make_bench_command();
std::unique_ptr<Command> make_lint_hls_command();
std::unique_ptr<Command> make_mutate_command();
std::unique_ptr<Command> make_label_command();
std::unique_ptr<Command> make_gen_command();
std::unique_ptr<Command> make_merge_command();
std::unique_ptr<Command> make_export_command();
std::unique_ptr<Command> make_report_command();
std::unique_ptr<Command> make_show_command();
std::unique_ptr<Command> make_equiv_command();
std::unique_ptr<Command> make_explain_command();

std::vector<std::unique_ptr<Command>> make_commands() {
  std::vector<std::unique_ptr<Command>> cmds;
  cmds.push_back(make_designs_command());
  cmds.push_back(make_check_command());
  cmds.push_back(make_init_command());
  cmds.push_back(make_golden_command());
  cmds.push_back(make_bench_command());
  cmds.push_back(make_lint_hls_command());
  cmds.push_back(make_mutate_command());
  cmds.push_back(make_label_command());
  cmds.push_back(make_gen_command());
  cmds.push_back(make_merge_command());
  cmds.push_back(make_export_command());
  cmds.push_back(make_report_command());
  cmds.push_back(make_show_command());
  cmds.push_back(make_equiv_command());
  cmds.push_back(make_explain_command());
  return cmds;
}

}  // namespace bf::cli
