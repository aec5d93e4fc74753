// url_state.hpp — the shareable view carried in the URL hash (issue 4: links that reopen a view).
//
// What it does: turns the view state into a hash fragment and back.
//   #v=105.97,9.6,10.25&d=Huy%E1%BB%87n%20M%E1%BB%B9%20Xuy%C3%AAn&c=X%C3%A3%20H%C3%B2a%20T%C3%BA%201&l=muc-tieu-2024&lang=vi&t=3
//   v     view: lon,lat,zoom (WGS84 degrees, web-map zoom); 5 decimals for lon/lat (≈1 m), 2 for zoom
//   d, c  the selected district and commune, full NFC names percent-encoded as UTF-8;
//         c is only read together with d (Phường 1 exists in three districts)
//   l     layer id (legend::layer_id): "muc-tieu-2024", "hien-trang", "ranh-gioi"
//   lang  "vi" or "en"
//   t     tour step, 0-based index into tour::Tour::steps (present = presentation mode is on)
// parse_hash never fails and never trusts the text: each field is checked on its own and
// dropped when invalid — unknown keys, bad percent escapes, invalid UTF-8 or control characters
// after decoding, values over kMaxValueBytes, NaN/inf/exponents/huge numbers, lon/lat/zoom out
// of range, unknown layers or languages — and the valid rest is kept. Names are returned as
// plain text: "<script>" is just a district that does not exist; the caller looks names up in
// the map and must never put them into HTML (the viewer draws them with ImGui).
// What it doesn't: no check that names exist on the map (the caller does, with the asset), no
// browser access (the platform layer reads/writes location.hash and history).
//
//   ntm::url_state::ViewState s;
//   s.view = ntm::url_state::View{105.97, 9.6, 10.25};
//   s.district = "Huyện Mỹ Xuyên"; s.commune = "Xã Hòa Tú 1"; s.layer = "muc-tieu-2024";
//   std::string hash = ntm::url_state::to_hash(s);          // "#v=105.97,9.6,10.25&d=Huy%E1..."
//   ntm::url_state::ViewState back = ntm::url_state::parse_hash(hash);   // back == s
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace ntm::url_state {

inline constexpr size_t kMaxValueBytes = 200;  // a decoded value longer than this is dropped
inline constexpr double kMaxLon = 180.0;
inline constexpr double kMaxLat = 85.0511287798;  // the Web Mercator limit
inline constexpr double kMinZoom = 0.0;
inline constexpr double kMaxZoom = 20.0;
inline constexpr int kMaxTourStep = 999;
inline constexpr int kLonLatDecimals = 5;     // 1e-5° ≈ 1.1 m: below a pixel at zoom 17
inline constexpr int kZoomDecimals = 2;

struct View {
    double lon = 0;   // degrees east, -180..180
    double lat = 0;   // degrees north, ±kMaxLat
    double zoom = 0;  // web-map zoom, kMinZoom..kMaxZoom

    bool operator==(const View& o) const { return lon == o.lon && lat == o.lat && zoom == o.zoom; }
};

// Empty strings and nullopt mean "not in the link": the viewer keeps its default for them.
struct ViewState {
    std::optional<View> view;
    std::string district;             // "Huyện Mỹ Xuyên"; "" = nothing selected
    std::string commune;              // "Xã Hòa Tú 1"; "" = the district itself (or nothing); needs district
    std::string layer;                // legend layer id; "" = default layer
    std::string lang;                 // "vi" or "en"; "" = default (vi)
    std::optional<int> tour_step;     // 0..kMaxTourStep; nullopt = not presenting

    bool operator==(const ViewState& o) const {
        return view == o.view && district == o.district && commune == o.commune && layer == o.layer &&
               lang == o.lang && tour_step == o.tour_step;
    }
    bool operator!=(const ViewState& o) const { return !(*this == o); }
};

// "#k=v&k=v…" in the order v, d, c, l, lang, t; "" when nothing is set. Only unreserved ASCII
// (A-Z a-z 0-9 - . _ ~) is written raw, everything else as %XX of its UTF-8 bytes. Fields that
// parse_hash would reject (out-of-range view, commune without district, bad layer…) are left
// out, so to_hash(s) always parses back to what it shows. The view is rounded to the decimals
// above, so parse_hash(to_hash(s)).view is s.view rounded.
std::string to_hash(const ViewState& state);

// Reads "#…" or the same text without '#'. Pairs are split on '&'; a later valid value of the
// same key replaces an earlier one; '+' decodes as a space, as URLSearchParams does.
ViewState parse_hash(std::string_view hash);

// Percent-encoding used by to_hash, exposed for tests and for the JS glue's own links.
std::string percent_encode(std::string_view utf8);
// Decodes %XX and '+'; nullopt on a malformed escape. Does not check the result's UTF-8.
std::optional<std::string> percent_decode(std::string_view text);

// Rounds a view to what to_hash writes, so callers can compare a live camera to a parsed link.
View rounded(const View& v);

}  // namespace ntm::url_state
