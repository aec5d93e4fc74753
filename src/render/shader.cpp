#include "render/shader.hpp"

namespace ntm::render {

namespace {

GLuint compile(GLenum type, const char* src, std::string* error) {
    GLuint s = glCreateShader(type);
    glShaderSource(s, 1, &src, nullptr);
    glCompileShader(s);
    GLint ok = 0;
    glGetShaderiv(s, GL_COMPILE_STATUS, &ok);
    if (!ok) {
        char log[1024] = {};
        glGetShaderInfoLog(s, sizeof log, nullptr, log);
        if (error) *error = std::string("shader: ") + log;
        glDeleteShader(s);
        return 0;
    }
    return s;
}

}  // namespace

GLuint link_program(const char* vertex_src, const char* fragment_src, std::string* error_en) {
    GLuint v = compile(GL_VERTEX_SHADER, vertex_src, error_en);
    GLuint f = compile(GL_FRAGMENT_SHADER, fragment_src, error_en);
    if (!v || !f) {
        if (v) glDeleteShader(v);
        if (f) glDeleteShader(f);
        return 0;
    }
    GLuint p = glCreateProgram();
    glAttachShader(p, v);
    glAttachShader(p, f);
    glLinkProgram(p);
    glDeleteShader(v);
    glDeleteShader(f);
    GLint ok = 0;
    glGetProgramiv(p, GL_LINK_STATUS, &ok);
    if (!ok) {
        char log[1024] = {};
        glGetProgramInfoLog(p, sizeof log, nullptr, log);
        if (error_en) *error_en = std::string("program: ") + log;
        glDeleteProgram(p);
        return 0;
    }
    return p;
}

}  // namespace ntm::render
