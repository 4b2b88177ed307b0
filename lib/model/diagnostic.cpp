// SPDX-License-Identifier: Apache-2.0
// Diagnostic formatting: "file:line: message".
#include "qaindex/diagnostic.hpp"

namespace qaindex {

std::string_view to_string(Problem problem) {
    switch (problem) {
        case Problem::InvalidUtf8: return "invalid-utf8";
        case Problem::BinaryFile: return "binary-file";
        case Problem::Truncated: return "truncated";
        case Problem::Malformed: return "malformed";
        case Problem::Unreadable: return "unreadable";
        case Problem::Empty: return "empty";
        case Problem::TooLarge: return "too-large";
    }
    return "unknown";
}

std::string Diagnostic::to_string() const {
    std::string text = file;
    if (line) {
        text += ':' + std::to_string(*line);
    }
    if (record) {
        text += " (" + *record + ')';
    }
    text += ": ";
    text += message;
    return text;
}

}  // namespace qaindex
