# Runs the real binary on hostile input (the golden/escape cases in every format, escapes in file
# names and arguments, an 8 MiB scalar); fails if stdout or stderr holds a C0 control but tab and
# line feed (CR only in CSV's CR LF), DEL, a C1 control, or an invisible or reordering character.
#   cmake -DEXE=<tradeoff> -DCASES=<golden/escape dir> -DOUT=<scratch dir> -P no_control_bytes.cmake
set(ENV{NO_COLOR} 1)
file(MAKE_DIRECTORY "${OUT}")
string(ASCII 27 esc)
string(ASCII 7 bel)

# The bytes of `file` as " xx xx ...", so that patterns match whole bytes only.
function(spaced_hex file result)
  file(READ "${file}" hex HEX)
  string(REGEX REPLACE "(..)" " \\1" hex "${hex}")
  set(${result} "${hex} " PARENT_SCOPE)
endfunction()

set(forbidden
    " 0[0-8] " " 0[b-f] " " 1[0-9a-f] " " 7f "            # C0 but tab and line feed; DEL
    " c2 [89][0-9a-f] " " c2 ad "                          # C1 controls; soft hyphen
    " d8 9c " " e2 80 8[b-f] " " e2 80 a[8-9a-e] "         # ALM; ZWSP, joiners, LRM, RLM; U+2028-202E
    " e2 81 a[0-9a-f] " " ef bb bf ")                       # U+2060-206F; BOM
set(problems "")

# Runs the binary with `args` in `dir` and checks both streams; `crlf` allows CR LF line ends.
function(check name dir crlf)
  set(args ${ARGN})
  execute_process(COMMAND "${EXE}" ${args} WORKING_DIRECTORY "${dir}"
                  OUTPUT_FILE "${OUT}/${name}.out" ERROR_FILE "${OUT}/${name}.err"
                  RESULT_VARIABLE code TIMEOUT 60)
  foreach(stream out err)
    spaced_hex("${OUT}/${name}.${stream}" bytes)
    if(crlf)
      string(REPLACE " 0d 0a " " 0a " bytes "${bytes}")
    endif()
    foreach(pattern IN LISTS forbidden)
      string(REGEX MATCH "${pattern}" found "${bytes}")
      if(found)
        string(APPEND problems "${name}: std${stream} holds the bytes${found}(${OUT}/${name}.${stream})\n")
      endif()
    endforeach()
  endforeach()
  set(problems "${problems}" PARENT_SCOPE)
  set(last_code "${code}" PARENT_SCOPE)
endfunction()

# Every golden/escape case, in every format its command takes.
file(GLOB cases LIST_DIRECTORIES true "${CASES}/*")
foreach(case IN LISTS cases)
  get_filename_component(name "${case}" NAME)
  file(STRINGS "${case}/args" args ENCODING UTF-8)
  list(FIND args csv csv_at)
  if(csv_at LESS 0)
    check("${name}" "${case}" OFF ${args})
  else()
    check("${name}" "${case}" ON ${args})
  endif()
  foreach(format text markdown csv)
    set(crlf OFF)
    if(format STREQUAL "csv")
      set(crlf ON)
    endif()
    list(GET args 0 command)
    list(GET args 1 file)
    check("${name}-${format}" "${case}" ${crlf} ${command} ${file} --format ${format})
    if(command STREQUAL "evaluate")
      check("${name}-all-${format}" "${case}" ${crlf} evaluate ${file} --method all
            --format ${format})
    endif()
  endforeach()
endforeach()

# Escapes in a file name, a command, an option's value and a --set.
check(file-name "${CASES}/report-text" OFF evaluate "${esc}]0;pwned${bel}${esc}[2J.yaml")
check(validate-file-name "${CASES}/report-text" OFF validate "${esc}[2Jgone.yaml")
check(command "${CASES}/report-text" OFF "${esc}]0;pwned${bel}")
check(format "${CASES}/report-text" OFF evaluate framework.yaml --format "csv${esc}[2J")
check(set "${CASES}/report-text" OFF evaluate framework.yaml --set "region=${esc}[2J")

# An 8 MiB scalar: the message, the source line and the underline stay short.
string(REPEAT "x" 8388608 big)
file(WRITE "${OUT}/big/framework.yaml"
     "framework: big\ncriteria:\n  - id: a\n    direction: cost\n    weight: ${big}\n"
     "options:\n  - id: o\n    scores: {a: 1}\n")
set(big "")
check(big-scalar "${OUT}/big" OFF evaluate framework.yaml)
file(SIZE "${OUT}/big-scalar.err" size)
if(NOT last_code EQUAL 1 OR size GREATER 1000)
  string(APPEND problems "big-scalar: exit code ${last_code} and ${size} bytes on stderr "
                         "(expected 1, and under 1000)\n")
endif()

if(problems)
  message(FATAL_ERROR "control bytes reached the terminal:\n${problems}")
endif()
list(LENGTH cases count)
message(STATUS "no control bytes in the output of ${count} hostile cases")
