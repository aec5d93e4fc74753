#include "ui/strings.hpp"

#include <cstdio>

namespace ntm::ui {

const char* layer_label(legend::Layer l) {
    switch (l) {
        case legend::Layer::targets: return tr(Key::layer_targets);
        case legend::Layer::status: return tr(Key::layer_status);
        case legend::Layer::boundaries: return tr(Key::layer_boundaries);
    }
    return "";
}

const char* class_label(legend::Layer layer, legend::Class c) {
    switch (c) {
        case legend::Class::kieu_mau: return tr(Key::class_kieu_mau);
        case legend::Class::nang_cao: return tr(Key::class_nang_cao);
        case legend::Class::ntm: return tr(Key::class_ntm);
        case legend::Class::none:
            return tr(layer == legend::Layer::targets ? Key::class_none_targets : Key::class_none_status);
        case legend::Class::no_data: return tr(Key::class_no_data);
        case legend::Class::not_applicable: return tr(Key::class_not_applicable);
    }
    return "";
}

std::string legend_row_label(legend::Layer layer, const legend::Row& row) {
    // The table's pattern is "%s: %d xã" / "%s: %d communes".
    const Key pattern = row.cls == legend::Class::not_applicable ? Key::legend_row_units : Key::legend_row_communes;
    char buf[256];
    std::snprintf(buf, sizeof buf, tr(pattern), class_label(layer, row.cls), row.count);
    return buf;
}

const char* standard_label(plan::Standard s) {
    switch (s) {
        case plan::Standard::ntm: return tr(Key::standard_ntm);
        case plan::Standard::nang_cao: return tr(Key::standard_nang_cao);
        case plan::Standard::kieu_mau: return tr(Key::standard_kieu_mau);
        case plan::Standard::none: return tr(Key::standard_none);
    }
    return "";
}

const char* unit_standard_label(plan::Standard s, asset::UnitType t) {
    if (s == plan::Standard::ntm && (t == asset::UnitType::thi_xa || t == asset::UnitType::thanh_pho))
        return tr(Key::standard_town_ntm);
    return standard_label(s);
}

const char* milestone_label(plan::DistrictMilestone m) {
    return tr(m == plan::DistrictMilestone::dossier ? Key::milestone_dossier : Key::milestone_recognition);
}

const char* unit_type_label(asset::UnitType t) {
    switch (t) {
        case asset::UnitType::xa: return tr(Key::unit_xa);
        case asset::UnitType::phuong: return tr(Key::unit_phuong);
        case asset::UnitType::thi_tran: return tr(Key::unit_thi_tran);
        case asset::UnitType::huyen: return tr(Key::unit_huyen);
        case asset::UnitType::thi_xa: return tr(Key::unit_thi_xa);
        case asset::UnitType::thanh_pho: return tr(Key::unit_thanh_pho);
        case asset::UnitType::tinh: return tr(Key::unit_tinh);
        case asset::UnitType::other: return tr(Key::unit_other);
    }
    return "";
}

std::string date_label(plan::Date d) {
    if (!d.is_set()) return {};
    return d.is_month() ? i18n::format_month(d.year, d.month) : i18n::format_date(d.year, d.month, d.day);
}

}  // namespace ntm::ui
