# bugforge_library(NAME DEPS...) — a stage library from <folder>/src/**/*.cpp with its public
# headers in <folder>/include. Globbing keeps "one bug class = one file" a one-file change.
# A stage with no sources yet is an interface library so that the tree always configures.
function(bugforge_library name)
  file(GLOB_RECURSE srcs CONFIGURE_DEPENDS "${CMAKE_CURRENT_SOURCE_DIR}/src/*.cpp")
  if(srcs)
    add_library(${name} STATIC ${srcs})
    target_include_directories(${name} PUBLIC "${CMAKE_CURRENT_SOURCE_DIR}/include")
    target_link_libraries(${name} PUBLIC ${ARGN})
    target_compile_definitions(${name} PRIVATE BUGFORGE_SOURCE_DIR="${BUGFORGE_SOURCE_DIR}")
  else()
    add_library(${name} INTERFACE)
    target_include_directories(${name} INTERFACE "${CMAKE_CURRENT_SOURCE_DIR}/include")
    target_link_libraries(${name} INTERFACE ${ARGN})
  endif()
endfunction()
