// main.cpp — ntm-pipeline: argv → Options → build → write → exit code.
//
// Everything else lives in the ntm_pipeline library (pipeline.hpp), which the tests call.
// The option table below is the single source of both the parser and --help.

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline.hpp"

#ifndef NTM_GEODATA_DIR_DEFAULT
#define NTM_GEODATA_DIR_DEFAULT "."
#endif

namespace {

using ntm::pipeline::Exit;

struct Cli {
    ntm::pipeline::Options options;
    std::string data_dir;
    bool no_context = false;
    bool quiet = false;
    bool verbose = false;
    bool help = false;
};

struct OptionSpec {
    const char* flag;
    const char* metavar;  // nullptr: a switch without a value
    const char* help;
    std::function<void(Cli&, const std::string&)> set;
};

const std::vector<OptionSpec>& option_table() {
    using S = const std::string&;
    static const std::vector<OptionSpec> table = {
        {"--communes", "FILE", "communes layer (GeoJSON, GeoPackage, ...); default DIR/soc_trang_communes.geojson",
         [](Cli& c, S v) { c.options.communes_path = v; }},
        {"--context", "FILE", "neighbouring provinces, drawn muted; default DIR/mekong_provinces.geojson",
         [](Cli& c, S v) { c.options.context_path = v; }},
        {"--no-context", nullptr, "write no context provinces", [](Cli& c, S) { c.no_context = true; }},
        {"--out", "FILE", "the map asset to write (required), e.g. soc-trang.ntm",
         [](Cli& c, S v) { c.options.output_path = v; }},
        {"--data-dir", "DIR", "folder of the default inputs; default $NTM_GEODATA_DIR, else " NTM_GEODATA_DIR_DEFAULT,
         [](Cli& c, S v) { c.data_dir = v; }},
        {"--province", "NAME", "keep only communes of this province, e.g. \"Sóc Trăng\" (for the national file)",
         [](Cli& c, S v) { c.options.province = v; }},
        {"--exclude-context", "NAME", "context province to leave out; default: the provinces of the communes",
         [](Cli& c, S v) { c.options.exclude_from_context = v; }},
        {"--layer", "NAME", "communes layer name; default: the file's only layer (vietnam_communes.gpkg: vietnam_communes)",
         [](Cli& c, S v) { c.options.communes_layer = v; }},
        {"--context-layer", "NAME", "context layer name; default: the file's only layer",
         [](Cli& c, S v) { c.options.context_layer = v; }},
        {"--commune-field", "NAME", "commune name field; default commune_vn", [](Cli& c, S v) { c.options.commune_field = v; }},
        {"--district-field", "NAME", "district name field; default district_vn",
         [](Cli& c, S v) { c.options.district_field = v; }},
        {"--province-field", "NAME", "province name field; default province_vn",
         [](Cli& c, S v) { c.options.province_field = v; }},
        {"--population-field", "NAME", "population field, \"\" = none; default population",
         [](Cli& c, S v) { c.options.population_field = v; }},
        {"--area-field", "NAME", "source area field in hectares, \"\" = none; default area",
         [](Cli& c, S v) { c.options.area_field = v; }},
        {"--context-province-field", "NAME", "province name field of the context layer; default province_vn",
         [](Cli& c, S v) { c.options.context_province_field = v; }},
        {"--verbose", nullptr, "print each stage on stderr as it starts", [](Cli& c, S) { c.verbose = true; }},
        {"--quiet", nullptr, "print nothing on success", [](Cli& c, S) { c.quiet = true; }},
        {"--help", nullptr, "show this help", [](Cli& c, S) { c.help = true; }},
    };
    return table;
}

constexpr const char* kUsage = "usage: ntm-pipeline --out FILE [--communes FILE] [--context FILE | --no-context] "
                               "[--province NAME] [options]";

void print_help() {
    std::printf("%s\n\nBuilds the binary map asset (.ntm) of the viewer from boundary files.\n\noptions:\n", kUsage);
    for (const OptionSpec& o : option_table()) {
        std::string left = std::string("  ") + o.flag + (o.metavar ? std::string(" ") + o.metavar : "");
        std::printf("%-32s %s\n", left.c_str(), o.help);
    }
    std::printf(
        "\nexit codes:\n"
        "  0  asset written\n"
        "  1  bad command line\n"
        "  2  an input file is missing, unreadable or not a vector file\n"
        "  3  the data is invalid (every problem is listed)\n"
        "  4  the output file cannot be written\n"
        "\nexamples:\n"
        "  ntm-pipeline --out soc-trang.ntm\n"
        "  ntm-pipeline --communes vietnam_communes.gpkg --no-context --out vietnam.ntm\n"
        "  ntm-pipeline --communes vietnam_communes.gpkg --province \"Sóc Trăng\" --out soc-trang.ntm\n");
}

int usage_error(const std::string& why) {
    std::fprintf(stderr, "ntm-pipeline: %s\n%s\n(ntm-pipeline --help for every option)\n", why.c_str(), kUsage);
    return static_cast<int>(Exit::usage);
}

int fail(const ntm::Error& e, Exit code) {
    std::fprintf(stderr, "ntm-pipeline: %s\n%s\n", e.message_vi.c_str(), e.detail_en.c_str());
    return static_cast<int>(code);
}

}  // namespace

int main(int argc, char** argv) {
    Cli cli;
    for (int i = 1; i < argc; ++i) {
        std::string arg = argv[i];
        std::string value;
        bool inline_value = false;
        if (const auto eq = arg.find('='); arg.rfind("--", 0) == 0 && eq != std::string::npos) {
            value = arg.substr(eq + 1);
            arg.resize(eq);
            inline_value = true;
        }
        const OptionSpec* spec = nullptr;
        for (const OptionSpec& o : option_table())
            if (arg == o.flag) spec = &o;
        if (!spec) return usage_error("unknown option '" + arg + "'");
        if (spec->metavar && !inline_value) {
            if (i + 1 >= argc) return usage_error(std::string(spec->flag) + " needs a value (" + spec->metavar + ")");
            value = argv[++i];
        } else if (!spec->metavar && inline_value) {
            return usage_error(std::string(spec->flag) + " takes no value");
        }
        spec->set(cli, value);
    }
    if (cli.help) {
        print_help();
        return static_cast<int>(Exit::ok);
    }
    ntm::pipeline::Options& o = cli.options;
    if (o.output_path.empty()) return usage_error("--out FILE is required");
    if (cli.no_context && !o.context_path.empty()) return usage_error("--context and --no-context exclude each other");
    if (cli.data_dir.empty()) {
        const char* env = std::getenv("NTM_GEODATA_DIR");
        cli.data_dir = env && *env ? env : NTM_GEODATA_DIR_DEFAULT;
    }
    if (o.communes_path.empty()) o.communes_path = cli.data_dir + "/soc_trang_communes.geojson";
    if (o.context_path.empty() && !cli.no_context) o.context_path = cli.data_dir + "/mekong_provinces.geojson";

    std::string last_stage;
    const auto t0 = std::chrono::steady_clock::now();
    ntm::pipeline::ProgressFn progress;
    if (cli.verbose)
        progress = [&](const ntm::pipeline::Progress& p) {
            if (p.stage == last_stage) return;
            last_stage = std::string(p.stage);
            const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
            std::fprintf(stderr, "ntm-pipeline: %6.0f ms  %s\n", ms, last_stage.c_str());
        };

    auto built = ntm::pipeline::build(o, progress);
    if (!built) return fail(built.error(), ntm::pipeline::exit_for_build_error(built.error()));
    if (progress) progress({"write", 0, 1});
    auto written = ntm::pipeline::write_file(o.output_path, ntm::asset::encode(built->map));
    if (!written) return fail(written.error(), Exit::output);

    const ntm::pipeline::Report& r = built->report;
    if (!cli.quiet) {
        std::printf("ntm-pipeline: wrote %s (%zu bytes)\n", o.output_path.c_str(), *written);
        std::printf("  %zu communes, %zu districts, %zu province(s), %zu context province(s)\n", r.communes, r.districts,
                    r.provinces, r.context);
        std::printf("  %zu vertices, %zu triangles, %zu rings (%zu holes)\n", r.vertices, r.triangles, r.rings, r.holes);
        std::printf("  area %.0f ha, measured in %s\n", r.area_ha, r.area_crs.c_str());
        std::printf("  built in %.0f ms\n", r.elapsed_ms);
        for (const std::string& n : r.notes) std::printf("  note: %s\n", n.c_str());
    }
    return static_cast<int>(Exit::ok);
}
