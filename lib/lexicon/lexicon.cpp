// SPDX-License-Identifier: Apache-2.0
// Lexicon: loading data/lexicon/*.tsv, lookups, specialty names and mention finding.
#include "qaindex/lexicon.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <fstream>
#include <iterator>
#include <sstream>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "lexicon/compiled_lexicon.hpp"
#include "lexicon/lexicon_file.hpp"
#include "lexicon/negation.hpp"
#include "lexicon/phrase_matcher.hpp"
#include "qaindex/errors.hpp"

namespace qaindex {
namespace {

using detail::ConceptRef;
using detail::split_list;
using detail::throw_input_error;
using detail::TsvRow;

constexpr std::array<std::string_view, 8> symptom_columns = {
    "id", "name", "parent", "specialties", "clinical", "lay", "misspellings", "chinese"};
constexpr std::array<std::string_view, 6> condition_columns = {"id",       "name", "specialties",
                                                               "clinical", "lay",  "chinese"};
constexpr std::array<std::string_view, 3> specialty_columns = {"name", "aliases", "chinese"};
constexpr std::array<std::string_view, 2> synonym_columns = {"clinical", "lay"};

/// The four files, in this order.
constexpr std::array<std::string_view, 4> file_names = {"symptoms.tsv", "conditions.tsv",
                                                        "specialties.tsv", "synonyms.tsv"};

struct SourceFile {
    std::string display;  // for error messages: a path, or "data/lexicon/x.tsv (built in)"
    std::string_view bytes;
};

// Words that name the organisational unit rather than the specialty: "Dept. of Neurology",
// "Neurology Clinic", 神经科门诊 ("clinic").
bool is_department_word(std::string_view term) {
    static const std::unordered_set<std::string_view> words = {
        "dept",   "depts",   "department", "departments", "division", "divisions",
        "clinic", "clinics", "service",    "services",    "section",  "unit",
        "centre", "center",  "门诊",       "科室",        "部门"};
    return words.contains(term);
}

// The lookup key of a phrase: its matching units (stems, Han characters) without stop words,
// so that "Twitching Eyelid", "twitching eyelids" and "twitching of the eyelid" agree.
std::string phrase_key(const std::vector<Token>& tokens, bool drop_department_words) {
    std::string key;
    for (const Token& token : tokens) {
        if (token.kind == TokenKind::Compound || token.stopword ||
            (drop_department_words && is_department_word(token.term))) {
            continue;
        }
        detail::for_each_unit(token, [&](std::string_view unit) {
            if (!key.empty()) {
                key += '\x1f';
            }
            key += unit;
        });
    }
    return key;
}

// Unstemmed content words joined by spaces: the form of the index's synonym table.
std::string analysed_phrase(const std::vector<Token>& tokens) {
    std::string out;
    for (const Token& token : tokens) {
        if (token.kind == TokenKind::Compound || token.stopword) {
            continue;
        }
        if (!out.empty()) {
            out += ' ';
        }
        out += token.term;
    }
    return out;
}

// Lexicon lookups may run on any thread; ICU objects may not be shared, so each thread that
// asks gets its own Analyzer.
Analyzer& thread_analyzer() {
    thread_local Analyzer analyzer;
    return analyzer;
}

std::string fingerprint_of(const std::array<SourceFile, 4>& files) {
    std::uint64_t hash = 0xcbf29ce484222325ULL;  // FNV-1a, 64 bits
    const auto mix = [&hash](std::string_view bytes) {
        for (const char c : bytes) {
            hash ^= static_cast<unsigned char>(c);
            hash *= 0x100000001b3ULL;
        }
    };
    for (std::size_t i = 0; i < files.size(); ++i) {
        mix(file_names[i]);
        mix(std::string_view("\0", 1));
        mix(files[i].bytes);
        mix(std::string_view("\0", 1));
    }
    return fmt::format("{:016x}", hash);
}

}  // namespace

namespace {

// Everything a Lexicon holds; Lexicon::Impl is this, the builder fills it.
struct LexiconData {
    std::vector<Symptom> symptoms;
    std::vector<Condition> conditions;
    std::vector<Specialty> specialties;
    std::vector<SynonymGroup> synonym_groups;
    std::vector<std::vector<std::string>> analysed_groups;
    std::string fingerprint;

    std::unordered_map<std::string, std::size_t> symptom_by_id;
    std::unordered_map<std::string, std::size_t> condition_by_id;
    std::unordered_map<std::string, std::size_t> symptom_by_key;
    std::unordered_map<std::string, std::size_t> condition_by_key;
    std::unordered_map<std::string, std::size_t> specialty_by_key;
    std::unordered_map<std::string, std::size_t> specialty_by_name;  // exact canonical names
    detail::PhraseMatcher matcher;
};

class Builder {
  public:
    explicit Builder(const std::array<SourceFile, 4>& files) : files_(files) {}

    void build(LexiconData& data) {
        impl_ = &data;
        read_specialties();
        read_symptoms();
        read_conditions();
        read_synonyms();
        add_misspellings();
        impl_->fingerprint = fingerprint_of(files_);
    }

  private:
    std::vector<Token> analyze(std::string_view phrase) { return analyzer_.analyze(phrase); }

    void read_specialties() {
        const SourceFile& file = files_[2];
        for (const TsvRow& row : detail::read_tsv(file.display, file.bytes, specialty_columns)) {
            Specialty specialty{.name = row.cells[0],
                                .aliases = split_list(row.cells[1]),
                                .chinese = split_list(row.cells[2])};
            if (specialty.name.empty()) {
                throw_input_error(file.display, row.line, "empty specialty name");
            }
            const std::size_t index = impl_->specialties.size();
            if (!impl_->specialty_by_name.try_emplace(specialty.name, index).second) {
                throw_input_error(file.display, row.line,
                                  fmt::format("duplicate specialty \"{}\"", specialty.name));
            }
            std::vector<std::string_view> forms = {specialty.name};
            forms.insert(forms.end(), specialty.aliases.begin(), specialty.aliases.end());
            forms.insert(forms.end(), specialty.chinese.begin(), specialty.chinese.end());
            for (std::string_view form : forms) {
                const std::string key = phrase_key(analyze(form), true);
                if (key.empty()) {
                    throw_input_error(
                        file.display, row.line,
                        fmt::format("\"{}\" has no words that name a specialty", form));
                }
                const auto [it, added] = impl_->specialty_by_key.try_emplace(key, index);
                if (!added && it->second != index) {
                    throw_input_error(file.display, row.line,
                                      fmt::format("\"{}\" also names {}", form,
                                                  impl_->specialties[it->second].name));
                }
            }
            impl_->specialties.push_back(std::move(specialty));
        }
    }

    std::vector<std::string> specialties_of(const SourceFile& file, const TsvRow& row,
                                            const std::string& cell) {
        std::vector<std::string> names;
        for (const std::string& item : split_list(cell)) {
            const auto found = impl_->specialty_by_key.find(phrase_key(analyze(item), true));
            if (found == impl_->specialty_by_key.end()) {
                throw_input_error(
                    file.display, row.line,
                    fmt::format("unknown specialty \"{}\" (not in {})", item, files_[2].display));
            }
            names.push_back(impl_->specialties[found->second].name);
        }
        return names;
    }

    void add_forms(const SourceFile& file, const TsvRow& row, ConceptRef ref,
                   const std::vector<std::string_view>& forms,
                   std::unordered_map<std::string, std::size_t>& by_key) {
        for (std::string_view form : forms) {
            const std::vector<Token> tokens = analyze(form);
            for (const Token& token : tokens) {
                correct_terms_.insert(token.term);
            }
            if (!impl_->matcher.add(tokens, ref)) {
                throw_input_error(file.display, row.line,
                                  fmt::format("\"{}\" has nothing but stop words", form));
            }
            by_key.try_emplace(phrase_key(tokens, false), ref.index);
        }
    }

    void read_symptoms() {
        const SourceFile& file = files_[0];
        const std::vector<TsvRow> rows =
            detail::read_tsv(file.display, file.bytes, symptom_columns);
        for (const TsvRow& row : rows) {
            const auto& c = row.cells;
            Symptom symptom{.id = c[0],
                            .name = c[1],
                            .parent = c[2].empty() ? std::nullopt : std::optional(c[2]),
                            .specialties = specialties_of(file, row, c[3]),
                            .clinical = split_list(c[4]),
                            .lay = split_list(c[5]),
                            .misspellings = split_list(c[6]),
                            .chinese = split_list(c[7])};
            check_id_and_name(file, row, symptom.id, symptom.name);
            const auto index = static_cast<std::uint32_t>(impl_->symptoms.size());
            if (!impl_->symptom_by_id.try_emplace(symptom.id, index).second) {
                throw_input_error(file.display, row.line,
                                  fmt::format("duplicate symptom id \"{}\"", symptom.id));
            }
            std::vector<std::string_view> forms = {symptom.name};
            for (const auto* list : {&symptom.clinical, &symptom.lay, &symptom.chinese}) {
                forms.insert(forms.end(), list->begin(), list->end());
            }
            add_forms(file, row, {ConceptKind::Symptom, index}, forms, impl_->symptom_by_key);
            for (const std::string& misspelling : symptom.misspellings) {
                misspellings_.push_back({row.line, {ConceptKind::Symptom, index}, misspelling});
            }
            impl_->synonym_groups.push_back(
                group_of(symptom.name, symptom.clinical,
                         {&symptom.lay, &symptom.misspellings, &symptom.chinese}));
            impl_->symptoms.push_back(std::move(symptom));
        }
        // Parents may come later in the file, so they are checked once all rows are in.
        for (std::size_t i = 0; i < rows.size(); ++i) {
            const Symptom& symptom = impl_->symptoms[i];
            std::optional<std::string> parent = symptom.parent;
            for (std::size_t depth = 0; parent; ++depth) {
                const auto found = impl_->symptom_by_id.find(*parent);
                if (found == impl_->symptom_by_id.end()) {
                    throw_input_error(file.display, rows[i].line,
                                      fmt::format("unknown parent symptom \"{}\"", *parent));
                }
                if (found->second == i || depth > rows.size()) {
                    throw_input_error(file.display, rows[i].line,
                                      fmt::format("\"{}\" is its own ancestor", symptom.id));
                }
                parent = impl_->symptoms[found->second].parent;
            }
        }
    }

    void read_conditions() {
        const SourceFile& file = files_[1];
        for (const TsvRow& row : detail::read_tsv(file.display, file.bytes, condition_columns)) {
            const auto& c = row.cells;
            Condition condition{.id = c[0],
                                .name = c[1],
                                .specialties = specialties_of(file, row, c[2]),
                                .clinical = split_list(c[3]),
                                .lay = split_list(c[4]),
                                .chinese = split_list(c[5])};
            check_id_and_name(file, row, condition.id, condition.name);
            const auto index = static_cast<std::uint32_t>(impl_->conditions.size());
            if (!impl_->condition_by_id.try_emplace(condition.id, index).second) {
                throw_input_error(file.display, row.line,
                                  fmt::format("duplicate condition id \"{}\"", condition.id));
            }
            std::vector<std::string_view> forms = {condition.name};
            for (const auto* list : {&condition.clinical, &condition.lay, &condition.chinese}) {
                forms.insert(forms.end(), list->begin(), list->end());
            }
            add_forms(file, row, {ConceptKind::Condition, index}, forms, impl_->condition_by_key);
            impl_->synonym_groups.push_back(
                group_of(condition.name, condition.clinical, {&condition.lay, &condition.chinese}));
            impl_->conditions.push_back(std::move(condition));
        }
    }

    void read_synonyms() {
        const SourceFile& file = files_[3];
        std::vector<SynonymGroup> groups;
        for (const TsvRow& row : detail::read_tsv(file.display, file.bytes, synonym_columns)) {
            SynonymGroup group{.clinical = split_list(row.cells[0]),
                               .lay = split_list(row.cells[1])};
            if (group.clinical.empty() && group.lay.empty()) {
                throw_input_error(file.display, row.line, "empty synonym group");
            }
            for (const auto* list : {&group.clinical, &group.lay}) {
                for (const std::string& phrase : *list) {
                    for (const Token& token : analyze(phrase)) {
                        correct_terms_.insert(token.term);
                    }
                }
            }
            groups.push_back(std::move(group));
        }
        // synonyms.tsv first, then the symptoms' and conditions' groups.
        groups.insert(groups.end(), std::make_move_iterator(impl_->synonym_groups.begin()),
                      std::make_move_iterator(impl_->synonym_groups.end()));
        impl_->synonym_groups = std::move(groups);
        for (const SynonymGroup& group : impl_->synonym_groups) {
            std::vector<std::string> phrases;
            for (const auto* list : {&group.clinical, &group.lay}) {
                for (const std::string& phrase : *list) {
                    std::string analysed = analysed_phrase(analyze(phrase));
                    if (!analysed.empty() &&
                        std::find(phrases.begin(), phrases.end(), analysed) == phrases.end()) {
                        phrases.push_back(std::move(analysed));
                    }
                }
            }
            if (phrases.size() >= 2) {
                impl_->analysed_groups.push_back(std::move(phrases));
            }
        }
    }

    // Misspellings match by their exact misspelt words, once every correctly spelled word is
    // known: the stemmer would fold "weekness" into "week", and "weeks" is no weakness.
    void add_misspellings() {
        const SourceFile& file = files_[0];
        for (const Misspelling& misspelling : misspellings_) {
            const std::vector<Token> tokens = analyze(misspelling.form);
            for (const Token& token : tokens) {
                if (token.kind == TokenKind::Word && !token.stopword &&
                    !correct_terms_.contains(token.term)) {
                    impl_->matcher.add_exact_term(token.term);
                }
            }
            if (!impl_->matcher.add(tokens, misspelling.ref)) {
                throw_input_error(file.display, misspelling.line,
                                  fmt::format("\"{}\" has nothing but stop words", misspelling.form));
            }
        }
    }

    static void check_id_and_name(const SourceFile& file, const TsvRow& row, const std::string& id,
                                  const std::string& name) {
        if (id.empty()) {
            throw_input_error(file.display, row.line, "empty id");
        }
        if (id.find(' ') != std::string::npos) {
            throw_input_error(file.display, row.line,
                              fmt::format("id \"{}\" contains a space", id));
        }
        if (name.empty()) {
            throw_input_error(file.display, row.line, "empty name");
        }
    }

    // Chinese forms go with the lay ones: the files do not say which register they are.
    static SynonymGroup group_of(const std::string& name, const std::vector<std::string>& clinical,
                                 std::initializer_list<const std::vector<std::string>*> lay) {
        SynonymGroup group;
        group.clinical.push_back(name);
        group.clinical.insert(group.clinical.end(), clinical.begin(), clinical.end());
        for (const auto* list : lay) {
            group.lay.insert(group.lay.end(), list->begin(), list->end());
        }
        return group;
    }

    struct Misspelling {
        std::size_t line = 0;
        ConceptRef ref;
        std::string form;
    };

    const std::array<SourceFile, 4>& files_;
    LexiconData* impl_ = nullptr;
    Analyzer analyzer_;
    std::unordered_set<std::string> correct_terms_;  // every word of a correctly spelled form
    std::vector<Misspelling> misspellings_;
};

std::string read_whole_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        throw InputError(fmt::format("{}: cannot open lexicon file", path.string()));
    }
    std::ostringstream bytes;
    bytes << in.rdbuf();
    if (in.bad()) {
        throw InputError(fmt::format("{}: cannot read lexicon file", path.string()));
    }
    return std::move(bytes).str();
}

}  // namespace

struct Lexicon::Impl : LexiconData {};

Lexicon::Lexicon(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Lexicon::~Lexicon() = default;
Lexicon::Lexicon(Lexicon&&) noexcept = default;
Lexicon& Lexicon::operator=(Lexicon&&) noexcept = default;

const Lexicon& Lexicon::builtin() {
    // Never destroyed: it lives as long as the process, and tearing down its maps at exit
    // took as long as loading it.
    static const Lexicon* const lexicon = [] {
        const std::string_view compiled = detail::compiled_lexicon();
        if (compiled.empty()) {
            throw Error("the built-in lexicon was not compiled into this program");
        }
        detail::BinaryReader in(compiled);
        return new Lexicon(detail::LexiconAccess::read(in));
    }();
    return *lexicon;
}

Lexicon Lexicon::load(const std::filesystem::path& dir) {
    std::array<std::string, 4> contents;
    std::array<SourceFile, 4> files;
    for (std::size_t i = 0; i < file_names.size(); ++i) {
        const std::filesystem::path path = dir / file_names[i];
        contents[i] = read_whole_file(path);
        files[i] = {path.string(), contents[i]};
    }
    auto impl = std::make_unique<Impl>();
    Builder(files).build(*impl);
    return Lexicon(std::move(impl));
}

const std::vector<Symptom>& Lexicon::symptoms() const {
    return impl_->symptoms;
}
const std::vector<Condition>& Lexicon::conditions() const {
    return impl_->conditions;
}
const std::vector<Specialty>& Lexicon::specialties() const {
    return impl_->specialties;
}
const std::vector<SynonymGroup>& Lexicon::synonym_groups() const {
    return impl_->synonym_groups;
}

const Symptom* Lexicon::find_symptom(std::string_view id_or_name) const {
    if (const auto found = impl_->symptom_by_id.find(std::string(id_or_name));
        found != impl_->symptom_by_id.end()) {
        return &impl_->symptoms[found->second];
    }
    const std::string key = phrase_key(thread_analyzer().analyze(id_or_name), false);
    const auto found = impl_->symptom_by_key.find(key);
    return found == impl_->symptom_by_key.end() ? nullptr : &impl_->symptoms[found->second];
}

const Condition* Lexicon::find_condition(std::string_view id_or_name) const {
    if (const auto found = impl_->condition_by_id.find(std::string(id_or_name));
        found != impl_->condition_by_id.end()) {
        return &impl_->conditions[found->second];
    }
    const std::string key = phrase_key(thread_analyzer().analyze(id_or_name), false);
    const auto found = impl_->condition_by_key.find(key);
    return found == impl_->condition_by_key.end() ? nullptr : &impl_->conditions[found->second];
}

std::vector<std::string> Lexicon::symptom_ancestors(std::string_view id) const {
    std::vector<std::string> ancestors;
    const Symptom* symptom = find_symptom(id);
    // Loading rejected cycles, so this ends.
    while (symptom != nullptr && symptom->parent) {
        ancestors.push_back(*symptom->parent);
        symptom = &impl_->symptoms[impl_->symptom_by_id.at(*symptom->parent)];
    }
    return ancestors;
}

std::optional<std::string> Lexicon::canonical_specialty(std::string_view text) const {
    if (const auto found = impl_->specialty_by_name.find(std::string(text));
        found != impl_->specialty_by_name.end()) {
        return impl_->specialties[found->second].name;
    }
    const std::string key = phrase_key(thread_analyzer().analyze(text), true);
    if (key.empty()) {
        return std::nullopt;
    }
    const auto found = impl_->specialty_by_key.find(key);
    if (found == impl_->specialty_by_key.end()) {
        return std::nullopt;
    }
    return impl_->specialties[found->second].name;
}

std::vector<Mention> Lexicon::find_mentions(const std::vector<Token>& tokens) const {
    const std::vector<detail::PhraseMatch> matches = impl_->matcher.find(tokens);
    std::vector<detail::TokenSpan> spans;
    spans.reserve(matches.size());
    for (const detail::PhraseMatch& match : matches) {
        spans.push_back({match.first, match.last});
    }
    const std::vector<bool> negated = detail::negated_spans(tokens, spans);
    const std::vector<bool> hypothetical = detail::hypothetical_spans(tokens, spans);
    std::vector<Mention> mentions;
    for (std::size_t i = 0; i < matches.size(); ++i) {
        for (const ConceptRef& ref : matches[i].concepts) {
            mentions.push_back({.kind = ref.kind,
                                .id = ref.kind == ConceptKind::Symptom
                                          ? impl_->symptoms[ref.index].id
                                          : impl_->conditions[ref.index].id,
                                .first_token = matches[i].first,
                                .last_token = matches[i].last,
                                .begin = tokens[matches[i].first].begin,
                                .end = tokens[matches[i].last].end,
                                .negated = negated[i],
                                .hypothetical = hypothetical[i]});
        }
    }
    return mentions;
}

std::vector<std::vector<std::string>> Lexicon::analysed_synonym_groups() const {
    return impl_->analysed_groups;
}

std::string Lexicon::fingerprint() const {
    return impl_->fingerprint;
}

namespace detail {
namespace {

// Maps are written sorted by key, so that the compiled form of a lexicon is always the same.
template <typename Map>
void write_map(BinaryWriter& out, const Map& map) {
    std::vector<std::pair<std::string, std::size_t>> sorted(map.begin(), map.end());
    std::sort(sorted.begin(), sorted.end());
    out.count(sorted.size());
    for (const auto& [key, index] : sorted) {
        out.str(key);
        out.u32(static_cast<std::uint32_t>(index));
    }
}

void read_map(BinaryReader& in, std::unordered_map<std::string, std::size_t>& map) {
    const std::size_t size = in.count();
    map.reserve(size);
    for (std::size_t i = 0; i < size; ++i) {
        std::string key = in.str();
        map.emplace(std::move(key), std::size_t{in.u32()});
    }
}

}  // namespace

void LexiconAccess::write(const Lexicon& lexicon, BinaryWriter& out) {
    const LexiconData& data = *lexicon.impl_;
    out.u32(kCompiledLexiconFormat);
    out.str(data.fingerprint);
    out.list(data.symptoms, [](BinaryWriter& w, const Symptom& symptom) {
        w.str(symptom.id);
        w.str(symptom.name);
        w.optional_str(symptom.parent);
        for (const auto* list : {&symptom.specialties, &symptom.clinical, &symptom.lay,
                                 &symptom.misspellings, &symptom.chinese}) {
            w.strings(*list);
        }
    });
    out.list(data.conditions, [](BinaryWriter& w, const Condition& condition) {
        w.str(condition.id);
        w.str(condition.name);
        for (const auto* list : {&condition.specialties, &condition.clinical, &condition.lay,
                                 &condition.chinese}) {
            w.strings(*list);
        }
    });
    out.list(data.specialties, [](BinaryWriter& w, const Specialty& specialty) {
        w.str(specialty.name);
        w.strings(specialty.aliases);
        w.strings(specialty.chinese);
    });
    out.list(data.synonym_groups, [](BinaryWriter& w, const SynonymGroup& group) {
        w.strings(group.clinical);
        w.strings(group.lay);
    });
    out.list(data.analysed_groups,
             [](BinaryWriter& w, const std::vector<std::string>& group) { w.strings(group); });
    // The by-key maps hold analysis results; the by-id and by-name maps are rebuilt.
    write_map(out, data.symptom_by_key);
    write_map(out, data.condition_by_key);
    write_map(out, data.specialty_by_key);
    data.matcher.write(out);
}

Lexicon LexiconAccess::read(BinaryReader& in) {
    if (in.u32() != kCompiledLexiconFormat) {
        throw Error("compiled lexicon: another format version than this library's");
    }
    auto impl = std::make_unique<Lexicon::Impl>();
    LexiconData& data = *impl;
    data.fingerprint = in.str();
    data.symptoms = in.list([](BinaryReader& r) {
        Symptom symptom;
        symptom.id = r.str();
        symptom.name = r.str();
        symptom.parent = r.optional_str();
        for (auto* list : {&symptom.specialties, &symptom.clinical, &symptom.lay,
                           &symptom.misspellings, &symptom.chinese}) {
            *list = r.strings();
        }
        return symptom;
    });
    data.conditions = in.list([](BinaryReader& r) {
        Condition condition;
        condition.id = r.str();
        condition.name = r.str();
        for (auto* list : {&condition.specialties, &condition.clinical, &condition.lay,
                           &condition.chinese}) {
            *list = r.strings();
        }
        return condition;
    });
    data.specialties = in.list([](BinaryReader& r) {
        Specialty specialty;
        specialty.name = r.str();
        specialty.aliases = r.strings();
        specialty.chinese = r.strings();
        return specialty;
    });
    data.synonym_groups = in.list([](BinaryReader& r) {
        SynonymGroup group;
        group.clinical = r.strings();
        group.lay = r.strings();
        return group;
    });
    data.analysed_groups = in.list([](BinaryReader& r) { return r.strings(); });
    read_map(in, data.symptom_by_key);
    read_map(in, data.condition_by_key);
    read_map(in, data.specialty_by_key);
    data.matcher = PhraseMatcher::read(in);
    for (std::size_t i = 0; i < data.symptoms.size(); ++i) {
        data.symptom_by_id.emplace(data.symptoms[i].id, i);
    }
    for (std::size_t i = 0; i < data.conditions.size(); ++i) {
        data.condition_by_id.emplace(data.conditions[i].id, i);
    }
    for (std::size_t i = 0; i < data.specialties.size(); ++i) {
        data.specialty_by_name.emplace(data.specialties[i].name, i);
    }
    return Lexicon(std::move(impl));
}

}  // namespace detail
}  // namespace qaindex
