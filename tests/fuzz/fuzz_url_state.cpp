// fuzz_url_state.cpp — libFuzzer target for the URL-hash parser: a link anyone can send, so the
// most hostile input the viewer reads.
//
// Beyond "no crash", what parse_hash keeps must be safe to act on and must survive a round trip:
// the view inside the map's limits, names valid UTF-8 within the length cap, the language one of
// the two, and to_hash of what was kept parses back to the same state (links the viewer writes
// are links it reads).
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "core/text.hpp"
#include "core/url_state.hpp"

// An invariant the fuzzer broke: name it, then abort so that libFuzzer keeps the input.
#define require(cond) \
    ((cond) ? (void)0 : (std::fprintf(stderr, "invariant broken: %s (%s:%d)\n", #cond, __FILE__, __LINE__), std::abort()))

namespace {

namespace us = ntm::url_state;


void require_name(const std::string& s) {
    require(s.size() <= us::kMaxValueBytes && ntm::text::is_valid_utf8(s));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const us::ViewState s = us::parse_hash(text);

    if (s.view) {
        require(std::isfinite(s.view->lon) && std::fabs(s.view->lon) <= us::kMaxLon);
        require(std::isfinite(s.view->lat) && std::fabs(s.view->lat) <= us::kMaxLat);
        require(std::isfinite(s.view->zoom) && s.view->zoom >= us::kMinZoom && s.view->zoom <= us::kMaxZoom);
    }
    require_name(s.district);
    require_name(s.commune);
    require(s.commune.empty() || !s.district.empty());
    require(s.lang.empty() || s.lang == "vi" || s.lang == "en");
    require(!s.tour_step || (*s.tour_step >= 0 && *s.tour_step <= us::kMaxTourStep));

    us::ViewState expected = s;
    if (expected.view) expected.view = us::rounded(*expected.view);
    require(us::parse_hash(us::to_hash(s)) == expected);

    const auto decoded = us::percent_decode(us::percent_encode(text));
    require(decoded && *decoded == text);
    return 0;
}
