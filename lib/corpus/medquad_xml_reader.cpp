// SPDX-License-Identifier: Apache-2.0
// MedQuAD XML documents: one entry per question-answer pair that has an answer.
//
// Three layouts occur (shared/data/medquad/PROVENANCE.md):
//   <Document source=.. url=..><Focus/><FocusAnnotations>..</FocusAnnotations>
//       <QAPairs><QAPair pid=..><Question qtype=..>..</Question><Answer>..</Answer>
//   <doc corpus="NINDS" url=..><doctitle-focus/><umls>..</umls><qaPairs><pair><question>..
//   <DiseaseFile source="CDC" url=..><Focus/><UMLS><CUI/>..</UMLS><QAPairs>..
// so element names are matched case-insensitively and UMLS data is looked for both under
// FocusAnnotations and directly under the root. Pairs are numbered by position, not pid:
// pids skip numbers (CDC 0000397 has pids 1, 2, 5, ...) and ids must be stable and dense.
#include "corpus/medquad_xml_reader.hpp"

#include <pugixml.hpp>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <initializer_list>

#include "corpus/text.hpp"
#include "corpus/utf8.hpp"
#include "qaindex/corpus.hpp"

namespace qaindex {
namespace detail {

std::string medquad_source_from_folder(std::string_view folder) {
    // "6_NINDS_QA": drop the leading sequence number and the trailing "_QA" / "_QA_XML".
    std::size_t digits = 0;
    while (digits < folder.size() && std::isdigit(static_cast<unsigned char>(folder[digits]))) {
        ++digits;
    }
    if (digits > 0 && digits < folder.size() && folder[digits] == '_') {
        folder.remove_prefix(digits + 1);
    }
    for (std::string_view suffix : {std::string_view("_QA_XML"), std::string_view("_QA")}) {
        if (folder.size() > suffix.size() && folder.ends_with(suffix)) {
            folder.remove_suffix(suffix.size());
            break;
        }
    }
    if (folder.empty() || folder == "." || folder == "..") {
        return "MedQuAD";
    }
    return std::string(folder);
}

}  // namespace detail

namespace {

using Names = std::initializer_list<std::string_view>;

bool is_named(const pugi::xml_node& node, Names names) {
    if (node.type() != pugi::node_element) {
        return false;
    }
    return std::any_of(names.begin(), names.end(), [&](std::string_view name) {
        return detail::equals_icase(node.name(), name);
    });
}

pugi::xml_node child_named(const pugi::xml_node& parent, Names names) {
    for (const pugi::xml_node& child : parent.children()) {
        if (is_named(child, names)) {
            return child;
        }
    }
    return {};
}

// The node after node in document order within root's subtree, not descending into node
// when skip_children; null past the subtree's end. Walks iterate with this instead of
// recursing: an answer nested 200,000 elements deep overflowed the stack.
pugi::xml_node next_in_subtree(pugi::xml_node node, const pugi::xml_node& root,
                               bool skip_children) {
    if (!skip_children && node.first_child()) {
        return node.first_child();
    }
    while (node != root) {
        if (const pugi::xml_node sibling = node.next_sibling()) {
            return sibling;
        }
        node = node.parent();
    }
    return {};
}

std::string text_of(const pugi::xml_node& node) {
    std::string text;
    for (pugi::xml_node child = node.first_child(); child;
         child = next_in_subtree(child, node, false)) {
        if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) {
            text += child.value();
        }
    }
    const std::string_view trimmed = detail::trim(text);
    if (trimmed.size() != text.size()) {
        text = std::string(trimmed);
    }
    return text;
}

// Non-empty texts of the elements named names under node, in document order; an element
// so named is not searched further.
void collect(const pugi::xml_node& node, Names names, std::vector<std::string>& out) {
    if (!node) {
        return;
    }
    for (pugi::xml_node child = node.first_child(); child;) {
        const bool named = is_named(child, names);
        if (named) {
            if (std::string text = text_of(child); !text.empty()) {
                out.push_back(std::move(text));
            }
        }
        child = next_in_subtree(child, node, named || child.type() != pugi::node_element);
    }
}

std::optional<Focus> read_focus(const pugi::xml_node& root) {
    Focus focus;
    focus.name = text_of(child_named(root, {"Focus", "doctitle-focus"}));
    const pugi::xml_node annotations = child_named(root, {"FocusAnnotations"});
    pugi::xml_node umls = child_named(annotations, {"UMLS"});
    if (!umls) {
        umls = child_named(root, {"UMLS"});
    }
    collect(umls, {"CUI"}, focus.umls_cuis);
    collect(umls, {"SemanticType"}, focus.semantic_types);
    std::vector<std::string> groups;
    collect(umls, {"SemanticGroup"}, groups);
    if (!groups.empty()) {
        focus.semantic_group = std::move(groups.front());
    }
    collect(child_named(annotations, {"Synonyms"}), {"Synonym"}, focus.synonyms);
    for (const pugi::xml_node& child : annotations.children()) {
        if (is_named(child, {"Category"})) {
            if (std::string text = text_of(child); !text.empty()) {
                focus.categories.push_back(std::move(text));
            }
        }
    }
    if (focus == Focus{}) {
        return std::nullopt;
    }
    return focus;
}

// Line numbers of nodes, counted incrementally: pairs come in document order.
class LineCounter {
  public:
    explicit LineCounter(std::string_view text) : text_(text) {}

    std::size_t line_of(const pugi::xml_node& node) {
        const std::ptrdiff_t offset = node.offset_debug();
        if (offset < 0) {
            return line_;
        }
        const auto target = std::min(static_cast<std::size_t>(offset), text_.size());
        if (target < offset_) {
            offset_ = 0;
            line_ = 1;
        }
        line_ += static_cast<std::size_t>(
            std::count(text_.begin() + static_cast<std::ptrdiff_t>(offset_),
                       text_.begin() + static_cast<std::ptrdiff_t>(target), '\n'));
        offset_ = target;
        return line_;
    }

  private:
    std::string_view text_;
    std::size_t offset_ = 0;
    std::size_t line_ = 1;
};

void report_pair(const DiagnosticSink& diagnose, std::string_view source, std::size_t line,
                 std::size_t position, Problem problem, std::string message) {
    if (diagnose) {
        diagnose(Diagnostic{.file = std::string(source),
                            .line = line,
                            .record = "QAPair " + std::to_string(position),
                            .problem = problem,
                            .message = std::move(message)});
    }
}

}  // namespace

std::size_t parse_medquad_xml(std::string_view text, std::string_view source,
                              std::string_view file_stem, const EntrySink& emit,
                              const DiagnosticSink& diagnose) {
    text = detail::strip_bom(text);
    if (const std::size_t bad = detail::find_invalid_utf8(text); bad != std::string_view::npos) {
        detail::report(diagnose, source, detail::line_at(text, bad), Problem::InvalidUtf8,
                       detail::invalid_utf8_message(text, bad));
        return 0;
    }
    pugi::xml_document document;
    const pugi::xml_parse_result parsed =
        document.load_buffer(text.data(), text.size(), pugi::parse_default, pugi::encoding_utf8);
    if (!parsed) {
        // pugixml reports "unexpected end" at the very end; name the last line, not the
        // empty one after the final newline.
        auto offset = static_cast<std::size_t>(std::max<std::ptrdiff_t>(parsed.offset, 0));
        if (offset >= text.size() && text.ends_with('\n')) {
            offset = text.size() - 1;
        }
        detail::report(diagnose, source, detail::line_at(text, offset), Problem::Malformed,
                       std::string("broken XML: ") + parsed.description());
        return 0;
    }
    LineCounter lines(text);
    const pugi::xml_node root = document.document_element();
    if (!is_named(root, {"Document", "doc", "DiseaseFile"})) {
        detail::report(diagnose, source, lines.line_of(root), Problem::Malformed,
                       std::string("not a MedQuAD document: root element <") + root.name() + ">");
        return 0;
    }
    const pugi::xml_node pairs = child_named(root, {"QAPairs"});
    if (!pairs) {
        detail::report(diagnose, source, lines.line_of(root), Problem::Malformed,
                       "MedQuAD document without <QAPairs>");
        return 0;
    }

    std::string source_name = root.attribute("source").value();
    if (source_name.empty()) {
        source_name = root.attribute("corpus").value();
    }
    if (source_name.empty()) {
        source_name = detail::medquad_source_from_folder(
            std::filesystem::path(source).parent_path().filename().string());
    }
    const std::string id_prefix = source_name + '_' + std::string(file_stem) + "_Sec";
    const auto title = detail::non_empty(text_of(child_named(root, {"Focus", "doctitle-focus"})));
    const auto focus = read_focus(root);
    const auto url = detail::non_empty(root.attribute("url").value());

    std::size_t position = 0;
    std::size_t emitted = 0;
    for (const pugi::xml_node& pair : pairs.children()) {
        if (!is_named(pair, {"QAPair", "pair"})) {
            continue;
        }
        ++position;
        std::string answer = text_of(child_named(pair, {"Answer"}));
        if (answer.empty()) {
            continue;  // the MedlinePlus subsets ship without answers: not entries, not errors
        }
        const std::size_t line = lines.line_of(pair);
        const pugi::xml_node question_node = child_named(pair, {"Question"});
        if (!question_node) {
            report_pair(diagnose, source, line, position, Problem::Malformed,
                        "answered pair without a <Question>");
            continue;
        }
        std::string question = text_of(question_node);
        if (question.empty()) {
            report_pair(diagnose, source, line, position, Problem::Empty,
                        "answered pair with an empty <Question>");
            continue;
        }
        Consultation entry;
        entry.id.value = id_prefix + std::to_string(position);
        entry.title = title;
        entry.question = std::move(question);
        entry.replies.emplace_back().text = std::move(answer);
        entry.question_type = detail::non_empty(question_node.attribute("qtype").value());
        entry.focus = focus;
        entry.source = std::string(source) + ':' + std::to_string(line);
        entry.url = url;
        entry.language = "en";
        ++emitted;
        if (emit) {
            emit(std::move(entry));
        }
    }
    return emitted;
}

}  // namespace qaindex
