# What `cmake --install` puts where, and the Debian packages `cpack -G DEB` makes of it:
#   tradeoff      (component Runtime)      the command, its man page and bash completion, the
#                                          catalog and frameworks under share/tradeoff/;
#   tradeoff-dev  (component Development)  the engine as a static library, its public headers
#                                          and a CMake package: find_package(tradeoff) gives
#                                          tradeoff::engine.
# Install rules that name no component go to Runtime (see the top-level CMakeLists.txt).
include(CMakePackageConfigHelpers)

# --- the command ---------------------------------------------------------------------------------
install(DIRECTORY criteria/ DESTINATION ${CMAKE_INSTALL_DATADIR}/tradeoff/criteria
        COMPONENT Runtime FILES_MATCHING PATTERN "*.yaml")
install(DIRECTORY frameworks/ DESTINATION ${CMAKE_INSTALL_DATADIR}/tradeoff/frameworks
        COMPONENT Runtime FILES_MATCHING PATTERN "*.yaml")

# The man page, written from the built program's own --help (cmake/manpage.cmake).
set(TRADEOFF_MANPAGE ${PROJECT_BINARY_DIR}/tradeoff.1)
add_custom_command(
  OUTPUT ${TRADEOFF_MANPAGE}
  COMMAND ${CMAKE_COMMAND} -DEXE=$<TARGET_FILE:tradeoff> -DOUTPUT=${TRADEOFF_MANPAGE}
          -P ${PROJECT_SOURCE_DIR}/cmake/manpage.cmake
  DEPENDS tradeoff ${PROJECT_SOURCE_DIR}/cmake/manpage.cmake
  COMMENT "Writing the man page tradeoff.1 from tradeoff --help"
  VERBATIM)
add_custom_target(tradeoff_manpage ALL DEPENDS ${TRADEOFF_MANPAGE})
install(FILES ${TRADEOFF_MANPAGE} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1 COMPONENT Runtime)
install(FILES cli/completion.bash DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions
        RENAME tradeoff COMPONENT Runtime)

# --- the engine as a library -------------------------------------------------------------------
set(tradeoff_package_dir ${CMAKE_INSTALL_LIBDIR}/cmake/tradeoff)
set_target_properties(tradeoff_engine PROPERTIES EXPORT_NAME engine)
install(TARGETS tradeoff_engine EXPORT tradeoffTargets
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT Development
        INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(DIRECTORY engine/include/tradeoff DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}
        COMPONENT Development FILES_MATCHING PATTERN "*.hpp")
install(EXPORT tradeoffTargets NAMESPACE tradeoff:: DESTINATION ${tradeoff_package_dir}
        COMPONENT Development)

# A library built with sanitizers calls their runtime: a program linking it links that too.
if(TRADEOFF_FUZZ)
  target_link_options(tradeoff_engine INTERFACE $<INSTALL_INTERFACE:-fsanitize=address,undefined>)
elseif(TRADEOFF_SANITIZE)
  target_link_options(tradeoff_engine INTERFACE $<INSTALL_INTERFACE:-fsanitize=${TRADEOFF_SANITIZE}>)
endif()

# The package finds each library the static engine links (its link interface names them as
# $<LINK_ONLY:...>), as the build found it. A new dependency of the engine needs a line here;
# a header-only one is better linked as $<BUILD_INTERFACE:...> in engine/CMakeLists.txt, so that
# a program using the engine need not have it.
set(tradeoff_dependency_packages
    "yaml-cpp=yaml-cpp 0.7"
    "fmt::fmt=fmt"
    "Threads::Threads=Threads")
get_target_property(engine_links tradeoff_engine INTERFACE_LINK_LIBRARIES)
set(TRADEOFF_FIND_DEPENDENCIES "")
foreach(link IN LISTS engine_links)
  if(link MATCHES "^\\$<LINK_ONLY:([^$<>]+)>$")
    set(link ${CMAKE_MATCH_1})
  elseif(link MATCHES "^\\$<")
    continue()  # only the build links it ($<BUILD_INTERFACE:...>)
  endif()
  set(package "")
  foreach(entry IN LISTS tradeoff_dependency_packages)
    if(entry MATCHES "^([^=]+)=(.*)$" AND CMAKE_MATCH_1 STREQUAL link)
      set(package ${CMAKE_MATCH_2})
    endif()
  endforeach()
  # Skipped: a plain library name or flag. (A target found in engine/ is not visible here:
  # a "::" in its name tells it.)
  if(package STREQUAL "" AND (link MATCHES "::" OR TARGET ${link}))
    message(FATAL_ERROR "tradeoff_engine links ${link}, which the installed CMake package does "
                        "not find: add its package to tradeoff_dependency_packages in "
                        "cmake/install.cmake, or link it as $<BUILD_INTERFACE:${link}> if it is "
                        "header-only")
  endif()
  if(NOT package STREQUAL "")
    string(APPEND TRADEOFF_FIND_DEPENDENCIES "find_dependency(${package})\n")
  endif()
endforeach()
configure_package_config_file(cmake/tradeoffConfig.cmake.in
                              ${PROJECT_BINARY_DIR}/tradeoffConfig.cmake
                              INSTALL_DESTINATION ${tradeoff_package_dir})
# Before 1.0 a minor version may break the interface.
write_basic_package_version_file(${PROJECT_BINARY_DIR}/tradeoffConfigVersion.cmake
                                 COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/tradeoffConfig.cmake
              ${PROJECT_BINARY_DIR}/tradeoffConfigVersion.cmake
        DESTINATION ${tradeoff_package_dir} COMPONENT Development)

# --- Debian packages: cpack -G DEB -----------------------------------------------------------------
set(TRADEOFF_PACKAGE_MAINTAINER "tradeoff maintainers" CACHE STRING
    "Maintainer field of the Debian packages, e.g. \"Name <address>\"")
set(CPACK_PACKAGE_NAME tradeoff)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
# Debian gives both packages this first line; the rest of each description is its own.
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "weighted multi-criteria decision engine and tool")
set(CPACK_GENERATOR DEB)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_COMPONENTS_ALL Runtime Development)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${TRADEOFF_PACKAGE_MAINTAINER}")
set(CPACK_DEBIAN_PACKAGE_SECTION science)
set(CPACK_DEBIAN_RUNTIME_PACKAGE_NAME tradeoff)
set(CPACK_DEBIAN_DEVELOPMENT_PACKAGE_NAME tradeoff-dev)
set(CPACK_DEBIAN_DEVELOPMENT_PACKAGE_SECTION libdevel)
set(CPACK_COMPONENT_RUNTIME_DESCRIPTION
    "A YAML framework defines the criteria of a decision, the options, their
scores and the weights, and an assessment answers it for one case. tradeoff
ranks the options, says how far ahead the winner is and why and how sure
that is, and writes the result as text, JSON or CSV, or files it as a
decision record in Markdown or HTML.")
set(CPACK_COMPONENT_DEVELOPMENT_DESCRIPTION
    "The decision engine of tradeoff as a static C++17 library, with its headers
and a CMake package: find_package(tradeoff) gives the target tradeoff::engine.")
# The command's dependencies are the shared libraries it links, as dpkg-shlibdeps (package
# dpkg-dev) reads them: versioned, and right for any Debian release. Without it, Debian 12's
# names. The library needs their headers.
find_program(TRADEOFF_DPKG_SHLIBDEPS dpkg-shlibdeps)
if(TRADEOFF_DPKG_SHLIBDEPS)
  set(CPACK_DEBIAN_RUNTIME_PACKAGE_SHLIBDEPS ON)
else()
  set(CPACK_DEBIAN_RUNTIME_PACKAGE_DEPENDS "libyaml-cpp0.7, libfmt9, libstdc++6, libgcc-s1, libc6")
endif()
set(CPACK_DEBIAN_DEVELOPMENT_PACKAGE_DEPENDS
    "libyaml-cpp-dev (>= 0.7), libfmt-dev, libc6-dev")
include(CPack)
