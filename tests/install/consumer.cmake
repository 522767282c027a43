# Installs the built project into a scratch prefix, then builds and runs a program of its own
# against the installed CMake package (consumer/), as a project using the engine would: its
# find_package(tradeoff) must find the package in that prefix, its build needs no header of the
# source tree, and it must print the winner the installed command prints.
# Usage: cmake -DBUILD=<build dir> -DCONFIG=<build type> -DCONSUMER=<consumer source dir>
#              -DWORK=<scratch dir> -DCXX=<compiler> -DGENERATOR=<generator> -P consumer.cmake
cmake_minimum_required(VERSION 3.21)

function(run what)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE code OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT code EQUAL 0)
    message(FATAL_ERROR "${what} failed (${code}):\n${ARGN}\n${out}\n${err}")
  endif()
  set(output "${out}" PARENT_SCOPE)
endfunction()

set(prefix ${WORK}/prefix)
file(REMOVE_RECURSE ${WORK})
run("installing" ${CMAKE_COMMAND} --install ${BUILD} --prefix ${prefix} --config ${CONFIG})

# What a project using the engine needs is there, and the command with its data and docs.
foreach(file bin/tradeoff include/tradeoff/evaluate.hpp include/tradeoff/catalog.hpp
             lib/cmake/tradeoff/tradeoffConfig.cmake lib/cmake/tradeoff/tradeoffConfigVersion.cmake
             lib/cmake/tradeoff/tradeoffTargets.cmake share/man/man1/tradeoff.1
             share/bash-completion/completions/tradeoff
             share/tradeoff/frameworks/llm_build_vs_buy.yaml share/tradeoff/criteria/moat.yaml)
  if(NOT EXISTS ${prefix}/${file})
    message(FATAL_ERROR "not installed: ${file}")
  endif()
endforeach()
file(GLOB libraries ${prefix}/lib*/libtradeoff_engine.a)
if(NOT libraries)
  message(FATAL_ERROR "not installed: libtradeoff_engine.a")
endif()

# The installed headers include only each other and the standard library: no header of the
# engine's sources, of yaml-cpp, Eigen or nlohmann/json.
file(GLOB headers ${prefix}/include/tradeoff/*.hpp)
foreach(header IN LISTS headers)
  file(STRINGS ${header} includes REGEX "^[ \t]*#[ \t]*include")
  foreach(line IN LISTS includes)
    if(line MATCHES "\"tradeoff/([a-z_]+\\.hpp)\"")
      if(NOT EXISTS ${prefix}/include/tradeoff/${CMAKE_MATCH_1})
        message(FATAL_ERROR "${header} includes ${CMAKE_MATCH_1}, which is not installed")
      endif()
    elseif(NOT line MATCHES "<[a-z_]+>")
      message(FATAL_ERROR "${header} includes what is not installed with it: ${line}")
    endif()
  endforeach()
endforeach()

# The consumer: configured against the prefix alone, with the compiler that built the engine.
run("configuring the consumer" ${CMAKE_COMMAND} -S ${CONSUMER} -B ${WORK}/consumer -G ${GENERATOR}
    -DCMAKE_BUILD_TYPE=${CONFIG} -DCMAKE_CXX_COMPILER=${CXX} -DCMAKE_PREFIX_PATH=${prefix}
    -DCMAKE_FIND_USE_PACKAGE_REGISTRY=OFF)
file(STRINGS ${WORK}/consumer/CMakeCache.txt found REGEX "^tradeoff_DIR:")
if(NOT found STREQUAL "tradeoff_DIR:PATH=${prefix}/lib/cmake/tradeoff")
  message(FATAL_ERROR "the consumer found another tradeoff package: ${found}")
endif()
run("building the consumer" ${CMAKE_COMMAND} --build ${WORK}/consumer --config ${CONFIG})
file(GLOB_RECURSE consumer ${WORK}/consumer/consumer ${WORK}/consumer/consumer.exe)
run("running the consumer" ${consumer})
string(STRIP "${output}" winner)

run("the installed tradeoff" ${prefix}/bin/tradeoff evaluate llm_build_vs_buy --format json)
string(JSON expected GET "${output}" explanation winner)
if(NOT winner STREQUAL expected OR NOT winner STREQUAL "open_weights_api")
  message(FATAL_ERROR "the consumer prints '${winner}', tradeoff evaluate says '${expected}' "
                      "(expected open_weights_api)")
endif()
message(STATUS "consumer: ${winner}, as tradeoff evaluate says")
