# Third-party libraries, all from Debian's archive (see scripts/setup.sh).
if(EMSCRIPTEN)
  # find_package() only searches the Emscripten sysroot, and -I/usr/include would pull in glibc
  # headers: expose just the header-only libraries through a folder of symbolic links.
  set(_hdr ${CMAKE_BINARY_DIR}/host-headers)
  file(MAKE_DIRECTORY ${_hdr})
  foreach(d nlohmann rapidjson catch2)
    file(CREATE_LINK /usr/include/${d} ${_hdr}/${d} SYMBOLIC)
  endforeach()
  add_library(nlohmann_json::nlohmann_json INTERFACE IMPORTED)
  add_library(RapidJSON::RapidJSON INTERFACE IMPORTED)
  add_library(Catch2::Catch2 INTERFACE IMPORTED)
  set_target_properties(nlohmann_json::nlohmann_json RapidJSON::RapidJSON Catch2::Catch2
                        PROPERTIES INTERFACE_INCLUDE_DIRECTORIES ${_hdr})
  list(APPEND CMAKE_MODULE_PATH /usr/lib/cmake/Catch2)
else()
  find_package(nlohmann_json 3 CONFIG REQUIRED)
  find_package(RapidJSON CONFIG REQUIRED)  # sets RAPIDJSON_INCLUDE_DIRS only, no target
  add_library(RapidJSON::RapidJSON INTERFACE IMPORTED)
  set_target_properties(RapidJSON::RapidJSON PROPERTIES INTERFACE_INCLUDE_DIRECTORIES "${RAPIDJSON_INCLUDE_DIRS}")
  find_package(Catch2 2 CONFIG REQUIRED)
endif()
