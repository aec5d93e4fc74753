// options.hpp — what one run of the pipeline reads, checks and writes.
//
// Plain data, every field has a default that fits the shared boundary files (see
// /work/shared/geodata/README.md), so a caller only sets the paths. main.cpp fills it from argv;
// the tests fill it directly.
//
//   ntm::pipeline::Options o;
//   o.communes_path = dir + "/soc_trang_communes.geojson";
//   o.context_path  = dir + "/mekong_provinces.geojson";
//   o.output_path   = "soc-trang.ntm";
//   auto r = ntm::pipeline::run(o, nullptr);
#pragma once

#include <string>

namespace ntm::pipeline {

struct Options {
    // [SECTION] Inputs
    std::string communes_path;          // any OGR vector file: GeoJSON, GeoPackage, Shapefile, ...
    std::string communes_layer;         // empty = the file's only layer (error if it has several)
    std::string context_path;           // neighbouring provinces, drawn muted; empty = no context
    std::string context_layer;          // empty = the file's only layer

    // [SECTION] Output
    std::string output_path;            // the .ntm asset; written to "<path>.tmp" then renamed

    // [SECTION] Selection
    std::string province;               // keep only communes whose province field equals this
                                        // (NFC-compared), e.g. "Sóc Trăng"; empty = keep all
    std::string exclude_from_context;   // context province left out; empty = every province the
                                        // (filtered) communes belong to. Compared ignoring spaces,
                                        // so "Bà Rịa - Vũng Tàu" matches "Bà Rịa-Vũng Tàu".

    // [SECTION] Field names in the communes layer
    std::string commune_field = "commune_vn";
    std::string district_field = "district_vn";
    std::string province_field = "province_vn";
    // The next two are read from the context layer too, where a missing field just gives 0.
    std::string population_field = "population";  // 2009 census count; empty = not read (0)
    std::string area_field = "area";              // the source's own area, hectares; empty = not read

    // [SECTION] Field names in the context layer
    std::string context_province_field = "province_vn";
};

}  // namespace ntm::pipeline
