#include "render/shader.hpp"

namespace ntm::render {

namespace {

void attach(GLuint program, GLenum type, const char* src) {
    const GLuint s = glCreateShader(type);
    glShaderSource(s, 1, &src, nullptr);
    glCompileShader(s);
    glAttachShader(program, s);
    glDeleteShader(s);  // flagged: freed with the program, its log readable until then
}

}  // namespace

GLuint start_program(const char* vertex_src, const char* fragment_src) {
    const GLuint p = glCreateProgram();
    attach(p, GL_VERTEX_SHADER, vertex_src);
    attach(p, GL_FRAGMENT_SHADER, fragment_src);
    glLinkProgram(p);
    return p;
}

GLuint finish_program(GLuint program, std::string* error_en) {
    if (!program) {
        if (error_en) *error_en = "program: not created";
        return 0;
    }
    GLint ok = 0;
    glGetProgramiv(program, GL_LINK_STATUS, &ok);
    if (ok) return program;
    // A shader that did not compile says why; otherwise the linker does.
    char log[1024] = {};
    GLuint shaders[2] = {};
    GLsizei n = 0;
    glGetAttachedShaders(program, 2, &n, shaders);
    for (GLsizei i = 0; i < n && !log[0]; ++i) {
        GLint compiled = 0;
        glGetShaderiv(shaders[i], GL_COMPILE_STATUS, &compiled);
        if (!compiled) glGetShaderInfoLog(shaders[i], sizeof log, nullptr, log);
    }
    if (error_en) *error_en = std::string(log[0] ? "shader: " : "program: ") + log;
    if (!log[0]) {
        glGetProgramInfoLog(program, sizeof log, nullptr, log);
        if (error_en) *error_en += log;
    }
    glDeleteProgram(program);
    return 0;
}

GLuint link_program(const char* vertex_src, const char* fragment_src, std::string* error_en) {
    return finish_program(start_program(vertex_src, fragment_src), error_en);
}

}  // namespace ntm::render
