#include "core/legend.hpp"

#include <array>

namespace ntm::legend {

const char* layer_id(Layer l) {
    switch (l) {
        case Layer::targets: return "muc-tieu-2024";
        case Layer::status: return "hien-trang";
        case Layer::boundaries: return "ranh-gioi";
    }
    return "";
}

const char* layer_label_vi(Layer l) {
    switch (l) {
        case Layer::targets: return "Mục tiêu 2024";
        case Layer::status: return "Hiện trạng";
        case Layer::boundaries: return "Ranh giới";
    }
    return "";
}

bool layer_from_id(const std::string& id, Layer* out) {
    for (Layer l : {Layer::targets, Layer::status, Layer::boundaries})
        if (id == layer_id(l)) {
            *out = l;
            return true;
        }
    return false;
}

Rgb class_colour(Class c) {
    // Viridis stops at 0.95 / 0.6 / 0.3 / 0.0 for the three standards (lightest = first step),
    // neutral warm paper for "none", cool grey for "not applicable", white under the hatching.
    switch (c) {
        case Class::ntm: return {122, 209, 81};       // #7AD151
        case Class::nang_cao: return {34, 140, 141};  // #228C8D
        case Class::kieu_mau: return {68, 1, 84};     // #440154
        case Class::none: return {243, 238, 224};     // #F3EEE0
        case Class::no_data: return {250, 250, 250};
        case Class::not_applicable: return {200, 200, 208};
    }
    return {255, 0, 255};
}

bool class_hatched(Class c) { return c == Class::no_data; }
bool class_needs_light_text(Class c) { return c == Class::kieu_mau || c == Class::nang_cao; }

namespace {
Class from_standard(plan::Standard s) {
    switch (s) {
        case plan::Standard::ntm: return Class::ntm;
        case plan::Standard::nang_cao: return Class::nang_cao;
        case plan::Standard::kieu_mau: return Class::kieu_mau;
        case plan::Standard::none: return Class::none;
    }
    return Class::none;
}
}  // namespace

std::vector<Class> classify(Layer layer, const asset::MapAsset& map, const plan::Plan& plan, bool plan_loaded,
                            const plan::StatusFile& status, bool status_loaded) {
    std::vector<Class> out(map.communes.size(), Class::none);
    for (size_t i = 0; i < map.communes.size(); ++i) {
        const asset::Feature& c = map.communes[i];
        if (c.type != asset::UnitType::xa) {
            out[i] = Class::not_applicable;
            continue;
        }
        const std::string& district = c.parent >= 0 ? map.districts[size_t(c.parent)].name : std::string();
        if (layer == Layer::targets) {
            const plan::CommuneTarget* t = plan_loaded ? plan::find_commune_target(plan, district, c.name) : nullptr;
            out[i] = t ? from_standard(t->standard) : plan_loaded ? Class::none : Class::no_data;
        } else if (layer == Layer::status) {
            const plan::UnitStatus* s = status_loaded ? plan::find_status(status, district, c.name) : nullptr;
            out[i] = s ? from_standard(s->standard) : Class::no_data;
        } else {
            out[i] = Class::none;
        }
    }
    return out;
}

const char* class_label_vi(Layer layer, Class c) {
    switch (c) {
        case Class::kieu_mau: return "NTM kiểu mẫu";
        case Class::nang_cao: return "NTM nâng cao";
        case Class::ntm: return "NTM";
        case Class::none: return layer == Layer::targets ? "Không có mục tiêu năm 2024" : "Chưa đạt chuẩn";
        case Class::no_data: return "Chưa có dữ liệu";
        case Class::not_applicable: return "Không áp dụng (phường, thị trấn)";
    }
    return "";
}

const char* class_id(Class c) {
    switch (c) {
        case Class::kieu_mau: return "kieu-mau";
        case Class::nang_cao: return "nang-cao";
        case Class::ntm: return "ntm";
        case Class::none: return "none";
        case Class::no_data: return "no-data";
        case Class::not_applicable: return "not-applicable";
    }
    return "";
}

std::vector<Row> rows(Layer layer, const std::vector<Class>& classes) {
    std::array<int, kClassCount> counts{};
    for (Class c : classes) ++counts[size_t(c)];
    std::vector<Row> out;
    // Some xã has a known target (a plan is loaded): only then is "NTM: 0 xã" a fact.
    const bool targets_known = counts[size_t(Class::kieu_mau)] + counts[size_t(Class::nang_cao)] +
                                   counts[size_t(Class::ntm)] + counts[size_t(Class::none)] > 0;
    for (Class c : {Class::kieu_mau, Class::nang_cao, Class::ntm, Class::none, Class::no_data, Class::not_applicable}) {
        const int n = counts[size_t(c)];
        // Targets list the three standards even when empty; other empty classes are left out.
        const bool standard = c == Class::kieu_mau || c == Class::nang_cao || c == Class::ntm;
        if (n == 0 && !(layer == Layer::targets && standard && targets_known)) continue;
        if (layer == Layer::targets && c == Class::no_data && n == 0) continue;
        const char* unit = c == Class::not_applicable ? "đơn vị" : "xã";
        out.push_back({c, std::string(class_label_vi(layer, c)) + ": " + std::to_string(n) + " " + unit, n});
    }
    return out;
}

}  // namespace ntm::legend
