// SPDX-License-Identifier: Apache-2.0
// The Lucene 8 BM25 baseline: indexes a JSON Lines corpus in memory and writes a TREC run.
//
//   java -cp CLASSES:LUCENE_JARS LuceneBm25Run --corpus corpus.jsonl --queries queries.tsv
//        [--limit 100] [--tag lucene-bm25] > run.txt
//
// Each record's "title", "question" and "replies"[].text (those present) are joined into one
// field, analysed by EnglishAnalyzer (its default stop words, possessives, Porter stemmer);
// BM25Similarity with its defaults (k1 1.2, b 0.75); each query of queries.tsv goes through
// the classic QueryParser on that field, default operator OR, with its syntax escaped (and the
// operator words AND, OR, NOT lower-cased) so that the text is read as plain words. Bad lines
// are reported on stderr and skipped; a query that cannot be parsed gets no lines.
// Compiled and run by bench/eval/run_eval.sh against Debian's liblucene8-java jars.

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;

public final class LuceneBm25Run {
    private static final String FIELD = "text";
    private static final Pattern OPERATOR_WORD = Pattern.compile("\\b(AND|OR|NOT)\\b");

    private LuceneBm25Run() {}

    public static void main(String[] args) throws IOException {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                usage("bad argument '" + args[i] + "'");
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        for (String name : options.keySet()) {
            if (!List.of("corpus", "queries", "limit", "tag").contains(name)) {
                usage("unknown option --" + name);
            }
        }
        if (!options.containsKey("corpus") || !options.containsKey("queries")) {
            usage("--corpus and --queries are required");
        }
        Path corpus = Path.of(options.get("corpus"));
        Path queries = Path.of(options.get("queries"));
        int limit = Integer.parseInt(options.getOrDefault("limit", "100"));
        String tag = options.getOrDefault("tag", "lucene-bm25");

        // Long pasted questions have hundreds of words; the default cap is 1,024 clauses.
        BooleanQuery.setMaxClauseCount(1 << 16);
        Analyzer analyzer = new EnglishAnalyzer();
        Directory directory = new ByteBuffersDirectory();
        int documents = index(corpus, analyzer, directory);
        try (DirectoryReader reader = DirectoryReader.open(directory);
             PrintWriter out = new PrintWriter(System.out, false, StandardCharsets.UTF_8)) {
            IndexSearcher searcher = new IndexSearcher(reader);
            searcher.setSimilarity(new BM25Similarity());
            QueryParser parser = new QueryParser(FIELD, analyzer);
            parser.setDefaultOperator(QueryParser.Operator.OR);
            int count = 0;
            int lineNumber = 0;
            for (String line : Files.readAllLines(queries, StandardCharsets.UTF_8)) {
                ++lineNumber;
                if (line.isBlank()) {
                    continue;
                }
                int tab = line.indexOf('\t');
                if (tab <= 0) {
                    System.err.printf("%s:%d: expected 'qid<TAB>text': skipped%n", queries, lineNumber);
                    continue;
                }
                String qid = line.substring(0, tab);
                String text = OPERATOR_WORD.matcher(line.substring(tab + 1))
                                  .replaceAll(m -> m.group(1).toLowerCase(Locale.ROOT));
                ++count;
                Query query;
                try {
                    query = parser.parse(QueryParser.escape(text));
                } catch (ParseException e) {
                    System.err.printf("query %s: %s: no results%n", qid, e.getMessage());
                    continue;
                }
                TopDocs top = searcher.search(query, limit);
                int rank = 0;
                for (ScoreDoc hit : top.scoreDocs) {
                    String id = searcher.doc(hit.doc).get("id");
                    out.printf(Locale.ROOT, "%s Q0 %s %d %.6f %s%n", qid, id, ++rank, hit.score, tag);
                }
            }
            System.err.printf("LuceneBm25Run: %d documents, %d queries%n", documents, count);
        }
    }

    private static void usage(String message) {
        System.err.println("LuceneBm25Run: " + message);
        System.err.println("usage: LuceneBm25Run --corpus corpus.jsonl --queries queries.tsv "
                           + "[--limit 100] [--tag lucene-bm25]");
        System.exit(2);
    }

    // Indexes every record with a string "id" and some text; returns how many.
    private static int index(Path corpus, Analyzer analyzer, Directory directory)
            throws IOException {
        IndexWriterConfig config = new IndexWriterConfig(analyzer);
        config.setSimilarity(new BM25Similarity());
        config.setRAMBufferSizeMB(256);
        int indexed = 0;
        try (IndexWriter writer = new IndexWriter(directory, config);
             BufferedReader in = Files.newBufferedReader(corpus, StandardCharsets.UTF_8)) {
            String line;
            int lineNumber = 0;
            while ((line = in.readLine()) != null) {
                ++lineNumber;
                if (line.isBlank()) {
                    continue;
                }
                Map<String, Object> record;
                try {
                    Object value = new Json(line).parseDocument();
                    if (!(value instanceof Map)) {
                        throw new IllegalArgumentException("not a JSON object");
                    }
                    @SuppressWarnings("unchecked")
                    Map<String, Object> map = (Map<String, Object>) value;
                    record = map;
                } catch (IllegalArgumentException e) {
                    System.err.printf("%s:%d: %s: skipped%n", corpus, lineNumber, e.getMessage());
                    continue;
                }
                if (!(record.get("id") instanceof String id)) {
                    System.err.printf("%s:%d: no string \"id\": skipped%n", corpus, lineNumber);
                    continue;
                }
                List<String> texts = new ArrayList<>();
                for (String name : List.of("title", "question")) {
                    if (record.get(name) instanceof String text) {
                        texts.add(text);
                    }
                }
                if (record.get("replies") instanceof List<?> replies) {
                    for (Object reply : replies) {
                        if (reply instanceof Map<?, ?> map && map.get("text") instanceof String text) {
                            texts.add(text);
                        }
                    }
                }
                Document document = new Document();
                document.add(new StoredField("id", id));
                document.add(new TextField(FIELD, String.join("\n", texts), Field.Store.NO));
                writer.addDocument(document);
                ++indexed;
            }
        }
        return indexed;
    }

    // Just enough JSON for a corpus line: objects, arrays, strings, numbers, true/false/null.
    private static final class Json {
        private final String s;
        private int at;

        Json(String s) {
            this.s = s;
        }

        Object parseDocument() {
            Object value = value();
            space();
            if (at != s.length()) {
                throw error("text after the value");
            }
            return value;
        }

        private IllegalArgumentException error(String what) {
            return new IllegalArgumentException("JSON: " + what + " at character " + (at + 1));
        }

        private void space() {
            while (at < s.length() && " \t\r\n".indexOf(s.charAt(at)) >= 0) {
                ++at;
            }
        }

        private Object value() {
            space();
            if (at >= s.length()) {
                throw error("unexpected end");
            }
            char c = s.charAt(at);
            switch (c) {
                case '{':
                    return object();
                case '[':
                    return array();
                case '"':
                    return string();
                default:
                    for (String word : List.of("true", "false", "null")) {
                        if (s.startsWith(word, at)) {
                            at += word.length();
                            return word.equals("null") ? null : Boolean.valueOf(word.equals("true"));
                        }
                    }
                    int start = at;
                    while (at < s.length() && "+-0123456789.eE".indexOf(s.charAt(at)) >= 0) {
                        ++at;
                    }
                    if (start == at) {
                        throw error("unexpected '" + c + "'");
                    }
                    try {
                        return Double.valueOf(s.substring(start, at));
                    } catch (NumberFormatException e) {
                        throw error("bad number");
                    }
            }
        }

        private Map<String, Object> object() {
            Map<String, Object> map = new LinkedHashMap<>();
            ++at;
            space();
            if (at < s.length() && s.charAt(at) == '}') {
                ++at;
                return map;
            }
            while (true) {
                space();
                if (at >= s.length() || s.charAt(at) != '"') {
                    throw error("expected a key");
                }
                String key = string();
                space();
                expect(':');
                map.put(key, value());
                space();
                if (at < s.length() && s.charAt(at) == ',') {
                    ++at;
                    continue;
                }
                expect('}');
                return map;
            }
        }

        private List<Object> array() {
            List<Object> list = new ArrayList<>();
            ++at;
            space();
            if (at < s.length() && s.charAt(at) == ']') {
                ++at;
                return list;
            }
            while (true) {
                list.add(value());
                space();
                if (at < s.length() && s.charAt(at) == ',') {
                    ++at;
                    continue;
                }
                expect(']');
                return list;
            }
        }

        private void expect(char c) {
            if (at >= s.length() || s.charAt(at) != c) {
                throw error("expected '" + c + "'");
            }
            ++at;
        }

        private String string() {
            StringBuilder out = new StringBuilder();
            ++at;
            while (true) {
                if (at >= s.length()) {
                    throw error("unterminated string");
                }
                char c = s.charAt(at++);
                if (c == '"') {
                    return out.toString();
                }
                if (c != '\\') {
                    out.append(c);
                    continue;
                }
                if (at >= s.length()) {
                    throw error("unterminated string");
                }
                char e = s.charAt(at++);
                switch (e) {
                    case '"', '\\', '/' -> out.append(e);
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case 't' -> out.append('\t');
                    case 'u' -> {
                        if (at + 4 > s.length()) {
                            throw error("bad \\u escape");
                        }
                        try {
                            out.append((char) Integer.parseInt(s.substring(at, at + 4), 16));
                        } catch (NumberFormatException x) {
                            throw error("bad \\u escape");
                        }
                        at += 4;
                    }
                    default -> throw error("bad escape '\\" + e + "'");
                }
            }
        }
    }
}
