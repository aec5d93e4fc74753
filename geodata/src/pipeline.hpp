// pipeline.hpp — boundary files → the binary map asset the viewer loads.
//
// Reads the communes layer (and optionally a layer of neighbouring provinces) with GDAL/OGR,
// checks it (valid geometry, a district for every commune, names unique per district, UTF-8
// normalised to NFC), projects to Web Mercator, dissolves communes into districts and districts
// into provinces (GEOS unary union, so the levels always agree; gaps between the source's
// communes are filled in those outlines, enclaves kept), measures areas in UTM zone 48N
// (an equal-area projection when the data leaves that zone), finds label anchors (pole of
// inaccessibility), triangulates every polygon (GEOS constrained Delaunay) and fills an
// ntm::asset::MapAsset.
// It does not simplify: the shared polygons are already simplified (a few dozen vertices each).
//
// A library: it never prints or exits. Every data problem is collected and returned in one
// Error naming the file and the commune, so a bad file is fixed in one round.
//
//   ntm::pipeline::Options o;  o.communes_path = ...; o.context_path = ...; o.output_path = ...;
//   ntm::Result<ntm::pipeline::Report> r = ntm::pipeline::run(o, nullptr);
//   if (!r) std::cerr << r.error().message_vi << "\n" << r.error().detail_en << "\n";
//   else    std::cout << r->communes << " communes, " << r->bytes << " bytes\n";
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/asset.hpp"
#include "core/result.hpp"
#include "options.hpp"

namespace ntm::pipeline {

using ntm::Error;
using ntm::ErrorCode;
using ntm::Result;

// Called between stages and inside the long loops; `total` is 0 when unknown.
struct Progress {
    std::string_view stage;  // "read", "check", "dissolve", "triangulate", "context", "write"
    size_t done = 0;
    size_t total = 0;
};
using ProgressFn = std::function<void(const Progress&)>;

struct Report {
    size_t communes = 0;
    size_t districts = 0;
    size_t provinces = 0;             // 1 for a one-province run
    size_t context = 0;               // context provinces kept
    size_t vertices = 0;              // in the asset (all four levels; each level has its own)
    size_t triangles = 0;
    size_t rings = 0;
    size_t holes = 0;                 // interior rings among `rings`
    size_t names_normalised = 0;      // names that were not NFC in the source (now they are)
    size_t added_vertices = 0;        // triangle corners not found among ring vertices
    size_t split_polygons = 0;        // polygons GEOS 3.11 could not triangulate whole (cut first)
    size_t gaps_filled = 0;           // gaps between communes closed in district/province outlines
    size_t bytes = 0;                 // size of the written asset; 0 before writing
    double area_ha = 0;               // sum of the provinces' areas
    std::string area_crs;             // what areas were measured in, e.g. "EPSG:32648 (UTM 48N)"
    double elapsed_ms = 0;            // wall time of build (+ write for run())
    std::vector<std::string> notes;   // worth knowing, not errors (English)
};

struct Built {
    asset::MapAsset map;
    Report report;
};

// Reads, checks and assembles; writes nothing.
Result<Built> build(const Options& options, const ProgressFn& progress = {});

// Writes `bytes` to `path` through "<path>.tmp" + rename, so a failed run never leaves half a
// file where the viewer looks. Returns the number of bytes written.
Result<size_t> write_file(const std::string& path, const std::vector<uint8_t>& bytes);

// build() + encode + write_file(options.output_path).
Result<Report> run(const Options& options, const ProgressFn& progress = {});

// The tool's documented exit codes.
enum class Exit : int {
    ok = 0,
    usage = 1,   // bad command line
    input = 2,   // an input file is missing, unreadable or not a vector file
    data = 3,    // the data is readable but invalid (every problem is listed)
    output = 4,  // the output file cannot be written
};
// For an Error from build(): missing/unreadable input → input; anything else → data.
Exit exit_for_build_error(const Error& error);

}  // namespace ntm::pipeline
