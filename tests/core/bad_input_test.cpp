// bad_input_test.cpp — every file of tests/bad-input (and every input its recipes make) through
// its loader: the message the user must see, no crash, the valid part kept. The cases, the
// manifest (expected.json) and the recipes are described in tests/bad-input/README.md; the
// browser tests read the same manifest.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "core/asset.hpp"
#include "core/json_fields.hpp"
#include "core/plan.hpp"
#include "support/real_gazetteer.hpp"
#include "core/tour.hpp"
#include "test_files.hpp"

using namespace ntm;
using Json = nlohmann::json;

namespace {

const std::string kDir = std::string(NTM_FIXTURES_DIR) + "/../bad-input/";

bool contains(const std::string& haystack, const std::string& needle) {
    return haystack.find(needle) != std::string::npos;
}

// [SECTION] The base map asset

// Three communes of one district, a hole, a two-part commune, the province and one context
// province: every table and section of the format, in a few hundred bytes. asset/base.bin is
// exactly encode(base_map()); nothing in it comes from the real boundary data.
asset::MapAsset base_map() {
    using asset::Feature;
    using asset::Ring;
    asset::MapAsset m;
    m.origin = {11800000, 1070000};
    auto add_ring = [&](std::initializer_list<std::pair<float, float>> pts) {
        m.rings.push_back(Ring{uint32_t(m.vertex_count()), uint32_t(pts.size())});
        for (auto [x, y] : pts) m.xy.insert(m.xy.end(), {x, y});
    };
    auto feature = [&](std::string name, int parent, uint32_t first_ring, uint32_t rings, uint32_t first_index,
                       uint32_t indices) {
        Feature f;
        f.name = std::move(name);
        f.parent = parent;
        f.type = asset::unit_type_from_name(f.name);
        f.first_ring = first_ring;
        f.ring_count = rings;
        f.first_index = first_index;
        f.index_count = indices;
        for (uint32_t r = first_ring; r < first_ring + rings; ++r)
            for (uint32_t v = 0; v < m.rings[r].vertex_count; ++v) f.bbox.extend(m.vertex(m.rings[r].first_vertex + v));
        f.label = f.bbox.center();
        f.population = 1000 + 10 * uint32_t(m.communes.size());
        f.area_ha = 1.0f;
        f.source_area_ha = 1.5f;
        return f;
    };
    add_ring({{0, 0}, {100, 0}, {100, 100}, {0, 100}});
    add_ring({{100, 0}, {200, 0}, {200, 100}, {100, 100}});
    add_ring({{140, 40}, {160, 40}, {160, 60}, {140, 60}});  // hole of the second
    add_ring({{0, 200}, {50, 200}, {50, 250}, {0, 250}});
    add_ring({{150, 200}, {200, 200}, {200, 250}, {150, 250}});  // second part of the third
    m.indices = {0, 1, 2, 0, 2, 3, 4, 5, 6, 4, 6, 7, 12, 13, 14, 12, 14, 15, 16, 17, 18, 16, 18, 19};
    m.communes.push_back(feature("Xã Thử Nghiệm A", 0, 0, 1, 0, 6));
    m.communes.push_back(feature("Phường Thử Nghiệm B", 0, 1, 2, 6, 6));
    m.communes.push_back(feature("Thị trấn Thử Nghiệm C", 0, 3, 2, 12, 12));
    m.districts.push_back(feature("Huyện Thử Nghiệm", -1, 0, 2, 0, 12));
    m.province.push_back(feature("Tỉnh Thử Nghiệm", -1, 0, 2, 0, 12));
    m.context.push_back(feature("Tỉnh Láng Giềng", -1, 3, 1, 12, 6));
    return m;
}

// [SECTION] Recipes (tests/bad-input/README.md)

// "12": from the start; "-1": from the end; "0.5": that fraction of the size, rounded down.
bool position(const std::string& arg, size_t size, size_t* out) {
    if (arg.empty()) return false;
    if (arg.find('.') != std::string::npos) {
        const double f = std::stod(arg);
        if (!(f >= 0 && f <= 1)) return false;
        *out = static_cast<size_t>(f * double(size));
        return true;
    }
    const long long v = std::stoll(arg);
    if (v < 0 && size_t(-v) > size) return false;
    *out = v < 0 ? size - size_t(-v) : size_t(v);
    return *out <= size;
}

std::vector<std::string> split(const std::string& s, char sep) {
    std::vector<std::string> out;
    size_t start = 0;
    while (true) {
        const size_t end = s.find(sep, start);
        out.push_back(s.substr(start, end == std::string::npos ? std::string::npos : end - start));
        if (end == std::string::npos) return out;
        start = end + 1;
    }
}

std::string trim(const std::string& s) {
    const size_t a = s.find_first_not_of(' '), b = s.find_last_not_of(' ');
    return a == std::string::npos ? "" : s.substr(a, b - a + 1);
}

bool replace_once(std::string* bytes, const std::string& marker, const std::string& with) {
    const size_t at = bytes->find(marker);
    if (at == std::string::npos || bytes->find(marker, at + 1) != std::string::npos) return false;
    bytes->replace(at, marker.size(), with);
    return true;
}

// Applies "step | step | ..." to the bytes; "" on success, else what is wrong with the recipe.
std::string apply_recipe(std::string* bytes, const std::string& recipe) {
    for (const std::string& raw_step : split(recipe, '|')) {
        const std::vector<std::string> a = split(trim(raw_step), ':');
        const std::string& op = a[0];
        size_t pos = 0;
        if (op == "truncate" && a.size() == 2 && position(a[1], bytes->size(), &pos)) {
            bytes->resize(pos);
        } else if (op == "flip" && a.size() == 2 && position(a[1], bytes->size(), &pos) && pos < bytes->size()) {
            (*bytes)[pos] = char(uint8_t((*bytes)[pos]) ^ 0xFF);
        } else if (op == "set-u32" && a.size() == 3 && position(a[1], bytes->size(), &pos) &&
                   pos + 4 <= bytes->size()) {
            const unsigned long long v = std::stoull(a[2]);
            if (v > UINT32_MAX) return "value past 32 bits: " + raw_step;
            for (int k = 0; k < 4; ++k) (*bytes)[pos + size_t(k)] = char(uint8_t(v >> (8 * k)));
        } else if (op == "fix-crc" && a.size() == 1 && bytes->size() >= asset::kHeaderBytes) {
            const uint32_t crc = asset::crc32(reinterpret_cast<const uint8_t*>(bytes->data()) + asset::kHeaderBytes,
                                              bytes->size() - asset::kHeaderBytes);
            for (int k = 0; k < 4; ++k) (*bytes)[12 + size_t(k)] = char(uint8_t(crc >> (8 * k)));
        } else if (op == "fill" && a.size() == 2) {
            if (!replace_once(bytes, "@FILL@", std::string(std::stoull(a[1]), 'x'))) return "no single @FILL@";
        } else if (op == "nest" && a.size() == 2) {
            const size_t n = std::stoull(a[1]);
            if (!replace_once(bytes, "\"@NEST@\"", std::string(n, '[') + std::string(n, ']')))
                return "no single \"@NEST@\"";
        } else {
            return "unknown or malformed step: " + raw_step;
        }
    }
    return "";
}

// [SECTION] The manifest

struct Entry {
    std::string file;               // relative to tests/bad-input; generated entries name a file that is not there
    std::string kind;               // plan, status, tour, asset
    std::string message;            // substring of a message_vi, on every path
    std::vector<std::string> also;  // more substrings, each of some message_vi, on every path
    std::string message_raw;        // substring shown only when the loader gets the raw bytes
    std::string base, generate;     // generated entries
    Json keeps;                     // {"commune_targets": 1, ...}; null when not given
};

std::vector<Entry> manifest() {
    const std::string text = test::read_text(kDir + "expected.json");
    REQUIRE_FALSE(text.empty());
    const Json doc = Json::parse(text, nullptr, /*allow_exceptions=*/false);
    REQUIRE(doc.is_array());
    std::vector<Entry> out;
    for (const Json& j : doc) {
        INFO(j.dump());
        REQUIRE(j.is_object());
        for (auto it = j.begin(); it != j.end(); ++it) {
            static const std::set<std::string> kKeys = {"file", "kind",     "message", "also", "message_raw",
                                                        "base", "generate", "keeps",   "note"};
            INFO("key " << it.key());
            CHECK(kKeys.count(it.key()) == 1);
        }
        REQUIRE(j.value("file", "") != "");
        REQUIRE(j.value("message", "") != "");
        Entry e;
        e.file = j["file"].get<std::string>();
        e.kind = j.value("kind", "");
        e.message = j["message"].get<std::string>();
        if (j.contains("also")) e.also = j["also"].get<std::vector<std::string>>();
        e.message_raw = j.value("message_raw", "");
        e.base = j.value("base", "");
        e.generate = j.value("generate", "");
        e.keeps = j.contains("keeps") ? j["keeps"] : Json();
        CHECK(e.base.empty() == e.generate.empty());  // a recipe needs its base, a base its recipe
        CHECK(e.file.substr(0, e.kind.size() + 1) == e.kind + "/");
        CHECK((e.kind == "plan" || e.kind == "status" || e.kind == "tour" || e.kind == "asset"));
        out.push_back(std::move(e));
    }
    REQUIRE_FALSE(out.empty());
    return out;
}

std::string input_bytes(const Entry& e) {
    if (e.generate.empty()) return test::read_text(kDir + e.file);
    std::string bytes = test::read_text(kDir + e.base);
    REQUIRE_FALSE(bytes.empty());
    const std::string problem = apply_recipe(&bytes, e.generate);
    INFO(e.generate);
    REQUIRE(problem.empty());
    return bytes;
}

std::string base_name(const std::string& path) { return path.substr(path.rfind('/') + 1); }

// [SECTION] Running the loaders

using ntm::test::real_gazetteer;

struct Outcome {
    std::vector<std::string> messages;   // message_vi of every problem (or the asset's error)
    std::map<std::string, size_t> kept;  // what survived, by section
    std::vector<std::string> unnamed;    // messages that do not start with the file name
};

void add_problems(Outcome* o, const std::vector<plan::Problem>& ps, const std::string& file) {
    for (const plan::Problem& p : ps) {
        o->messages.push_back(p.message_vi);
        if (p.message_vi.rfind(file + ":", 0) != 0 && p.message_vi.rfind(file + " — ", 0) != 0)
            o->unnamed.push_back(p.message_vi);
        CHECK_FALSE(p.detail_en.empty());
    }
}

Outcome run(const std::string& kind, const std::string& bytes, const std::string& file) {
    Outcome o;
    const plan::Gazetteer& gaz = real_gazetteer();
    if (kind == "plan") {
        const plan::PlanLoad r = plan::load_plan(bytes, file, gaz);
        add_problems(&o, r.problems, file);
        const plan::Plan& p = r.plan;
        o.kept = {{"document", p.document.number.empty() ? 0 : 1},
                  {"transcription_notes", p.transcription_notes.size()},
                  {"commune_targets", p.commune_targets.size()},
                  {"district_targets", p.district_targets.size()},
                  {"models", p.models.size()},
                  {"funding.sources", p.funding.sources.size()},
                  {"calendar", p.calendar.size()},
                  {"tasks", p.tasks.size()}};
    } else if (kind == "status") {
        const plan::StatusLoad r = plan::load_status(bytes, file, gaz);
        add_problems(&o, r.problems, file);
        o.kept = {{"units", r.status.units.size()}};
    } else if (kind == "tour") {
        const tour::TourLoad r = tour::load_tour(bytes, file, gaz);
        add_problems(&o, r.problems, file);
        o.kept = {{"steps", r.tour.steps.size()}};
    } else {
        const Result<asset::MapAsset> r = asset::decode(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size());
        if (!r) o.messages.push_back(r.error().message_vi);
        o.kept = {{"communes", r ? r->communes.size() : 0}};
    }
    return o;
}

std::string all(const std::vector<std::string>& messages) {
    std::string s;
    for (const std::string& m : messages) s += m + "\n";
    return s;
}

bool any_contains(const std::vector<std::string>& messages, const std::string& needle) {
    return std::any_of(messages.begin(), messages.end(), [&](const std::string& m) { return contains(m, needle); });
}

}  // namespace

// [SECTION] The folder and its manifest

TEST_CASE("Every file of tests/bad-input has a manifest entry, and every entry its file", "[bad-input]") {
    const std::vector<Entry> entries = manifest();
    std::set<std::string> named;  // files the manifest names: committed cases and bases
    std::set<std::string> cases;
    for (const Entry& e : entries) {
        INFO(e.file);
        CHECK(cases.insert(e.file).second);  // one entry per case
        if (e.generate.empty()) {
            named.insert(e.file);
        } else {
            named.insert(e.base);
            // Generated inputs are made at test time, never committed.
            CHECK_FALSE(std::filesystem::exists(kDir + e.file));
        }
    }
    std::set<std::string> on_disk;
    for (const auto& f : std::filesystem::recursive_directory_iterator(kDir)) {
        if (!f.is_regular_file()) continue;
        const std::string rel = std::filesystem::relative(f.path(), kDir).generic_string();
        if (rel == "expected.json" || rel == "README.md") continue;
        on_disk.insert(rel);
    }
    for (const std::string& f : on_disk) {
        INFO("file without a manifest entry: " << f);
        CHECK(named.count(f) == 1);
    }
    for (const std::string& f : named) {
        INFO("manifest entry without its file: " << f);
        CHECK(on_disk.count(f) == 1);
    }
    // Each kind the issue names is covered.
    for (const char* kind : {"asset", "plan", "status", "tour"}) {
        INFO(kind);
        CHECK(std::any_of(entries.begin(), entries.end(), [&](const Entry& e) { return e.kind == kind; }));
    }
}

TEST_CASE("The bases are valid, so each generated case tests one damage", "[bad-input]") {
    std::set<std::string> bases;
    for (const Entry& e : manifest())
        if (!e.base.empty()) bases.insert(e.base);
    REQUIRE_FALSE(bases.empty());
    for (const std::string& b : bases) {
        INFO(b);
        const std::string bytes = test::read_text(kDir + b);
        const std::string kind = b.substr(0, b.find('/'));
        const Outcome o = run(kind, bytes, base_name(b));
        INFO(all(o.messages));
        CHECK(o.messages.empty());
    }
    // The asset base is exactly encode(base_map()): regenerate it with
    //   NTM_WRITE_BAD_INPUT_BASE=1 build/native/tests/core_tests "[bad-input]"
    // when the format changes (and say so in the commit).
    const std::vector<uint8_t> encoded = asset::encode(base_map());
    if (std::getenv("NTM_WRITE_BAD_INPUT_BASE") != nullptr) {
        std::ofstream(kDir + "asset/base.bin", std::ios::binary)
            .write(reinterpret_cast<const char*>(encoded.data()), std::streamsize(encoded.size()));
    }
    const std::string committed = test::read_text(kDir + "asset/base.bin");
    CHECK(committed == std::string(encoded.begin(), encoded.end()));
    CHECK(committed.size() < 1024);
}

// [SECTION] Each case

TEST_CASE("Every bad input gives its Vietnamese message, never crashes, and keeps its valid part", "[bad-input]") {
    for (const Entry& e : manifest()) {
        DYNAMIC_SECTION(e.file) {
            const std::string bytes = input_bytes(e);
            const std::string file = base_name(e.file);
            const Outcome o = run(e.kind, bytes, file);
            INFO("messages:\n" << all(o.messages));
            CHECK(any_contains(o.messages, e.message));
            for (const std::string& a : e.also) {
                INFO("also: " << a);
                CHECK(any_contains(o.messages, a));
            }
            if (!e.message_raw.empty()) CHECK(any_contains(o.messages, e.message_raw));
            // Every message names the file (the asset's are about "tệp dữ liệu bản đồ").
            INFO("not naming the file:\n" << all(o.unnamed));
            CHECK(o.unnamed.empty());
            if (!e.keeps.is_null()) {
                REQUIRE(e.keeps.is_object());
                for (auto it = e.keeps.begin(); it != e.keeps.end(); ++it) {
                    INFO("keeps " << it.key());
                    REQUIRE(o.kept.count(it.key()) == 1);
                    CHECK(o.kept.at(it.key()) == it.value().get<size_t>());
                }
            }
        }
    }
}

// [SECTION] The recipes and the limits

TEST_CASE("Recipes do what the README says", "[bad-input]") {
    std::string b = "0123456789";
    CHECK(apply_recipe(&b, "truncate:-1") == "");
    CHECK(b == "012345678");
    CHECK(apply_recipe(&b, "truncate:0.5") == "");
    CHECK(b == "0123");
    CHECK(apply_recipe(&b, "flip:0 | flip:-1") == "");
    CHECK(b == std::string("\xCF"
                           "12\xCC"));
    CHECK(apply_recipe(&b, "set-u32:0:4294967295") == "");
    CHECK(b == std::string(4, '\xFF'));
    CHECK(apply_recipe(&b, "truncate:9") != "");  // past the end
    CHECK(apply_recipe(&b, "shuffle") != "");
    std::string j = R"({"a": "@FILL@", "b": "@NEST@"})";
    CHECK(apply_recipe(&j, "fill:3 | nest:2") == "");
    CHECK(j == R"({"a": "xxx", "b": [[]]})");
    CHECK(apply_recipe(&j, "fill:3") != "");  // the marker is gone
    // fix-crc makes a damaged count reach the count checks.
    const std::vector<uint8_t> enc = asset::encode(base_map());
    std::string a(enc.begin(), enc.end());
    CHECK(apply_recipe(&a, "set-u32:32:7") == "");
    auto r = asset::decode(reinterpret_cast<const uint8_t*>(a.data()), a.size());
    REQUIRE_FALSE(r.ok());
    CHECK(contains(r.error().message_vi, "CRC-32"));
    CHECK(apply_recipe(&a, "fix-crc") == "");
    r = asset::decode(reinterpret_cast<const uint8_t*>(a.data()), a.size());
    REQUIRE_FALSE(r.ok());
    CHECK_FALSE(contains(r.error().message_vi, "CRC-32"));
}

TEST_CASE("The loaders' limits sit exactly where json_fields.hpp says", "[bad-input]") {
    const std::string base = test::read_text(kDir + "status/base.json");
    REQUIRE_FALSE(base.empty());
    auto messages = [&](const std::string& recipe) {
        std::string b = base;
        REQUIRE(apply_recipe(&b, recipe) == "");
        return all(run("status", b, "s.json").messages);
    };
    SECTION("a string field of kMaxTextBytes is read, one byte more is refused") {
        CHECK(messages("fill:" + std::to_string(json_fields::kMaxTextBytes)).empty());
        CHECK(contains(messages("fill:" + std::to_string(json_fields::kMaxTextBytes + 1)), "quá giới hạn 4.096 byte"));
    }
    SECTION("kMaxDepth levels of brackets are read, one more is refused") {
        // The marker sits 3 levels down (root, units, a unit): nest adds n.
        const int free_levels = json_fields::kMaxDepth - 3;
        CHECK_FALSE(contains(messages("nest:" + std::to_string(free_levels)), "lồng nhau"));
        CHECK(contains(messages("nest:" + std::to_string(free_levels + 1)), "lồng nhau quá 32 tầng"));
    }
    SECTION("a file of kMaxFileBytes is parsed, one byte more is refused unread") {
        const size_t fill = json_fields::kMaxFileBytes - (base.size() - 6);
        CHECK_FALSE(contains(messages("fill:" + std::to_string(fill)), "tệp quá lớn"));
        CHECK(contains(messages("fill:" + std::to_string(fill + 1)), "tệp quá lớn"));
    }
}
