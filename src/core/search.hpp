// search.hpp — find communes and districts by name as the user types (issue 4, Ctrl+K box).
//
// What it does: an index over the map's districts and communes, built once from the map
// asset, answering a query with ranked matches. Matching ignores case, Vietnamese diacritics
// and đ/Đ (text::fold_vi), punctuation and repeated spaces, and works with or without the
// unit-type word: "hoa tu 1", "HÒA TÚ", "Xã Hòa Tú 1" and "hoà tú" all find Xã Hòa Tú 1.
// Same-named units ("Phường 1" exists in three districts) each come back as their own match
// whose display text names the district; a query may add the district to pick one
// ("phuong 1 vinh chau").
// What it doesn't: no fuzzy/typo matching (plan.cpp suggests near names for data files), no
// province-level entry, no drawing. Matches point into the index (display) and the map asset
// (indices); nothing is copied per keystroke but the result vector itself.
//
// Ranking (decided for issue 4): tiers first, then a fixed tie order.
//   exact        the query is the whole name, with or without its type word ("hoa tu 1")
//   prefix       the name, with or without its type word, starts with the query ("hoa t")
//   word_prefix  a later word of the name starts with the query ("tu 1", "phuoc")
//   substring    the query is inside the name anywhere ("oa tu")
//   words        every query word starts a word of the name or of its district, at least one
//                in the name: "phuong 1 vinh chau", "hoa 1"
// Ties: districts before communes (a district is the wider place, and typing its name is
// rarer than typing a commune's, so it is shown first and its same-named town or township
// follows: "long phu" → Huyện Long Phú, Thị trấn Long Phú, Xã Long Phú), then by name in
// natural order ("Phường 2" before "Phường 10"), then by district name.
// Leading "tp", "tx", "tt" stand for thành phố, thị xã, thị trấn ("tp soc trang").
//
//   ntm::search::Index idx = ntm::search::build_index(map);          // once, after the asset loads
//   for (const ntm::search::Match& m : ntm::search::search(idx, "phuong 1", 8))
//       list_item(m.display, m.district, m.commune);                 // "Phường 1, Thị xã Vĩnh Châu"
//   // select: m.commune >= 0 ? commune m.commune : district m.district
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/asset.hpp"

namespace ntm::search {

// Longest folded query looked at, in bytes; the rest is ignored. No unit name with its
// district comes near it, so a longer query cannot match anything more.
inline constexpr size_t kMaxQueryBytes = 96;

enum class MatchKind : int { words = 1, substring = 2, word_prefix = 3, prefix = 4, exact = 5 };

struct Match {
    int32_t district = -1;       // index into MapAsset::districts: the district itself, or the commune's parent
    int32_t commune = -1;        // index into MapAsset::communes; -1 when the match is a district
    int score = 0;               // the MatchKind as an int: higher is better; results are already in rank order
    std::string_view display;    // "Xã Hòa Tú 1, Huyện Mỹ Xuyên" / "Huyện Mỹ Xuyên"; points into the Index
};

// One searchable unit. Strings are folded (lowercase ASCII, no diacritics, single spaces).
struct Entry {
    int32_t district = -1;   // as Match::district
    int32_t commune = -1;    // as Match::commune
    std::string full;        // "xa hoa tu 1"
    std::string bare;        // without the type word: "hoa tu 1" (== full when there is none)
    std::string parent;      // the commune's district: "huyen my xuyen"; "" for a district
    std::string display;     // NFC, as shown: "Xã Hòa Tú 1, Huyện Mỹ Xuyên"
};

struct Index {
    std::vector<Entry> entries;           // in tie order: districts, then communes, each by natural name order
    std::vector<uint32_t> rank_of_district;  // MapAsset district index → position in entries
    std::vector<uint32_t> rank_of_commune;   // MapAsset commune index → position in entries
};

// Districts and communes of the map. A commune whose parent is out of range is still indexed
// (district -1, display without a district).
Index build_index(const asset::MapAsset& map);

// Up to `limit` matches (0 = all) in rank order. An empty or blank query gives none.
std::vector<Match> search(const Index& idx, std::string_view query, size_t limit);
// The same into `out` (cleared first), reusing its capacity: no allocation once it is large enough.
void search_into(const Index& idx, std::string_view query, size_t limit, std::vector<Match>* out);

// The folded, single-spaced form queries and names are compared in: "  Xã HÒA-Tú  1 " → "xa hoa tu 1".
// Exposed for tests and for callers who key their own tables the same way.
std::string normalize(std::string_view utf8);

}  // namespace ntm::search
