// strings.hpp — the UI's door to the translation table (issue 4): tr(Key) in the current
// language, plus the labels of the core's enums (layers, legend classes, standards, unit
// types) so no widget hard-codes a word in one language. Place names are never translated.
//
// The table itself lives in core/i18n.hpp so it stays pure C++ and is tested natively
// (tests/core/i18n_test.cpp: every key in both languages, matching placeholders, glyphs).
//
//   #include "ui/strings.hpp"
//   ImGui::TextUnformatted(ntm::ui::tr(ntm::ui::Key::legend));
//   ImGui::Text(ntm::ui::tr(ntm::ui::Key::tour_step), step + 1, count);
#pragma once

#include <string>

#include "core/asset.hpp"
#include "core/i18n.hpp"
#include "core/legend.hpp"
#include "core/plan.hpp"

namespace ntm::ui {

namespace i18n = ::ntm::i18n;
using ::ntm::i18n::Key;
using ::ntm::i18n::tr;

const char* layer_label(legend::Layer l);
const char* class_label(legend::Layer layer, legend::Class c);
// "NTM nâng cao: 9 xã" / "NTM advanced: 9 communes"
std::string legend_row_label(legend::Layer layer, const legend::Row& row);
const char* standard_label(plan::Standard s);
// A thị xã or thành phố "completes the NTM task" rather than "meets the standard".
const char* unit_standard_label(plan::Standard s, asset::UnitType t);
const char* milestone_label(plan::DistrictMilestone m);
const char* unit_type_label(asset::UnitType t);
// A day ("05/02/2024") or a whole month ("06/2024") in the current language; "" when unset.
std::string date_label(plan::Date d);

}  // namespace ntm::ui
