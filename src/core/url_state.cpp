// url_state.cpp — see url_state.hpp.
//
// Numbers are written and read by hand, not with printf/strtod: both follow the C locale
// (a ',' decimal point would break links) and strtod accepts "nan", "inf", hex and exponents,
// none of which belong in a link. A view value is an integer count of 10^-decimals units,
// so what to_hash writes reads back as exactly the same double.
#include "core/url_state.hpp"

#include <cmath>
#include <cstdint>

#include "core/legend.hpp"
#include "core/text.hpp"

namespace ntm::url_state {

namespace {

constexpr int64_t kPow10[] = {1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000, 1000000000};
constexpr size_t kMaxFractionDigits = 9;
constexpr size_t kMaxIntegerDigits = 3;  // 180 is the largest magnitude any field takes

// [SECTION] Numbers

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// value rounded to `decimals`, e.g. (105.97, 5) → "105.97"; trailing zeros and a bare '.' dropped.
std::string format_fixed(double value, int decimals) {
    const int64_t scale = kPow10[decimals];
    const int64_t q = std::llround(value * static_cast<double>(scale));
    const uint64_t mag = q < 0 ? 0 - static_cast<uint64_t>(q) : static_cast<uint64_t>(q);
    std::string out = q < 0 ? "-" : "";
    out += std::to_string(mag / static_cast<uint64_t>(scale));
    std::string frac = std::to_string(mag % static_cast<uint64_t>(scale));
    frac.insert(0, static_cast<size_t>(decimals) - frac.size(), '0');
    while (!frac.empty() && frac.back() == '0') frac.pop_back();
    if (!frac.empty()) out += "." + frac;
    return out;
}

double round_to(double value, int decimals) {
    const double scale = static_cast<double>(kPow10[decimals]);
    return static_cast<double>(std::llround(value * scale)) / scale;
}

// "-105.97123": an optional '-', 1..3 digits, optionally '.' and 1..9 digits. Nothing else
// (no '+', exponent, spaces, "nan", "inf", hex), so the result is always finite and small.
std::optional<double> parse_decimal(std::string_view s) {
    size_t i = 0;
    const bool negative = i < s.size() && s[i] == '-';
    if (negative) ++i;
    const size_t int_start = i;
    int64_t mantissa = 0;
    // Digits past the limits are counted but not accumulated: a link with thousands of digits
    // is rejected below without overflowing the mantissa on the way (found by fuzz_url_state).
    while (i < s.size() && is_digit(s[i])) {
        if (i - int_start < kMaxIntegerDigits) mantissa = mantissa * 10 + (s[i] - '0');
        ++i;
    }
    const size_t int_digits = i - int_start;
    if (int_digits == 0 || int_digits > kMaxIntegerDigits) return std::nullopt;
    size_t frac_digits = 0;
    if (i < s.size() && s[i] == '.') {
        ++i;
        const size_t frac_start = i;
        while (i < s.size() && is_digit(s[i])) {
            if (i - frac_start < kMaxFractionDigits) mantissa = mantissa * 10 + (s[i] - '0');
            ++i;
        }
        frac_digits = i - frac_start;
        if (frac_digits == 0 || frac_digits > kMaxFractionDigits) return std::nullopt;
    }
    if (i != s.size()) return std::nullopt;
    // mantissa < 10^12 and 10^k are exact doubles; one division rounds correctly.
    const double v = static_cast<double>(mantissa) / static_cast<double>(kPow10[frac_digits]);
    return negative ? -v : v;
}

bool view_in_range(const View& v) {
    return std::isfinite(v.lon) && std::isfinite(v.lat) && std::isfinite(v.zoom) && std::fabs(v.lon) <= kMaxLon &&
           std::fabs(v.lat) <= kMaxLat && v.zoom >= kMinZoom && v.zoom <= kMaxZoom;
}

std::optional<View> parse_view(std::string_view s) {
    double parts[3];
    size_t from = 0;
    for (int k = 0; k < 3; ++k) {
        size_t comma = s.find(',', from);
        if (k == 2) {
            if (comma != std::string_view::npos) return std::nullopt;  // a fourth number
            comma = s.size();
        } else if (comma == std::string_view::npos) {
            return std::nullopt;
        }
        const std::optional<double> v = parse_decimal(s.substr(from, comma - from));
        if (!v) return std::nullopt;
        parts[k] = *v;
        from = comma + 1;
    }
    const View v{parts[0], parts[1], parts[2]};
    if (!view_in_range(v)) return std::nullopt;
    return v;
}

std::optional<int> parse_step(std::string_view s) {
    if (s.empty() || s.size() > 3) return std::nullopt;
    int v = 0;
    for (char c : s) {
        if (!is_digit(c)) return std::nullopt;
        v = v * 10 + (c - '0');
    }
    return v <= kMaxTourStep ? std::optional<int>(v) : std::nullopt;
}

// [SECTION] Text values

// A decoded name is kept only when it is valid UTF-8 without control characters or bidi
// controls: those cannot be typed in a unit name and could make one name look like another.
bool acceptable_text(std::string_view s) {
    if (s.empty() || s.size() > kMaxValueBytes || !text::is_valid_utf8(s)) return false;
    size_t pos = 0;
    while (pos < s.size()) {
        const uint32_t cp = text::next_code_point(s, &pos);
        if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F)) return false;                           // C0, DEL, C1
        if ((cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069)) return false;  // bidi embedding/isolates
        if (cp == 0x200E || cp == 0x200F || cp == 0xFEFF) return false;                       // LRM, RLM, BOM
    }
    return true;
}

std::optional<std::string> decode_text(std::string_view raw) {
    // Each decoded byte takes at most 3 characters ("%XX"): longer raw text cannot fit the limit,
    // so it is rejected before anything is allocated for it.
    if (raw.size() > 3 * kMaxValueBytes) return std::nullopt;
    std::optional<std::string> s = percent_decode(raw);
    if (!s || !acceptable_text(*s)) return std::nullopt;
    return s;
}

bool valid_layer(const std::string& id) {
    legend::Layer l;
    return legend::layer_from_id(id, &l);
}

bool valid_lang(std::string_view s) { return s == "vi" || s == "en"; }

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

}  // namespace

// [SECTION] Percent-encoding

std::string percent_encode(std::string_view utf8) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    out.reserve(utf8.size() * 3);
    for (char ch : utf8) {
        const auto c = static_cast<unsigned char>(ch);
        const bool unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                                c == '-' || c == '.' || c == '_' || c == '~';
        if (unreserved) {
            out.push_back(ch);
        } else {
            out.push_back('%');
            out.push_back(kHex[c >> 4]);
            out.push_back(kHex[c & 0xF]);
        }
    }
    return out;
}

std::optional<std::string> percent_decode(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '+') {
            out.push_back(' ');
        } else if (c == '%') {
            if (i + 2 >= text.size()) return std::nullopt;  // "%", "%4" at the end
            const int hi = hex_value(text[i + 1]), lo = hex_value(text[i + 2]);
            if (hi < 0 || lo < 0) return std::nullopt;
            out.push_back(static_cast<char>(hi * 16 + lo));
            i += 2;
        } else {
            out.push_back(c);
        }
    }
    return out;
}

// [SECTION] Hash

View rounded(const View& v) {
    return {round_to(v.lon, kLonLatDecimals), round_to(v.lat, kLonLatDecimals), round_to(v.zoom, kZoomDecimals)};
}

std::string to_hash(const ViewState& s) {
    std::string out;
    const auto add = [&out](const char* key, const std::string& value) {
        out += out.empty() ? "#" : "&";
        out += key;
        out += '=';
        out += value;
    };
    if (s.view && view_in_range(*s.view)) {
        View v = rounded(*s.view);
        // Rounding can lift a latitude at the Mercator limit just past it (85.05112878 →
        // 85.05113); truncate that one instead so the link still parses.
        if (std::fabs(v.lat) > kMaxLat) {
            const double scale = static_cast<double>(kPow10[kLonLatDecimals]);
            v.lat = std::trunc(s.view->lat * scale) / scale;
        }
        add("v", format_fixed(v.lon, kLonLatDecimals) + "," + format_fixed(v.lat, kLonLatDecimals) + "," +
                     format_fixed(v.zoom, kZoomDecimals));
    }
    const bool district_ok = acceptable_text(s.district);
    if (district_ok) add("d", percent_encode(s.district));
    if (district_ok && acceptable_text(s.commune)) add("c", percent_encode(s.commune));
    if (!s.layer.empty() && valid_layer(s.layer)) add("l", s.layer);
    if (valid_lang(s.lang)) add("lang", s.lang);
    if (s.tour_step && *s.tour_step >= 0 && *s.tour_step <= kMaxTourStep) add("t", std::to_string(*s.tour_step));
    return out;
}

ViewState parse_hash(std::string_view hash) {
    ViewState s;
    if (!hash.empty() && hash.front() == '#') hash.remove_prefix(1);
    std::string commune;  // read in any order, kept only with a district
    size_t pos = 0;
    while (pos <= hash.size()) {
        size_t end = hash.find('&', pos);
        if (end == std::string_view::npos) end = hash.size();
        const std::string_view pair = hash.substr(pos, end - pos);
        pos = end + 1;
        const size_t eq = pair.find('=');
        if (eq == std::string_view::npos) continue;
        const std::string_view key = pair.substr(0, eq);
        const std::string_view raw = pair.substr(eq + 1);
        if (key == "v") {
            if (const auto v = parse_view(raw)) s.view = v;
        } else if (key == "d") {
            if (auto d = decode_text(raw)) s.district = std::move(*d);
        } else if (key == "c") {
            if (auto c = decode_text(raw)) commune = std::move(*c);
        } else if (key == "l") {
            if (auto l = decode_text(raw); l && valid_layer(*l)) s.layer = std::move(*l);
        } else if (key == "lang") {
            if (valid_lang(raw)) s.lang = std::string(raw);
        } else if (key == "t") {
            if (const auto t = parse_step(raw)) s.tour_step = t;
        }
    }
    if (!s.district.empty()) s.commune = std::move(commune);
    return s;
}

}  // namespace ntm::url_state
