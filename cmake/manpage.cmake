# Writes the man page tradeoff.1 from the command line's own help: `tradeoff --help` gives the
# name, the global options and the list of commands, and `tradeoff COMMAND --help` each command's
# usage, arguments and options, so that a command or an option added to the program appears here
# with no edit. The help is CLI11's: a description line, "Usage: ...", then sections ("Options:")
# of entries indented by two spaces, each a spec ("-f,--format TEXT:{text,json}=text") and a
# description after two or more spaces, or on the next line when the spec is long.
# Usage: cmake -DEXE=<tradeoff binary> -DOUTPUT=<tradeoff.1> -P manpage.cmake
cmake_minimum_required(VERSION 3.21)

# CMake lists split at ';' and treat '[' ']' specially, and troff reads '\': each travels as a
# control byte until the page is written.
string(ASCII 1 kSemicolon)
string(ASCII 2 kOpenBracket)
string(ASCII 3 kCloseBracket)
string(ASCII 4 kBackslash)

# Runs the binary with ARGN and sets `out` to its output as a list of lines.
function(help_lines out)
  execute_process(COMMAND ${EXE} ${ARGN} OUTPUT_VARIABLE text RESULT_VARIABLE code)
  if(NOT code EQUAL 0)
    message(FATAL_ERROR "manpage.cmake: `tradeoff ${ARGN}` exited with ${code}")
  endif()
  string(REPLACE "\\" "${kBackslash}" text "${text}")
  string(REPLACE ";" "${kSemicolon}" text "${text}")
  string(REPLACE "[" "${kOpenBracket}" text "${text}")
  string(REPLACE "]" "${kCloseBracket}" text "${text}")
  string(REPLACE "\n" ";" text "${text}")
  set(${out} "${text}" PARENT_SCOPE)
endfunction()

# Text as troff reads it literally: hyphens as minus signs (so that options copy and search
# as typed), and no control character at the start of a line.
function(roff out text)
  string(REPLACE "-" "\\-" text "${text}")
  if(text MATCHES "^[.']")
    set(text "\\&${text}")
  endif()
  set(${out} "${text}" PARENT_SCOPE)
endfunction()

# An entry's spec: its names in bold ("-m,--method" -> "-m, --method"), the value it takes as is.
function(roff_spec out spec)
  string(REGEX MATCH "^[^ ]+" names "${spec}")
  string(LENGTH "${names}" length)
  string(SUBSTRING "${spec}" ${length} -1 value)
  string(REPLACE "," ";" names "${names}")
  set(bold "")
  foreach(name IN LISTS names)
    roff(name "${name}")
    list(APPEND bold "\\fB${name}\\fR")
  endforeach()
  list(JOIN bold ", " bold)
  roff(value "${value}")
  set(${out} "${bold}${value}" PARENT_SCOPE)
endfunction()

# The sections of one help text as troff, leaving out the entries whose spec is in `skip`:
# each section a paragraph headed by its name (none when every entry is left out), each entry
# a tagged paragraph. Sets `out`, and
# `description` and `usage` to the help's first line and its usage (after "Usage: ").
function(roff_sections out description usage lines skip)
  set(page "")
  set(first "")
  set(synopsis "")
  set(heading "")    # the section's heading, until its first entry is written
  set(listing OFF)  # inside an entry whose description is still to come
  foreach(line IN LISTS lines)
    if(line STREQUAL "")
      continue()
    elseif(line MATCHES "^Usage: (.*)$")
      set(synopsis "${CMAKE_MATCH_1}")
    elseif(line MATCHES "^([A-Za-z][A-Za-z ]*):$")
      set(name "${CMAKE_MATCH_1}")
      if(name STREQUAL "Positionals")
        set(name "Arguments")
      endif()
      set(heading ".PP\n\\fB${name}:\\fR\n")
    elseif(line MATCHES "^  ([^ ].*)$")
      set(entry "${CMAKE_MATCH_1}")
      string(FIND "${entry}" "  " gap)
      set(text "")
      if(gap GREATER 0)
        string(SUBSTRING "${entry}" ${gap} -1 text)
        string(STRIP "${text}" text)
        string(SUBSTRING "${entry}" 0 ${gap} entry)
      endif()
      set(listing OFF)
      if(NOT entry IN_LIST skip)
        set(listing ON)
        roff_spec(spec "${entry}")
        string(APPEND page "${heading}.TP\n${spec}\n")
        set(heading "")
        if(NOT text STREQUAL "")
          roff(text "${text}")
          string(APPEND page "${text}\n")
        endif()
      endif()
    elseif(line MATCHES "^  +([^ ].*)$")
      if(listing)
        roff(text "${CMAKE_MATCH_1}")
        string(APPEND page "${text}\n")
      endif()
    elseif(first STREQUAL "")
      set(first "${line}")
    endif()
  endforeach()
  set(${out} "${page}" PARENT_SCOPE)
  set(${description} "${first}" PARENT_SCOPE)
  set(${usage} "${synopsis}" PARENT_SCOPE)
endfunction()

# The commands: the first word of each entry of the top-level help's "Subcommands:" section.
function(command_names out lines)
  set(names "")
  set(section "")
  foreach(line IN LISTS lines)
    if(line MATCHES "^([A-Za-z][A-Za-z ]*):$")
      set(section "${CMAKE_MATCH_1}")
    elseif(section STREQUAL "Subcommands" AND line MATCHES "^  ([a-z][a-z0-9_-]*)( |$)")
      list(APPEND names "${CMAKE_MATCH_1}")
    elseif(line STREQUAL "")
      set(section "")
    endif()
  endforeach()
  set(${out} "${names}" PARENT_SCOPE)
endfunction()

# A synopsis line: "tradeoff evaluate [OPTIONS] file" with the command's words in bold.
function(roff_synopsis out usage command)
  string(LENGTH "tradeoff${command}" length)
  string(SUBSTRING "${usage}" ${length} -1 rest)
  roff(rest "${rest}")
  roff(command "tradeoff${command}")
  set(${out} "\\fB${command}\\fR${rest}" PARENT_SCOPE)
endfunction()

help_lines(top --help)
execute_process(COMMAND ${EXE} --version OUTPUT_VARIABLE version OUTPUT_STRIP_TRAILING_WHITESPACE)
command_names(commands "${top}")
if(commands STREQUAL "")
  message(FATAL_ERROR "manpage.cmake: `tradeoff --help` lists no commands")
endif()
# The global options, without the list of commands (each command has its own section).
set(global_lines "")
foreach(line IN LISTS top)
  if(line STREQUAL "Subcommands:")
    break()
  endif()
  list(APPEND global_lines "${line}")
endforeach()
roff_sections(global_options title top_usage "${global_lines}" "")
string(REGEX REPLACE "^\\.PP\n\\\\fBOptions:\\\\fR\n" "" global_options "${global_options}")
string(REGEX REPLACE "^tradeoff: " "" title "${title}")
roff(title "${title}")
roff_synopsis(synopsis "${top_usage}" "")

set(command_sections "")
foreach(command IN LISTS commands)
  help_lines(help ${command} --help)
  roff_sections(body description usage "${help}" "-h,--help")
  roff_synopsis(line "${usage}" " ${command}")
  string(APPEND synopsis "\n.br\n${line}")
  roff(description "${description}")
  string(APPEND command_sections ".SS ${command}\n${line}\n.PP\n${description}\n${body}")
endforeach()

roff(version "${version}")
set(page ".\\\" Generated from `tradeoff --help` by cmake/manpage.cmake. Do not edit.
.TH TRADEOFF 1 \"\" \"tradeoff ${version}\" \"User Commands\"
.SH NAME
tradeoff \\- ${title}
.SH SYNOPSIS
${synopsis}
.SH DESCRIPTION
\\fBtradeoff\\fR ranks the options of a decision on weighted criteria, says how far ahead the
winner is and why, and how sure that is. A YAML \\fIframework\\fR defines the criteria, the
options, their scores and the weights; an \\fIassessment\\fR answers a framework for one case.
Wherever a command takes a file, the id of a built\\-in framework or example assessment works
too (\\fBtradeoff list\\fR names them). Every command takes \\fB\\-h\\fR, \\fB\\-\\-help\\fR.
.SH OPTIONS
${global_options}.SH COMMANDS
${command_sections}.SH EXIT STATUS
.TP
.B 0
Success.
.TP
.B 1
Bad input: each problem is reported on standard error as
\\fIfile\\fR:\\fIline\\fR:\\fIcolumn\\fR: error: ... [\\fIcode\\fR].
.TP
.B 2
Bad command line.
.TP
.B 3
Internal error.
.SH EXAMPLES
.nf
tradeoff evaluate llm_build_vs_buy
tradeoff evaluate llm_build_vs_buy \\-\\-set requests_per_day=1000000 \\-\\-format json
tradeoff sensitivity llm_build_vs_buy
tradeoff report llm_build_vs_buy \\-o decision.html
.fi
")
string(REPLACE "${kBackslash}" "\\e" page "${page}")
string(REPLACE "${kSemicolon}" ";" page "${page}")
string(REPLACE "${kOpenBracket}" "[" page "${page}")
string(REPLACE "${kCloseBracket}" "]" page "${page}")
file(WRITE "${OUTPUT}" "${page}")
