// i18n.hpp — the translation table: every user-facing string of the viewer in Vietnamese and
// English, the current language, and numbers, dates and money in each language's convention.
//
// What it does: `tr(Key::x)` returns the text of key x in the language set by set_language()
// (Vietnamese by default). The keys are every string of ui/strings_vi.hpp (Key::x mirrors
// str::kX: str::kAppTitle → Key::app_title, str::kPopulation2009 → Key::population2009), the
// strings issue 4 adds (search, presentation mode and tour, help overlay, PNG export, language
// switch) and English versions of the core's Vietnamese labels (legend::layer_label_vi,
// class_label_vi, plan::standard_label_vi, milestone_label_vi, asset::unit_type_label_vi),
// whose Vietnamese text here is tested to equal the core's. Place names are never translated:
// unit names come from the map asset and are shown as they are in both languages.
// What it doesn't: no plural rules (the strings are built so none are needed), no runtime
// loading, no ImGui (it is pure core, tested natively in tests/core/i18n_test.cpp).
//
// Conventions (decided for issue 4):
//   numbers   vi "1.779.000" and "1.779,5"; en "1,779,000" and "1,779.5"; percent "12,3%" / "12.3%"
//   dates     vi "05/02/2024" (dd/mm/yyyy, as every provincial document); en "5 Feb 2024": day, short
//             month name, year — unambiguous for British and American readers alike, unlike 05/02/2024
//   months    vi "06/2024", "Tháng 6/2024", "T6"; en "Jun 2024", "June 2024", "Jun"
//   money     vi "133.988 triệu đồng", "≈ 134 tỷ đồng"; en "133,988 million VND", "≈ 134 billion VND"
// printf placeholders (%d, %s) are the same, in the same order, in both languages.
//
// The current language is the one process-wide variable of the core (STYLE rule 7 exception,
// like ImGui's context): every widget would otherwise need it passed down. Code that must not
// depend on it (tests, the PNG caption for a given language) uses the overloads taking a Lang.
//
//   ntm::i18n::set_language(ntm::i18n::Lang::en);
//   ImGui::TextUnformatted(ntm::i18n::tr(ntm::i18n::Key::legend));            // "Legend"
//   ImGui::Text(ntm::i18n::tr(ntm::i18n::Key::tour_step), step + 1, count);   // "Step 3 of 14"
//   ntm::i18n::format_int(1779000);                                           // "1,779,000"
//   ntm::i18n::format_date(2024, 2, 5);                                       // "5 Feb 2024"
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace ntm::i18n {

enum class Lang { vi, en };
inline constexpr int kLangCount = 2;
const char* lang_id(Lang l);                         // "vi", "en" (URL hash, JS API)
std::optional<Lang> lang_from_id(std::string_view id);  // exact ids only

void set_language(Lang l);
Lang language();

// [SECTION] Keys
// One X(name) per string. Order is free; ids are the names as strings (key_id).
#define NTM_I18N_KEYS(X)                                                                                    \
    /* strings_vi.hpp: header, panel, about box */                                                          \
    X(app_title) X(app_subtitle) X(province) X(provinces_of_country) X(legend_no_plan) X(districts)        \
    X(communes_of) X(commune_count) X(unit_type)                                                            \
    X(district) X(area) X(area_unit) X(population2009) X(persons) X(no_data) X(back_to_province)            \
    X(clear_selection) X(zoom_to_district) X(about) X(about_title) X(close) X(hint) X(about_body)           \
    X(about_source) X(about_approx) X(about_plan) X(errors_title)                                           \
    /* strings_vi.hpp: plan layers, legend, drill-down, model cards, export, help */                        \
    X(tab_map) X(tab_funding) X(tab_calendar) X(layer) X(legend) X(district_targets)                        \
    X(district_recognition) X(district_dossier) X(models) X(models_here) X(no_models_here) X(model_place)   \
    X(model_lead) X(model_period) X(model_source) X(target2024) X(no_target2024) X(not_applicable)          \
    X(status) X(status_none) X(recognised_on) X(decision) X(criteria_met) X(funding_total)                  \
    X(targets_summary) X(plan_source) X(status_source_empty) X(zoom_to) X(targets_in) X(export_source)      \
    X(export_date) X(export_png) X(drawer_open) X(drawer_close) X(help_title) X(click_model)                \
    /* strings_vi.hpp: funding panel */                                                                     \
    X(funding_title) X(funding_total_computed) X(funding_by_source) X(funding_unit) X(funding_of_which)     \
    X(funding_share_of_total) X(funding_group) X(funding_plan_wording) X(funding_split_title)               \
    X(funding_investment) X(funding_recurrent) X(funding_unsplit) X(funding_source_not_split)               \
    X(funding_split_by) X(funding_split_rest) X(funding_split_none) X(funding_split_part_hint)              \
    X(funding_stated_total) X(funding_stated_differs) X(funding_hover_hint) X(funding_source_line)          \
    X(funding_of_plan) X(panel_note_label) X(panel_source_label) X(panel_list_separator)                    \
    /* strings_vi.hpp: calendar and tasks */                                                                \
    X(calendar_title) X(panel_in_year) X(month_short) X(month_prefix) X(lane_commune) X(lane_district)      \
    X(lane_tasks) X(kind_start) X(kind_deadline) X(kind_planned) X(event_level_commune)                     \
    X(event_level_district) X(event_all_districts) X(event_no_date) X(events_title) X(tasks_title)          \
    X(tasks_count) X(tasks_due_in) X(tasks_undated) X(tasks_other_years) X(task_no_due_group)               \
    X(task_col_content) X(task_col_lead) X(task_col_due) X(task_col_task) X(task_lead_prefix) X(task_ref)   \
    X(task_row) X(task_filter_agency) X(task_all_agencies) X(task_month_filter) X(task_clear_month)         \
    X(task_click_month) X(task_no_match) X(panel_dash)                                                      \
    /* help overlay: key, action pairs (kShortcuts below; the first ten are str::kShortcuts) */             \
    X(help_key_drag) X(help_do_drag) X(help_key_wheel) X(help_do_wheel) X(help_key_zoom) X(help_do_zoom)   \
    X(help_key_arrows) X(help_do_arrows) X(help_key_home) X(help_do_home) X(help_key_layers)                \
    X(help_do_layers) X(help_key_escape) X(help_do_escape) X(help_key_help) X(help_do_help)                 \
    X(help_key_search) X(help_do_search) X(help_key_search_pick) X(help_do_search_pick)                     \
    X(help_key_present) X(help_do_present) X(help_key_tour) X(help_do_tour) X(help_key_language)            \
    X(help_do_language)                                                                                     \
    /* issue 4: search */                                                                                   \
    X(search_label) X(search_placeholder) X(search_no_results) X(search_hint)                               \
    /* issue 4: presentation mode and tour */                                                               \
    X(present) X(presentation_mode) X(tour_step) X(tour_next) X(tour_previous) X(tour_exit)                 \
    X(tour_restart) X(tour_empty)                                                                           \
    /* issue 4: export */                                                                                   \
    X(export_scale) X(export_scale_1x) X(export_scale_2x) X(export_scale_4x) X(export_busy)                 \
    X(export_failed)                                                                                        \
    /* issue 4: language */                                                                                 \
    X(language) X(lang_vi) X(lang_en)                                                                       \
    /* money units (the format_* functions below add them) */                                               \
    X(money_million_dong) X(money_billion_dong)                                                             \
    /* core labels: legend layers and classes, legend rows ("%s: %d xã") */                                 \
    X(layer_targets) X(layer_status) X(layer_boundaries) X(class_kieu_mau) X(class_nang_cao) X(class_ntm)   \
    X(class_none_targets) X(class_none_status) X(class_no_data) X(class_not_applicable)                     \
    X(legend_row_communes) X(legend_row_units)                                                              \
    /* core labels: standards, milestones, unit types */                                                    \
    X(standard_ntm) X(standard_nang_cao) X(standard_kieu_mau) X(standard_none) X(standard_town_ntm)         \
    X(milestone_recognition) X(milestone_dossier) X(unit_xa) X(unit_phuong) X(unit_thi_tran) X(unit_huyen)  \
    X(unit_thi_xa) X(unit_thanh_pho) X(unit_tinh) X(unit_other)                                             \
    /* panels, app and platform messages                */                                                 \
    X(district_count) X(error_font) X(error_webgl2_unsupported) X(error_webgl2_draw)                        \
    /* issue 6: a data file that did not load can be fetched again */                                       \
    X(retry) X(retry_hint)

enum class Key : uint16_t {
#define NTM_I18N_ENUM(name) name,
    NTM_I18N_KEYS(NTM_I18N_ENUM)
#undef NTM_I18N_ENUM
        count
};
inline constexpr size_t kKeyCount = static_cast<size_t>(Key::count);

// The help overlay's rows, {key label, action}, in display order: str::kShortcuts, then the
// search and language rows issue 4 adds (the "L" key for the language is a proposal).
inline constexpr Key kShortcuts[][2] = {
    {Key::help_key_drag, Key::help_do_drag},
    {Key::help_key_wheel, Key::help_do_wheel},
    {Key::help_key_zoom, Key::help_do_zoom},
    {Key::help_key_arrows, Key::help_do_arrows},
    {Key::help_key_home, Key::help_do_home},
    {Key::help_key_layers, Key::help_do_layers},
    {Key::help_key_escape, Key::help_do_escape},
    {Key::help_key_help, Key::help_do_help},
    {Key::help_key_present, Key::help_do_present},
    {Key::help_key_tour, Key::help_do_tour},
    {Key::help_key_search, Key::help_do_search},
    {Key::help_key_search_pick, Key::help_do_search_pick},
    {Key::help_key_language, Key::help_do_language},
};

const char* tr(Key k);           // in the current language; "" for Key::count or an out-of-range value
const char* tr(Key k, Lang l);
const char* key_id(Key k);       // "app_title"
// True for the few keys whose English text is deliberately the Vietnamese one: the province's
// name, a language's own name, symbols and key names ("Esc", "—", "ha").
bool same_in_both_languages(Key k);

// [SECTION] Numbers, dates and money (the current language, or the one given)

std::string format_int(int64_t value);                          // 1779000 → "1.779.000" / "1,779,000"
std::string format_int(int64_t value, Lang l);
std::string format_decimal(double value, int decimals);         // (1779.5, 1) → "1.779,5" / "1,779.5"; NaN → "—"
std::string format_decimal(double value, int decimals, Lang l);
std::string format_percent(double fraction, int decimals);      // (0.123, 1) → "12,3%" / "12.3%"
std::string format_percent(double fraction, int decimals, Lang l);
std::string format_date(int year, int month, int day);          // "05/02/2024" / "5 Feb 2024"
std::string format_date(int year, int month, int day, Lang l);
std::string format_month(int year, int month);                  // "06/2024" / "Jun 2024"
std::string format_month(int year, int month, Lang l);
std::string format_month_title(int year, int month);            // "Tháng 6/2024" / "June 2024"
std::string format_month_title(int year, int month, Lang l);
std::string month_short(int month);                             // timeline columns: "T6" / "Jun"
std::string month_short(int month, Lang l);
std::string format_million_dong(double million_dong);           // "133.988 triệu đồng" / "133,988 million VND"
std::string format_million_dong(double million_dong, Lang l);
std::string format_billion_dong(double million_dong, int decimals);  // "≈ 134 tỷ đồng" / "≈ 134 billion VND"
std::string format_billion_dong(double million_dong, int decimals, Lang l);

}  // namespace ntm::i18n
