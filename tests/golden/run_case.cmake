# Runs the real `tradeoff` binary for one golden case and compares stdout, stderr and the exit
# code with the expected files, byte for byte. The case folder is the working directory, so
# paths in messages stay relative. With TRADEOFF_UPDATE_GOLDEN=1 in the environment the
# expected files are rewritten instead.
#   cmake -DEXE=<tradeoff> -DCASE=<golden/AREA/CASE dir> -P run_case.cmake
# Case folder: `args` (one argument per line), inputs, expected.out, expected.err, expected.code.
# An absent expected.out or expected.err means empty output, an absent expected.code means 0;
# only non-empty outputs and non-zero codes are kept as files.
file(STRINGS "${CASE}/args" args ENCODING UTF-8)
set(ENV{NO_COLOR} 1)
# Output goes to files, not variables: OUTPUT_VARIABLE drops the \r of \r\n pairs and NUL bytes,
# so CSV line endings could not be checked. The script runs in the test's build folder; case
# names repeat across areas, so the scratch folder is named by area and case.
get_filename_component(case_name "${CASE}" NAME)
get_filename_component(area_dir "${CASE}" DIRECTORY)
get_filename_component(area_name "${area_dir}" NAME)
set(captured "${CMAKE_CURRENT_BINARY_DIR}/golden-output/${area_name}/${case_name}")
file(MAKE_DIRECTORY "${captured}")
execute_process(
  COMMAND "${EXE}" ${args}
  WORKING_DIRECTORY "${CASE}"
  OUTPUT_FILE "${captured}/out"
  ERROR_FILE "${captured}/err"
  RESULT_VARIABLE code
  TIMEOUT 60)

if("$ENV{TRADEOFF_UPDATE_GOLDEN}" STREQUAL "1")
  foreach(stream out err)
    file(REMOVE "${CASE}/actual.${stream}")
    file(SIZE "${captured}/${stream}" size)
    if(size GREATER 0)
      file(COPY_FILE "${captured}/${stream}" "${CASE}/expected.${stream}")
    else()
      file(REMOVE "${CASE}/expected.${stream}")
    endif()
  endforeach()
  if("${code}" STREQUAL "0")
    file(REMOVE "${CASE}/expected.code")
  else()
    file(WRITE "${CASE}/expected.code" "${code}\n")
  endif()
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
    if(EXISTS "${CASE}/expected.${stream}")
      string(APPEND failed "std${stream} differs: diff -u ${CASE}/expected.${stream} ${CASE}/actual.${stream}\n")
    else()
      string(APPEND failed "std${stream} should be empty (no expected.${stream}): see ${CASE}/actual.${stream}\n")
    endif()
  endif()
endforeach()
set(expected_code 0)
if(EXISTS "${CASE}/expected.code")
  file(READ "${CASE}/expected.code" expected_code)
  string(STRIP "${expected_code}" expected_code)
endif()
if(NOT "${code}" STREQUAL "${expected_code}")
  string(APPEND failed "exit code ${code}, expected ${expected_code}\n")
endif()
if(failed)
  message(FATAL_ERROR "golden case ${CASE} failed:\n${failed}"
                      "(TRADEOFF_UPDATE_GOLDEN=1 ctest -R golden/ rewrites the expected files)")
endif()
