// asset.hpp — the map asset: the binary file the pipeline writes and the viewer reads.
//
// One file holds everything the viewer draws and picks: projected vertices, fill triangles,
// outline rings and four feature tables (communes, districts, the province, context provinces)
// with names, parent district, unit type, 2009 population, areas and label anchors.
// The byte layout is documented in geodata/ASSET_FORMAT.md: coordinates are integers on a
// grid of `quantum_m` metres around the origin, delta- and varint-coded, and a vertex already
// written (the edge two neighbouring communes share, a district outline made of commune
// vertices) is written as a reference to it, so the file is ~1/3 the size of plain floats
// before gzip and ~1/2 after (issue 5's download budget). decode() checks magic, version,
// size and CRC-32, then bounds-checks every count, reference and index, so a damaged file is
// rejected with a Vietnamese message instead of drawing garbage. encode(decode(x)) == x, and
// decode(encode(m)) == normalize(m).
//
//   std::vector<uint8_t> bytes = ntm::asset::encode(map);           // pipeline
//   ntm::Result<ntm::asset::MapAsset> r = ntm::asset::decode(bytes.data(), bytes.size());
//   if (!r) show(r.error().message_vi);
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "core/geo.hpp"
#include "core/result.hpp"

namespace ntm::asset {

inline constexpr char kMagic[4] = {'N', 'T', 'M', 'A'};
inline constexpr uint32_t kVersion = 2;
inline constexpr size_t kHeaderBytes = 16;  // magic, version, payload size, CRC-32 of payload

enum class UnitType : uint32_t {
    xa = 0,         // Xã: rural commune
    phuong = 1,     // Phường: urban ward
    thi_tran = 2,   // Thị trấn: township
    huyen = 3,      // Huyện: rural district
    thi_xa = 4,     // Thị xã: town
    thanh_pho = 5,  // Thành phố: city
    tinh = 6,       // Tỉnh / thành phố trực thuộc trung ương: province
    other = 7,
};
inline constexpr uint32_t kUnitTypeCount = 8;

// A closed ring of consecutive vertices; the closing vertex is not repeated.
struct Ring {
    uint32_t first_vertex = 0;
    uint32_t vertex_count = 0;
};

struct Feature {
    std::string name;             // full Vietnamese name with unit type, NFC: "Xã Hòa Tú 1"
    int32_t parent = -1;          // communes: index into MapAsset::districts; others: -1
    UnitType type = UnitType::other;
    uint32_t population = 0;      // 2009 census figure as given by the source; 0 = not given
    float source_area_ha = 0;     // the source's own area figure (differs from the polygons)
    float area_ha = 0;            // computed from the geometry in UTM zone 48N
    geo::World label;             // label anchor (pole of inaccessibility), world metres
    geo::Box bbox;                // world metres
    uint32_t first_ring = 0;      // into MapAsset::rings; holes and parts are all rings
    uint32_t ring_count = 0;
    uint32_t first_index = 0;     // into MapAsset::indices; 3 per fill triangle
    uint32_t index_count = 0;
};

// The coordinate grid of the file: a quarter metre is a fifth of a pixel at the viewer's
// closest zoom (17, 1.2 m/px) and a power of two, so every grid point within 4,000 km of the
// origin is exact in float32 and a decoded file re-encodes to the same bytes.
inline constexpr double kDefaultQuantumM = 0.25;

struct MapAsset {
    // Vertices are float32 offsets from this origin: metre precision would be lost storing raw
    // EPSG:3857 coordinates (~1.2e7) as float32, offsets keep it below 0.2 m.
    geo::World origin;
    double quantum_m = kDefaultQuantumM;  // file grid, metres; see normalize()
    std::vector<float> xy;            // x0, y0, x1, y1, ... relative to origin
    std::vector<uint32_t> indices;    // fill triangles into xy (vertex numbers)
    std::vector<Ring> rings;          // outline rings into xy
    std::vector<Feature> communes;    // xã, phường, thị trấn
    std::vector<Feature> districts;   // huyện, thị xã, thành phố (dissolved from communes)
    std::vector<Feature> province;    // the province outline (dissolved from districts)
    std::vector<Feature> context;     // neighbouring provinces, drawn muted

    size_t vertex_count() const { return xy.size() / 2; }
    geo::World vertex(uint32_t i) const { return {origin.x + xy[2 * i], origin.y + xy[2 * i + 1]}; }
};

// encode() writes normalize(map): see below.
std::vector<uint8_t> encode(const MapAsset& map);
Result<MapAsset> decode(const uint8_t* bytes, size_t size);
// The form decode(encode(map)) returns: vertices and label anchors on the grid, each box the box
// of the feature's rings, each triangle starting at its smallest vertex (same winding) and each
// feature's triangles sorted (the picture is the same; the file compresses better). The pipeline
// calls it so that the map it reports on is exactly the one the viewer will read.
void normalize(MapAsset& map);

// A coarser copy for drawing at low zoom (level of detail): every vertex snapped to a grid of
// `grid_m` metres, repeated points merged, triangles that collapse dropped, rings that collapse
// below three points dropped. Neighbours that share a vertex snap it to the same point, so the
// levels keep the pipeline's shared edges without cracks. Features keep their names, boxes and
// label anchors (picking and labels use the full map); ring and triangle ranges point into the
// new tables. Used by the renderer for the national map (378,830 vertices): at zoom 5 a grid of
// one pixel (2.4 km) leaves ~1/10 of them.
MapAsset simplified(const MapAsset& map, double grid_m);

// CRC-32 (IEEE 802.3, as zlib's crc32). Written here rather than linking zlib because
// Emscripten's zlib is a port that downloads at build time, which this build cannot do.
uint32_t crc32(const uint8_t* bytes, size_t size);

// "Xã ..." → xa, "Huyện ..." → huyen, ...; other when the name has no known prefix.
UnitType unit_type_from_name(const std::string& name);
// Stable identifiers used by the public JS API and the plan files: "xa", "phuong", "thi-tran", ...
const char* unit_type_id(UnitType t);
// Vietnamese display word: "Xã", "Phường", "Thị trấn", "Huyện", "Thị xã", "Thành phố", "Tỉnh".
const char* unit_type_label_vi(UnitType t);

}  // namespace ntm::asset
