# Runs the real binary twice on the same input and fails unless the two outputs are the same
# bytes (no timestamps, no unordered iteration, fixed precision).
#   cmake -DEXE=<tradeoff> -DOUT=<scratch dir> -DARGS=<a;b;c> [-DARGS2=<a;b;d>] -P determinism.cmake
# With ARGS2, the second run takes those arguments (the same analysis on 1 and on 2 threads).
file(MAKE_DIRECTORY "${OUT}")
if(NOT DEFINED ARGS2)
  set(ARGS2 "${ARGS}")
endif()
set(args1 ${ARGS})
set(args2 ${ARGS2})
foreach(run 1 2)
  execute_process(COMMAND "${EXE}" ${args${run}} OUTPUT_FILE "${OUT}/run${run}" RESULT_VARIABLE code)
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
