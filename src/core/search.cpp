// search.cpp — see search.hpp.
#include "core/search.hpp"

#include <algorithm>

#include "core/text.hpp"

namespace ntm::search {

namespace {

// [SECTION] Folding into a fixed buffer
// The query is folded one code point at a time into a stack buffer: fold_vi of a single code
// point returns at most 4 bytes, which every standard library keeps in the string object
// itself (small-string optimisation), so a keystroke allocates nothing here.

struct Folded {
    char bytes[kMaxQueryBytes];
    size_t size = 0;
    std::string_view view() const { return {bytes, size}; }
};

bool is_word_byte(unsigned char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80;
}

// Appends `s` (already folded) to `out`, turning every non-word byte into one separating space
// and never starting with or doubling a space. Stops silently at the buffer's end.
void append_normalized(std::string_view s, Folded* out) {
    for (char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        if (is_word_byte(c)) {
            if (out->size == kMaxQueryBytes) return;
            out->bytes[out->size++] = ch;
        } else if (out->size > 0 && out->bytes[out->size - 1] != ' ') {
            if (out->size == kMaxQueryBytes) return;
            out->bytes[out->size++] = ' ';
        }
    }
}

void fold_query(std::string_view utf8, Folded* out) {
    out->size = 0;
    size_t pos = 0;
    while (pos < utf8.size() && out->size < kMaxQueryBytes) {
        const size_t start = pos;
        const uint32_t cp = text::next_code_point(utf8, &pos);
        if (cp < 0x80) {
            const char c = static_cast<char>(cp >= 'A' && cp <= 'Z' ? cp - 'A' + 'a' : cp);
            append_normalized(std::string_view(&c, 1), out);
        } else {
            const std::string piece = text::fold_vi(utf8.substr(start, pos - start));  // ≤ 4 bytes: no heap
            append_normalized(piece, out);
        }
    }
    if (out->size > 0 && out->bytes[out->size - 1] == ' ') --out->size;
}

// "tp soc trang" → "thanh pho soc trang". Only a leading abbreviation followed by more words:
// alone, "tt" is more likely the start of a name than a type.
void expand_abbreviation(Folded* q) {
    static constexpr struct {
        std::string_view abbr, full;
    } kAbbr[] = {{"tp ", "thanh pho "}, {"tx ", "thi xa "}, {"tt ", "thi tran "}};
    const std::string_view v = q->view();
    for (const auto& a : kAbbr) {
        if (v.size() <= a.abbr.size() || v.compare(0, a.abbr.size(), a.abbr) != 0) continue;
        const size_t grow = a.full.size() - a.abbr.size();
        const size_t keep = std::min(v.size(), kMaxQueryBytes - grow) - a.abbr.size();
        std::copy_backward(q->bytes + a.abbr.size(), q->bytes + a.abbr.size() + keep,
                           q->bytes + a.full.size() + keep);
        std::copy(a.full.begin(), a.full.end(), q->bytes);
        q->size = a.full.size() + keep;
        return;
    }
}

// [SECTION] Matching

bool starts_with(std::string_view s, std::string_view p) { return s.size() >= p.size() && s.compare(0, p.size(), p) == 0; }

// Whether `q` starts a word of `s` (at 0 or after a space); skip_first_word ignores a match at 0.
bool word_prefix(std::string_view s, std::string_view q, bool skip_first_word) {
    size_t at = s.find(q);
    while (at != std::string_view::npos) {
        if ((at == 0 && !skip_first_word) || (at > 0 && s[at - 1] == ' ')) return true;
        at = s.find(q, at + 1);
    }
    return false;
}

// Every word of q starts a word of the name or of the district, and at least one is in the name.
bool all_words_match(const Entry& e, std::string_view q) {
    bool any_in_name = false;
    size_t pos = 0;
    while (pos < q.size()) {
        size_t end = q.find(' ', pos);
        if (end == std::string_view::npos) end = q.size();
        const std::string_view word = q.substr(pos, end - pos);
        const bool in_name = word_prefix(e.full, word, false);
        if (!in_name && !word_prefix(e.parent, word, false)) return false;
        any_in_name = any_in_name || in_name;
        pos = end + 1;
    }
    return any_in_name;
}

int match_tier(const Entry& e, std::string_view q) {
    if (q == e.full || q == e.bare) return int(MatchKind::exact);
    if (starts_with(e.full, q) || starts_with(e.bare, q)) return int(MatchKind::prefix);
    if (word_prefix(e.full, q, true)) return int(MatchKind::word_prefix);
    if (e.full.find(q) != std::string::npos) return int(MatchKind::substring);
    if (q.find(' ') != std::string_view::npos && all_words_match(e, q)) return int(MatchKind::words);
    return 0;
}

// [SECTION] Index

// Strips the type word of a folded name: "xa hoa tu 1" → "hoa tu 1".
std::string strip_type(const std::string& folded) {
    for (std::string_view p : {"thanh pho ", "thi tran ", "thi xa ", "phuong ", "huyen ", "tinh ", "xa "}) {
        if (folded.size() > p.size() && starts_with(folded, p)) return folded.substr(p.size());
    }
    return folded;
}

// Natural order: runs of digits compare by value, so "phuong 2" < "phuong 10".
bool natural_less(std::string_view a, std::string_view b) {
    size_t i = 0, j = 0;
    const auto digit = [](char c) { return c >= '0' && c <= '9'; };
    while (i < a.size() && j < b.size()) {
        if (digit(a[i]) && digit(b[j])) {
            size_t ie = i, je = j;
            while (ie < a.size() && digit(a[ie])) ++ie;
            while (je < b.size() && digit(b[je])) ++je;
            // Compare by value without overflow: skip leading zeros, then by length, then lexically.
            size_t is = i, js = j;
            while (is + 1 < ie && a[is] == '0') ++is;
            while (js + 1 < je && b[js] == '0') ++js;
            if (ie - is != je - js) return ie - is < je - js;
            const int c = a.substr(is, ie - is).compare(b.substr(js, je - js));
            if (c != 0) return c < 0;
            i = ie, j = je;
        } else {
            if (a[i] != b[j]) return static_cast<unsigned char>(a[i]) < static_cast<unsigned char>(b[j]);
            ++i, ++j;
        }
    }
    return a.size() - i < b.size() - j;
}

}  // namespace

std::string normalize(std::string_view utf8) {
    // The same rules as fold_query, without its length cap: names are indexed whole.
    const std::string folded = text::fold_vi(utf8);
    std::string out;
    out.reserve(folded.size());
    bool pending_space = false;
    for (char ch : folded) {
        if (is_word_byte(static_cast<unsigned char>(ch))) {
            if (pending_space && !out.empty()) out.push_back(' ');
            pending_space = false;
            out.push_back(ch);
        } else {
            pending_space = true;
        }
    }
    return out;
}

Index build_index(const asset::MapAsset& map) {
    Index idx;
    idx.entries.reserve(map.districts.size() + map.communes.size());
    for (size_t i = 0; i < map.districts.size(); ++i) {
        Entry e;
        e.district = static_cast<int32_t>(i);
        e.full = normalize(map.districts[i].name);
        e.bare = strip_type(e.full);
        e.display = map.districts[i].name;
        idx.entries.push_back(std::move(e));
    }
    for (size_t i = 0; i < map.communes.size(); ++i) {
        const asset::Feature& c = map.communes[i];
        const bool has_parent = c.parent >= 0 && static_cast<size_t>(c.parent) < map.districts.size();
        Entry e;
        e.district = has_parent ? c.parent : -1;
        e.commune = static_cast<int32_t>(i);
        e.full = normalize(c.name);
        e.bare = strip_type(e.full);
        e.display = c.name;
        if (has_parent) {
            const std::string& d = map.districts[static_cast<size_t>(c.parent)].name;
            e.parent = normalize(d);
            e.display += ", " + d;
        }
        idx.entries.push_back(std::move(e));
    }
    std::sort(idx.entries.begin(), idx.entries.end(), [](const Entry& a, const Entry& b) {
        const bool a_district = a.commune < 0, b_district = b.commune < 0;
        if (a_district != b_district) return a_district;
        if (a.bare != b.bare) return natural_less(a.bare, b.bare);
        if (a.full != b.full) return natural_less(a.full, b.full);
        return natural_less(a.parent, b.parent);
    });
    idx.rank_of_district.assign(map.districts.size(), 0);
    idx.rank_of_commune.assign(map.communes.size(), 0);
    for (size_t r = 0; r < idx.entries.size(); ++r) {
        const Entry& e = idx.entries[r];
        if (e.commune >= 0) {
            idx.rank_of_commune[static_cast<size_t>(e.commune)] = static_cast<uint32_t>(r);
        } else {
            idx.rank_of_district[static_cast<size_t>(e.district)] = static_cast<uint32_t>(r);
        }
    }
    return idx;
}

void search_into(const Index& idx, std::string_view query, size_t limit, std::vector<Match>* out) {
    out->clear();
    Folded q;
    fold_query(query, &q);
    expand_abbreviation(&q);
    if (q.size == 0) return;
    const std::string_view qv = q.view();
    for (const Entry& e : idx.entries) {
        const int tier = match_tier(e, qv);
        if (tier > 0) out->push_back({e.district, e.commune, tier, e.display});
    }
    // Entries are scanned in tie order, so rank = (tier, position). The position is looked up
    // rather than carried in Match, and std::partial_sort sorts in place (stable_sort may allocate).
    const auto rank = [&idx](const Match& m) {
        return m.commune >= 0 ? idx.rank_of_commune[static_cast<size_t>(m.commune)]
                              : idx.rank_of_district[static_cast<size_t>(m.district)];
    };
    const size_t n = limit == 0 ? out->size() : std::min(limit, out->size());
    std::partial_sort(out->begin(), out->begin() + static_cast<std::ptrdiff_t>(n), out->end(),
                      [&rank](const Match& a, const Match& b) {
                          if (a.score != b.score) return a.score > b.score;
                          return rank(a) < rank(b);
                      });
    out->resize(n);
}

std::vector<Match> search(const Index& idx, std::string_view query, size_t limit) {
    std::vector<Match> out;
    search_into(idx, query, limit, &out);
    return out;
}

}  // namespace ntm::search
