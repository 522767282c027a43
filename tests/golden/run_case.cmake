# Runs the real `tradeoff` binary for one golden case and compares stdout, stderr and the exit
# code with the expected files. The case folder is the working directory, so paths in messages
# stay relative. With TRADEOFF_UPDATE_GOLDEN=1 in the environment the expected files are
# rewritten instead.
#   cmake -DEXE=<tradeoff> -DCASE=<case dir> -P run_case.cmake
# Case folder: `args` (one argument per line), inputs, expected.out, expected.err, expected.code.
file(STRINGS "${CASE}/args" args ENCODING UTF-8)
set(ENV{NO_COLOR} 1)
execute_process(
  COMMAND "${EXE}" ${args}
  WORKING_DIRECTORY "${CASE}"
  OUTPUT_VARIABLE out
  ERROR_VARIABLE err
  RESULT_VARIABLE code
  TIMEOUT 60)

if("$ENV{TRADEOFF_UPDATE_GOLDEN}" STREQUAL "1")
  file(WRITE "${CASE}/expected.out" "${out}")
  file(WRITE "${CASE}/expected.err" "${err}")
  file(WRITE "${CASE}/expected.code" "${code}\n")
  message(STATUS "updated ${CASE}")
  return()
endif()

set(failed "")
foreach(stream out err)
  set(expected "")
  if(EXISTS "${CASE}/expected.${stream}")
    file(READ "${CASE}/expected.${stream}" expected)
  endif()
  if(NOT "${${stream}}" STREQUAL "${expected}")
    file(WRITE "${CASE}/actual.${stream}" "${${stream}}")
    string(APPEND failed "std${stream} differs: diff -u ${CASE}/expected.${stream} ${CASE}/actual.${stream}\n")
  endif()
endforeach()
file(READ "${CASE}/expected.code" expected_code)
string(STRIP "${expected_code}" expected_code)
if(NOT "${code}" STREQUAL "${expected_code}")
  string(APPEND failed "exit code ${code}, expected ${expected_code}\n")
endif()
if(failed)
  message(FATAL_ERROR "golden case ${CASE} failed:\n${failed}"
                      "(TRADEOFF_UPDATE_GOLDEN=1 ctest -R golden/ rewrites the expected files)")
endif()
