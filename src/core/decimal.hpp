// decimal.hpp — the double nearest to a decimal number, for the JSON reader (json_fields).
//
// Defined per platform, chosen at link time (src/core/CMakeLists.txt): natively the C library's
// strtod (src/core/native/decimal_strtod.cpp); in the browser JavaScript's Number()
// (src/platform/web/decimal_js.cpp), which ECMAScript requires to be the nearest double for up to
// 20 significant digits, and V8 gives for any. strtod in viewer.wasm would be 7.4 KiB (gzip) of
// musl's exact reader and the 128-bit long double arithmetic it needs, 3 % of the default page.
//
//   const double d = ntm::parse_decimal("0.1");   // 0.1000000000000000055511151231257827
#pragma once

namespace ntm {

// `text` is a NUL-terminated number in JSON's syntax (-?digits[.digits][e[+-]digits]); a number
// past the range of a double gives ±infinity, one too small for it ±0.
double parse_decimal(const char* text);

}  // namespace ntm
