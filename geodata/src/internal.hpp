// internal.hpp — types shared by the pipeline's source files; not part of its public surface.
//
// One file per stage: read_ogr.cpp (OGR layer → SourceUnit, with checks), text.cpp (ICU: NFC,
// Vietnamese collation), dissolve.cpp (GEOS unions), triangulate.cpp (rings, triangles, label
// anchors, areas → MapAsset), write_asset.cpp (bytes → file), pipeline.cpp (the order of it all).
#pragma once

#include <geos_c.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/asset.hpp"
#include "core/result.hpp"

class OGRCoordinateTransformation;

namespace ntm::pipeline::detail {

// [SECTION] GDAL messages

// Keeps GDAL and GEOS (whose context GDAL made) from printing — the library never prints — and
// remembers the last failure message for an Error's English detail. Scoped: nests like
// CPLPushErrorHandler.
class CplCapture {
public:
    CplCapture();
    ~CplCapture();
    CplCapture(const CplCapture&) = delete;
    CplCapture& operator=(const CplCapture&) = delete;
    const std::string& last() const { return last_; }
    void clear() { last_.clear(); }

private:
    friend struct CplCaptureAccess;
    std::string last_;
};

// [SECTION] GEOS handles

// A GEOS context made by GDAL (OGRGeometry::createGEOSContext), so GEOS messages go through
// CPLError like the rest of GDAL's.
class GeosContext {
public:
    GeosContext();
    ~GeosContext();
    GeosContext(const GeosContext&) = delete;
    GeosContext& operator=(const GeosContext&) = delete;
    GEOSContextHandle_t get() const { return handle_; }

private:
    GEOSContextHandle_t handle_ = nullptr;
};

struct GeomDeleter {
    GEOSContextHandle_t ctx = nullptr;
    void operator()(GEOSGeometry* g) const {
        if (g) GEOSGeom_destroy_r(ctx, g);
    }
};
using GeomPtr = std::unique_ptr<GEOSGeometry, GeomDeleter>;
inline GeomPtr make_geom(GEOSContextHandle_t ctx, GEOSGeometry* g) { return GeomPtr(g, GeomDeleter{ctx}); }

// [SECTION] Data problems

// One thing wrong with the data, in both languages. Collected, never returned one at a time.
struct Problem {
    std::string vi;
    std::string en;
};

// "Tệp X có 3 lỗi dữ liệu: ..." with every problem in detail_en and the first few in message_vi.
Error problems_error(const std::string& path, const std::vector<Problem>& problems);

// [SECTION] Reading (read_ogr.cpp)

// What to read from one layer. Communes set district/province fields; context leaves them empty.
struct ReadSpec {
    std::string path;
    std::string layer;                 // empty = the only layer
    std::string name_field;
    std::string district_field;        // empty = not read (context)
    std::string province_field;        // empty = not read (context)
    std::string population_field;      // empty = not read
    std::string area_field;            // empty = not read
    bool optional_numbers = false;     // a missing population/area field gives 0 instead of an error
    std::string keep_province;         // NFC; non-empty = skip features of other provinces
    const char* unit_vi = "xã";        // for messages: "xã" / "tỉnh"
    const char* unit_en = "commune";
};

// One feature: names NFC, geometry valid, polygonal, in EPSG:3857, repeated points removed.
struct SourceUnit {
    std::string province;
    std::string district;
    std::string name;
    uint32_t population = 0;
    float source_area_ha = 0;
    GeomPtr geom;
};

struct ReadResult {
    std::vector<SourceUnit> units;
    size_t features_seen = 0;          // before the province filter
    std::vector<std::string> provinces_seen;  // distinct, for "no such province" messages
    size_t names_normalised = 0;
    std::vector<std::string> notes;
};

// File-level failures (missing, unreadable, no such layer or field) come back as the Error;
// per-feature problems are appended to `problems` and the feature is left out.
Result<ReadResult> read_units(const ReadSpec& spec, GEOSContextHandle_t ctx, std::vector<Problem>& problems);

// [SECTION] Text (text.cpp)

// NFC form of UTF-8 `s`; nullopt if `s` is not valid UTF-8. `changed` tells whether it differed.
std::optional<std::string> to_nfc(const std::string& s, bool& changed);

// For matching names typed by a person against the data: spaces dropped, so
// "Bà Rịa - Vũng Tàu" == "Bà Rịa-Vũng Tàu". Input NFC.
std::string loose_key(const std::string& nfc);

// For matching names typed by a person against the data: spaces dropped, so
// "Bà Rịa - Vũng Tàu" == "Bà Rịa-Vũng Tàu". Input NFC.
std::string loose_key(const std::string& nfc);

// Vietnamese collation with numbers compared as numbers ("Phường 2" < "Phường 10").
class Collator {
public:
    Collator();
    ~Collator();
    Collator(const Collator&) = delete;
    Collator& operator=(const Collator&) = delete;
    // A byte string whose memcmp order is the collation order; cheap to compare when sorting.
    std::string sort_key(const std::string& utf8) const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// [SECTION] Dissolve (dissolve.cpp)

// Union of the given polygons (borrowed), as one polygonal geometry; nullptr if GEOS fails.
GeomPtr dissolve(GEOSContextHandle_t ctx, const std::vector<const GEOSGeometry*>& parts);

// A point inside one part of a commune, tagged with the commune's district and province numbers.
struct Marker {
    double x = 0, y = 0;  // EPSG:3857
    uint32_t district = 0;
    uint32_t province = 0;
};

struct GapStats {
    size_t gaps = 0;               // holes with no other unit's commune inside, filled
    size_t degenerate = 0;         // holes with no area (collapsed slivers), dropped
    double gap_area_3857_m2 = 0;   // of the filled gaps, in Web Mercator (≈ 3 % high near 10°N)
};

// `geom` (a dissolved district, or province when `province_level`) with every hole removed
// unless a marker of another district (province) lies inside it. `markers` sorted by x.
GeomPtr fill_gaps(GEOSContextHandle_t ctx, const GEOSGeometry* geom, const std::vector<Marker>& markers,
                  bool province_level, uint32_t own, GapStats& stats);

// [SECTION] Geometry → asset (triangulate.cpp)

// Measures areas: 3857 ring vertices are reprojected to `crs` and summed with the shoelace
// formula (the same vertices the viewer draws, so levels measured this way add up).
class AreaMeter {
public:
    // `crs` as understood by OGRSpatialReference::SetFromUserInput: "EPSG:32648", "+proj=laea ...".
    static Result<std::unique_ptr<AreaMeter>> create(const std::string& crs);
    ~AreaMeter();
    // Signed area of a closed ring given as x0,y0,x1,y1,... in EPSG:3857 (closing vertex not
    // repeated), square metres in the area CRS; positive when counter-clockwise.
    double ring_area_m2(const std::vector<double>& xy_3857);

private:
    AreaMeter() = default;
    std::unique_ptr<OGRCoordinateTransformation> ct_;
    std::vector<double> x_, y_;
};

struct AppendStats {
    size_t triangles = 0;
    size_t rings = 0;
    size_t holes = 0;
    size_t added_vertices = 0;
    size_t split_polygons = 0;  // polygons GEOS could not triangulate whole, cut into strips
};

// Appends the rings (exterior counter-clockwise, holes clockwise, closing vertex not repeated),
// vertices and, if `fill`, fill triangles of `geom` (EPSG:3857, polygonal) to `map`, and sets
// the feature's first_ring/ring_count/first_index/index_count (0 without `fill`), bbox, label
// (pole of inaccessibility) and area_ha. Returns an English reason on failure.
enum class Fill : bool { outline_only = false, triangles = true };
std::optional<std::string> append_geometry(asset::MapAsset& map, GEOSContextHandle_t ctx, const GEOSGeometry* geom,
                                           AreaMeter& meter, asset::Feature& feature, AppendStats& stats,
                                           Fill fill = Fill::triangles);

}  // namespace ntm::pipeline::detail
