// shader.hpp — compiles and links GLSL ES 3.00 programs, with the driver's log as the error.
// No ImGui, no Emscripten: only GLES3 headers.
//
// In a browser every status query is a round trip that waits for the GPU process to finish the
// compile, so programs are started first and their status read later (ideally after other work):
//   GLuint p = start_program(vs, fs);   // returns at once
//   ...                                  // the GPU process compiles meanwhile
//   p = finish_program(p, &error);       // 0 (deleted) with the reason if it failed
#pragma once

#include <GLES3/gl3.h>

#include <string>

namespace ntm::render {

// Creates the program and queues the compile and link; never waits.
GLuint start_program(const char* vertex_src, const char* fragment_src);
// Returns `program` if it linked, otherwise deletes it and returns 0 with the compiler's or
// linker's message in `error_en`. One status query when it linked.
GLuint finish_program(GLuint program, std::string* error_en);
// Both at once.
GLuint link_program(const char* vertex_src, const char* fragment_src, std::string* error_en);

}  // namespace ntm::render
