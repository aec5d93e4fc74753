// parse_decimal (core/decimal.hpp) for native builds: the C library's strtod, exact (the double
// nearest to the text) in glibc, as JSON.parse and nlohmann-json are.
#include <cstdlib>

#include "core/decimal.hpp"

namespace ntm {

double parse_decimal(const char* text) { return std::strtod(text, nullptr); }

}  // namespace ntm
