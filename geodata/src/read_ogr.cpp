// read_ogr.cpp — one OGR layer → SourceUnits in EPSG:3857, checking every feature.
//
// File-level failures (missing file, not a vector file, no such layer or field) end the read with
// an Error naming the file. Feature-level problems (invalid or missing geometry, empty names,
// bad UTF-8, negative numbers) are collected so the user sees all of them at once.

#include <gdal_priv.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <set>

#include "internal.hpp"

namespace ntm::pipeline::detail {

namespace {

std::string join(const std::vector<std::string>& items, const char* sep) {
    std::string out;
    for (const auto& s : items) {
        if (!out.empty()) out += sep;
        out += s;
    }
    return out;
}

std::string trim(const std::string& s) {
    const auto first = s.find_first_not_of(" \t\r\n");
    if (first == std::string::npos) return {};
    const auto last = s.find_last_not_of(" \t\r\n");
    return s.substr(first, last - first + 1);
}

Error file_error(ErrorCode code, const std::string& path, const std::string& vi_problem, const std::string& en) {
    return Error{code, "Tệp " + path + ": " + vi_problem, path + ": " + en};
}

// [SECTION] Layer selection

Result<OGRLayer*> pick_layer(GDALDataset& ds, const ReadSpec& spec) {
    std::vector<std::string> names;
    for (int i = 0; i < ds.GetLayerCount(); ++i) names.push_back(ds.GetLayer(i)->GetName());
    if (!spec.layer.empty()) {
        if (OGRLayer* l = ds.GetLayerByName(spec.layer.c_str())) return l;
        return file_error(ErrorCode::invalid_data, spec.path,
                          "không có lớp dữ liệu \"" + spec.layer + "\" (các lớp có: " + join(names, ", ") + ").",
                          "no layer '" + spec.layer + "' (layers: " + join(names, ", ") + ")");
    }
    if (names.size() == 1) return ds.GetLayer(0);
    if (names.empty())
        return file_error(ErrorCode::invalid_data, spec.path, "không có lớp dữ liệu vector nào.", "no vector layer");
    return file_error(ErrorCode::invalid_data, spec.path,
                      "có nhiều lớp dữ liệu (" + join(names, ", ") + "); hãy chỉ định tên lớp cần đọc.",
                      "several layers (" + join(names, ", ") + "); name one (--layer / --context-layer)");
}

// Field index, or -1 when `name` is empty (not read). Missing named fields are reported.
int field_index(OGRFeatureDefn& defn, const std::string& name, bool optional, std::vector<std::string>& missing) {
    if (name.empty()) return -1;
    const int i = defn.GetFieldIndex(name.c_str());
    if (i < 0 && !optional) missing.push_back(name);
    return i;
}

// [SECTION] Feature checks

std::string describe_vi(const ReadSpec& spec, const std::string& name, const std::string& district, GIntBig fid) {
    std::string s = name.empty() ? std::string(spec.unit_vi) + " không tên" : name;
    if (!district.empty()) s += " (" + district + ")";
    return s + " [FID " + std::to_string(fid) + "]";
}

std::string describe_en(const ReadSpec& spec, const std::string& name, const std::string& district, GIntBig fid) {
    std::string s = name.empty() ? std::string("unnamed ") + spec.unit_en : name;
    if (!district.empty()) s += " (" + district + ")";
    return s + " [FID " + std::to_string(fid) + "]";
}

}  // namespace

Error problems_error(const std::string& path, const std::vector<Problem>& problems) {
    constexpr size_t kShownVi = 8;  // the full list is in detail_en (and printed by main)
    std::string vi = "Tệp " + path + " có " + std::to_string(problems.size()) + " lỗi dữ liệu: ";
    std::string en = path + ": " + std::to_string(problems.size()) + " data problem(s):";
    for (size_t i = 0; i < problems.size(); ++i) {
        if (i < kShownVi) vi += (i ? "; " : "") + problems[i].vi;
        en += "\n  - " + problems[i].en;
    }
    if (problems.size() > kShownVi) vi += "; và " + std::to_string(problems.size() - kShownVi) + " lỗi khác";
    vi += ".";
    return Error{ErrorCode::invalid_data, vi, en};
}

Result<ReadResult> read_units(const ReadSpec& spec, GEOSContextHandle_t ctx, std::vector<Problem>& problems) {
    CplCapture cpl;
    std::error_code ec;
    if (spec.path.empty())
        return Error{ErrorCode::io, "Chưa chỉ định tệp dữ liệu " + std::string(spec.unit_vi) + ".",
                     std::string("no ") + spec.unit_en + " file given"};
    if (!std::filesystem::exists(spec.path, ec))
        return file_error(ErrorCode::io, spec.path, "không tìm thấy tệp.", "file not found");
    if (std::filesystem::is_directory(spec.path, ec))
        return file_error(ErrorCode::io, spec.path, "là một thư mục, không phải tệp dữ liệu.", "is a directory");

    std::unique_ptr<GDALDataset> ds(GDALDataset::Open(spec.path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    if (!ds) {
        const std::string why = cpl.last().empty() ? "not recognised as a vector file" : cpl.last();
        return file_error(ErrorCode::format, spec.path,
                          "không đọc được tệp: tệp hỏng hoặc không phải dữ liệu bản đồ dạng vector "
                          "(GeoJSON, GeoPackage, Shapefile...).",
                          "cannot open as a vector file: " + why);
    }
    auto layer_r = pick_layer(*ds, spec);
    if (!layer_r) return layer_r.error();
    OGRLayer& layer = **layer_r;

    OGRFeatureDefn& defn = *layer.GetLayerDefn();
    std::vector<std::string> missing;
    const int i_name = field_index(defn, spec.name_field, false, missing);
    const int i_district = field_index(defn, spec.district_field, false, missing);
    const int i_province = field_index(defn, spec.province_field, false, missing);
    const int i_population = field_index(defn, spec.population_field, spec.optional_numbers, missing);
    const int i_area = field_index(defn, spec.area_field, spec.optional_numbers, missing);
    if (!missing.empty()) {
        std::vector<std::string> have;
        for (int i = 0; i < defn.GetFieldCount(); ++i) have.push_back(defn.GetFieldDefn(i)->GetNameRef());
        return file_error(ErrorCode::invalid_data, spec.path,
                          "thiếu trường " + join(missing, ", ") + " (các trường có: " + join(have, ", ") + ").",
                          "missing field(s) " + join(missing, ", ") + " in layer '" + layer.GetName() +
                              "' (fields: " + join(have, ", ") + ")");
    }

    // Source SRS → Web Mercator. Both in traditional GIS order (lon, lat): EPSG:4326's official
    // order is (lat, lon), and without this every longitude becomes an "invalid latitude".
    OGRSpatialReference src;
    ReadResult out;
    if (const OGRSpatialReference* s = layer.GetSpatialRef()) {
        src = *s;
    } else {
        src.SetWellKnownGeogCS("WGS84");
        out.notes.push_back(spec.path + ": no coordinate system; assumed WGS 84 longitude/latitude");
    }
    src.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    OGRSpatialReference merc;
    merc.importFromEPSG(3857);
    merc.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    std::unique_ptr<OGRCoordinateTransformation> ct(OGRCreateCoordinateTransformation(&src, &merc));
    if (!ct)
        return file_error(ErrorCode::invalid_data, spec.path,
                          "không chuyển được hệ tọa độ của tệp sang Web Mercator.",
                          "no transformation from the layer's CRS to EPSG:3857: " + cpl.last());

    std::set<std::string> provinces_seen;
    layer.ResetReading();
    for (OGRFeatureUniquePtr f(layer.GetNextFeature()); f; f.reset(layer.GetNextFeature())) {
        ++out.features_seen;
        const GIntBig fid = f->GetFID();
        std::vector<Problem> local;  // problems of this feature, reported under its name
        auto text = [&](int index, const char* what_vi, const char* what_en) -> std::string {
            if (index < 0 || !f->IsFieldSetAndNotNull(index)) return {};
            bool changed = false;
            std::optional<std::string> nfc = to_nfc(f->GetFieldAsString(index), changed);
            if (!nfc) {
                local.push_back({std::string(what_vi) + " không phải UTF-8 hợp lệ",
                                 std::string(what_en) + " is not valid UTF-8"});
                return {};
            }
            if (changed) ++out.names_normalised;
            return trim(*nfc);
        };
        SourceUnit u;
        u.province = text(i_province, "tên tỉnh", "province name");
        if (!u.province.empty()) provinces_seen.insert(u.province);
        if (!spec.keep_province.empty() && loose_key(u.province) != loose_key(spec.keep_province)) continue;
        u.name = text(i_name, "tên", "name");
        u.district = text(i_district, "tên huyện", "district name");

        if (u.name.empty())
            local.push_back({"thiếu tên (trường " + spec.name_field + " trống)",
                             "empty name (field " + spec.name_field + ")"});
        if (i_district >= 0 && u.district.empty())
            local.push_back({"không thuộc huyện nào (trường " + spec.district_field + " trống)",
                             "no district (field " + spec.district_field + " is empty)"});
        if (i_province >= 0 && u.province.empty())
            local.push_back({"không thuộc tỉnh nào (trường " + spec.province_field + " trống)",
                             "no province (field " + spec.province_field + " is empty)"});

        auto number = [&](int index, const char* what_vi, const char* what_en) -> double {
            if (index < 0 || !f->IsFieldSetAndNotNull(index)) return 0;
            const double v = f->GetFieldAsDouble(index);
            if (!std::isfinite(v) || v < 0) {
                local.push_back({std::string(what_vi) + " âm hoặc không phải số", std::string(what_en) + " is negative or not a number"});
                return 0;
            }
            return v;
        };
        const double population = number(i_population, "dân số", "population");
        if (population > 4.0e9) local.push_back({"dân số quá lớn", "population too large"});
        u.population = static_cast<uint32_t>(std::llround(std::min(population, 4.0e9)));
        u.source_area_ha = static_cast<float>(number(i_area, "diện tích nguồn", "source area"));

        // Geometry: polygonal, valid (checked on the source coordinates, as the file has them).
        OGRGeometry* g = f->GetGeometryRef();
        std::unique_ptr<OGRGeometry> owned;
        if (!g || g->IsEmpty()) {
            local.push_back({"không có hình học", "no geometry"});
        } else {
            if (g->hasCurveGeometry()) {
                owned.reset(g->getLinearGeometry());
            } else {
                owned.reset(g->clone());
            }
            owned->flattenTo2D();
            const OGRwkbGeometryType t = wkbFlatten(owned->getGeometryType());
            if (t != wkbPolygon && t != wkbMultiPolygon) {
                local.push_back({std::string("hình học không phải đa giác (") + owned->getGeometryName() + ")",
                                 std::string("geometry is not polygonal (") + owned->getGeometryName() + ")"});
                owned.reset();
            } else if (!owned->IsValid()) {
                // OGR says whether; GEOS says why ("Self-intersection[105.9 9.6]").
                std::string reason = "invalid";
                if (GEOSGeometry* gg = owned->exportToGEOS(ctx)) {
                    if (char* r = GEOSisValidReason_r(ctx, gg)) {
                        reason = r;
                        GEOSFree_r(ctx, r);
                    }
                    GEOSGeom_destroy_r(ctx, gg);
                }
                local.push_back({"hình học không hợp lệ (" + reason + ")", "invalid geometry (" + reason + ")"});
                owned.reset();
            } else if (owned->transform(ct.get()) != OGRERR_NONE) {
                local.push_back({"không chuyển được sang Web Mercator", "cannot be projected to EPSG:3857"});
                owned.reset();
            }
        }
        if (owned) {
            GEOSGeometry* gg = owned->exportToGEOS(ctx);
            GEOSGeometry* clean = gg ? GEOSRemoveRepeatedPoints_r(ctx, gg, 0.0) : nullptr;
            if (gg) GEOSGeom_destroy_r(ctx, gg);
            if (!clean) local.push_back({"lỗi chuyển đổi hình học", "GEOS conversion failed: " + cpl.last()});
            u.geom = make_geom(ctx, clean);
        }
        if (!local.empty()) {
            const std::string who_vi = describe_vi(spec, u.name, u.district, fid);
            const std::string who_en = describe_en(spec, u.name, u.district, fid);
            for (auto& p : local) problems.push_back({who_vi + ": " + p.vi, who_en + ": " + p.en});
            continue;
        }
        out.units.push_back(std::move(u));
    }
    out.provinces_seen.assign(provinces_seen.begin(), provinces_seen.end());
    return out;
}

}  // namespace ntm::pipeline::detail
