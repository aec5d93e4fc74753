// shader.hpp — compiles and links a GLSL ES 3.00 program, with the driver's log as the error.
// No ImGui, no Emscripten: only GLES3 headers.
#pragma once

#include <GLES3/gl3.h>

#include <string>

namespace ntm::render {

// Returns the program, or 0 with the compiler's or linker's message in `error_en`.
GLuint link_program(const char* vertex_src, const char* fragment_src, std::string* error_en);

}  // namespace ntm::render
