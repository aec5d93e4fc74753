// pipeline.cpp — the order of the stages; each stage lives in its own file (see internal.hpp).

#include "pipeline.hpp"

#include <cpl_error.h>
#include <gdal_priv.h>
#include <ogr_geometry.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <map>
#include <numeric>
#include <set>

#include "internal.hpp"

namespace ntm::pipeline {

using namespace detail;

namespace detail {
struct CplCaptureAccess {
    static void CPL_STDCALL handler(CPLErr level, CPLErrorNum, const char* msg) {
        auto* self = static_cast<CplCapture*>(CPLGetErrorHandlerUserData());
        if (self && level >= CE_Failure && msg) self->last_ = msg;
    }
};
CplCapture::CplCapture() { CPLPushErrorHandlerEx(&CplCaptureAccess::handler, this); }
CplCapture::~CplCapture() { CPLPopErrorHandler(); }

GeosContext::GeosContext() : handle_(OGRGeometry::createGEOSContext()) {}
GeosContext::~GeosContext() { OGRGeometry::freeGEOSContext(handle_); }
}  // namespace detail

Exit exit_for_build_error(const Error& error) {
    return error.code == ErrorCode::io || error.code == ErrorCode::format ? Exit::input : Exit::data;
}

namespace {

// "Sóc Trăng" → "Tỉnh Sóc Trăng"; the five centrally-run cities are "Thành phố ...".
std::string province_display_name(const std::string& p) {
    if (p.rfind("Tỉnh ", 0) == 0 || p.rfind("Thành phố ", 0) == 0) return p;
    static const char* const kCities[] = {"Hà Nội", "Hồ Chí Minh", "Hải Phòng", "Đà Nẵng", "Cần Thơ"};
    for (const char* c : kCities)
        if (loose_key(p) == loose_key(c)) return "Thành phố " + p;
    return "Tỉnh " + p;
}

template <typename... Args>
std::string fmt(const char* format, Args... args) {
    char buf[200];
    std::snprintf(buf, sizeof buf, format, args...);
    return buf;
}

geo::Box envelope(GEOSContextHandle_t ctx, const GEOSGeometry* g) {
    geo::Box b;
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    if (GEOSGeom_getXMin_r(ctx, g, &x0) && GEOSGeom_getYMin_r(ctx, g, &y0) && GEOSGeom_getXMax_r(ctx, g, &x1) &&
        GEOSGeom_getYMax_r(ctx, g, &y1)) {
        b.extend(geo::World{x0, y0});
        b.extend(geo::World{x1, y1});
    }
    return b;
}

// Areas: UTM zone 48N when every commune lies in it (102°E–108°E: Sóc Trăng, the Mekong delta),
// as the project's figures are quoted; otherwise (the national file spans 102°E–109.5°E) a
// Lambert azimuthal equal-area projection centred on the data, so that one projection measures
// every level and a district still equals the sum of its communes. Web Mercator is never used
// for areas: at 9.6°N it reads ~3 % high.
std::string area_crs_for(const geo::Box& world_box) {
    const geo::LonLat lo = geo::world_to_lonlat({world_box.min_x, world_box.min_y});
    const geo::LonLat hi = geo::world_to_lonlat({world_box.max_x, world_box.max_y});
    if (lo.lon >= 102.0 && hi.lon <= 108.0 && lo.lat >= 0.0) return "EPSG:32648";
    return fmt("+proj=laea +lat_0=%.3f +lon_0=%.3f +x_0=0 +y_0=0 +datum=WGS84 +units=m +no_defs",
               (lo.lat + hi.lat) / 2, (lo.lon + hi.lon) / 2);
}

std::string unit_label_vi(const SourceUnit& u) { return u.name + " (" + u.district + ")"; }

}  // namespace

Result<Built> build(const Options& o, const ProgressFn& progress) {
    const auto t0 = std::chrono::steady_clock::now();
    auto step = [&](std::string_view stage, size_t done, size_t total) {
        if (progress) progress(Progress{stage, done, total});
    };
    GDALAllRegister();
    CplCapture cpl;
    GeosContext geos;
    GEOSContextHandle_t ctx = geos.get();

    Built out;
    Report& rep = out.report;

    std::string keep;
    if (!o.province.empty()) {
        bool changed = false;
        auto nfc = to_nfc(o.province, changed);
        keep = nfc ? *nfc : o.province;
    }

    // [SECTION] Read and check the communes
    step("read", 0, 0);
    std::vector<Problem> problems;
    ReadSpec cs;
    cs.path = o.communes_path;
    cs.layer = o.communes_layer;
    cs.name_field = o.commune_field;
    cs.district_field = o.district_field;
    cs.province_field = o.province_field;
    cs.population_field = o.population_field;
    cs.area_field = o.area_field;
    cs.keep_province = keep;
    auto communes_r = read_units(cs, ctx, problems);
    if (!communes_r) return communes_r.error();
    ReadResult& communes = *communes_r;
    rep.names_normalised += communes.names_normalised;
    rep.notes.insert(rep.notes.end(), communes.notes.begin(), communes.notes.end());

    if (communes.units.empty() && problems.empty()) {
        if (!keep.empty()) {
            std::string have;
            for (const auto& p : communes.provinces_seen) have += (have.empty() ? "" : ", ") + p;
            return Error{ErrorCode::invalid_data,
                         "Tệp " + o.communes_path + " không có xã nào thuộc tỉnh \"" + keep + "\" (các tỉnh có: " +
                             have + ").",
                         o.communes_path + ": no commune with " + o.province_field + " = '" + keep + "' (" +
                             std::to_string(communes.features_seen) + " features; provinces: " + have + ")"};
        }
        return Error{ErrorCode::invalid_data, "Tệp " + o.communes_path + " không có xã nào.",
                     o.communes_path + ": the layer has no features"};
    }

    step("check", 0, communes.units.size());
    {
        // (province, district, commune) must be unique: "Phường 1" may repeat across districts,
        // never within one, or the viewer and the plan files could not tell them apart.
        std::map<std::string, size_t> seen;
        std::map<std::string, size_t> repeats;
        for (const SourceUnit& u : communes.units) {
            const std::string key = u.province + '\x1f' + u.district + '\x1f' + u.name;
            if (++seen[key] == 2) repeats[key] = 0;
        }
        for (const SourceUnit& u : communes.units) {
            const std::string key = u.province + '\x1f' + u.district + '\x1f' + u.name;
            auto it = repeats.find(key);
            if (it == repeats.end() || it->second++ > 0) continue;
            const std::string n = std::to_string(seen[key]);
            problems.push_back({unit_label_vi(u) + ": tên xã trùng trong cùng huyện (" + n + " lần)",
                                u.name + " (" + u.district + "): name appears " + n + " times in one district"});
        }
    }

    // [SECTION] Read the context provinces
    std::vector<Problem> context_problems;
    ReadResult context;
    if (!o.context_path.empty()) {
        step("context", 0, 0);
        ReadSpec xs;
        xs.path = o.context_path;
        xs.layer = o.context_layer;
        xs.name_field = o.context_province_field;
        xs.population_field = o.population_field;
        xs.area_field = o.area_field;
        xs.optional_numbers = true;
        xs.unit_vi = "tỉnh";
        xs.unit_en = "province";
        auto context_r = read_units(xs, ctx, context_problems);
        if (!context_r) return context_r.error();
        context = std::move(*context_r);
        rep.names_normalised += context.names_normalised;
        rep.notes.insert(rep.notes.end(), context.notes.begin(), context.notes.end());

        // Leave out the province being mapped: it is drawn from its communes.
        std::set<std::string> exclude;
        if (!o.exclude_from_context.empty()) {
            bool changed = false;
            auto nfc = to_nfc(o.exclude_from_context, changed);
            exclude.insert(loose_key(nfc ? *nfc : o.exclude_from_context));
        } else {
            for (const SourceUnit& u : communes.units) exclude.insert(loose_key(u.province));
        }
        const size_t before = context.units.size();
        context.units.erase(std::remove_if(context.units.begin(), context.units.end(),
                                           [&](const SourceUnit& u) { return exclude.count(loose_key(u.name)) > 0; }),
                            context.units.end());
        if (before == context.units.size() && !o.exclude_from_context.empty())
            context_problems.push_back({"không có tỉnh \"" + o.exclude_from_context + "\" để loại khỏi lớp bối cảnh",
                                        "no context province named '" + o.exclude_from_context + "' to exclude"});
    }

    if (!problems.empty() || !context_problems.empty()) {
        std::string paths = problems.empty() ? "" : o.communes_path;
        if (!context_problems.empty()) {
            paths += (paths.empty() ? "" : ", ") + o.context_path;
            for (Problem& p : context_problems) problems.push_back(std::move(p));
        }
        return problems_error(paths, problems);
    }

    // [SECTION] Order: provinces, districts and communes in Vietnamese alphabetical order
    Collator coll;
    struct Keyed {
        std::string province, district, name;
    };
    std::vector<Keyed> keys(communes.units.size());
    std::map<std::string, std::string> key_cache;
    auto key_of = [&](const std::string& s) -> const std::string& {
        auto it = key_cache.find(s);
        if (it == key_cache.end()) it = key_cache.emplace(s, coll.sort_key(s)).first;
        return it->second;
    };
    for (size_t i = 0; i < communes.units.size(); ++i) {
        const SourceUnit& u = communes.units[i];
        keys[i] = {key_of(u.province), key_of(u.district), coll.sort_key(u.name)};
    }
    std::vector<size_t> order(communes.units.size());
    std::iota(order.begin(), order.end(), size_t(0));
    std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
        if (keys[a].province != keys[b].province) return keys[a].province < keys[b].province;
        if (keys[a].district != keys[b].district) return keys[a].district < keys[b].district;
        return keys[a].name < keys[b].name;
    });

    // District and province tables follow the sorted communes.
    struct Group {
        std::string name;
        std::vector<size_t> members;  // communes (for districts) or districts (for provinces)
        GeomPtr geom;
    };
    std::vector<Group> districts, provinces;
    std::vector<int32_t> parent_of(communes.units.size(), -1);
    std::vector<Marker> markers;  // a point inside every commune part, to tell enclaves from gaps
    for (size_t i : order) {
        const SourceUnit& u = communes.units[i];
        if (districts.empty() || communes.units[districts.back().members.front()].district != u.district ||
            communes.units[districts.back().members.front()].province != u.province) {
            districts.push_back({u.district, {}, make_geom(ctx, nullptr)});
            if (provinces.empty() || provinces.back().name != u.province)
                provinces.push_back({u.province, {}, make_geom(ctx, nullptr)});
            provinces.back().members.push_back(districts.size() - 1);
        }
        districts.back().members.push_back(i);
        parent_of[i] = static_cast<int32_t>(districts.size() - 1);
        const int nparts = GEOSGetNumGeometries_r(ctx, u.geom.get());
        for (int k = 0; k < nparts; ++k) {
            GeomPtr pt = make_geom(ctx, GEOSPointOnSurface_r(ctx, GEOSGetGeometryN_r(ctx, u.geom.get(), k)));
            Marker m;
            m.district = static_cast<uint32_t>(districts.size() - 1);
            m.province = static_cast<uint32_t>(provinces.size() - 1);
            if (pt && GEOSGeomGetX_r(ctx, pt.get(), &m.x) && GEOSGeomGetY_r(ctx, pt.get(), &m.y)) markers.push_back(m);
        }
    }
    std::sort(markers.begin(), markers.end(), [](const Marker& a, const Marker& b) { return a.x < b.x; });

    // [SECTION] Dissolve
    const size_t dissolve_total = districts.size() + provinces.size();
    size_t dissolved = 0;
    std::vector<const GEOSGeometry*> parts;
    GapStats gaps;
    for (Group& d : districts) {
        step("dissolve", dissolved++, dissolve_total);
        parts.clear();
        for (size_t i : d.members) parts.push_back(communes.units[i].geom.get());
        GeomPtr merged = dissolve(ctx, parts);
        if (merged) d.geom = fill_gaps(ctx, merged.get(), markers, false, static_cast<uint32_t>(&d - districts.data()), gaps);
        if (!d.geom)
            problems.push_back({d.name + ": không gộp được các xã thành huyện", d.name + ": union of its communes failed"});
    }
    if (!problems.empty()) return problems_error(o.communes_path, problems);
    for (Group& p : provinces) {
        step("dissolve", dissolved++, dissolve_total);
        parts.clear();
        for (size_t d : p.members) parts.push_back(districts[d].geom.get());
        GeomPtr merged = dissolve(ctx, parts);
        if (merged) p.geom = fill_gaps(ctx, merged.get(), markers, true, static_cast<uint32_t>(&p - provinces.data()), gaps);
        if (!p.geom)
            problems.push_back({p.name + ": không gộp được các huyện thành tỉnh", p.name + ": union of its districts failed"});
    }
    if (!problems.empty()) return problems_error(o.communes_path, problems);

    // [SECTION] Assemble the asset
    asset::MapAsset& map = out.map;
    geo::Box all;
    for (const Group& p : provinces) all.extend(envelope(ctx, p.geom.get()));
    map.origin = all.center();

    const std::string crs = area_crs_for(all);
    auto meter_r = AreaMeter::create(crs);
    if (!meter_r) return meter_r.error();
    AreaMeter& meter = **meter_r;
    rep.area_crs = crs == "EPSG:32648" ? "EPSG:32648 (UTM zone 48N)" : crs + " (equal-area)";

    AppendStats stats;
    const size_t total = communes.units.size() + districts.size() + provinces.size() + context.units.size();
    size_t done = 0;
    // Districts and the province are drawn as outlines over their communes, never filled: they
    // get rings but no triangles (issue 5: a quarter of the Sóc Trăng file's triangles, ~1 KiB
    // of the default page's download).
    auto add = [&](std::vector<asset::Feature>& table, asset::Feature f, const GEOSGeometry* g) {
        if ((done++ & 255) == 0) step("triangulate", done - 1, total);
        cpl.clear();
        const Fill fill = &table == &map.districts || &table == &map.province ? Fill::outline_only : Fill::triangles;
        if (auto why = append_geometry(map, ctx, g, meter, f, stats, fill)) {
            if (!cpl.last().empty()) *why += ": " + cpl.last();
            problems.push_back({f.name + ": lỗi xử lý hình học (" + *why + ")", f.name + ": " + *why});
        }
        table.push_back(std::move(f));
    };

    std::vector<uint64_t> district_population(districts.size(), 0);
    std::vector<double> district_source_area(districts.size(), 0), district_commune_area(districts.size(), 0);
    for (size_t i : order) {
        const SourceUnit& u = communes.units[i];
        asset::Feature f;
        f.name = u.name;
        f.parent = parent_of[i];
        f.type = asset::unit_type_from_name(u.name);
        f.population = u.population;
        f.source_area_ha = u.source_area_ha;
        add(map.communes, std::move(f), u.geom.get());
        const size_t d = static_cast<size_t>(parent_of[i]);
        district_population[d] += u.population;
        district_source_area[d] += u.source_area_ha;
        district_commune_area[d] += map.communes.back().area_ha;
    }
    auto clamp_u32 = [](uint64_t v) { return static_cast<uint32_t>(std::min<uint64_t>(v, UINT32_MAX)); };
    size_t districts_off = 0;
    double worst_rel = 0;
    std::string worst_name;
    for (size_t d = 0; d < districts.size(); ++d) {
        asset::Feature f;
        f.name = districts[d].name;
        f.type = asset::unit_type_from_name(f.name);
        f.population = clamp_u32(district_population[d]);
        f.source_area_ha = static_cast<float>(district_source_area[d]);
        add(map.districts, std::move(f), districts[d].geom.get());
        // The source communes overlap and leave gaps (simplified one by one), so a district is
        // not exactly the sum of its communes; say how far off, it is what a reader would notice.
        const double rel = map.districts.back().area_ha / district_commune_area[d] - 1;
        if (std::abs(rel) > 0.005) {
            ++districts_off;
            if (std::abs(rel) > std::abs(worst_rel)) {
                worst_rel = rel;
                worst_name = districts[d].name;
            }
        }
    }
    if (districts_off > 0)
        rep.notes.push_back(std::to_string(districts_off) +
                            " district(s) differ from the sum of their communes by more than 0.5 % (worst: " +
                            worst_name + fmt(", %+.2f %%)", 100 * worst_rel) +
                            ": the source communes overlap or leave gaps");
    for (const Group& p : provinces) {
        asset::Feature f;
        f.name = province_display_name(p.name);
        f.type = asset::UnitType::tinh;
        uint64_t pop = 0;
        double src = 0;
        for (size_t d : p.members) {
            pop += map.districts[d].population;
            src += map.districts[d].source_area_ha;
        }
        f.population = clamp_u32(pop);
        f.source_area_ha = static_cast<float>(src);
        add(map.province, std::move(f), p.geom.get());
        rep.area_ha += map.province.back().area_ha;
    }

    std::vector<size_t> context_order(context.units.size());
    std::iota(context_order.begin(), context_order.end(), size_t(0));
    {
        std::vector<std::string> ck;
        for (const SourceUnit& u : context.units) ck.push_back(coll.sort_key(u.name));
        std::sort(context_order.begin(), context_order.end(), [&](size_t a, size_t b) { return ck[a] < ck[b]; });
    }
    for (size_t i : context_order) {
        const SourceUnit& u = context.units[i];
        asset::Feature f;
        f.name = province_display_name(u.name);
        f.type = asset::UnitType::tinh;
        f.population = u.population;
        f.source_area_ha = u.source_area_ha;
        add(map.context, std::move(f), u.geom.get());
    }
    step("triangulate", total, total);
    if (!problems.empty()) return problems_error(o.communes_path, problems);

    // The file stores coordinates on a quarter-metre grid (asset::kDefaultQuantumM) and triangles
    // in a canonical order: normalise here so that what this function returns, and the tests
    // check, is exactly what the viewer reads.
    asset::normalize(map);

    rep.communes = map.communes.size();
    rep.districts = map.districts.size();
    rep.provinces = map.province.size();
    rep.context = map.context.size();
    rep.vertices = map.vertex_count();
    rep.triangles = stats.triangles;
    rep.rings = stats.rings;
    rep.holes = stats.holes;
    rep.added_vertices = stats.added_vertices;
    if (rep.names_normalised > 0)
        rep.notes.push_back(std::to_string(rep.names_normalised) + " name(s) were not in Unicode NFC; stored normalised");
    rep.gaps_filled = gaps.gaps;
    rep.split_polygons = stats.split_polygons;
    if (gaps.gaps + gaps.degenerate > 0) {
        // Web Mercator area scaled by cos²(latitude) at the data's centre: a fair estimate.
        const double lat = geo::world_to_lonlat(map.origin).lat * 3.14159265358979323846 / 180;
        rep.notes.push_back(std::to_string(gaps.gaps) + " gap(s) between communes (about " +
                            fmt("%.0f ha", gaps.gap_area_3857_m2 * std::cos(lat) * std::cos(lat) / 1e4) +
                            ") filled in the district/province outlines; " + std::to_string(gaps.degenerate) +
                            " zero-area hole(s) dropped");
    }
    if (rep.split_polygons > 0)
        rep.notes.push_back(std::to_string(rep.split_polygons) +
                            " polygon(s) cut into strips for GEOS's triangulator, adding " +
                            std::to_string(rep.added_vertices) + " vertices");
    else if (rep.added_vertices > 0)
        rep.notes.push_back(std::to_string(rep.added_vertices) + " triangle corner(s) were not ring vertices");
    rep.elapsed_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    return out;
}

Result<Report> run(const Options& options, const ProgressFn& progress) {
    const auto t0 = std::chrono::steady_clock::now();
    auto built = build(options, progress);
    if (!built) return built.error();
    if (progress) progress(Progress{"write", 0, 1});
    const std::vector<uint8_t> bytes = asset::encode(built->map);
    auto written = write_file(options.output_path, bytes);
    if (!written) return written.error();
    Report rep = std::move(built->report);
    rep.bytes = *written;
    rep.elapsed_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    return rep;
}

}  // namespace ntm::pipeline
