#include "core/asset.hpp"

#include <array>
#include <cstring>
#include <string_view>

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

// [SECTION] Encoding

namespace {

// Fixed-size feature record; see geodata/ASSET_FORMAT.md.
constexpr size_t kFeatureRecordBytes = 17 * 4;

class Writer {
public:
    void u32(uint32_t v) { raw(&v, 4); }
    void i32(int32_t v) { raw(&v, 4); }
    void f32(float v) { raw(&v, 4); }
    void f64(double v) { raw(&v, 8); }
    void raw(const void* p, size_t n) {
        const auto* b = static_cast<const uint8_t*>(p);
        out.insert(out.end(), b, b + n);
    }
    std::vector<uint8_t> out;
};

// All numbers are little-endian; both targets (x86-64, wasm32) are little-endian, so plain
// memcpy is the encoding. A big-endian port would byte-swap here and in Reader.
static_assert(sizeof(float) == 4 && sizeof(double) == 8);

void write_features(Writer& w, const std::vector<Feature>& features, const geo::World& origin, std::string& strings) {
    w.u32(static_cast<uint32_t>(features.size()));
    for (const Feature& f : features) {
        w.u32(static_cast<uint32_t>(strings.size()));
        w.u32(static_cast<uint32_t>(f.name.size()));
        strings += f.name;
        w.i32(f.parent);
        w.u32(static_cast<uint32_t>(f.type));
        w.u32(f.population);
        w.f32(f.source_area_ha);
        w.f32(f.area_ha);
        w.f32(static_cast<float>(f.label.x - origin.x));
        w.f32(static_cast<float>(f.label.y - origin.y));
        w.f32(static_cast<float>(f.bbox.min_x - origin.x));
        w.f32(static_cast<float>(f.bbox.min_y - origin.y));
        w.f32(static_cast<float>(f.bbox.max_x - origin.x));
        w.f32(static_cast<float>(f.bbox.max_y - origin.y));
        w.u32(f.first_ring);
        w.u32(f.ring_count);
        w.u32(f.first_index);
        w.u32(f.index_count);
    }
}

}  // namespace

std::vector<uint8_t> encode(const MapAsset& map) {
    Writer body;
    body.f64(map.origin.x);
    body.f64(map.origin.y);
    body.u32(static_cast<uint32_t>(map.xy.size() / 2));
    body.raw(map.xy.data(), (map.xy.size() / 2) * 2 * sizeof(float));
    body.u32(static_cast<uint32_t>(map.indices.size()));
    body.raw(map.indices.data(), map.indices.size() * sizeof(uint32_t));
    body.u32(static_cast<uint32_t>(map.rings.size()));
    for (const Ring& r : map.rings) {
        body.u32(r.first_vertex);
        body.u32(r.vertex_count);
    }
    std::string strings;
    for (const auto* table : {&map.communes, &map.districts, &map.province, &map.context})
        write_features(body, *table, map.origin, strings);
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

Error corrupt(std::string detail) {
    return Error{ErrorCode::corrupt, "Tệp dữ liệu bản đồ bị hỏng hoặc không đầy đủ; hãy tải lại hoặc tạo lại tệp.",
                 std::move(detail)};
}

// Bounds-checked reader: every read either succeeds or sets `failed`, never reads past `end`.
class Reader {
public:
    Reader(const uint8_t* p, size_t n) : p_(p), n_(n) {}
    bool take(void* dst, size_t bytes) {
        if (bytes > n_ - pos_) {
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
    int32_t i32() {
        int32_t v = 0;
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
    // A count of `item_bytes`-sized items that must fit in what is left: rejects huge counts
    // before anything is allocated.
    bool count_fits(uint32_t count, size_t item_bytes) const { return count <= (n_ - pos_) / item_bytes; }
    size_t remaining() const { return n_ - pos_; }
    bool failed = false;

private:
    const uint8_t* p_;
    size_t n_;
    size_t pos_ = 0;
};

struct RawName {
    uint32_t offset = 0, length = 0;
};

bool read_features(Reader& r, std::vector<Feature>& out, std::vector<RawName>& names, const geo::World& origin) {
    const uint32_t n = r.u32();
    if (r.failed || !r.count_fits(n, kFeatureRecordBytes)) return false;
    out.resize(n);
    names.resize(n);
    for (Feature& f : out) {
        RawName& name = names[static_cast<size_t>(&f - out.data())];
        name.offset = r.u32();
        name.length = r.u32();
        f.parent = r.i32();
        f.type = static_cast<UnitType>(r.u32());
        f.population = r.u32();
        f.source_area_ha = r.f32();
        f.area_ha = r.f32();
        f.label = {origin.x + r.f32(), origin.y + r.f32()};
        f.bbox.min_x = origin.x + r.f32();
        f.bbox.min_y = origin.y + r.f32();
        f.bbox.max_x = origin.x + r.f32();
        f.bbox.max_y = origin.y + r.f32();
        f.first_ring = r.u32();
        f.ring_count = r.u32();
        f.first_index = r.u32();
        f.index_count = r.u32();
    }
    return !r.failed;
}

// Every index must point inside the tables it names; uint64 sums so that huge values cannot wrap.
std::string check_feature(const Feature& f, const MapAsset& m, size_t parent_limit) {
    if (static_cast<uint32_t>(f.type) >= kUnitTypeCount) return "unit type out of range";
    if (uint64_t(f.first_ring) + f.ring_count > m.rings.size()) return "ring range past the ring table";
    if (uint64_t(f.first_index) + f.index_count > m.indices.size()) return "triangle range past the index table";
    if (f.index_count % 3 != 0) return "triangle index count not a multiple of 3";
    if (f.parent < -1 || (f.parent >= 0 && static_cast<size_t>(f.parent) >= parent_limit)) return "parent out of range";
    return {};
}

}  // namespace

Result<MapAsset> decode(const uint8_t* bytes, size_t size) {
    if (size == 0 || bytes == nullptr)
        return Error{ErrorCode::io, "Tệp dữ liệu bản đồ trống.", "asset is empty"};
    if (size < kHeaderBytes || std::memcmp(bytes, kMagic, 4) != 0)
        return Error{ErrorCode::format, "Tệp tải về không phải là dữ liệu bản đồ của ứng dụng này.",
                     "bad magic: not an NTMA asset"};
    Reader header(bytes + 4, kHeaderBytes - 4);
    const uint32_t version = header.u32();
    const uint32_t payload = header.u32();
    const uint32_t crc = header.u32();
    if (version != kVersion)
        return Error{ErrorCode::version,
                     "Tệp dữ liệu bản đồ thuộc phiên bản " + std::to_string(version) +
                         ", ứng dụng này đọc phiên bản " + std::to_string(kVersion) + "; hãy tạo lại tệp.",
                     "asset version " + std::to_string(version) + ", expected " + std::to_string(kVersion)};
    if (payload != size - kHeaderBytes)
        return corrupt("payload size " + std::to_string(payload) + " but file has " +
                       std::to_string(size - kHeaderBytes) + " bytes after the header (truncated?)");
    const uint8_t* body = bytes + kHeaderBytes;
    if (crc32(body, payload) != crc) return corrupt("CRC-32 mismatch");

    MapAsset m;
    Reader r(body, payload);
    m.origin.x = r.f64();
    m.origin.y = r.f64();
    const uint32_t nv = r.u32();
    if (r.failed || !r.count_fits(nv, 8)) return corrupt("vertex count past the end");
    m.xy.resize(size_t(nv) * 2);
    r.take(m.xy.data(), size_t(nv) * 8);
    const uint32_t ni = r.u32();
    if (r.failed || !r.count_fits(ni, 4)) return corrupt("index count past the end");
    m.indices.resize(ni);
    r.take(m.indices.data(), size_t(ni) * 4);
    const uint32_t nr = r.u32();
    if (r.failed || !r.count_fits(nr, 8)) return corrupt("ring count past the end");
    m.rings.resize(nr);
    for (Ring& ring : m.rings) {
        ring.first_vertex = r.u32();
        ring.vertex_count = r.u32();
    }
    std::vector<RawName> names[4];
    std::vector<Feature>* tables[4] = {&m.communes, &m.districts, &m.province, &m.context};
    for (int t = 0; t < 4; ++t)
        if (!read_features(r, *tables[t], names[t], m.origin)) return corrupt("feature table past the end");
    const uint32_t string_bytes = r.u32();
    if (r.failed || string_bytes != r.remaining()) return corrupt("string table size does not match the file");
    std::string strings(string_bytes, '\0');
    r.take(strings.data(), string_bytes);

    for (uint32_t i : m.indices)
        if (i >= nv) return corrupt("triangle index past the vertex table");
    for (const Ring& ring : m.rings)
        if (uint64_t(ring.first_vertex) + ring.vertex_count > nv || ring.vertex_count < 3)
            return corrupt("ring past the vertex table or shorter than 3 vertices");
    for (int t = 0; t < 4; ++t) {
        const size_t parent_limit = t == 0 ? m.districts.size() : 0;
        for (size_t i = 0; i < tables[t]->size(); ++i) {
            Feature& f = (*tables[t])[i];
            const RawName& name = names[t][i];
            if (uint64_t(name.offset) + name.length > strings.size()) return corrupt("name past the string table");
            f.name.assign(strings, name.offset, name.length);
            if (std::string problem = check_feature(f, m, parent_limit); !problem.empty())
                return corrupt("feature '" + f.name + "': " + problem);
        }
    }
    return m;
}

}  // namespace ntm::asset
