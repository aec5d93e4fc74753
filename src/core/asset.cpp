#include "core/asset.hpp"

#include "core/text.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>
#include <string_view>
#include <unordered_map>

namespace ntm::asset {

// [SECTION] CRC-32

namespace {
std::array<uint32_t, 256> make_crc_table() {
    std::array<uint32_t, 256> table{};
    for (uint32_t n = 0; n < 256; ++n) {
        uint32_t c = n;
        for (int k = 0; k < 8; ++k) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        table[n] = c;
    }
    return table;
}
}  // namespace

uint32_t crc32(const uint8_t* bytes, size_t size) {
    static const std::array<uint32_t, 256> table = make_crc_table();
    uint32_t c = 0xFFFFFFFFu;
    for (size_t i = 0; i < size; ++i) c = table[(c ^ bytes[i]) & 0xFFu] ^ (c >> 8);
    return c ^ 0xFFFFFFFFu;
}

// [SECTION] Unit types

namespace {
struct UnitTypeInfo {
    UnitType type;
    const char* prefix;  // as written at the start of the full name, followed by a space
    const char* id;
    const char* label_vi;
};
// Longer prefixes first: "Thị trấn"/"Thị xã" must win over nothing shorter, "Thành phố" is unique.
constexpr UnitTypeInfo kUnitTypes[] = {
    {UnitType::thi_tran, "Thị trấn", "thi-tran", "Thị trấn"},
    {UnitType::thi_xa, "Thị xã", "thi-xa", "Thị xã"},
    {UnitType::thanh_pho, "Thành phố", "thanh-pho", "Thành phố"},
    {UnitType::phuong, "Phường", "phuong", "Phường"},
    {UnitType::huyen, "Huyện", "huyen", "Huyện"},
    {UnitType::tinh, "Tỉnh", "tinh", "Tỉnh"},
    {UnitType::xa, "Xã", "xa", "Xã"},
};
}  // namespace

UnitType unit_type_from_name(const std::string& name) {
    for (const auto& info : kUnitTypes) {
        const size_t n = std::strlen(info.prefix);
        if (name.size() > n && name.compare(0, n, info.prefix) == 0 && name[n] == ' ') return info.type;
    }
    return UnitType::other;
}

const char* unit_type_id(UnitType t) {
    for (const auto& info : kUnitTypes)
        if (info.type == t) return info.id;
    return "other";
}

const char* unit_type_label_vi(UnitType t) {
    for (const auto& info : kUnitTypes)
        if (info.type == t) return info.label_vi;
    return "Đơn vị";
}

// [SECTION] Grid and varints

namespace {

// Grid coordinates are kept within int32: ±537,000 km at a quarter metre, far beyond any map,
// and small enough that the decoder's sums cannot overflow.
constexpr double kGridLimit = 2147483647.0;

int32_t to_grid(double offset_m, double quantum_m) {
    const double k = std::round(offset_m / quantum_m);
    if (!(k > -kGridLimit && k < kGridLimit)) return 0;  // NaN, infinity or absurd: the origin
    return static_cast<int32_t>(k);
}

struct GridPoint {
    int32_t x = 0, y = 0;
    bool operator==(const GridPoint& o) const { return x == o.x && y == o.y; }
};
struct GridPointHash {
    size_t operator()(const GridPoint& p) const {
        return std::hash<uint64_t>()((uint64_t(uint32_t(p.x)) << 32) | uint32_t(p.y));
    }
};

uint64_t zigzag(int64_t v) { return (uint64_t(v) << 1) ^ uint64_t(v >> 63); }
int64_t unzigzag(uint64_t v) { return int64_t(v >> 1) ^ -int64_t(v & 1); }

}  // namespace

namespace {
geo::Box ring_box(const MapAsset& map, const Feature& f) {
    geo::Box b;
    if (uint64_t(f.first_ring) + f.ring_count > map.rings.size()) return b;
    for (uint32_t r = f.first_ring; r < f.first_ring + f.ring_count; ++r) {
        const Ring& ring = map.rings[r];
        if (uint64_t(ring.first_vertex) + ring.vertex_count > map.vertex_count()) continue;
        for (uint32_t v = ring.first_vertex; v < ring.first_vertex + ring.vertex_count; ++v) b.extend(map.vertex(v));
    }
    return b;
}
}  // namespace

void normalize(MapAsset& map) {
    const double q = map.quantum_m;
    for (float& v : map.xy) v = static_cast<float>(to_grid(v, q) * q);
    for (auto* table : {&map.communes, &map.districts, &map.province, &map.context})
        for (Feature& f : *table) {
            f.label = {map.origin.x + to_grid(f.label.x - map.origin.x, q) * q,
                       map.origin.y + to_grid(f.label.y - map.origin.y, q) * q};
            f.bbox = ring_box(map, f);
            // Each triangle starts at its smallest vertex (same winding) and the feature's
            // triangles are sorted: the order does not change the picture, and sorted small
            // deltas compress to 60 % of the pipeline's order.
            if (f.index_count % 3 != 0 || uint64_t(f.first_index) + f.index_count > map.indices.size()) continue;
            using Tri = std::array<uint32_t, 3>;
            std::vector<Tri> tris(f.index_count / 3);
            for (size_t t = 0; t < tris.size(); ++t) {
                const uint32_t* p = &map.indices[f.first_index + 3 * t];
                const size_t lo = p[1] < p[0] ? (p[2] < p[1] ? 2 : 1) : (p[2] < p[0] ? 2 : 0);
                tris[t] = {p[lo], p[(lo + 1) % 3], p[(lo + 2) % 3]};
            }
            std::sort(tris.begin(), tris.end());
            for (size_t t = 0; t < tris.size(); ++t)
                std::copy(tris[t].begin(), tris[t].end(), &map.indices[f.first_index + 3 * t]);
        }
}

// [SECTION] Level of detail

MapAsset simplified(const MapAsset& map, double grid_m) {
    MapAsset out;
    out.origin = map.origin;
    out.quantum_m = map.quantum_m;
    out.xy.reserve(map.xy.size() / 2);
    out.indices.reserve(map.indices.size() / 2);
    const size_t nv = map.vertex_count();
    // The vertex in `out` of each source vertex of the feature being simplified, from the first
    // of its rings' vertices (`lo`; kNone: not yet one). A table, not a hash map of grid points as
    // before: the same picture (a triangle's corners at the same points), national levels built
    // ~20 % sooner, and viewer.wasm 1.3 KiB smaller (gzip).
    constexpr uint32_t kNone = UINT32_MAX;
    std::vector<uint32_t> out_of;
    std::vector<uint32_t> ring;
    // Each vertex snapped once (rings and triangles visit a vertex ~6 times; rounding is a libm
    // call in WebAssembly).
    std::vector<GridPoint> snapped(nv);
    for (size_t v = 0; v < nv; ++v) snapped[v] = {to_grid(map.xy[2 * v], grid_m), to_grid(map.xy[2 * v + 1], grid_m)};
    auto snap = [&](uint32_t v) { return snapped[v]; };
    auto emit = [&](GridPoint g) {
        out.xy.push_back(static_cast<float>(g.x * grid_m));
        out.xy.push_back(static_cast<float>(g.y * grid_m));
        return uint32_t(out.vertex_count() - 1);
    };
    const std::vector<Feature>* in_tables[4] = {&map.communes, &map.districts, &map.province, &map.context};
    std::vector<Feature>* out_tables[4] = {&out.communes, &out.districts, &out.province, &out.context};
    for (int t = 0; t < 4; ++t) {
        *out_tables[t] = *in_tables[t];
        for (Feature& f : *out_tables[t]) {
            // Rings: each keeps its own run of vertices (a ring is a range of the vertex table);
            // consecutive points that snap together become one.
            const uint32_t first_ring = uint32_t(out.rings.size());
            const bool rings_ok = uint64_t(f.first_ring) + f.ring_count <= map.rings.size();
            uint32_t lo = UINT32_MAX, hi = 0;  // the rings' vertices (a feature's are one run)
            for (uint32_t r = f.first_ring; rings_ok && r < f.first_ring + f.ring_count; ++r) {
                const Ring& in = map.rings[r];
                if (uint64_t(in.first_vertex) + in.vertex_count > nv) continue;
                lo = std::min(lo, in.first_vertex);
                hi = std::max(hi, in.first_vertex + in.vertex_count);
            }
            out_of.assign(lo < hi ? hi - lo : 0, kNone);
            for (uint32_t r = f.first_ring; rings_ok && r < f.first_ring + f.ring_count; ++r) {
                const Ring& in = map.rings[r];
                if (uint64_t(in.first_vertex) + in.vertex_count > nv) continue;
                ring.clear();
                GridPoint prev{INT32_MIN, INT32_MIN}, first{};
                for (uint32_t k = 0; k < in.vertex_count; ++k) {
                    const GridPoint g = snap(in.first_vertex + k);
                    if (g == prev) continue;
                    if (ring.empty()) first = g;
                    ring.push_back(uint32_t(k));
                    prev = g;
                }
                if (ring.size() > 1 && prev == first) ring.pop_back();
                if (ring.size() < 3) continue;
                const uint32_t start = uint32_t(out.vertex_count());
                for (uint32_t k : ring) emit(snap(in.first_vertex + k));
                out.rings.push_back({start, uint32_t(ring.size())});
                // Every vertex of the ring to the one kept for its point: a repeat to the vertex it
                // repeats, the repeats of the first point that close the ring to the first.
                for (uint32_t k = 0, j = 0; k < in.vertex_count; ++k) {
                    while (j + 1 < ring.size() && ring[j + 1] <= k) ++j;
                    const bool closing = k > ring.back() && snap(in.first_vertex + k) == first;
                    out_of[in.first_vertex + k - lo] = start + (closing ? 0 : j);
                }
            }
            f.first_ring = first_ring;
            f.ring_count = uint32_t(out.rings.size()) - first_ring;
            // A corner on none of the feature's kept rings (one that collapsed on the grid: a few in
            // the national map) gets a vertex of its own; outside its rings (a malformed file), one
            // each time.
            auto vertex_of = [&](uint32_t v, GridPoint g) {
                if (v < lo || v >= hi) return emit(g);
                uint32_t& id = out_of[v - lo];
                if (id == kNone) id = emit(g);
                return id;
            };
            // Triangles on the snapped points; those with two corners on one point or no area go.
            const uint32_t first_index = uint32_t(out.indices.size());
            const bool tris_ok = f.index_count % 3 == 0 && uint64_t(f.first_index) + f.index_count <= map.indices.size();
            for (uint32_t k = f.first_index; tris_ok && k < f.first_index + f.index_count; k += 3) {
                GridPoint g[3];
                bool in_range = true;
                for (int c = 0; c < 3; ++c) {
                    if (map.indices[k + c] >= nv) in_range = false;
                    else g[c] = snap(map.indices[k + c]);
                }
                if (!in_range) continue;
                const int64_t twice_area = (int64_t(g[1].x) - g[0].x) * (int64_t(g[2].y) - g[0].y) -
                                           (int64_t(g[2].x) - g[0].x) * (int64_t(g[1].y) - g[0].y);
                if (twice_area == 0) continue;
                for (int c = 0; c < 3; ++c) out.indices.push_back(vertex_of(map.indices[k + c], g[c]));
            }
            f.first_index = first_index;
            f.index_count = uint32_t(out.indices.size()) - first_index;
        }
    }
    return out;
}

// [SECTION] Encoding

namespace {

class Writer {
public:
    void u32(uint32_t v) { raw(&v, 4); }
    void f32(float v) { raw(&v, 4); }
    void f64(double v) { raw(&v, 8); }
    void uv(uint64_t v) {  // LEB128
        while (v >= 0x80) {
            out.push_back(uint8_t(v | 0x80));
            v >>= 7;
        }
        out.push_back(uint8_t(v));
    }
    void sv(int64_t v) { uv(zigzag(v)); }
    void raw(const void* p, size_t n) {
        const auto* b = static_cast<const uint8_t*>(p);
        out.insert(out.end(), b, b + n);
    }
    void section(const Writer& w) {
        u32(static_cast<uint32_t>(w.out.size()));
        raw(w.out.data(), w.out.size());
    }
    std::vector<uint8_t> out;
};

// All numbers are little-endian; both targets (x86-64, wasm32) are little-endian, so plain
// memcpy is the encoding. A big-endian port would byte-swap here and in Reader.
static_assert(sizeof(float) == 4 && sizeof(double) == 8);

// The vertex stream; see ASSET_FORMAT.md. A vertex whose grid point was written before is a
// reference to an earlier one, predicted to continue the previous reference's run in either
// direction: a shared edge costs about one byte per vertex before gzip and almost nothing after.
Writer write_vertices(const MapAsset& map) {
    const size_t nv = map.vertex_count();
    std::vector<GridPoint> g(nv);
    for (size_t i = 0; i < nv; ++i) g[i] = {to_grid(map.xy[2 * i], map.quantum_m), to_grid(map.xy[2 * i + 1], map.quantum_m)};
    std::unordered_map<GridPoint, uint32_t, GridPointHash> last;  // grid point → its latest vertex
    std::vector<int64_t> earlier(nv, -1);                          // the one before that, a chain
    last.reserve(nv);
    Writer w;
    GridPoint cur;
    int64_t last_ref = 0, dir = 1;
    for (size_t i = 0; i < nv; ++i) {
        auto it = last.find(g[i]);
        if (it == last.end()) {
            w.uv(0);
            w.sv(int64_t(g[i].x) - cur.x);
            w.sv(int64_t(g[i].y) - cur.y);
            last.emplace(g[i], uint32_t(i));
        } else {
            // Prefer the predicted vertex, then one whose neighbour is our next vertex (the start
            // of a run), then the latest.
            const int64_t pred = last_ref + dir;
            int64_t pick = -1, run_start = -1;
            for (int64_t j = it->second; j >= 0; j = earlier[size_t(j)]) {
                if (j == pred) {
                    pick = j;
                    break;
                }
                if (run_start < 0 && i + 1 < nv) {
                    const bool fwd = size_t(j + 1) < i && g[size_t(j + 1)] == g[i + 1];
                    const bool back = j > 0 && g[size_t(j - 1)] == g[i + 1];
                    if (fwd || back) run_start = j;
                }
            }
            if (pick < 0) pick = run_start >= 0 ? run_start : int64_t(it->second);
            w.uv(zigzag(pick - pred) + 1);
            if (pick == last_ref + 1) dir = 1;
            else if (pick == last_ref - 1) dir = -1;
            last_ref = pick;
            earlier[i] = it->second;
            it->second = uint32_t(i);
        }
        cur = g[i];
    }
    return w;
}

// Rings, features and indices are contiguous in the pipeline's output: each start is written as
// its distance from where the previous one ended (0), so any layout still encodes.
void write_features(Writer& w, const std::vector<Feature>& features, const MapAsset& map, uint64_t& next_ring,
                    uint64_t& next_index) {
    const double q = map.quantum_m;
    for (const Feature& f : features) {
        w.uv(f.name.size());
        w.sv(f.parent);
        w.uv(static_cast<uint32_t>(f.type));
        w.uv(f.population);
        w.f32(f.source_area_ha);
        w.f32(f.area_ha);
        // The label as an offset from the rings' south-west corner (the box is not stored: the
        // reader takes it from the rings), so it is a small number.
        const geo::Box box = ring_box(map, f);
        const double bx = box.empty() ? map.origin.x : box.min_x, by = box.empty() ? map.origin.y : box.min_y;
        w.sv(int64_t(to_grid(f.label.x - map.origin.x, q)) - to_grid(bx - map.origin.x, q));
        w.sv(int64_t(to_grid(f.label.y - map.origin.y, q)) - to_grid(by - map.origin.y, q));
        w.sv(int64_t(f.first_ring) - int64_t(next_ring));
        w.uv(f.ring_count);
        w.sv(int64_t(f.first_index) - int64_t(next_index));
        w.uv(f.index_count);
        next_ring = uint64_t(f.first_ring) + f.ring_count;
        next_index = uint64_t(f.first_index) + f.index_count;
    }
}

}  // namespace

std::vector<uint8_t> encode(const MapAsset& original) {
    // Only the pipeline encodes, once per file: a normalised copy keeps the writer simple.
    MapAsset map = original;
    normalize(map);
    const std::vector<Feature>* tables[4] = {&map.communes, &map.districts, &map.province, &map.context};
    Writer body;
    body.f64(map.origin.x);
    body.f64(map.origin.y);
    body.u32(static_cast<uint32_t>(map.vertex_count()));
    body.u32(static_cast<uint32_t>(map.indices.size()));
    body.u32(static_cast<uint32_t>(map.rings.size()));
    for (const auto* t : tables) body.u32(static_cast<uint32_t>(t->size()));
    body.f64(map.quantum_m);

    body.section(write_vertices(map));
    Writer rings;
    uint64_t next_vertex = 0;
    for (const Ring& r : map.rings) {
        rings.sv(int64_t(r.first_vertex) - int64_t(next_vertex));
        rings.uv(r.vertex_count);
        next_vertex = uint64_t(r.first_vertex) + r.vertex_count;
    }
    body.section(rings);
    Writer features;
    uint64_t next_ring = 0, next_index = 0;
    std::string strings;
    for (const auto* t : tables) {
        write_features(features, *t, map, next_ring, next_index);
        for (const Feature& f : *t) strings += f.name;
    }
    body.section(features);
    // Triangle by triangle: the first corner from the previous triangle's first corner, the
    // other two from their own first (small for normalize()'s sorted triangles).
    Writer indices;
    int64_t first = 0;
    for (size_t k = 0; k < map.indices.size(); ++k) {
        const int64_t v = map.indices[k];
        if (k % 3 == 0) {
            indices.sv(v - first);
            first = v;
        } else {
            indices.sv(v - first);
        }
    }
    body.section(indices);
    body.u32(static_cast<uint32_t>(strings.size()));
    body.raw(strings.data(), strings.size());

    Writer file;
    file.raw(kMagic, 4);
    file.u32(kVersion);
    file.u32(static_cast<uint32_t>(body.out.size()));
    file.u32(crc32(body.out.data(), body.out.size()));
    file.raw(body.out.data(), body.out.size());
    return std::move(file.out);
}

// [SECTION] Decoding

namespace {

constexpr int64_t kSignedLimit = int64_t(1) << 40;

bool grid_ok(int64_t v) { return v > -int64_t(kGridLimit) && v < int64_t(kGridLimit); }

// Every message says what the user sees first ("bị hỏng", "không đầy đủ") and what to do; the
// reason in between names the part of the file, for whoever regenerates it.
constexpr const char* kRedo = "; hãy tải lại hoặc tạo lại tệp.";

Error corrupt(const std::string& reason_vi, std::string detail) {
    return Error{ErrorCode::corrupt, "Tệp dữ liệu bản đồ bị hỏng: " + reason_vi + kRedo, std::move(detail)};
}

constexpr const char* kFeaturesBad = "bảng đơn vị hành chính không hợp lệ";

std::string count_vi(uint64_t n) { return text::format_int_vi(int64_t(n)); }

// A count the file claims that its bytes cannot hold.
Error count_past_end(const char* what_vi, uint64_t count, const char* what_en) {
    return corrupt(std::string("số ") + what_vi + " ghi trong tệp (" + count_vi(count) +
                       ") nhiều hơn dữ liệu có trong tệp",
                   std::string(what_en) + " count " + std::to_string(count) + " past the end");
}

// A feature name from a damaged file, short enough for a message.
std::string shown_name(const std::string& name) {
    if (name.size() <= 60) return name;
    size_t end = 60;
    while (end > 0 && (static_cast<uint8_t>(name[end]) & 0xC0) == 0x80) --end;
    return name.substr(0, end) + "…";
}

// Bounds-checked reader: every read either succeeds or sets `failed`, never reads past `end`.
class Reader {
public:
    Reader(const uint8_t* p, size_t n) : p_(p), n_(n) {}
    bool take(void* dst, size_t bytes) {
        if (failed || bytes > n_ - pos_) {
            failed = true;
            return false;
        }
        std::memcpy(dst, p_ + pos_, bytes);
        pos_ += bytes;
        return true;
    }
    uint32_t u32() {
        uint32_t v = 0;
        take(&v, 4);
        return v;
    }
    float f32() {
        float v = 0;
        take(&v, 4);
        return v;
    }
    double f64() {
        double v = 0;
        take(&v, 8);
        return v;
    }
    uint64_t uv() {
        uint64_t v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (pos_ >= n_) break;
            const uint8_t b = p_[pos_++];
            v |= uint64_t(b & 0x7F) << shift;
            if (!(b & 0x80)) return v;
        }
        failed = true;  // past the end, or longer than ten bytes
        return 0;
    }
    // Signed fields are grid deltas and index offsets: anything past ±2^40 is damage, and the
    // limit keeps every sum the decoder makes far from int64 overflow.
    int64_t sv() {
        const int64_t v = unzigzag(uv());
        if (v <= -kSignedLimit || v >= kSignedLimit) failed = true;
        return failed ? 0 : v;
    }
    // A u32 field read as a varint: anything larger is damage.
    uint32_t uv32() {
        const uint64_t v = uv();
        if (v > UINT32_MAX) failed = true;
        return failed ? 0 : uint32_t(v);
    }
    // A sub-reader over the next `u32 length` bytes (the sections of the payload).
    Reader section() {
        const uint32_t n = u32();
        if (failed || n > n_ - pos_) {
            failed = true;
            return Reader(p_, 0, true);
        }
        Reader r(p_ + pos_, n);
        pos_ += n;
        return r;
    }
    size_t remaining() const { return n_ - pos_; }
    bool done() const { return !failed && pos_ == n_; }
    bool failed = false;

private:
    Reader(const uint8_t* p, size_t n, bool fail) : failed(fail), p_(p), n_(n) {}
    const uint8_t* p_;
    size_t n_;
    size_t pos_ = 0;
};



// Every index must point inside the tables it names; uint64 sums so that huge values cannot wrap.
std::string check_feature(const Feature& f, const MapAsset& m, size_t parent_limit) {
    if (static_cast<uint32_t>(f.type) >= kUnitTypeCount) return "unit type out of range";
    if (uint64_t(f.first_ring) + f.ring_count > m.rings.size()) return "ring range past the ring table";
    if (uint64_t(f.first_index) + f.index_count > m.indices.size()) return "triangle range past the index table";
    if (f.index_count % 3 != 0) return "triangle index count not a multiple of 3";
    if (f.parent < -1 || (f.parent >= 0 && static_cast<size_t>(f.parent) >= parent_limit)) return "parent out of range";
    return {};
}

std::string read_vertices(Reader r, MapAsset& m, uint32_t nv) {
    std::vector<GridPoint> g(nv);
    int64_t x = 0, y = 0, last_ref = 0, dir = 1;
    for (uint32_t i = 0; i < nv; ++i) {
        const uint64_t tag = r.uv();
        if (tag >= uint64_t(kSignedLimit)) return "vertex reference out of range";
        if (tag == 0) {
            x += r.sv();
            y += r.sv();
            if (!grid_ok(x) || !grid_ok(y)) return "vertex off the grid";
        } else {
            const int64_t pred = last_ref + dir;
            const int64_t j = pred + unzigzag(tag - 1);
            if (j < 0 || j >= int64_t(i)) return "vertex reference out of range";
            if (j == last_ref + 1) dir = 1;
            else if (j == last_ref - 1) dir = -1;
            last_ref = j;
            x = g[size_t(j)].x;
            y = g[size_t(j)].y;
        }
        if (r.failed) return "vertex section past its end";
        g[i] = {int32_t(x), int32_t(y)};
    }
    if (!r.done()) return "vertex section longer than its vertices";
    m.xy.resize(size_t(nv) * 2);
    for (uint32_t i = 0; i < nv; ++i) {
        m.xy[2 * i] = static_cast<float>(g[i].x * m.quantum_m);
        m.xy[2 * i + 1] = static_cast<float>(g[i].y * m.quantum_m);
    }
    return {};
}

}  // namespace

Result<MapAsset> decode(const uint8_t* bytes, size_t size) {
    if (size == 0 || bytes == nullptr)
        return Error{ErrorCode::io, "Tệp dữ liệu bản đồ trống.", "asset is empty"};
    // A file cut inside its header still starts like one: say it is incomplete, not foreign.
    const bool magic_ok = std::memcmp(bytes, kMagic, std::min(size, size_t(4))) == 0;
    if (!magic_ok)
        return Error{ErrorCode::format, "Tệp tải về không phải là dữ liệu bản đồ của ứng dụng này.",
                     "bad magic: not an NTMA asset"};
    if (size < kHeaderBytes)
        return Error{ErrorCode::corrupt,
                     "Tệp dữ liệu bản đồ không đầy đủ: chỉ có " + count_vi(size) + " byte, chưa hết phần đầu tệp (" +
                         count_vi(kHeaderBytes) + " byte)" + kRedo,
                     "truncated inside the header: " + std::to_string(size) + " bytes"};
    Reader header(bytes + 4, kHeaderBytes - 4);
    const uint32_t version = header.u32();
    const uint32_t payload = header.u32();
    const uint32_t crc = header.u32();
    if (version != kVersion)
        return Error{ErrorCode::version,
                     "Tệp dữ liệu bản đồ thuộc phiên bản " + std::to_string(version) +
                         ", ứng dụng này đọc phiên bản " + std::to_string(kVersion) + "; hãy tạo lại tệp.",
                     "asset version " + std::to_string(version) + ", expected " + std::to_string(kVersion)};
    const uint64_t expected = uint64_t(payload) + kHeaderBytes;
    if (expected > size)
        return Error{ErrorCode::corrupt,
                     "Tệp dữ liệu bản đồ không đầy đủ: có " + count_vi(size) + " byte, phần đầu tệp ghi " +
                         count_vi(expected) + " byte (tải về bị ngắt?)" + kRedo,
                     "payload size " + std::to_string(payload) + " but file has " +
                         std::to_string(size - kHeaderBytes) + " bytes after the header (truncated?)"};
    if (expected < size)
        return corrupt("dài " + count_vi(size) + " byte, phần đầu tệp ghi " + count_vi(expected) + " byte",
                       "payload size " + std::to_string(payload) + " but file has " +
                           std::to_string(size - kHeaderBytes) + " bytes after the header");
    const uint8_t* body = bytes + kHeaderBytes;
    if (crc32(body, payload) != crc)
        return corrupt("sai mã kiểm tra CRC-32, nội dung đã bị thay đổi", "CRC-32 mismatch");

    MapAsset m;
    Reader r(body, payload);
    m.origin.x = r.f64();
    m.origin.y = r.f64();
    const uint32_t nv = r.u32(), ni = r.u32(), nr = r.u32();
    uint32_t nf[4];
    for (uint32_t& n : nf) n = r.u32();
    m.quantum_m = r.f64();
    if (r.failed) return corrupt("thiếu phần khai báo số lượng", "header fields past the end");
    if (!(m.quantum_m > 1e-6 && m.quantum_m < 1e6))
        return corrupt("bước lưới tọa độ không hợp lệ", "grid size out of range");
    if (!std::isfinite(m.origin.x) || !std::isfinite(m.origin.y))
        return corrupt("gốc tọa độ không phải là số", "origin not a number");

    // Every count is checked against the bytes its section holds (a vertex, index or ring takes
    // at least one, two or two bytes, a feature at least sixteen) before anything is allocated.
    Reader vertices = r.section(), rings = r.section(), features = r.section(), indices = r.section();
    const uint32_t string_bytes = r.u32();
    if (r.failed || string_bytes != r.remaining())
        return corrupt("kích thước các phần bên trong không khớp với độ dài tệp",
                       "section sizes do not match the file");
    if (nv > vertices.remaining()) return count_past_end("đỉnh", nv, "vertex");
    if (ni > indices.remaining()) return count_past_end("góc tam giác", ni, "index");
    if (uint64_t(nr) * 2 > rings.remaining()) return count_past_end("vòng ranh giới", nr, "ring");
    const uint64_t features_total = uint64_t(nf[0]) + nf[1] + nf[2] + nf[3];
    if (features_total * 16 > features.remaining())
        return count_past_end("đơn vị hành chính", features_total, "feature");

    if (std::string problem = read_vertices(vertices, m, nv); !problem.empty())
        return corrupt("bảng đỉnh tọa độ không hợp lệ", problem);

    m.rings.resize(nr);
    uint64_t next_vertex = 0;
    for (Ring& ring : m.rings) {
        const int64_t first = int64_t(next_vertex) + rings.sv();
        ring.vertex_count = rings.uv32();
        if (rings.failed || first < 0 || uint64_t(first) + ring.vertex_count > nv || ring.vertex_count < 3)
            return corrupt("bảng vòng ranh giới không hợp lệ", "ring past the vertex table or shorter than 3 vertices");
        ring.first_vertex = uint32_t(first);
        next_vertex = uint64_t(first) + ring.vertex_count;
    }
    if (!rings.done()) return corrupt("bảng vòng ranh giới không hợp lệ", "ring section longer than its rings");

    m.indices.resize(ni);
    int64_t first = 0;
    for (size_t k = 0; k < ni; ++k) {
        const int64_t v = first + indices.sv();
        if (indices.failed || v < 0 || v >= int64_t(nv))
            return corrupt("bảng tam giác không hợp lệ", "triangle index past the vertex table");
        if (k % 3 == 0) first = v;
        m.indices[k] = uint32_t(v);
    }
    if (!indices.done()) return corrupt("bảng tam giác không hợp lệ", "index section longer than its indices");

    std::string strings(string_bytes, '\0');
    r.take(strings.data(), string_bytes);
    // Names are shown and used as keys (the plan files name units by them): a damaged one that
    // still passes the checksum must not reach the screen as mojibake.
    if (!text::is_valid_utf8(strings))
        return corrupt("tên các đơn vị không phải UTF-8 hợp lệ", "string table is not UTF-8");
    std::vector<Feature>* tables[4] = {&m.communes, &m.districts, &m.province, &m.context};
    const double q = m.quantum_m;
    uint64_t next_ring = 0, next_index = 0, next_name = 0;
    for (int t = 0; t < 4; ++t) {
        tables[t]->resize(nf[t]);
        const size_t parent_limit = t == 0 ? nf[1] : 0;
        for (Feature& f : *tables[t]) {
            Reader& fr = features;
            const uint64_t name_len = fr.uv();
            const int64_t parent = fr.sv();
            const uint64_t type = fr.uv();
            f.population = fr.uv32();
            f.source_area_ha = fr.f32();
            f.area_ha = fr.f32();
            const int64_t lx = fr.sv(), ly = fr.sv();
            if (fr.failed) return corrupt(kFeaturesBad, "feature table past the end");
            const int64_t first_ring = int64_t(next_ring) + fr.sv();
            f.ring_count = fr.uv32();
            const int64_t first_index = int64_t(next_index) + fr.sv();
            f.index_count = fr.uv32();
            if (fr.failed) return corrupt(kFeaturesBad, "feature table past the end");
            if (name_len > strings.size() - next_name) return corrupt(kFeaturesBad, "name past the string table");
            f.name.assign(strings, size_t(next_name), size_t(name_len));
            next_name += name_len;
            if (parent < -1 || parent > INT32_MAX || type >= kUnitTypeCount || first_ring < 0 ||
                first_ring > UINT32_MAX || first_index < 0 || first_index > UINT32_MAX)
                return corrupt(kFeaturesBad, "feature '" + shown_name(f.name) + "': field out of range");
            f.parent = int32_t(parent);
            f.type = static_cast<UnitType>(type);
            f.first_ring = uint32_t(first_ring);
            f.first_index = uint32_t(first_index);
            next_ring = uint64_t(first_ring) + f.ring_count;
            next_index = uint64_t(first_index) + f.index_count;
            if (std::string problem = check_feature(f, m, parent_limit); !problem.empty())
                return corrupt(kFeaturesBad, "feature '" + shown_name(f.name) + "': " + problem);
            f.bbox = ring_box(m, f);
            const geo::World corner = f.bbox.empty() ? m.origin : geo::World{f.bbox.min_x, f.bbox.min_y};
            const int64_t gx = to_grid(corner.x - m.origin.x, q) + lx, gy = to_grid(corner.y - m.origin.y, q) + ly;
            if (!grid_ok(gx) || !grid_ok(gy))
                return corrupt(kFeaturesBad, "feature '" + shown_name(f.name) + "': label off the grid");
            f.label = {m.origin.x + gx * q, m.origin.y + gy * q};
        }
    }
    if (!features.done()) return corrupt(kFeaturesBad, "feature section longer than its features");
    if (next_name != strings.size())
        return corrupt("bảng tên không khớp với các đơn vị", "string table longer than the names");
    return m;
}

}  // namespace ntm::asset
