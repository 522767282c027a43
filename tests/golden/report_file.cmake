# `tradeoff report -o FILE` takes its format from FILE's extension and writes the same bytes as
# `--format F -o -`; an error (here a --date that is not a date) leaves an existing FILE as it was.
#   cmake -DEXE=<tradeoff> -DOUT=<scratch dir> -P report_file.cmake
file(REMOVE_RECURSE "${OUT}")
file(MAKE_DIRECTORY "${OUT}")
foreach(pair "md;markdown" "html;html")
  list(GET pair 0 extension)
  list(GET pair 1 format)
  execute_process(COMMAND "${EXE}" report seed_scenario -o "${OUT}/record.${extension}"
                  RESULT_VARIABLE code)
  if(NOT code EQUAL 0)
    message(FATAL_ERROR "report -o record.${extension} exited with ${code}")
  endif()
  execute_process(COMMAND "${EXE}" report seed_scenario --format ${format} -o -
                  OUTPUT_FILE "${OUT}/stdout.${extension}" RESULT_VARIABLE code)
  file(READ "${OUT}/record.${extension}" written HEX)
  file(READ "${OUT}/stdout.${extension}" printed HEX)
  if(NOT written STREQUAL printed)
    message(FATAL_ERROR "report -o record.${extension} differs from --format ${format} -o -")
  endif()
  execute_process(COMMAND "${EXE}" report seed_scenario --date never -o "${OUT}/record.${extension}"
                  RESULT_VARIABLE code ERROR_VARIABLE err)
  file(READ "${OUT}/record.${extension}" after HEX)
  if(NOT code EQUAL 2 OR NOT after STREQUAL written)
    message(FATAL_ERROR "a failed report (exit ${code}) changed record.${extension}: ${err}")
  endif()
endforeach()
