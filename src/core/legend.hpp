// legend.hpp — the thematic layers' classes: which class each commune falls in, the class
// colours and the legend rows with their counts.
//
// Two layers: "Mục tiêu 2024" (the standard each commune aims for in 2024) and "Hiện trạng"
// (the standard reached, from the achieved-status file). Three cases are kept apart because a
// leader must not confuse them: a xã with no 2024 target, a phường or thị trấn to which the
// commune standards do not apply ("không áp dụng"), and a xã the status file says nothing
// about ("chưa có dữ liệu", drawn hatched). Colours follow the viridis ramp (ordered by
// ambition, distinguishable with colour-vision deficiencies and on a washed-out projector).
//
//   ntm::legend::Classes c = ntm::legend::classify(ntm::legend::Layer::targets, map, plan, plan_loaded, status, status_loaded);
//   for (const auto& row : ntm::legend::rows(Layer::targets, c)) draw(row.colour, row.label_vi, row.count);
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/asset.hpp"
#include "core/plan.hpp"

namespace ntm::legend {

enum class Layer { targets, status, boundaries };
const char* layer_id(Layer l);          // "muc-tieu-2024", "hien-trang", "ranh-gioi"
const char* layer_label_vi(Layer l);    // "Mục tiêu 2024", "Hiện trạng", "Ranh giới"
bool layer_from_id(const std::string& id, Layer* out);

enum class Class : uint8_t {
    kieu_mau,        // NTM kiểu mẫu
    nang_cao,        // NTM nâng cao
    ntm,             // NTM
    none,            // targets: no 2024 target; status: listed, no standard reached yet
    no_data,         // the file says nothing about this xã (or did not load): hatched
    not_applicable,  // phường, thị trấn: commune standards do not apply
};
inline constexpr int kClassCount = 6;

struct Rgb {
    uint8_t r = 0, g = 0, b = 0;
};
Rgb class_colour(Class c);
bool class_hatched(Class c);  // drawn with diagonal hatching (no data)
// Dark or light text reads better on this class's fill.
bool class_needs_light_text(Class c);

// One class per commune, index-aligned with map.communes. Without a plan (none loaded, or a
// map the plan does not cover, e.g. the national one) a xã's 2024 target is not known: no_data,
// never "no target".
std::vector<Class> classify(Layer layer, const asset::MapAsset& map, const plan::Plan& plan, bool plan_loaded,
                            const plan::StatusFile& status, bool status_loaded);

struct Row {
    Class cls = Class::none;
    std::string label_vi;  // "NTM nâng cao: 9 xã"
    int count = 0;
};
// Legend rows in display order (most ambitious first), with counts; classes with no commune
// are still listed for the targets layer so the legend reads the same every year.
std::vector<Row> rows(Layer layer, const std::vector<Class>& classes);
const char* class_label_vi(Layer layer, Class c);
const char* class_id(Class c);  // "kieu-mau", "nang-cao", "ntm", "none", "no-data", "not-applicable"

}  // namespace ntm::legend
