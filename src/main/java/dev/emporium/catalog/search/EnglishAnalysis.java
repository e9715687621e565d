package dev.emporium.catalog.search;

import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurationContext;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurer;

/**
 * The product index's analyzer, close to PostgreSQL's {@code english} configuration that the database's search uses:
 * the same stop words (resource search/english-stop.txt) and the same Snowball English stemmer, so that a word
 * finds the same products whichever answers. The tokenizers differ at the edges (hyphens, e-mail addresses).
 */
public class EnglishAnalysis implements LuceneAnalysisConfigurer {

    static final String NAME = "english";

    @Override
    public void configure(LuceneAnalysisConfigurationContext context) {
        context.analyzer(NAME).custom()
                .tokenizer("standard")
                .tokenFilter("englishPossessive")
                .tokenFilter("lowercase")
                .tokenFilter("stop").param("words", "search/english-stop.txt").param("ignoreCase", "true")
                .tokenFilter("snowballPorter").param("language", "English");
    }
}
