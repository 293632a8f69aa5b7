// The quoting layer: one function per target language, used by every emitter
// for every string that comes from the input (file names, IIS and task XML,
// registry strings, project paths). Nothing untrusted becomes a command: each
// function returns text that the target reads back as exactly one value, and
// control characters (C0, DEL, C1) are escaped where the target can say them
// and replaced where it cannot, never written raw.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/powershell_quote.hpp"

namespace liftshift {

// --- Dockerfile (our Dockerfiles start with `# escape=\``) ---

// A JSON string for the exec form (ENTRYPOINT, CMD, SHELL, RUN [...]): `"`
// and `\` escaped, control characters as \uXXXX. Lossless.
std::string dockerfile_json_string(std::string_view s);
// ["a", "b"]: the exec form of ENTRYPOINT/CMD/RUN.
std::string dockerfile_json_array(const std::vector<std::string>& items);

// One path of COPY/ADD/WORKDIR. Docker expands `$VAR` and reads quotes and the
// escape character in these words, so `$`, quotes and backticks get the escape
// character before them. Control characters are replaced by `_` (a path word
// cannot say them).
std::string dockerfile_path_word(std::string_view s);
// "COPY src dest" (or ADD), in JSON-array form when a path holds a space.
std::string dockerfile_copy(std::string_view instruction, const std::vector<std::string>& sources,
                            std::string_view dest);

// The argument text of one instruction kept on its line: CR, LF and the other
// control characters become spaces, and an escape character at the end (a
// line continuation, even with spaces after it) is dropped, so nothing can
// start a new instruction. A backstop for commands the planner composed.
std::string dockerfile_line(std::string_view s);
// "# text": a comment line that stays one line.
std::string dockerfile_comment(std::string_view text);

// --- PowerShell ---

// ps_literal and ps_argument: core/powershell_quote.hpp (the planner's steps
// use them too).
// A command line: the program bare when it can be, else `& 'program'`, then
// each argument through ps_argument.
std::string ps_command(std::string_view program, const std::vector<std::string>& args);

// --- cmd.exe (Nano Server RUN lines, Log Monitor's cmd SHELL) ---

// s bare when it holds only characters cmd and the C runtime read literally;
// otherwise double-quoted, `%` outside the quotes as `^%` (so no variable is
// expanded). `"` and control characters cannot be said inside a cmd argument:
// they are replaced by `_`.
std::string cmd_argument(std::string_view s);
std::string cmd_command(std::string_view program, const std::vector<std::string>& args);

// --- Compose files (compose.yaml) ---

// A value compose reads as exactly this text: docker compose and docker stack
// deploy expand $VAR and ${VAR} in every value (a PowerShell $LASTEXITCODE
// would become ""), so each `$` is written `$$`. YAML quoting comes after.
std::string compose_value(std::string_view s);

// --- Markdown (CommonMark) ---

// Inline code: a backtick fence longer than any backtick run in the text
// (padded with a space when the text starts or ends with a backtick); line
// breaks and other control characters become spaces.
std::string md_code(std::string_view text);
// Plain text: characters that would start markup (`*`, `_` at a word edge,
// `[`, `]`, `<`, `>`, `|`, `` ` ``, `&` of an entity, `\` before punctuation) are
// backslash-escaped; line breaks and control characters become spaces.
std::string md_text(std::string_view text);

// --- YAML ---
// Values go through yaml_document (yaml_out.hpp), whose yaml_needs_quotes
// quotes every plain scalar a YAML 1.1 reader takes for another type.

// --- Terminal ---

// What the CLI prints of a name or path: control characters shown escaped
// (\n, \r, \t, \e, \xHH, \u0085), invalid UTF-8 as \xHH, backslashes kept.
std::string terminal_text(std::string_view s);

}  // namespace liftshift
