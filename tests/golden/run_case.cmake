# Runs the real `tradeoff` binary for one golden case and compares stdout, stderr and the exit
# code with the expected files, byte for byte. The case folder is the working directory, so
# paths in messages stay relative. With TRADEOFF_UPDATE_GOLDEN=1 in the environment the
# expected files are rewritten instead.
#   cmake -DEXE=<tradeoff> -DCASE=<case dir> -P run_case.cmake
# Case folder: `args` (one argument per line), inputs, expected.out, expected.err, expected.code.
file(STRINGS "${CASE}/args" args ENCODING UTF-8)
set(ENV{NO_COLOR} 1)
# Output goes to files, not variables: OUTPUT_VARIABLE drops the \r of \r\n pairs and NUL bytes,
# so CSV line endings could not be checked. The script runs in the test's build folder.
get_filename_component(case_name "${CASE}" NAME)
set(captured "${CMAKE_CURRENT_BINARY_DIR}/golden-output/${case_name}")
file(MAKE_DIRECTORY "${captured}")
execute_process(
  COMMAND "${EXE}" ${args}
  WORKING_DIRECTORY "${CASE}"
  OUTPUT_FILE "${captured}/out"
  ERROR_FILE "${captured}/err"
  RESULT_VARIABLE code
  TIMEOUT 60)

if("$ENV{TRADEOFF_UPDATE_GOLDEN}" STREQUAL "1")
  file(COPY_FILE "${captured}/out" "${CASE}/expected.out")
  file(COPY_FILE "${captured}/err" "${CASE}/expected.err")
  file(WRITE "${CASE}/expected.code" "${code}\n")
  message(STATUS "updated ${CASE}")
  return()
endif()

set(failed "")
foreach(stream out err)
  file(READ "${captured}/${stream}" actual HEX)
  set(expected "")
  if(EXISTS "${CASE}/expected.${stream}")
    file(READ "${CASE}/expected.${stream}" expected HEX)
  endif()
  file(REMOVE "${CASE}/actual.${stream}")  # left over from an earlier failure
  if(NOT "${actual}" STREQUAL "${expected}")
    file(COPY_FILE "${captured}/${stream}" "${CASE}/actual.${stream}")
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
