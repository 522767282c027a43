# Runs the real binary twice on the same input and fails unless the two outputs are the same
# bytes (no timestamps, no unordered iteration, fixed precision).
#   cmake -DEXE=<tradeoff> -DOUT=<scratch dir> -DARGS=<a;b;c> -P determinism.cmake
file(MAKE_DIRECTORY "${OUT}")
foreach(run 1 2)
  execute_process(COMMAND "${EXE}" ${ARGS} OUTPUT_FILE "${OUT}/run${run}" RESULT_VARIABLE code)
  if(NOT code EQUAL 0)
    message(FATAL_ERROR "run ${run} of tradeoff ${ARGS} exited with ${code}")
  endif()
endforeach()
file(READ "${OUT}/run1" first HEX)
file(READ "${OUT}/run2" second HEX)
if(NOT first STREQUAL second)
  message(FATAL_ERROR "two runs of tradeoff ${ARGS} gave different bytes: "
                      "diff ${OUT}/run1 ${OUT}/run2")
endif()
string(LENGTH "${first}" size)
if(size EQUAL 0)
  message(FATAL_ERROR "tradeoff ${ARGS} printed nothing")
endif()
