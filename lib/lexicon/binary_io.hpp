// SPDX-License-Identifier: Apache-2.0
// BinaryWriter and BinaryReader: the compiled lexicon's byte format (sizes, strings, lists).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "qaindex/errors.hpp"

namespace qaindex::detail {

/// Appends values to a byte string: integers little-endian, a string as its size (32 bits)
/// then its bytes, a list as its size then its items. No alignment, no padding: the reader
/// must read the same sequence of types.
class BinaryWriter {
  public:
    void u8(std::uint8_t value) { bytes_ += static_cast<char>(value); }
    void u32(std::uint32_t value) { little_endian(value, 4); }
    void u64(std::uint64_t value) { little_endian(value, 8); }
    void boolean(bool value) { u8(value ? 1 : 0); }
    /// A size or count: 32 bits (the compiled lexicon's largest is far below 2^32).
    void count(std::size_t size) {
        if (size > UINT32_MAX) {
            throw Error("compiled lexicon: a list or string of 2^32 items or more");
        }
        u32(static_cast<std::uint32_t>(size));
    }
    void str(std::string_view text) {
        count(text.size());
        bytes_.append(text);
    }
    void optional_str(const std::optional<std::string>& text) {
        boolean(text.has_value());
        if (text) {
            str(*text);
        }
    }
    void strings(const std::vector<std::string>& list) {
        count(list.size());
        for (const std::string& text : list) {
            str(text);
        }
    }
    /// items' size, then write(*this, item) for each.
    template <typename T, typename F>
    void list(const std::vector<T>& items, F&& write) {
        count(items.size());
        for (const T& item : items) {
            write(*this, item);
        }
    }

    [[nodiscard]] const std::string& bytes() const { return bytes_; }

  private:
    void little_endian(std::uint64_t value, int size) {
        for (int i = 0; i < size; ++i) {
            bytes_ += static_cast<char>((value >> (8 * i)) & 0xFFU);
        }
    }

    std::string bytes_;
};

/// Reads what a BinaryWriter wrote, in the same order. Throws Error when the bytes end early
/// or a size is larger than what is left (corrupt data).
class BinaryReader {
  public:
    explicit BinaryReader(std::string_view bytes) : bytes_(bytes) {}

    std::uint8_t u8() { return static_cast<std::uint8_t>(little_endian(1)); }
    std::uint32_t u32() { return static_cast<std::uint32_t>(little_endian(4)); }
    std::uint64_t u64() { return little_endian(8); }
    bool boolean() { return u8() != 0; }
    /// A size or count, checked against the bytes left (each item takes one byte at least).
    std::size_t count() {
        const std::uint32_t value = u32();
        if (value > bytes_.size() - at_) {
            fail();
        }
        return static_cast<std::size_t>(value);
    }
    std::string_view view() {
        const std::size_t size = count();
        const std::string_view text = bytes_.substr(at_, size);
        at_ += size;
        return text;
    }
    std::string str() { return std::string(view()); }
    std::optional<std::string> optional_str() {
        return boolean() ? std::optional<std::string>(str()) : std::nullopt;
    }
    std::vector<std::string> strings() {
        std::vector<std::string> out(count());
        for (std::string& text : out) {
            text = str();
        }
        return out;
    }
    /// A list: read(*this) for each of its items.
    template <typename F>
    auto list(F&& read) -> std::vector<decltype(read(*this))> {
        std::vector<decltype(read(*this))> out;
        const std::size_t size = count();
        out.reserve(size);
        for (std::size_t i = 0; i < size; ++i) {
            out.push_back(read(*this));
        }
        return out;
    }

    /// Whether every byte has been read.
    [[nodiscard]] bool done() const { return at_ == bytes_.size(); }

  private:
    [[noreturn]] static void fail() { throw Error("compiled lexicon: corrupt or truncated data"); }

    std::uint64_t little_endian(std::size_t size) {
        if (size > bytes_.size() - at_) {
            fail();
        }
        std::uint64_t value = 0;
        for (std::size_t i = 0; i < size; ++i) {
            value |= std::uint64_t{static_cast<unsigned char>(bytes_[at_ + i])} << (8 * i);
        }
        at_ += size;
        return value;
    }

    std::string_view bytes_;
    std::size_t at_ = 0;
};

}  // namespace qaindex::detail
