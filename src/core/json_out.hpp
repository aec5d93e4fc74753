// json_out.hpp — JSON text for the page's API (window.ntmMap: state(), info(), funds(), ...),
// written straight into a string with RapidJSON's Writer: no DOM is built for an answer.
//
// What it adds to rapidjson::Writer: string_view strings, a double that is not finite written
// as null (the Writer would write nothing and leave the text broken), optional values as null,
// and the chaining that keeps an object's fields one per line in the callers.
// Strings are written as given (quotes, backslashes and control characters escaped); bytes that
// are not UTF-8 pass through, and the page's UTF8ToString reads them as U+FFFD.
//
//   ntm::json_out::Out o;
//   o.begin_object().key("lon").num(105.97).key("commune").str_or_null(name).end_object();
//   return o.text();  // {"lon":105.97,"commune":"Xã Tài Văn"}
#pragma once

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <cmath>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace ntm::json_out {

class Out {
public:
    Out& begin_object() { return done(w_.StartObject()); }
    Out& end_object() { return done(w_.EndObject()); }
    Out& begin_array() { return done(w_.StartArray()); }
    Out& end_array() { return done(w_.EndArray()); }
    Out& key(const char* k) { return done(w_.Key(k)); }
    Out& str(std::string_view s) { return done(w_.String(s.data(), rapidjson::SizeType(s.size()))); }
    Out& str_or_null(std::string_view s) { return s.empty() ? null() : str(s); }  // "" → null
    // The fewest digits that read back as the same double (the Writer's Grisu2): 105.97, 2.0.
    Out& num(double d) { return std::isfinite(d) ? done(w_.Double(d)) : null(); }
    Out& num(const std::optional<double>& d) { return d ? num(*d) : null(); }
    // std::to_string, which the viewer has anyway, not the Writer's own digit tables (~2 KB).
    Out& integer(int64_t i) {
        const std::string s = std::to_string(i);
        return done(w_.RawValue(s.data(), s.size(), rapidjson::kNumberType));
    }
    Out& boolean(bool b) { return done(w_.Bool(b)); }
    Out& null() { return done(w_.Null()); }
    std::string text() const { return std::string(buf_.GetString(), buf_.GetSize()); }

private:
    Out& done(bool) { return *this; }  // the Writer refuses only misuse (a key outside an object)

    rapidjson::StringBuffer buf_;
    rapidjson::Writer<rapidjson::StringBuffer> w_{buf_};
};

}  // namespace ntm::json_out
