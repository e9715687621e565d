package dev.emporium.catalog.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.SortedNumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedNumericSortField;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Resuming a ranked query after a hit, on an index in memory: walking pages by the last hit's score and id gives the
 * same hits in the same order as collecting every page from the top, with many hits of equal score.
 */
class RankedAfterTest {

    private static final String[] WORDS = {"walnut", "oak", "lamp", "desk", "shelf", "chair"};
    private static final Sort RELEVANCE = new Sort(SortField.FIELD_SCORE,
            new SortedNumericSortField("id", SortField.Type.LONG, true));

    private Directory directory;
    private DirectoryReader reader;
    private IndexSearcher searcher;

    @BeforeEach
    void index() throws IOException {
        directory = new ByteBuffersDirectory();
        Random random = new Random(16);
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(new StandardAnalyzer()))) {
            for (int i = 0; i < 1_000; i++) {
                // A quarter of the documents are alike (equal scores); the rest vary in words and length.
                String name = i % 4 == 0 ? "walnut lamp" : words(random, 1 + random.nextInt(4));
                String description = i % 4 == 0 ? "a lamp" : words(random, random.nextInt(12));
                long id = random.nextLong();
                Document document = new Document();
                document.add(new TextField("name", name, Field.Store.NO));
                document.add(new TextField("description", description, Field.Store.NO));
                document.add(new LongPoint("id", id));
                document.add(new SortedNumericDocValuesField("id", id));
                document.add(new StoredField("id", id));
                writer.addDocument(document);
                if (i % 300 == 299) {
                    writer.commit(); // several segments
                }
            }
        }
        reader = DirectoryReader.open(directory);
        searcher = new IndexSearcher(reader);
    }

    @AfterEach
    void close() throws IOException {
        reader.close();
        directory.close();
    }

    @Test
    void walkingAfterEachPagesLastHitGivesEveryPageFromTheTop() throws IOException {
        for (String search : List.of("walnut", "walnut lamp", "lamp | desk", "walnut -oak")) {
            Query text = parse(search);
            int matches = searcher.count(text);
            assertTrue(matches > 100, search + " matches " + matches);

            List<Long> fromTheTop = ids(searcher.search(new RankedAfter(text, Float.POSITIVE_INFINITY, new MatchNoDocsQuery()),
                    matches, RELEVANCE, true));
            List<Long> walked = new ArrayList<>();
            float lastScore = Float.POSITIVE_INFINITY;
            Long lastId = null;
            while (true) {
                Query page = lastId == null ? new RankedAfter(text, lastScore, new MatchNoDocsQuery())
                        : new RankedAfter(text, lastScore, idBefore(lastId));
                TopFieldDocs hits = searcher.search(page, 25, RELEVANCE, true);
                if (hits.scoreDocs.length == 0) {
                    break;
                }
                walked.addAll(ids(hits));
                ScoreDoc last = hits.scoreDocs[hits.scoreDocs.length - 1];
                lastScore = last.score;
                lastId = id(last);
            }
            assertEquals(matches, fromTheTop.size(), search);
            assertEquals(fromTheTop, walked, search);
            assertEquals(matches, new HashSet<>(walked).size(), search + ": no hit twice");
        }
    }

    @Test
    void theWrapperScoresAsTheQueryItWraps() throws IOException {
        Query text = parse("walnut lamp");
        TopFieldDocs plain = searcher.search(text, 50, RELEVANCE, true);
        TopFieldDocs wrapped = searcher.search(new RankedAfter(text, Float.POSITIVE_INFINITY, new MatchNoDocsQuery()), 50,
                RELEVANCE, true);
        assertEquals(ids(plain), ids(wrapped));
        for (int i = 0; i < plain.scoreDocs.length; i++) {
            assertEquals(plain.scoreDocs[i].score, wrapped.scoreDocs[i].score, 0f);
        }
    }

    private static Query parse(String search) {
        Map<String, Float> weights = new LinkedHashMap<>();
        weights.put("name", 2.5f);
        weights.put("description", 1f);
        SimpleQueryParser parser = new SimpleQueryParser(new StandardAnalyzer(), weights);
        parser.setDefaultOperator(BooleanClause.Occur.MUST);
        return parser.parse(search);
    }

    /** Ids below this one (the order is descending), as ProductIndex asks with the id's two halves. */
    private static Query idBefore(long id) {
        return new BooleanQuery.Builder()
                .add(LongPoint.newRangeQuery("id", Long.MIN_VALUE, id - 1), BooleanClause.Occur.FILTER)
                .build();
    }

    private List<Long> ids(TopFieldDocs hits) throws IOException {
        List<Long> ids = new ArrayList<>();
        for (ScoreDoc hit : hits.scoreDocs) {
            ids.add(id(hit));
        }
        return ids;
    }

    private long id(ScoreDoc hit) throws IOException {
        return searcher.storedFields().document(hit.doc).getField("id").numericValue().longValue();
    }

    private static String words(Random random, int count) {
        StringBuilder words = new StringBuilder();
        for (int i = 0; i < count; i++) {
            words.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
        }
        return words.toString().strip();
    }
}
