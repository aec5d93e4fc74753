// parse_decimal (core/decimal.hpp) in the browser: JavaScript's Number(), which reads a JSON
// number to the nearest double as strtod does, without shipping strtod (see decimal.hpp).
#include <emscripten.h>

#include "core/decimal.hpp"

namespace {
EM_JS(double, js_parse_decimal, (const char* text), { return Number(UTF8ToString(text)); });
}  // namespace

namespace ntm {

double parse_decimal(const char* text) { return js_parse_decimal(text); }

}  // namespace ntm
