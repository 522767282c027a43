# tradeoff_warnings: the warning set every target of the project builds with.
add_library(tradeoff_warnings INTERFACE)
if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
  target_compile_options(tradeoff_warnings INTERFACE
    -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wsign-conversion -Wold-style-cast
    -Wnon-virtual-dtor -Woverloaded-virtual
    -Wimplicit-fallthrough)
  if(TRADEOFF_WARNINGS_AS_ERRORS)
    target_compile_options(tradeoff_warnings INTERFACE -Werror)
  endif()
endif()
