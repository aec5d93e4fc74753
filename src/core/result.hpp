// result.hpp — the one error currency of the project.
//
// Library code never throws across modules, never exits and never prints: it returns a Result<T>
// holding either a value or an Error a user can read (Vietnamese first, English detail for
// developers). Bad data yields what is valid plus a list of Errors, never a crash.
//
//   ntm::Result<int> parse_count(std::string_view s);
//   auto r = parse_count("12");
//   if (!r) show(r.error().message_vi);
//   else use(*r);
#pragma once

#include <string>
#include <utility>
#include <variant>

namespace ntm {

enum class ErrorCode {
    io,             // file missing or unreadable
    format,         // wrong magic, not JSON, wrong type
    version,        // a format version this build does not read
    corrupt,        // checksum mismatch, counts past the end, inconsistent indices
    invalid_data,   // well-formed but wrong: unknown commune, negative amount, bad date
    unsupported,    // the browser or machine lacks a feature (WebGL2)
};

struct Error {
    ErrorCode code = ErrorCode::format;
    std::string message_vi;  // shown to the user, Vietnamese, one sentence
    std::string detail_en;   // for developers and logs
};

template <typename T>
class Result {
public:
    Result(T value) : data_(std::move(value)) {}
    Result(Error error) : data_(std::move(error)) {}

    explicit operator bool() const { return std::holds_alternative<T>(data_); }
    bool ok() const { return std::holds_alternative<T>(data_); }
    T& value() { return std::get<T>(data_); }
    const T& value() const { return std::get<T>(data_); }
    T& operator*() { return value(); }
    const T& operator*() const { return value(); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    const Error& error() const { return std::get<Error>(data_); }

private:
    std::variant<T, Error> data_;
};

}  // namespace ntm
